import { Alert, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { describeDateTime } from '../../../lib/format.ts';
import { type ShownShare, useEngagement } from '../api/engagement.ts';

function ShareCell({ share, appearsOn }: { share: ShownShare; appearsOn: string | null }) {
  if (appearsOn) {
    return (
      <Text size="sm" c="dimmed">
        Appears on {describeDateTime(appearsOn)}, once the reflection period has closed
      </Text>
    );
  }
  if (!share.isShown) {
    return (
      <Text size="sm" c="dimmed" title={share.explanation}>
        Hidden <VisuallyHidden>({share.explanation})</VisuallyHidden>
      </Text>
    );
  }
  return (
    <Text size="sm">
      {Math.round(share.share * 100)}%{' '}
      <Text span c="dimmed" size="xs">
        of {share.peopleCount}
      </Text>
    </Text>
  );
}

/** The coordinator's view of follow-up reflection: shares per meeting, never anyone's answers. */
export function EngagementTable({ programId }: { programId: string }) {
  const engagement = useEngagement(programId);
  if (engagement.isPending) return <Loader role="status" aria-label="Loading engagement" />;
  if (engagement.error) {
    return (
      <Alert color="red" role="alert">
        {engagement.error.message}
      </Alert>
    );
  }
  const { meetings, minimumGroupSize } = engagement.data;
  return (
    <Stack>
      <Title order={2}>Follow-up reflection</Title>
      <Text size="sm" c="dimmed">
        Reflections are private; you see only shares, and a figure is hidden when fewer than{' '}
        {minimumGroupSize} people stand behind it or when it could be subtracted from another to reveal a few
        people.
      </Text>
      <Text size="sm" c="dimmed">
        A meeting's figures appear once its reflection period has closed — a week after its last follow-up
        prompt — and then stay as released, so later reflections never show who wrote them.
      </Text>
      {meetings.length === 0 ? (
        <Text>No meeting has been held yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>Engagement per meeting held</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Group</Table.Th>
                <Table.Th scope="col">Meeting</Table.Th>
                <Table.Th scope="col">Attendees who reflected</Table.Th>
                <Table.Th scope="col">Of those, practised the skill</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.map((meeting) => (
                <Table.Tr key={meeting.meetingId}>
                  <Table.Td>{meeting.groupName}</Table.Td>
                  <Table.Td>
                    {meeting.sequence} · {describeDateTime(meeting.startsAt)}
                  </Table.Td>
                  <Table.Td>
                    <ShareCell
                      share={meeting.reflected}
                      appearsOn={meeting.releasedAt ? null : meeting.appearsOn}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ShareCell
                      share={meeting.practised}
                      appearsOn={meeting.releasedAt ? null : meeting.appearsOn}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
