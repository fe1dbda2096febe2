import { Alert, Button, Container, Loader, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../../lib/api.ts';
import { fieldErrors } from '../../../lib/api-client.ts';
import { usePageTitle } from '../../../lib/page-title.ts';

export function InvitationPage() {
  usePageTitle('Accept your invitation');
  // The token travels in the URL fragment so it never reaches a server log.
  const token = window.location.hash.slice(1);
  const [password, setPassword] = useState('');
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api('POST', '/api/invitations/lookup', { body: { token } }),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => api('POST', '/api/invitations/accept', { body: { token, password } }),
    // A fresh page load for the new session: the signed-out router and its queries are dropped
    // at once, instead of re-reading this page's (now used) link first.
    onSuccess: () => window.location.assign('/'),
  });
  const errors = fieldErrors(accept.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    accept.mutate();
  }

  return (
    <Container size={420} py="xl" component="main">
      <Title order={1} ta="center" mb="lg">
        Welcome to Tend
      </Title>
      <Paper withBorder p="lg">
        {invitation.isPending ? <Loader role="status" aria-label="Checking the invitation" /> : null}
        {invitation.error ? (
          <Alert color="red" role="alert">
            {invitation.error.message}
          </Alert>
        ) : null}
        {invitation.data ? (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text>
                {invitation.data.name}, choose a password for {invitation.data.email}.
              </Text>
              <PasswordInput
                label="New password"
                description="At least 8 characters; not a common password"
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={
                  errors.password ?? (accept.error && !errors.password ? accept.error.message : undefined)
                }
              />
              <Button type="submit" loading={accept.isPending}>
                Set password and sign in
              </Button>
            </Stack>
          </form>
        ) : null}
      </Paper>
    </Container>
  );
}
