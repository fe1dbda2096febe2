import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { describeDateTime } from '../../../lib/format.ts';
import { type ResponseStatus, useOwnAssessments } from '../api/questionnaires.ts';

const statusLabel: Record<ResponseStatus, string> = {
  'not-started': 'Not started',
  draft: 'Saved, not submitted',
  submitted: 'Submitted',
};

/** /questionnaires — the person's open questionnaires and the ones they answered. */
export function MyQuestionnairesPage() {
  const assessments = useOwnAssessments();
  return (
    <Stack maw={880}>
      <Title order={1}>Questionnaires</Title>
      <Text>
        Short, validated questionnaires help you see how you are doing over time. Your answers and results are
        yours alone;{' '}
        <Anchor component={Link} to="/my-results">
          see your results
        </Anchor>
        .
      </Text>
      {assessments.isPending ? <Loader role="status" aria-label="Loading your questionnaires" /> : null}
      {assessments.error ? (
        <Alert color="red" role="alert">
          {assessments.error.message}
        </Alert>
      ) : null}
      {assessments.data?.assessments.length === 0 ? <Text>No questionnaires for you right now.</Text> : null}
      {assessments.data?.assessments.map((entry) => (
        <Paper key={entry.window.id} withBorder p="md">
          <Group justify="space-between">
            <Stack gap={2}>
              <Anchor component={Link} to={`/questionnaires/${entry.window.id}`} fw={600}>
                {entry.window.title}
              </Anchor>
              <Text size="sm">
                {entry.window.instrumentName} ·{' '}
                {entry.isOpen ? `open until ${describeDateTime(entry.closesAt)}` : 'closed'}
              </Text>
            </Stack>
            <Badge
              color={
                entry.status === 'submitted' ? 'green.9' : entry.status === 'draft' ? 'blue.8' : 'gray.7'
              }
            >
              {statusLabel[entry.status]}
            </Badge>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
