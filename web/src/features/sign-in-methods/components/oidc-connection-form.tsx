import { PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { type SsoConnection, useSaveOidcConnection } from '../api/sign-in-methods.ts';
import {
  type CommonDraft,
  ConnectionActions,
  ConnectionCommonFields,
  commonBodyOf,
  commonDraftOf,
  SaveOutcome,
} from './connection-common-fields.tsx';

/** OpenID Connect: Entra ID, Okta, Google Workspace and any provider with discovery at its issuer. */
export function OidcConnectionForm({ connection }: { connection: SsoConnection | undefined }) {
  const save = useSaveOidcConnection();
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
      <SaveOutcome
        error={save.error}
        isSaved={save.isSuccess}
        savedText="Saved. Tend reached the provider's discovery document."
      />
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
      <ConnectionActions
        saveLabel="Save OpenID Connect"
        isSaving={save.isPending}
        protocol="oidc"
        isConnected={connection !== undefined}
      />
    </Stack>
  );
}
