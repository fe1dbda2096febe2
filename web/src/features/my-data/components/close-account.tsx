import { Alert, Button, Card, Checkbox, List, PasswordInput, Stack, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useAccountClosingStatement, useCloseAccount } from '../api/my-data.ts';

/** Closing one's account: what goes, what stays behind (anonymous), then a confirmation and the password. */
export function CloseAccount() {
  const statement = useAccountClosingStatement();
  const closeAccount = useCloseAccount();
  const [isUnderstood, setIsUnderstood] = useState(false);
  const [password, setPassword] = useState('');
  const errors = fieldErrors(closeAccount.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isUnderstood) closeAccount.mutate(password);
  }

  return (
    <Card withBorder>
      <form onSubmit={submit} aria-labelledby="close-account-heading" noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="close-account-heading">
            Close your account
          </Title>
          <List size="sm" spacing="xs">
            {statement.data?.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Checkbox
            label="I understand that closing my account deletes my data and cannot be undone"
            checked={isUnderstood}
            onChange={(event) => setIsUnderstood(event.currentTarget.checked)}
          />
          <PasswordInput
            label="Your password"
            autoComplete="current-password"
            value={password}
            error={errors.password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          {closeAccount.error && !errors.password ? (
            <Alert color="red" role="alert">
              {closeAccount.error.message}
            </Alert>
          ) : null}
          <Button
            type="submit"
            color="red.8"
            disabled={!isUnderstood || password.length === 0}
            loading={closeAccount.isPending}
          >
            Close my account
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
