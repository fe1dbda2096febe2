import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeDateTime } from '../../../lib/format.ts';
import type { Coordination, ProgramPhase } from '../api/dashboard.ts';

type Program = Coordination['programs'][number];

function describePhase(program: Program): string {
  const labels: Record<ProgramPhase, string> = {
    draft: 'Draft',
    'enrolment-not-open': `Enrolment opens ${program.enrolmentOpens}`,
    'enrolment-open': `Enrolment open until ${program.enrolmentCloses}`,
    'before-term': `Enrolment closed · term starts ${program.termStart}`,
    running: `Running until ${program.termEnd}`,
    finished: `Term ended ${program.termEnd}`,
    closed: 'Closed',
  };
  return labels[program.phase];
}

const phaseColors: Record<ProgramPhase, string> = {
  draft: 'gray.7',
  'enrolment-not-open': 'gray.7',
  'enrolment-open': 'blue.8',
  'before-term': 'violet.8',
  running: 'tend.8',
  finished: 'orange.9',
  closed: 'gray.7',
};

function ProgramCard({ program }: { program: Program }) {
  const headingId = `program-${program.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId}>
          <Anchor component={Link} to={`/programs/${program.id}`}>
            {program.title}
          </Anchor>
        </Title>
        <Group gap="xs">
          <Badge color={phaseColors[program.phase]}>{describePhase(program)}</Badge>
        </Group>
        <Text size="sm">
          {program.enrolled} enrolled{program.capacity ? ` of ${program.capacity}` : ''}
          {program.facilitators > 0 ? `, ${program.facilitators} facilitating` : ''}
          {program.waitlisted > 0 ? `, ${program.waitlisted} waiting` : ''} · {program.groups}{' '}
          {program.groups === 1 ? 'group' : 'groups'}
        </Text>
        {program.tasks.length > 0 ? (
          <>
            <Text size="sm" fw={600} id={`${headingId}-tasks`}>
              To do
            </Text>
            <List size="sm" spacing={4} aria-labelledby={`${headingId}-tasks`}>
              {program.tasks.map((task) => (
                <List.Item key={task.kind}>
                  <Anchor component={Link} to={task.href}>
                    {task.text}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </>
        ) : (
          <Text size="sm">Nothing needs doing.</Text>
        )}
      </Stack>
    </Card>
  );
}

/** A coordinator's home: every program's phase and to-do list, and the questionnaire windows open or coming. */
export function CoordinatorHome({ coordination }: { coordination: Coordination }) {
  return (
    <Stack>
      <Stack gap="xs" component="section" aria-labelledby="your-programs-heading">
        <Title order={2} size="h3" id="your-programs-heading">
          Programs
        </Title>
        {coordination.programs.length === 0 ? (
          <Text size="sm">
            No program yet.{' '}
            <Anchor component={Link} to="/programs">
              Plan one
            </Anchor>
            .
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {coordination.programs.map((program) => (
              <ProgramCard key={program.id} program={program} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <Card withBorder component="section" aria-labelledby="windows-heading">
        <Stack gap="xs">
          <Title order={2} size="h3" id="windows-heading">
            Questionnaire windows
          </Title>
          {coordination.windows.length === 0 ? (
            <Text size="sm">No questionnaire is open or opening in the next two weeks.</Text>
          ) : (
            <List size="sm" spacing={6}>
              {coordination.windows.map((window) => (
                <List.Item key={window.id}>
                  <Text span fw={600}>
                    {window.title}
                  </Text>{' '}
                  ({window.instrumentName}, {window.programTitle ?? 'whole organisation'}):{' '}
                  {window.state === 'open'
                    ? `open until ${describeDateTime(window.closesAt)}`
                    : `opens ${describeDateTime(window.opensAt)}`}
                  {window.shouldClose ? ' — the term has ended: close it to see the outcomes.' : ''}
                </List.Item>
              ))}
            </List>
          )}
          <Anchor component={Link} to="/assessment-windows" size="sm">
            Schedule or close windows
          </Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}
