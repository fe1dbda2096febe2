import { Alert, Anchor, Badge, Card, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeDateTime, describeSlot, describeWeeklyTime, viewerTimeZone } from '../../../lib/format.ts';
import { type MeetingSummary, useMyGroups } from '../api/meetings.ts';
import { GroupMessageForm } from './group-message-form.tsx';
import { GroupPlaceForm } from './group-place-form.tsx';

function describePlace({ place, videoUrl }: Pick<MeetingSummary, 'place' | 'videoUrl'>) {
  if (place && videoUrl) return `${place}, or by video`;
  return place ?? (videoUrl ? 'Video call' : 'To be announced');
}

/**
 * When the group meets, in the viewer's zone with its name; the organisation's time is added once,
 * labelled, only when the viewer is elsewhere (the slot is stored in organisation time).
 */
function MeetsWhen({ group }: { group: { slot: string | null; meetings: MeetingSummary[] } }) {
  const next = group.meetings.find((meeting) => !meeting.isCancelled);
  if (!next) return <Text size="sm">Meets {describeSlot(group.slot)} (organisation time)</Text>;
  const local = describeWeeklyTime(next.startsAt);
  const start = new Date(next.startsAt);
  const zonedDay = start.toLocaleDateString('en-CA', { weekday: 'short', timeZone: viewerTimeZone() });
  const slotInViewerZone = `${zonedDay.slice(0, 3).toLowerCase()}-${String(start.getHours()).padStart(2, '0')}`;
  const isElsewhere = group.slot !== null && group.slot !== slotInViewerZone;
  return (
    <Text size="sm">
      Meets {local}
      {isElsewhere ? ` (organisation time: ${describeSlot(group.slot)})` : ''}
    </Text>
  );
}

export function MyGroupsPage() {
  const groups = useMyGroups();
  return (
    <Stack>
      <Title order={1}>My groups</Title>
      {groups.isPending ? <Loader role="status" aria-label="Loading your groups" /> : null}
      {groups.error ? <Alert color="red">{groups.error.message}</Alert> : null}
      {groups.data?.length === 0 ? (
        <Text>You are not in a group yet. Groups appear here once a coordinator publishes them.</Text>
      ) : null}
      {groups.data?.map((group) => (
        <Card key={group.id} withBorder component="section" aria-labelledby={`group-${group.id}`}>
          <Stack gap="xs">
            <Group>
              <Title order={2} size="h3" id={`group-${group.id}`}>
                {group.name} — {group.programTitle}
              </Title>
              {group.isFacilitator ? <Badge>You facilitate</Badge> : null}
            </Group>
            <MeetsWhen group={group} />
            <Text size="sm">
              Usually at: {describePlace(group)}
              {group.videoUrl ? (
                <>
                  {' · '}
                  <Anchor href={group.videoUrl} target="_blank" rel="noreferrer">
                    Join the video call of {group.name}
                  </Anchor>
                </>
              ) : null}
            </Text>
            <Anchor
              component={Link}
              to={`/groups/${group.id}`}
              aria-label={`Open group space of ${group.name}`}
            >
              Open group space
            </Anchor>
            <Text fw={600}>Members</Text>
            <List size="sm">
              {group.members.map((member) => (
                <List.Item key={member.id}>
                  {member.name}
                  {member.isFacilitator ? ' (facilitator)' : ''}
                </List.Item>
              ))}
            </List>
            <Table>
              <Table.Caption>Meetings, in your time zone</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Meeting</Table.Th>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Topic</Table.Th>
                  <Table.Th scope="col">Where</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.meetings.map((meeting) => (
                  <Table.Tr key={meeting.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/meetings/${meeting.id}`}>
                        Meeting {meeting.sequence}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{describeDateTime(meeting.startsAt)}</Table.Td>
                    <Table.Td>{meeting.topicTitle ?? '—'}</Table.Td>
                    <Table.Td>{meeting.isCancelled ? 'Cancelled' : describePlace(meeting)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {group.isFacilitator ? (
              <>
                <Title order={3} size="h4">
                  Where the group meets
                </Title>
                <GroupPlaceForm group={group} />
                <Title order={3} size="h4">
                  Message the group
                </Title>
                <GroupMessageForm group={group} />
              </>
            ) : null}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
