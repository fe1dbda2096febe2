import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Asks before a destructive or mass action, saying what will happen. The action's button names the
 * action again ("Disable Dana Lee"), the other button keeps things as they are; nothing happens
 * until the first is pressed.
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  isPending = false,
  error,
  onConfirm,
  onCancel,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  isPending?: boolean;
  error?: Error | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onCancel} title={title} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        <Text size="sm" component="div">
          {children}
        </Text>
        {error ? (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        ) : null}
        <Group>
          <Button color="red.8" loading={isPending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {cancelLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
