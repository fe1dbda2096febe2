import { Alert, Button, Card, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeDateTime } from '../../../lib/format.ts';
import { type MeetingDetail, useRecordAttendance } from '../api/meetings.ts';

type Status = 'present' | 'absent' | 'excused';

/** Taken from the meeting's start until the organisation's window after it closes; says so otherwise. */
export function AttendanceForm({ meeting }: { meeting: MeetingDetail }) {
  const record = useRecordAttendance(meeting.id);
  const [statuses, setStatuses] = useState<Record<string, Status>>(() =>
    Object.fromEntries(meeting.roster.map((person) => [person.id, person.attendance ?? 'present'])),
  );
  const { state, opensAt, closesAt } = meeting.attendanceWindow;
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="xs">
        Attendance
      </Title>
      {state === 'not-yet' ? (
        <Text>Attendance opens when the meeting starts, {describeDateTime(opensAt)}.</Text>
      ) : null}
      {state === 'closed' ? (
        <Text>
          Attendance for this meeting closed on {describeDateTime(closesAt)}. An administrator can lengthen
          the attendance window in the organisation settings.
        </Text>
      ) : null}
      {state === 'open' ? (
        <>
          <Text size="sm" mb="xs">
            Open until {describeDateTime(closesAt)}. Those present are asked for feedback once the meeting has
            ended.
          </Text>
          <Table>
            <Table.Tbody>
              {meeting.roster.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Th scope="row" fw={400}>
                    {person.name}
                    {person.isFacilitator ? ' (facilitator)' : ''}
                  </Table.Th>
                  <Table.Td>
                    <SegmentedControl
                      aria-label={`Attendance of ${person.name}`}
                      size="xs"
                      value={statuses[person.id] ?? 'present'}
                      onChange={(status) => setStatuses({ ...statuses, [person.id]: status as Status })}
                      data={[
                        { value: 'present', label: 'Present' },
                        { value: 'absent', label: 'Absent' },
                        { value: 'excused', label: 'Excused' },
                      ]}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {record.error ? (
            <Alert color="red" role="alert">
              {record.error.message}
            </Alert>
          ) : null}
          {record.isSuccess ? (
            <Alert color="tend" role="status" mt="xs">
              Attendance saved.
            </Alert>
          ) : null}
          <Button
            mt="sm"
            loading={record.isPending}
            onClick={() =>
              record.mutate(Object.entries(statuses).map(([userId, status]) => ({ userId, status })))
            }
          >
            Save attendance
          </Button>
        </>
      ) : null}
    </Card>
  );
}
