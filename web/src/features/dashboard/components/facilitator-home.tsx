import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeDateTime } from '../../../lib/format.ts';
import type { Facilitation, Participation } from '../api/dashboard.ts';
import { NextMeetingCard } from './next-meeting-card.tsx';
import { WaitingForYou } from './participant-home.tsx';

/** A facilitator's home: the next meeting to run with its prompts, attendance still to take, their own questionnaires. */
export function FacilitatorHome({
  facilitation,
  participation,
}: {
  facilitation: Facilitation;
  participation: Participation | null;
}) {
  return (
    <Stack>
      {facilitation.nextMeeting ? (
        <NextMeetingCard
          meeting={facilitation.nextMeeting}
          heading="Next meeting to run"
          headingId="meeting-to-run-heading"
        />
      ) : (
        <Card withBorder component="section" aria-labelledby="meeting-to-run-heading">
          <Title order={2} size="h3" id="meeting-to-run-heading">
            Next meeting to run
          </Title>
          <Text size="sm">
            No meeting planned. Your groups appear under{' '}
            <Anchor component={Link} to="/my-groups">
              My groups
            </Anchor>{' '}
            once a coordinator publishes them.
          </Text>
        </Card>
      )}
      {facilitation.attendanceToTake.length > 0 ? (
        <Card withBorder component="section" aria-labelledby="attendance-heading">
          <Stack gap="xs">
            <Title order={2} size="h3" id="attendance-heading">
              Attendance to take
            </Title>
            <List size="sm" spacing={6}>
              {facilitation.attendanceToTake.map((meeting) => (
                <List.Item key={meeting.meetingId}>
                  <Anchor component={Link} to={`/meetings/${meeting.meetingId}`}>
                    {meeting.groupName}, meeting {meeting.sequence}
                  </Anchor>{' '}
                  ({describeDateTime(meeting.startsAt)}): until {describeDateTime(meeting.closesAt)}
                </List.Item>
              ))}
            </List>
          </Stack>
        </Card>
      ) : null}
      {participation?.nextMeeting ? (
        <NextMeetingCard
          meeting={participation.nextMeeting}
          heading="Your next meeting as a member"
          headingId="next-meeting-heading"
        />
      ) : null}
      {participation ? <WaitingForYou participation={participation} /> : null}
    </Stack>
  );
}
