import { Alert, Anchor, Button, Container, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrors } from '../../../lib/api-client.ts';
import { usePageTitle } from '../../../lib/page-title.ts';
import { useRequestPasswordReset } from '../api/password-reset.ts';

export function ForgotPasswordPage() {
  usePageTitle('Forgot your password');
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const errors = fieldErrors(request.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate(email);
  }

  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} ta="center" mb="lg">
        Forgot your password?
      </Title>
      <Paper withBorder p="lg" radius="md">
        {request.data ? (
          <Stack>
            <Alert color="green" role="status">
              <Text fw={700}>Check your e-mail.</Text>
              {request.data.message}
            </Alert>
            <Anchor component={Link} to="/">
              Back to sign in
            </Anchor>
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text>We will e-mail you a link to choose a new password. It works once, for an hour.</Text>
              {request.error && !errors.email ? (
                <Alert color="red" role="alert">
                  {request.error.message}
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
              <Button type="submit" loading={request.isPending}>
                Send me a link
              </Button>
              <Anchor component={Link} to="/" size="sm">
                Back to sign in
              </Anchor>
            </Stack>
          </form>
        )}
      </Paper>
    </Container>
  );
}
