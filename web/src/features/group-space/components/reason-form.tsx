import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';

/** A one-line reason and a confirm button: for reporting a post and for hiding one. */
export function ReasonForm({
  label,
  submitLabel,
  isPending,
  error,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  isPending: boolean;
  error: string | undefined;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(reason);
      }}
    >
      <Group align="flex-end">
        <TextInput
          label={label}
          value={reason}
          maxLength={500}
          error={error}
          onChange={(event) => setReason(event.currentTarget.value)}
          style={{ flex: 1 }}
          data-autofocus
        />
        <Button type="submit" loading={isPending} disabled={reason.trim() === ''}>
          {submitLabel}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}
