// Chart styles travel with the charts, so pages without a chart do not download them.
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Alert, Anchor, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeHiddenFigure } from '../../../../../src/core/evaluation/describe-hidden-figure.ts';
import type { SuppressionReason } from '../../../../../src/core/evaluation/release-aggregates.ts';
import { describeReliabilityOf } from '../../../../../src/core/instruments/describe-reliability.ts';
import {
  type Breakdown,
  type Instrument,
  type Outcomes,
  outcomesSearch,
  useInstruments,
  useOutcomes,
  usePrograms,
} from '../api/outcomes.ts';

const breakdownLabels: Record<Breakdown, string> = {
  program: 'Program',
  level: 'Level',
  discipline: 'Discipline',
};
const colors = ['tend.7', 'indigo.7', 'orange.8', 'grape.7', 'cyan.8'];
const fixed = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '—' : value.toFixed(digits);

/** /outcomes (coordinators, leaders): aggregate outcomes only; every small group shows as hidden. */
export function OutcomesPage() {
  const instruments = useInstruments();
  const programs = usePrograms();
  const [instrumentId, setInstrumentId] = useState('proqol-5');
  const [programId, setProgramId] = useState('');
  const [breakdown, setBreakdown] = useState<Breakdown>('program');
  const query = { instrumentId, breakdown, programId: programId || undefined };
  const outcomes = useOutcomes(query);
  const instrument = instruments.data?.instruments.find((entry) => entry.id === instrumentId);
  const search = outcomesSearch(query);
  return (
    <Stack>
      <Title order={1}>Outcomes</Title>
      <Text>
        Figures about groups only, from closed assessment windows. A group smaller than the organisation’s
        minimum is hidden, and so is any figure that would let someone work such a group out by subtraction.
      </Text>
      <Group align="flex-end">
        <Select
          label="Instrument"
          data={(instruments.data?.instruments ?? []).map((entry) => ({
            value: entry.id,
            label: entry.name,
          }))}
          value={instrumentId}
          // Choosing from a list still arriving loses the choice; wait for the list.
          disabled={!instruments.data}
          onChange={(value) => setInstrumentId(value ?? 'proqol-5')}
          allowDeselect={false}
        />
        <Select
          label="Programs"
          data={[
            { value: '', label: 'All programs' },
            ...(programs.data?.programs ?? []).map((program) => ({
              value: program.id,
              label: program.title,
            })),
          ]}
          value={programId}
          disabled={!programs.data}
          onChange={(value) => setProgramId(value ?? '')}
          allowDeselect={false}
        />
        <Select
          label="Break down by"
          data={Object.entries(breakdownLabels).map(([value, label]) => ({ value, label }))}
          value={breakdown}
          onChange={(value) => setBreakdown((value ?? 'program') as Breakdown)}
          allowDeselect={false}
        />
      </Group>
      <Group>
        <Anchor href={`/api/outcomes/report?${search}&format=html`} target="_blank" rel="noreferrer">
          Printable report (HTML)
        </Anchor>
        <Anchor href={`/api/outcomes/report?${search}&format=pdf`}>Report as PDF</Anchor>
        <Anchor href={`/api/outcomes/export.csv?${search}`}>Aggregate data (CSV)</Anchor>
      </Group>
      {outcomes.isPending ? <Loader role="status" aria-label="Loading outcomes" /> : null}
      {outcomes.error ? (
        <Alert color="red" role="alert">
          {outcomes.error.message}
        </Alert>
      ) : null}
      {outcomes.data && instrument ? <OutcomesView outcomes={outcomes.data} instrument={instrument} /> : null}
    </Stack>
  );
}

function OutcomesView({ outcomes, instrument }: { outcomes: Outcomes; instrument: Instrument }) {
  // Say why a figure is hidden: too few people, or hidden so that figures cannot be subtracted.
  const hiddenText = (hidden?: { reason: SuppressionReason }) =>
    hidden ? describeHiddenFigure(hidden.reason, outcomes.minimumGroupSize) : 'hidden';
  const windowTitle = (id: string | null) => outcomes.windows.find((window) => window.id === id)?.title ?? '';
  const groupLabel = (group: { label: string } | null) => (group ? group.label : 'Everyone');
  const overallTrend = outcomes.trend.filter((point) => point.group === null);
  const trendData = overallTrend.flatMap((point) =>
    point.result.status === 'released'
      ? [
          Object.fromEntries([
            ['window', windowTitle(point.windowId)],
            ...point.result.subscales.map((entry) => [
              instrument.subscales.find((subscale) => subscale.id === entry.subscaleId)?.name ??
                entry.subscaleId,
              Number(entry.mean.toFixed(2)),
            ]),
          ]),
        ]
      : [],
  );
  const series = instrument.subscales.map((subscale, index) => ({
    name: subscale.name,
    color: colors[index % colors.length] as string,
  }));
  return (
    <Stack>
      <Text>
        Minimum group size: {outcomes.minimumGroupSize}. {outcomes.hiddenCount} figures hidden.
        {outcomes.openWindows.length > 0
          ? ` Still open, counted once closed: ${outcomes.openWindows.map((window) => window.title).join(', ')}.`
          : ''}
        {outcomes.isUpToDate
          ? ''
          : ' A window closed recently: its results are being checked against everything already shown and will appear here shortly.'}
      </Text>
      {outcomes.windows.length === 0 ? <Text>No closed windows with answers yet.</Text> : null}

      {outcomes.trend.length > 0 ? (
        <section aria-labelledby="trend-title">
          <Title order={2} id="trend-title">
            Trends
          </Title>
          {trendData.length > 1 ? (
            <figure style={{ margin: 0 }}>
              <figcaption>
                <Text size="sm">Mean score of everyone who answered each window</Text>
              </figcaption>
              <LineChart
                h={260}
                data={trendData}
                dataKey="window"
                series={series}
                withLegend
                curveType="linear"
              />
            </figure>
          ) : null}
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Window</Table.Th>
                <Table.Th scope="col">{breakdownLabels[outcomes.breakdown]}</Table.Th>
                <Table.Th scope="col">People</Table.Th>
                {instrument.subscales.map((subscale) => (
                  <Table.Th scope="col" key={subscale.id}>
                    {subscale.name} (mean, SD)
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcomes.trend.map((point) => (
                <Table.Tr key={`${point.windowId}/${point.group?.key ?? 'all'}`}>
                  <Table.Td>{windowTitle(point.windowId)}</Table.Td>
                  <Table.Td>{groupLabel(point.group)}</Table.Td>
                  {point.result.status === 'released' ? (
                    <>
                      <Table.Td>{point.result.n}</Table.Td>
                      {point.result.subscales.map((entry) => (
                        <Table.Td key={entry.subscaleId}>
                          {fixed(entry.mean)} ({fixed(entry.standardDeviation)})
                        </Table.Td>
                      ))}
                    </>
                  ) : (
                    <Table.Td colSpan={1 + instrument.subscales.length}>{hiddenText(point.result)}</Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      ) : null}

      {outcomes.distributions.length > 0 ? (
        <section aria-labelledby="distribution-title">
          <Title order={2} id="distribution-title">
            How people are spread across the ranges — {windowTitle(outcomes.focusWindowId)}
          </Title>
          {instrument.subscales.map((subscale) => {
            const rows = outcomes.distributions.filter((entry) => entry.subscaleId === subscale.id);
            const chartData = rows.flatMap((entry) =>
              entry.result.status === 'released' && entry.result.bands.some((band) => band.count !== null)
                ? [
                    Object.fromEntries([
                      ['group', groupLabel(entry.group)],
                      ...entry.result.bands.map((band) => [band.label, band.count ?? 0]),
                    ]),
                  ]
                : [],
            );
            return (
              <Stack key={subscale.id} gap="xs" mt="sm">
                <Title order={3} size="h4">
                  {subscale.name}
                </Title>
                {chartData.length > 0 ? (
                  <figure style={{ margin: 0 }}>
                    <figcaption>
                      <Text size="sm">People per range (hidden ranges drawn as 0; see the table)</Text>
                    </figcaption>
                    <BarChart
                      h={220}
                      data={chartData}
                      dataKey="group"
                      type="stacked"
                      series={subscale.bands.map((band, index) => ({
                        name: band.label,
                        color: colors[index % colors.length] as string,
                      }))}
                      withLegend
                    />
                  </figure>
                ) : null}
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{breakdownLabels[outcomes.breakdown]}</Table.Th>
                      <Table.Th scope="col">People</Table.Th>
                      {subscale.bands.map((band) => (
                        <Table.Th scope="col" key={band.id}>
                          {band.label} ({band.min}–{band.max})
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((entry) => (
                      <Table.Tr key={entry.group?.key ?? 'all'}>
                        <Table.Td>{groupLabel(entry.group)}</Table.Td>
                        {entry.result.status === 'released' ? (
                          <>
                            <Table.Td>{entry.result.n}</Table.Td>
                            {entry.result.bands.map((band) => (
                              <Table.Td key={band.bandId}>
                                {band.count === null
                                  ? hiddenText()
                                  : `${band.count} (${Math.round((100 * band.count) / (entry.result as { n: number }).n)}%)`}
                              </Table.Td>
                            ))}
                          </>
                        ) : (
                          <Table.Td colSpan={1 + subscale.bands.length}>{hiddenText(entry.result)}</Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            );
          })}
        </section>
      ) : null}

      {outcomes.change.length > 0 ? (
        <section aria-labelledby="change-title">
          <Title order={2} id="change-title">
            Before and after: {windowTitle(outcomes.baselineWindowId)} → {windowTitle(outcomes.focusWindowId)}
          </Title>
          <Text size="sm">
            People who answered both windows. Change with its 95% confidence interval; d_z is the mean change
            over the SD of the changes, g_av Hedges’ g over the average of the before and after SDs (Lakens
            2013); reliable change is the Jacobson–Truax index with{' '}
            {describeReliabilityOf(instrument.subscales)}, and the SD of the baseline window’s whole cohort.
          </Text>
          {(() => {
            const overall = outcomes.change.find((entry) => entry.group === null);
            if (overall?.result.status !== 'released') return null;
            const data = overall.result.subscales.map((entry) => ({
              subscale: instrument.subscales.find((subscale) => subscale.id === entry.subscaleId)?.name ?? '',
              Before: Number(entry.meanBefore.toFixed(2)),
              After: Number(entry.meanAfter.toFixed(2)),
            }));
            return (
              <figure style={{ margin: 0 }}>
                <figcaption>
                  <Text size="sm">Mean before and after, everyone with both answers</Text>
                </figcaption>
                <BarChart
                  h={220}
                  data={data}
                  dataKey="subscale"
                  series={[
                    { name: 'Before', color: 'gray.6' },
                    { name: 'After', color: 'tend.7' },
                  ]}
                  withLegend
                />
              </figure>
            );
          })()}
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{breakdownLabels[outcomes.breakdown]}</Table.Th>
                <Table.Th scope="col">Subscale</Table.Th>
                <Table.Th scope="col">People</Table.Th>
                <Table.Th scope="col">Before</Table.Th>
                <Table.Th scope="col">After</Table.Th>
                <Table.Th scope="col">Change (95% CI)</Table.Th>
                <Table.Th scope="col">d_z</Table.Th>
                <Table.Th scope="col">g_av</Table.Th>
                <Table.Th scope="col">Reliably better / worse</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outcomes.change.flatMap((entry) =>
                entry.result.status === 'released'
                  ? entry.result.subscales.map((change) => (
                      <Table.Tr key={`${entry.group?.key ?? 'all'}/${change.subscaleId}`}>
                        <Table.Td>{groupLabel(entry.group)}</Table.Td>
                        <Table.Td>
                          {instrument.subscales.find((subscale) => subscale.id === change.subscaleId)?.name}
                        </Table.Td>
                        <Table.Td>{(entry.result as { n: number }).n}</Table.Td>
                        <Table.Td>{fixed(change.meanBefore)}</Table.Td>
                        <Table.Td>{fixed(change.meanAfter)}</Table.Td>
                        <Table.Td>
                          {fixed(change.meanChange)} ({fixed(change.confidenceInterval?.lower)} to{' '}
                          {fixed(change.confidenceInterval?.upper)})
                        </Table.Td>
                        <Table.Td>{fixed(change.cohensDz, 2)}</Table.Td>
                        <Table.Td>{fixed(change.hedgesGav, 2)}</Table.Td>
                        <Table.Td>
                          {change.reliableChange.status === 'computed'
                            ? `${change.reliableChange.improved ?? 'hidden'} / ${change.reliableChange.deteriorated ?? 'hidden'}`
                            : 'not computed'}
                        </Table.Td>
                      </Table.Tr>
                    ))
                  : [
                      <Table.Tr key={entry.group?.key ?? 'all'}>
                        <Table.Td>{groupLabel(entry.group)}</Table.Td>
                        <Table.Td colSpan={8}>{hiddenText(entry.result)}</Table.Td>
                      </Table.Tr>,
                    ],
              )}
            </Table.Tbody>
          </Table>
        </section>
      ) : null}
      {outcomes.instrument.attribution.map((line) => (
        <Text key={line} size="xs">
          {line}
        </Text>
      ))}
    </Stack>
  );
}
