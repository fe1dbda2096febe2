import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type Pairing, useEndSupervision } from '../api/supervision.ts';

/**
 * "End supervision" for an active arrangement, "Withdraw proposal" for one's own waiting proposal;
 * both ask first, saying what will happen to the conversations and the notes.
 */
export function EndSupervisionButton({ pairing }: { pairing: Pairing }) {
  const [isConfirming, confirming] = useDisclosure();
  const end = useEndSupervision();
  const isProposal = pairing.status === 'proposed';
  const label = isProposal ? 'Withdraw proposal' : 'End supervision';
  const question = isProposal
    ? `Withdraw your proposal to ${pairing.colleague.name}?`
    : `End supervision with ${pairing.colleague.name}?`;
  return (
    <>
      <Button size="xs" variant="default" color="red.8" onClick={confirming.open}>
        {label}
      </Button>
      <Modal opened={isConfirming} onClose={confirming.close} title={question}>
        <Stack>
          <Text size="sm">
            {isProposal
              ? 'Nothing has been scheduled yet. Your colleague will be told the proposal was withdrawn.'
              : 'Conversations still ahead are cancelled, in both your calendars. Earlier conversations and their notes stay readable to the two of you only, and no longer change. Your colleague will be told, without any of your notes.'}
          </Text>
          {end.error ? (
            <Alert color="red" role="alert">
              {end.error.message}
            </Alert>
          ) : null}
          <Group>
            <Button
              color="red.8"
              loading={end.isPending}
              onClick={() => end.mutate(pairing.id, { onSuccess: confirming.close })}
            >
              {label}
            </Button>
            <Button variant="default" onClick={confirming.close}>
              {isProposal ? 'Keep the proposal' : 'Keep supervision'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
