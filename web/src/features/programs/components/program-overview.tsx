import { Alert, Anchor, Card, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeDateTime, describeSlot } from '../../../lib/format.ts';
import { labelLevel, labelStatus } from '../../../lib/labels.ts';
import { useOverview, useRoster } from '../api/programs.ts';

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Card withBorder>
      <Text size="sm">{label}</Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}

const percent = (rate: number | null) => (rate === null ? 'not taken yet' : `${rate}%`);

export function ProgramOverview({ programId }: { programId: string }) {
  const overview = useOverview(programId);
  if (overview.isPending) return <Loader role="status" aria-label="Loading the overview" />;
  if (overview.error) return <Alert color="red">{overview.error.message}</Alert>;
  const { enrolment, groups, upcomingMeetings } = overview.data;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure
          label="Enrolled"
          value={enrolment.capacity ? `${enrolment.enrolled} of ${enrolment.capacity}` : enrolment.enrolled}
        />
        <Figure label="Facilitators" value={enrolment.facilitators} />
        <Figure label="Waiting list" value={enrolment.waitlisted} />
        <Figure label="Withdrawn" value={enrolment.withdrawn} />
      </SimpleGrid>
      <Title order={2} size="h3">
        Attendance by group
      </Title>
      {groups.length === 0 ? <Text>No groups yet.</Text> : null}
      {groups.map((group) => (
        <Card key={group.id} withBorder>
          <Text fw={600}>
            {group.name} · {group.memberCount} people · {describeSlot(group.slot)} · attendance{' '}
            {percent(group.attendanceRate)}
          </Text>
          {group.meetings.length > 0 ? (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Meeting</Table.Th>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Attendance</Table.Th>
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
                    <Table.Td>{percent(meeting.attendanceRate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Card>
      ))}
      <Title order={2} size="h3">
        Upcoming meetings
      </Title>
      {upcomingMeetings.length === 0 ? <Text>None planned.</Text> : null}
      {upcomingMeetings.map((meeting) => (
        <Text key={meeting.id}>
          {describeDateTime(meeting.startsAt)} — {meeting.groupName}, meeting {meeting.sequence}
        </Text>
      ))}
    </Stack>
  );
}

export function ProgramRoster({ programId }: { programId: string }) {
  const roster = useRoster(programId);
  if (roster.isPending) return <Loader role="status" aria-label="Loading the roster" />;
  if (roster.error) return <Alert color="red">{roster.error.message}</Alert>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Caption>Everyone who enrolled, waits or withdrew</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Level</Table.Th>
            <Table.Th scope="col">Discipline</Table.Th>
            <Table.Th scope="col">Free hours a week</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {roster.data.map((entry) => (
            <Table.Tr key={entry.userId}>
              <Table.Td>
                {entry.name}
                {entry.isFacilitator ? ' (facilitator)' : ''}
              </Table.Td>
              <Table.Td>{labelStatus(entry.status)}</Table.Td>
              <Table.Td>{labelLevel(entry.level) ?? '—'}</Table.Td>
              <Table.Td>{entry.discipline ?? '—'}</Table.Td>
              <Table.Td>{entry.availableHours}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
