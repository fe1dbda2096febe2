import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Leadership } from '../api/dashboard.ts';

/**
 * A leader's home: the reported stressors still waiting for an answer, and the latest results to
 * read. Counts appear only where the working-conditions page shows them too.
 */
export function LeaderHome({ leadership }: { leadership: Leadership }) {
  const { reportsToAnswer, weekCount, actionsInProgress, latestResults } = leadership;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Card withBorder component="section" aria-labelledby="reports-to-answer-heading">
        <Stack gap="xs">
          <Title order={2} size="h4" id="reports-to-answer-heading">
            Reports to answer
          </Title>
          {reportsToAnswer.length > 0 ? (
            <>
              <Text size="sm">
                People reported these stressors in the last {weekCount} weeks, and no action you posted
                answers them yet:
              </Text>
              <List size="sm" spacing={4}>
                {reportsToAnswer.map((report) => (
                  <List.Item key={report.category}>
                    {report.label}: {report.reports} {report.reports === 1 ? 'report' : 'reports'}
                  </List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text size="sm">Every stressor shown on the working-conditions page has an action posted.</Text>
          )}
          <Text size="sm" c="dimmed">
            {actionsInProgress === 1 ? '1 action is' : `${actionsInProgress} actions are`} planned or under
            way.
          </Text>
          <Anchor component={Link} to="/working-conditions" size="sm">
            Read the reports and post an action
          </Anchor>
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="latest-results-heading">
        <Stack gap="xs">
          <Title order={2} size="h4" id="latest-results-heading">
            Outcomes
          </Title>
          <Text size="sm">
            {latestResults
              ? `The anonymous results of “${latestResults.windowTitle}” are ready to read, for every group of people large enough to show.`
              : 'No questionnaire has closed yet; results appear when one does.'}
          </Text>
          <Anchor component={Link} to="/outcomes" size="sm">
            Open the outcomes
          </Anchor>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
