import {
  Alert,
  Anchor,
  Button,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fieldErrors } from '../../../lib/api-client.ts';
import { usePageTitle } from '../../../lib/page-title.ts';
import { useSignIn, useSignInOptions } from '../api/session.ts';

/**
 * Sign in with the organisation's identity provider, found from the address's domain (or from
 * `?organization=<address>`), or with a password. A provider's refusal comes back as `?ssoError=`.
 */
export function SignInPage() {
  usePageTitle('Sign in');
  const signIn = useSignIn();
  const [searchParams] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = fieldErrors(signIn.error);
  const organization = searchParams.get('organization') ?? undefined;
  const providers =
    useSignInOptions({ email, ...(organization ? { organization } : {}) }).data?.options ?? [];
  const ssoError = searchParams.get('ssoError');

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email, password });
  }

  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} ta="center">
        Tend
      </Title>
      <Text c="dimmed" ta="center" mb="lg">
        Resilience programs for health professionals and learners
      </Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2} size="h3">
              Sign in
            </Title>
            {ssoError ? (
              <Alert color="red" role="alert" title="Your organisation's sign-in did not let you in">
                {ssoError}
              </Alert>
            ) : null}
            {signIn.error && !errors.email && !errors.password ? (
              <Alert color="red" role="alert" title="Could not sign in">
                {signIn.error.message}
              </Alert>
            ) : null}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={errors.email}
            />
            {providers.map((provider) => (
              <Button key={provider.startPath} component="a" href={provider.startPath} variant="filled">
                Sign in with {provider.displayName}
              </Button>
            ))}
            {providers.length > 0 ? (
              <Text size="sm" c="dimmed" ta="center">
                or with a password
              </Text>
            ) : null}
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.password}
            />
            <Button
              type="submit"
              loading={signIn.isPending}
              variant={providers.length > 0 ? 'default' : 'filled'}
            >
              Sign in
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
              Forgot password?
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
