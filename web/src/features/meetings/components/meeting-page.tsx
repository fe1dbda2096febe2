import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fieldErrors } from '../../../lib/api-client.ts';
import { describeDateTime } from '../../../lib/format.ts';
import { type MeetingDetail, useChangeMeeting, useMeeting, useRecordAttendance } from '../api/meetings.ts';
import { MeetingTimer } from './meeting-timer.tsx';

type Status = 'present' | 'absent' | 'excused';

function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function AttendanceForm({ meeting }: { meeting: MeetingDetail }) {
  const record = useRecordAttendance(meeting.id);
  const [statuses, setStatuses] = useState<Record<string, Status>>(() =>
    Object.fromEntries(meeting.roster.map((person) => [person.id, person.attendance ?? 'present'])),
  );
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="xs">
        Attendance
      </Title>
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
    </Card>
  );
}

function MoveMeetingForm({ meeting }: { meeting: MeetingDetail }) {
  const change = useChangeMeeting(meeting.id);
  const [startsAt, setStartsAt] = useState(toLocalInput(meeting.startsAt));
  const [place, setPlace] = useState(meeting.place ?? '');
  const [videoUrl, setVideoUrl] = useState(meeting.videoUrl ?? '');
  const errors = fieldErrors(change.error);
  const minutes = (new Date(meeting.endsAt).getTime() - new Date(meeting.startsAt).getTime()) / 60_000;

  function submit(event: FormEvent) {
    event.preventDefault();
    const start = new Date(startsAt);
    change.mutate({
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
      place: place || null,
      videoUrl: videoUrl || null,
    });
  }
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label="Move or change this meeting">
        <Stack>
          <Title order={2} size="h3">
            Time and place
          </Title>
          <Text size="sm">Everyone in the group is told about a change.</Text>
          {change.error && Object.keys(errors).length === 0 ? (
            <Alert color="red" role="alert">
              {change.error.message}
            </Alert>
          ) : null}
          {change.isSuccess ? (
            <Alert color="tend" role="status">
              Saved; the group has been told.
            </Alert>
          ) : null}
          <TextInput
            label="Starts"
            type="datetime-local"
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            error={errors.startsAt}
          />
          <TextInput
            label="Place"
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={errors.place}
          />
          <TextInput
            label="Video link"
            value={videoUrl}
            onChange={(e) => setVideoUrl(e.currentTarget.value)}
            error={errors.videoUrl}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const meeting = useMeeting(meetingId);
  if (meeting.isPending) return <Loader role="status" aria-label="Loading the meeting" />;
  if (meeting.error) return <Alert color="red">{meeting.error.message}</Alert>;
  const data = meeting.data;
  const topic = data.topic;
  return (
    <Stack>
      <Title order={1}>
        {data.groupName}: meeting {data.sequence}
      </Title>
      <Text>
        {data.programTitle} · {describeDateTime(data.startsAt)}
        {data.place ? ` · ${data.place}` : ''}
      </Text>
      {data.videoUrl ? (
        <Anchor href={data.videoUrl} target="_blank" rel="noreferrer">
          Join the video call
        </Anchor>
      ) : null}
      {data.canRun ? (
        <MeetingTimer minutes={data.meetingMinutes} />
      ) : (
        <Anchor component={Link} to={`/meetings/${data.id}/feedback`}>
          Give feedback on this meeting (30 seconds)
        </Anchor>
      )}
      {topic ? (
        <Card withBorder>
          <Stack gap="sm">
            <Title order={2} size="h3">
              {topic.title}
            </Title>
            <Text>{topic.summary}</Text>
            {topic.facilitatorBriefing.length > 0 ? (
              <>
                <Title order={3} size="h4">
                  Facilitator briefing
                </Title>
                <List size="sm">
                  {topic.facilitatorBriefing.map((point) => (
                    <List.Item key={point}>{point}</List.Item>
                  ))}
                </List>
              </>
            ) : null}
            <Title order={3} size="h4">
              Opening check-in
            </Title>
            <Text>{topic.openingCheckIn}</Text>
            <Title order={3} size="h4">
              Discussion prompts
            </Title>
            <List type="ordered" spacing="xs">
              {topic.discussionPrompts.map((prompt) => (
                <List.Item key={prompt.text}>
                  {prompt.text}
                  {prompt.suggestedMinutes ? ` (about ${prompt.suggestedMinutes} min)` : ''}
                  {prompt.facilitatorNote ? (
                    <Text size="sm" c="dimmed">
                      Note: {prompt.facilitatorNote}
                    </Text>
                  ) : null}
                </List.Item>
              ))}
            </List>
            <Title order={3} size="h4">
              Practice: {topic.practice.name} ({topic.practice.minutes} min)
            </Title>
            <List type="ordered" size="sm">
              {topic.practice.steps.map((step) => (
                <List.Item key={step}>{step}</List.Item>
              ))}
            </List>
          </Stack>
        </Card>
      ) : (
        <Text>No topic is set for this meeting.</Text>
      )}
      {data.canRun ? (
        <>
          <AttendanceForm key={data.id} meeting={data} />
          <MoveMeetingForm meeting={data} />
        </>
      ) : null}
    </Stack>
  );
}
