import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrors } from '../../../lib/api-client.ts';
import { usePageTitle } from '../../../lib/page-title.ts';
import { useCompletePasswordReset } from '../api/password-reset.ts';

export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  // The token travels in the URL fragment so it never reaches a server log.
  const token = window.location.hash.slice(1);
  const complete = useCompletePasswordReset();
  const [password, setPassword] = useState('');
  const errors = fieldErrors(complete.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    // A fresh page load for the new session, as after accepting an invitation.
    complete.mutate({ token, password }, { onSuccess: () => window.location.assign('/') });
  }

  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} ta="center" mb="lg">
        Choose a new password
      </Title>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>Choosing a new password signs you out on every other device.</Text>
            {complete.error && !errors.password ? (
              <Alert color="red" role="alert">
                {complete.error.message}{' '}
                <Anchor component={Link} to="/forgot-password">
                  Ask for a new link
                </Anchor>
              </Alert>
            ) : null}
            <PasswordInput
              label="New password"
              description="At least 8 characters; not a common password, your e-mail or your organisation’s name"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={errors.password}
            />
            <Button type="submit" loading={complete.isPending}>
              Set password and sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
