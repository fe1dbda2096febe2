// Chart styles travel with the charts, so pages without a chart do not download them.
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type PersonalResult, useOwnResults } from '../api/questionnaires.ts';
import { SupportMessage } from './support-message.tsx';

/** /my-results — the person's own scores in plain language, their trend, and private support. */
export function MyResultsPage() {
  const results = useOwnResults();
  return (
    <Stack maw={960}>
      <Title order={1}>My results</Title>
      <Text>
        Only you can see this page. Nobody else — not your facilitator, coordinator or leader — sees your
        scores.
      </Text>
      {results.isPending ? <Loader role="status" aria-label="Loading your results" /> : null}
      {results.error ? (
        <Alert color="red" role="alert">
          {results.error.message}
        </Alert>
      ) : null}
      {results.data?.support ? <SupportMessage support={results.data.support} /> : null}
      {results.data?.results.length === 0 ? (
        <Text>
          No results yet.{' '}
          <Anchor component={Link} to="/questionnaires">
            Answer a questionnaire
          </Anchor>{' '}
          to see yours here.
        </Text>
      ) : null}
      {results.data?.results.map((result) => (
        <InstrumentResult key={result.instrumentId} result={result} />
      ))}
    </Stack>
  );
}

const chartColors = ['tend.7', 'indigo.7', 'orange.8'];

function InstrumentResult({ result }: { result: PersonalResult }) {
  const windows = new Map<string, { label: string; submittedAt: string }>();
  for (const subscale of result.subscales) {
    for (const point of subscale.trend)
      windows.set(point.windowId, { label: point.windowTitle, submittedAt: point.submittedAt });
  }
  const data = [...windows]
    .sort((a, b) => a[1].submittedAt.localeCompare(b[1].submittedAt))
    .map(([windowId, window]) => {
      const row: Record<string, string | number> = { window: window.label };
      for (const subscale of result.subscales) {
        const point = subscale.trend.find((entry) => entry.windowId === windowId);
        if (point) row[subscale.name] = point.score;
      }
      return row;
    });
  const minimum = Math.min(...result.subscales.map((subscale) => subscale.range.min));
  const maximum = Math.max(...result.subscales.map((subscale) => subscale.range.max));
  return (
    <Card withBorder component="section" aria-labelledby={`result-${result.instrumentId}`}>
      <Stack>
        <Title order={2} id={`result-${result.instrumentId}`}>
          {result.name}
        </Title>
        {result.subscales.map((subscale) => (
          <Stack key={subscale.subscaleId} gap={4}>
            <Group gap="xs">
              <Title order={3} size="h4">
                {subscale.name}
              </Title>
              {subscale.latest?.status === 'complete' ? (
                <>
                  <Badge variant="light" size="lg">
                    {subscale.latest.score}
                  </Badge>
                  <Badge color="gray.7">{subscale.latest.bandLabel}</Badge>
                </>
              ) : null}
            </Group>
            <Text size="sm">{subscale.description}</Text>
            {subscale.latest?.status === 'complete' ? <Text>{subscale.latest.meaning}</Text> : null}
            {subscale.latest?.status === 'incomplete' ? (
              <Text>
                Not scored: {subscale.latest.missingItems.length === 1 ? 'item' : 'items'}{' '}
                {subscale.latest.missingItems.join(', ')} had no answer, and a part is only scored when every
                item is answered.
              </Text>
            ) : null}
            <Text size="sm">
              Scores run from {subscale.range.min} to {subscale.range.max};{' '}
              {subscale.direction === 'higher-is-better' ? 'higher is better.' : 'lower is better.'}
            </Text>
          </Stack>
        ))}
        {data.length > 1 ? (
          <figure style={{ margin: 0 }}>
            <figcaption>
              <Text fw={600}>Your scores over time</Text>
            </figcaption>
            <LineChart
              h={260}
              data={data}
              dataKey="window"
              series={result.subscales.map((subscale, index) => ({
                name: subscale.name,
                color: chartColors[index % chartColors.length] as string,
              }))}
              yAxisProps={{ domain: [minimum, maximum] }}
              withLegend
              curveType="linear"
            />
          </figure>
        ) : null}
        <Text size="sm">{result.bandsNote}</Text>
        {result.attribution.map((line) => (
          <Text key={line} size="xs">
            {line}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
