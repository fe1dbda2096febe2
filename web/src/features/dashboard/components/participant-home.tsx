import { Anchor, Button, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeDateTime } from '../../../lib/format.ts';
import type { Participation } from '../api/dashboard.ts';
import { NextMeetingCard } from './next-meeting-card.tsx';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Where someone stands when there is no meeting to show: not in a program, waiting, or groups to come. */
function NoMeeting({ participation }: { participation: Participation }) {
  const { programs, joinablePrograms } = participation;
  if (programs.length === 0) {
    return (
      <Card withBorder component="section" aria-labelledby="join-heading">
        <Stack gap="xs">
          <Title order={2} size="h3" id="join-heading">
            Join a program
          </Title>
          <Text size="sm">
            Small groups of 8–10 that meet with a facilitator. Taking part is voluntary; you can withdraw at
            any time.
          </Text>
          {joinablePrograms.length > 0 ? (
            <List size="sm">
              {joinablePrograms.map((program) => (
                <List.Item key={program.id}>
                  <Anchor component={Link} to={`/programs/${program.id}`}>
                    {program.title}
                  </Anchor>{' '}
                  — enrol by {program.enrolmentCloses}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">No program is open for enrolment right now.</Text>
          )}
          <Anchor component={Link} to="/programs" size="sm">
            See all programs
          </Anchor>
        </Stack>
      </Card>
    );
  }
  return (
    <Card withBorder component="section" aria-labelledby="programs-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="programs-heading">
          Your programs
        </Title>
        <List size="sm">
          {programs.map((program) => (
            <List.Item key={program.id}>
              <Anchor component={Link} to={`/programs/${program.id}`}>
                {program.title}
              </Anchor>
              {': '}
              {program.status === 'waitlisted'
                ? 'you are on the waiting list; you hear as soon as a place opens.'
                : program.isInGroup
                  ? 'no more meetings planned.'
                  : `you are enrolled; you hear which group you are in before the term starts on ${program.termStart}.`}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}

/** The reflection and questionnaire waiting, each one tap from being done. */
export function WaitingForYou({ participation }: { participation: Participation }) {
  const { followUps, questionnaires } = participation;
  const nothing = followUps.items.length === 0 && questionnaires.length === 0;
  return (
    <Card withBorder component="section" aria-labelledby="waiting-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="waiting-heading">
          Waiting for you
        </Title>
        {nothing ? <Text size="sm">Nothing is waiting for you right now.</Text> : null}
        {followUps.items.map((followUp) => (
          <Stack key={followUp.id} gap={4}>
            <Text fw={600}>
              {followUp.kind === 'prompt'
                ? `Reflect: ${followUp.topicTitle}`
                : `What you missed: ${followUp.topicTitle}`}
            </Text>
            <Text size="sm" lineClamp={3}>
              {followUp.prompt}
            </Text>
            <Group gap="xs">
              <Button
                component={Link}
                to={`/reflections/${followUp.id}`}
                size="sm"
                variant={followUp.kind === 'prompt' ? 'filled' : 'default'}
              >
                {followUp.kind === 'prompt' ? 'Write your reflection' : 'Read the summary'}
              </Button>
              <Text size="xs">
                {followUp.groupName} · {describeDateTime(followUp.dueAt)}
              </Text>
            </Group>
          </Stack>
        ))}
        {followUps.total > followUps.items.length ? (
          <Anchor component={Link} to="/journal" size="sm">
            {plural(followUps.total - followUps.items.length, 'more follow-up', 'more follow-ups')} in your
            journal
          </Anchor>
        ) : null}
        {questionnaires.map((questionnaire) => (
          <Stack key={questionnaire.windowId} gap={4}>
            <Text fw={600}>Questionnaire: {questionnaire.title}</Text>
            <Text size="sm" id={`progress-${questionnaire.windowId}`}>
              {questionnaire.instrumentName} · {questionnaire.answered} of {questionnaire.itemCount} answered
              · open until {describeDateTime(questionnaire.closesAt)}
            </Text>
            <Progress.Root size="sm">
              <Progress.Section
                value={
                  questionnaire.itemCount === 0 ? 0 : (100 * questionnaire.answered) / questionnaire.itemCount
                }
                aria-labelledby={`progress-${questionnaire.windowId}`}
              />
            </Progress.Root>
            <Group>
              <Button component={Link} to={`/questionnaires/${questionnaire.windowId}`} size="sm">
                {questionnaire.answered > 0 ? 'Continue the questionnaire' : 'Start the questionnaire'}
              </Button>
            </Group>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

/** What is new: posts by others in the person's groups this week, recognition they received. */
function NewForYou({ participation }: { participation: Participation }) {
  const { newPosts, recognitions } = participation;
  if (newPosts.length === 0 && recognitions.total === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="new-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="new-heading">
          New for you
        </Title>
        <List size="sm" spacing={6}>
          {newPosts.map((group) => (
            <List.Item key={group.groupId}>
              <Anchor component={Link} to={`/groups/${group.groupId}`}>
                {plural(group.count, 'new post', 'new posts')} in {group.groupName}
              </Anchor>{' '}
              in the last {participation.newPostDays} days
            </List.Item>
          ))}
          {recognitions.latest.map((recognition) => (
            <List.Item key={recognition.id}>
              {recognition.senderName} recognised you: “{recognition.message}”
            </List.Item>
          ))}
        </List>
        {recognitions.total > 0 ? (
          <Anchor component={Link} to="/recognition" size="sm">
            {recognitions.total === 1
              ? 'See your recognition'
              : `See all ${recognitions.total} recognitions from the last ${participation.newRecognitionDays} days`}
          </Anchor>
        ) : null}
      </Stack>
    </Card>
  );
}

/** A participant's home: the next meeting, what is waiting, what is new — or the program to join. */
export function ParticipantHome({ participation }: { participation: Participation }) {
  return (
    <Stack>
      {participation.nextMeeting ? (
        <NextMeetingCard
          meeting={participation.nextMeeting}
          heading="Your next meeting"
          headingId="next-meeting-heading"
        />
      ) : (
        <NoMeeting participation={participation} />
      )}
      <WaitingForYou participation={participation} />
      <NewForYou participation={participation} />
    </Stack>
  );
}
