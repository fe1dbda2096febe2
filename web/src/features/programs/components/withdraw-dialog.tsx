import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type OwnEnrollment, type SharedContentChoice, useWithdraw } from '../api/programs.ts';

const choiceLabels: Record<SharedContentChoice, string> = {
  keep: 'Keep my posts and shared reflections as they are',
  anonymise: 'Keep them, but without my name',
  remove: 'Remove them',
};

/**
 * Withdrawing in one step, with the one decision it needs: what becomes of what the person shared
 * with their group. Keeping is the default, so withdrawing never deletes anything by surprise.
 */
export function WithdrawDialog({
  programId,
  own,
  isOpen,
  onClose,
  onWithdrawn,
}: {
  programId: string;
  own: OwnEnrollment;
  isOpen: boolean;
  onClose: () => void;
  onWithdrawn: (said: { statement: string; sharedContent: string }) => void;
}) {
  const withdraw = useWithdraw(programId);
  const [choice, setChoice] = useState<SharedContentChoice>('keep');
  const chosen = own.sharedContentChoices.find((candidate) => candidate.value === choice);
  return (
    <Modal
      opened={isOpen}
      onClose={onClose}
      title="Withdraw from this program?"
      closeButtonProps={{ 'aria-label': 'Close without withdrawing' }}
    >
      <Stack>
        <Text size="sm">{own.withdrawalStatement}</Text>
        <Radio.Group
          label="Your posts and the reflections you shared with your group"
          description="Your questionnaire results and private reflections are not affected: they stay yours."
          value={choice}
          onChange={(value) => setChoice(value as SharedContentChoice)}
        >
          <Stack gap="xs" mt="xs">
            {own.sharedContentChoices.map((option) => (
              <Radio key={option.value} value={option.value} label={choiceLabels[option.value]} />
            ))}
          </Stack>
        </Radio.Group>
        {chosen ? (
          <Text size="sm" aria-live="polite">
            {chosen.statement}
          </Text>
        ) : null}
        {withdraw.error ? (
          <Alert color="red" role="alert">
            {withdraw.error.message}
          </Alert>
        ) : null}
        <Group>
          <Button
            color="red.8"
            loading={withdraw.isPending}
            onClick={() => withdraw.mutate(choice, { onSuccess: (said) => onWithdrawn(said) })}
          >
            Withdraw now
          </Button>
          <Button variant="default" onClick={onClose}>
            Stay
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
