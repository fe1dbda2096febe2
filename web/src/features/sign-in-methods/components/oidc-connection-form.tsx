import { Alert, Button, Group, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { type SsoConnection, useDisconnect, useSaveOidcConnection } from '../api/sign-in-methods.ts';
import {
  type CommonDraft,
  ConnectionCommonFields,
  commonBodyOf,
  commonDraftOf,
} from './connection-common-fields.tsx';

/** OpenID Connect: Entra ID, Okta, Google Workspace and any provider with discovery at its issuer. */
export function OidcConnectionForm({ connection }: { connection: SsoConnection | undefined }) {
  const save = useSaveOidcConnection();
  const disconnect = useDisconnect();
  const [common, setCommon] = useState<CommonDraft>(() => commonDraftOf(connection));
  const [issuer, setIssuer] = useState(connection?.oidc?.issuer ?? '');
  const [clientId, setClientId] = useState(connection?.oidc?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const errors = fieldErrors(save.error);
  return (
    <Stack
      component="form"
      aria-labelledby="oidc-title"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { ...commonBodyOf(common), issuer, clientId, ...(clientSecret ? { clientSecret } : {}) },
          { onSuccess: () => setClientSecret('') },
        );
      }}
    >
      <Title order={2} id="oidc-title">
        OpenID Connect
      </Title>
      {save.error && Object.keys(errors).length === 0 ? (
        <Alert color="red" role="alert" title="Not saved">
          {save.error.message}
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert color="green">Saved. Tend reached the provider's discovery document.</Alert>
      ) : null}
      <TextInput
        label="Issuer URL"
        description="e.g. https://login.microsoftonline.com/<tenant>/v2.0, https://<org>.okta.com or https://accounts.google.com"
        required
        value={issuer}
        onChange={(event) => setIssuer(event.currentTarget.value)}
        error={errors.issuer}
      />
      <TextInput
        label="Client ID"
        required
        value={clientId}
        onChange={(event) => setClientId(event.currentTarget.value)}
        error={errors.clientId}
      />
      <PasswordInput
        label="Client secret"
        description={
          connection?.oidc?.hasClientSecret
            ? 'A secret is stored (sealed). Leave empty to keep it.'
            : 'Stored sealed; never shown again.'
        }
        autoComplete="off"
        value={clientSecret}
        onChange={(event) => setClientSecret(event.currentTarget.value)}
        error={errors.clientSecret}
      />
      <ConnectionCommonFields draft={common} onChange={setCommon} errors={errors} />
      <Group>
        <Button type="submit" loading={save.isPending}>
          Save OpenID Connect
        </Button>
        {connection ? (
          <Button
            variant="default"
            color="red"
            loading={disconnect.isPending}
            onClick={() => disconnect.mutate('oidc')}
          >
            Disconnect
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
