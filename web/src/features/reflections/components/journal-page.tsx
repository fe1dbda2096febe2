import { Alert, Anchor, Badge, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeDateTime } from '../../../lib/format.ts';
import { journalExportLink, useDueFollowUps, useJournal } from '../api/reflections.ts';
import { HabitWeeks } from './habit-weeks.tsx';
import { NudgePreferences } from './nudge-preferences.tsx';
import { ReflectionCard } from './reflection-card.tsx';

/** /journal: my reflections, the skills I practised, my habit over weeks, exports and nudges. */
export function JournalPage() {
  const journal = useJournal();
  const due = useDueFollowUps();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Journal</Title>
        <Group gap="xs">
          <Button component="a" variant="default" href={journalExportLink('markdown')} download>
            Export Markdown
          </Button>
          <Button component="a" variant="default" href={journalExportLink('pdf')} download>
            Export PDF
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        Your reflections are private: nobody else can read them — not your facilitator, coordinator or an
        administrator — unless you share one with your group.
      </Text>
      {journal.isPending ? <Loader role="status" aria-label="Loading your journal" /> : null}
      {journal.error ? (
        <Alert color="red" role="alert">
          {journal.error.message}
        </Alert>
      ) : null}

      {due.data && due.data.length > 0 ? (
        <Stack component="section" aria-labelledby="due-heading" gap="xs">
          <Title order={2} id="due-heading">
            Waiting for you
          </Title>
          <List>
            {due.data.map((followUp) => (
              <List.Item key={followUp.id}>
                <Anchor component={Link} to={`/reflections/${followUp.id}`} underline="always">
                  {followUp.kind === 'catch-up' ? 'What you missed' : 'Reflect'}: {followUp.topicTitle}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  ({followUp.groupName}, {describeDateTime(followUp.dueAt)})
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}

      {journal.data ? (
        <>
          <Stack component="section" aria-labelledby="habit-heading" gap="xs">
            <Title order={2} id="habit-heading">
              Your habit
            </Title>
            <HabitWeeks habit={journal.data.habit} />
          </Stack>
          <Stack component="section" aria-labelledby="skills-heading" gap="xs">
            <Title order={2} id="skills-heading">
              Skills practised
            </Title>
            {journal.data.skillsPractised.length === 0 ? (
              <Text c="dimmed">None marked yet.</Text>
            ) : (
              <Group gap="xs">
                {journal.data.skillsPractised.map(({ skill, count }) => (
                  <Badge key={skill} variant="light" size="lg">
                    {skill} × {count}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
          <Stack component="section" aria-labelledby="reflections-heading" gap="sm">
            <Title order={2} id="reflections-heading">
              Reflections
            </Title>
            {journal.data.reflections.length === 0 ? (
              <Text c="dimmed">
                No reflections yet. After each meeting you attend, Tend asks you a short question here and by
                e-mail.
              </Text>
            ) : null}
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {journal.data.reflections.map((reflection) => (
                <li key={reflection.id}>
                  <Card withBorder padding="md">
                    <ReflectionCard reflection={reflection} />
                  </Card>
                </li>
              ))}
            </Stack>
          </Stack>
        </>
      ) : null}
      <NudgePreferences />
    </Stack>
  );
}
