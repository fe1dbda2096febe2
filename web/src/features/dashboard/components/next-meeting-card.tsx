import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { viewerTimeZone } from '../../../lib/format.ts';
import type { NextMeeting } from '../api/dashboard.ts';

/** "12:00 (Europe/London)" — the start where the device is now, when that is not the person's zone. */
function startWhereYouAre(meeting: NextMeeting): string | null {
  const here = viewerTimeZone();
  if (!here || here === meeting.timeZone) return null;
  const start = new Date(meeting.startsAt);
  const local = new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: here,
  }).format(start);
  const there = new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: meeting.timeZone,
  }).format(start);
  return local === there ? null : `${local} where this device is now (${here})`;
}

/** The next meeting: when (in the person's own zone, named), where or the link, the topic; for the facilitator, the running order. */
export function NextMeetingCard({
  meeting,
  heading,
  headingId,
}: {
  meeting: NextMeeting;
  heading: string;
  headingId: string;
}) {
  const elsewhere = startWhereYouAre(meeting);
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between">
          <Title order={2} size="h3" id={headingId}>
            {heading}
          </Title>
          {meeting.isUnderway ? <Badge color="tend.8">Happening now</Badge> : null}
        </Group>
        <Text fw={700}>{meeting.when}</Text>
        {elsewhere ? <Text size="sm">That is {elsewhere}.</Text> : null}
        <Text size="sm">
          {meeting.groupName} · {meeting.programTitle} · meeting {meeting.sequence} of {meeting.meetingCount}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            Where:
          </Text>{' '}
          {meeting.place ?? (meeting.videoUrl ? 'by video' : 'to be announced')}
          {meeting.videoUrl ? (
            <>
              {' · '}
              <Anchor href={meeting.videoUrl} target="_blank" rel="noreferrer">
                Join the video call
              </Anchor>
            </>
          ) : null}
        </Text>
        {meeting.topic ? (
          <Stack gap={2}>
            <Text size="sm">
              <Text span fw={600}>
                Topic:
              </Text>{' '}
              {meeting.topic.title}
            </Text>
            <Text size="sm">{meeting.topic.summary}</Text>
          </Stack>
        ) : null}
        {meeting.guide ? (
          <Stack gap={4}>
            <Text size="sm">
              <Text span fw={600}>
                Opening check-in:
              </Text>{' '}
              {meeting.guide.openingCheckIn}
            </Text>
            <Text size="sm" fw={600} id={`${headingId}-prompts`}>
              Prompts, in order
            </Text>
            <List type="ordered" size="sm" spacing={4} aria-labelledby={`${headingId}-prompts`}>
              {meeting.guide.prompts.map((prompt) => (
                <List.Item key={prompt}>{prompt}</List.Item>
              ))}
            </List>
            <Text size="sm">
              <Text span fw={600}>
                Practice:
              </Text>{' '}
              {meeting.guide.practice.name} ({meeting.guide.practice.minutes} min)
            </Text>
          </Stack>
        ) : null}
        <Group gap="md">
          <Anchor component={Link} to={`/meetings/${meeting.id}`}>
            {meeting.guide ? 'Open the meeting guide' : 'Meeting details'}
          </Anchor>
          <Anchor component={Link} to={`/groups/${meeting.groupId}`}>
            Group space
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
