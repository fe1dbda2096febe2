import { SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { type SsoConnection, useSaveSamlConnection } from '../api/sign-in-methods.ts';
import {
  type CommonDraft,
  ConnectionActions,
  ConnectionCommonFields,
  commonBodyOf,
  commonDraftOf,
  SaveOutcome,
} from './connection-common-fields.tsx';

/** SAML 2.0: Shibboleth and InCommon members, ADFS, and any provider that publishes metadata. */
export function SamlConnectionForm({ connection }: { connection: SsoConnection | undefined }) {
  const save = useSaveSamlConnection();
  const [common, setCommon] = useState<CommonDraft>(() => commonDraftOf(connection));
  const [source, setSource] = useState<'url' | 'xml'>(
    connection?.saml?.metadataUrl || !connection ? 'url' : 'xml',
  );
  const [metadataUrl, setMetadataUrl] = useState(connection?.saml?.metadataUrl ?? '');
  const [metadataXml, setMetadataXml] = useState('');
  const errors = fieldErrors(save.error);
  return (
    <Stack
      component="form"
      aria-labelledby="saml-title"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ ...commonBodyOf(common), ...(source === 'url' ? { metadataUrl } : { metadataXml }) });
      }}
    >
      <Title order={2} id="saml-title">
        SAML 2.0
      </Title>
      <SaveOutcome
        error={save.error}
        isSaved={save.isSuccess}
        savedText="Saved. Tend read the provider's metadata."
      />
      {connection?.saml ? (
        <Text size="sm">
          Signs in at {connection.saml.entryPoint} as {connection.saml.idpEntityId};{' '}
          {connection.saml.certificates.length} signing certificate
          {connection.saml.certificates.length === 1 ? '' : 's'}.
        </Text>
      ) : null}
      <SegmentedControl
        aria-label="Where the provider's metadata comes from"
        value={source}
        onChange={(value) => setSource(value === 'xml' ? 'xml' : 'url')}
        data={[
          { value: 'url', label: 'Metadata URL' },
          { value: 'xml', label: 'Paste metadata XML' },
        ]}
      />
      {source === 'url' ? (
        <TextInput
          label="Identity provider metadata URL"
          required
          value={metadataUrl}
          onChange={(event) => setMetadataUrl(event.currentTarget.value)}
          error={errors.metadataUrl}
        />
      ) : (
        <Textarea
          label="Identity provider metadata XML"
          required
          autosize
          minRows={4}
          maxRows={12}
          value={metadataXml}
          onChange={(event) => setMetadataXml(event.currentTarget.value)}
          error={errors.metadataXml}
        />
      )}
      <ConnectionCommonFields draft={common} onChange={setCommon} errors={errors} />
      <ConnectionActions
        saveLabel="Save SAML"
        isSaving={save.isPending}
        protocol="saml"
        isConnected={connection !== undefined}
      />
    </Stack>
  );
}
