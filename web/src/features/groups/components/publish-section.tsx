import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { usePublishGroups } from '../api/groups.ts';

/** "Publish groups", with the reason when it cannot be done yet, and a confirmation that says what happens. */
export function PublishSection({
  programId,
  blockedBecause,
  groupCount,
  onPublished,
}: {
  programId: string;
  /** Why publishing is not possible now, or null when it is. */
  blockedBecause: string | null;
  groupCount: number;
  onPublished: () => void;
}) {
  const publish = usePublishGroups(programId);
  const [isConfirming, confirming] = useDisclosure();
  return (
    <Stack gap="xs">
      <Group>
        <Button
          onClick={() => {
            publish.reset();
            confirming.open();
          }}
          disabled={blockedBecause !== null}
          aria-describedby="publish-groups-status"
        >
          Publish groups
        </Button>
        <Text
          size="sm"
          id="publish-groups-status"
          c={blockedBecause ? 'var(--mantine-color-error)' : 'dimmed'}
        >
          {blockedBecause ?? 'Every rule is met: the groups are ready to publish.'}
        </Text>
      </Group>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={isConfirming}
        onClose={confirming.close}
        title="Publish these groups?"
      >
        <Stack>
          <Text size="sm">When you publish the {groupCount} groups:</Text>
          <List size="sm">
            <List.Item>every member is told their group and its weekly meeting time;</List.Item>
            <List.Item>
              each group's meetings for the term are planned at that time and appear in calendars;
            </List.Item>
            <List.Item>participants see only their own group, never the others;</List.Item>
            <List.Item>the groups can no longer be re-formed.</List.Item>
          </List>
          {publish.error ? (
            <Alert color="red" role="alert">
              {publish.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirming.close}>
              Cancel
            </Button>
            <Button
              loading={publish.isPending}
              onClick={() =>
                publish.mutate(undefined, {
                  onSuccess: () => {
                    confirming.close();
                    onPublished();
                  },
                })
              }
            >
              Publish and tell members
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
