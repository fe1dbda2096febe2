import { Alert, Anchor, Code, Loader, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useSetPasswordSignIn, useSignInMethods } from '../api/sign-in-methods.ts';
import { OidcConnectionForm } from './oidc-connection-form.tsx';
import { SamlConnectionForm } from './saml-connection-form.tsx';
import { ScimTokenPanel } from './scim-token-panel.tsx';

/**
 * /sign-in-methods (admins): connect the organisation's identity provider (OpenID Connect or SAML),
 * decide whether others may still use a password, and issue the SCIM provisioning token.
 */
export function SignInMethodsPage() {
  const methods = useSignInMethods();
  const setPasswordSignIn = useSetPasswordSignIn();
  if (methods.isPending) return <Loader role="status" aria-label="Loading sign-in methods" />;
  if (!methods.data)
    return <Alert color="red">{methods.error?.message ?? 'Could not load the sign-in methods.'}</Alert>;
  const { connections, serviceProvider } = methods.data;
  const connectionOf = (protocol: 'oidc' | 'saml') =>
    connections.find((connection) => connection.protocol === protocol);
  const addresses: [string, string][] = [
    ['OpenID Connect redirect URI', serviceProvider.oidcRedirectUri],
    ['OpenID Connect post-logout redirect URI', serviceProvider.oidcPostLogoutRedirectUri],
    ['SAML entity ID and metadata', serviceProvider.samlMetadataUrl],
    ['SAML assertion consumer service (HTTP-POST)', serviceProvider.samlAcsUrl],
    ['SAML single logout', serviceProvider.samlLogoutUrl],
  ];
  return (
    <Stack maw={820}>
      <Title order={1}>Sign-in methods</Title>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2}>Register Tend with your identity provider</Title>
          <Text size="sm">
            Give your provider these addresses. The <Anchor href="/api/docs">API documentation</Anchor> and
            the admin guide (docs/single-sign-on.md) say which fields Entra ID, Okta, Google and Shibboleth
            ask for.
          </Text>
          <Table>
            <Table.Tbody>
              {addresses.map(([label, address]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row">{label}</Table.Th>
                  <Table.Td>
                    <Code>{address}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <OidcConnectionForm
          key={connectionOf('oidc')?.updatedAt ?? 'new'}
          connection={connectionOf('oidc')}
        />
      </Paper>
      <Paper withBorder p="md">
        <SamlConnectionForm
          key={connectionOf('saml')?.updatedAt ?? 'new'}
          connection={connectionOf('saml')}
        />
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2}>Passwords</Title>
          {setPasswordSignIn.error ? (
            <Alert color="red" role="alert">
              {setPasswordSignIn.error.message}
            </Alert>
          ) : null}
          <Switch
            label="Only admins sign in with a password"
            description="Everyone else signs in through your identity provider. Admins keep their password as the way back in if the provider is down or misconfigured."
            checked={methods.data.isPasswordSignInAdminOnly}
            disabled={setPasswordSignIn.isPending || connections.length === 0}
            onChange={(event) => setPasswordSignIn.mutate(event.currentTarget.checked)}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <ScimTokenPanel methods={methods.data} />
      </Paper>
    </Stack>
  );
}
