import { Alert, Anchor, Card, List, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { describeDateTime } from '../../../lib/format.ts';
import { useMeeting } from '../api/meetings.ts';
import { AttendanceForm } from './attendance-form.tsx';
import { ChangeMeetingForm } from './change-meeting-form.tsx';
import { MeetingTimer } from './meeting-timer.tsx';

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
      {data.isCancelled ? (
        <Alert color="yellow" role="status">
          This meeting is cancelled.
        </Alert>
      ) : null}
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
      {data.canRun && !data.isCancelled ? (
        <>
          <AttendanceForm key={data.id} meeting={data} />
          <ChangeMeetingForm meeting={data} />
        </>
      ) : null}
    </Stack>
  );
}
