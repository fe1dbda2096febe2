import { Alert, Button, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { describeDateTime } from '../../../lib/format.ts';
import { type SignInMethods, useIssueScimToken, useRevokeScimToken } from '../api/sign-in-methods.ts';

/** The SCIM client's token: shown once when issued; issuing again replaces it at once. */
export function ScimTokenPanel({ methods }: { methods: SignInMethods }) {
  const issue = useIssueScimToken();
  const revoke = useRevokeScimToken();
  const token = issue.data?.token;
  return (
    <Stack>
      <Title order={2}>Provisioning (SCIM 2.0)</Title>
      <Text size="sm">
        Your HR or student system adds, updates and deactivates people at{' '}
        <Code>{methods.serviceProvider.scimBaseUrl}</Code> with a bearer token. Deactivating someone there
        signs them out of Tend everywhere.
      </Text>
      {token ? (
        <Alert color="yellow" title="Copy this token now: Tend keeps only a fingerprint of it">
          <Group>
            <Code>{token}</Code>
            <CopyButton value={token}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy token'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      ) : null}
      <Text size="sm">
        {methods.scimToken
          ? `A token was issued ${describeDateTime(methods.scimToken.createdAt)}; ${
              methods.scimToken.lastUsedAt
                ? `last used ${describeDateTime(methods.scimToken.lastUsedAt)}`
                : 'not used yet'
            }.`
          : 'No token has been issued.'}
      </Text>
      <Group>
        <Button loading={issue.isPending} onClick={() => issue.mutate()}>
          {methods.scimToken ? 'Replace the token' : 'Issue a token'}
        </Button>
        {methods.scimToken ? (
          <Button variant="default" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            Revoke the token
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
