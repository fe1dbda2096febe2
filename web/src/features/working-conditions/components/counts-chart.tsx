// Chart styles travel with the charts, so pages without a chart do not download them.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { ColorSwatch, Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { CountChart } from './chart-data.ts';
import { fullyHiddenColumns } from './chart-data.ts';

/** Every category for one bar, hidden counts named as such rather than left out or shown as 0. */
function BarTooltip({ chart, column }: { chart: CountChart; column: string }) {
  const row = chart.data.find((candidate) => candidate.column === column);
  if (!row) return null;
  return (
    <Paper withBorder shadow="sm" p="xs" fz="sm">
      <Text fw={600} size="sm">
        {column}
      </Text>
      {chart.series.map((series) => {
        const reports = row[series.name];
        return (
          <Group key={series.name} justify="space-between" gap="md" wrap="nowrap">
            <Group gap={6} wrap="nowrap">
              <ColorSwatch color={`var(--mantine-color-${series.color.replace('.', '-')})`} size={10} />
              <span>{series.label}</span>
            </Group>
            <span>{reports === null ? 'hidden' : reports}</span>
          </Group>
        );
      })}
    </Paper>
  );
}

function largestShownCount(chart: CountChart): { column: string; label: string; reports: number } | null {
  let largest: { column: string; label: string; reports: number } | null = null;
  for (const row of chart.data) {
    for (const series of chart.series) {
      const reports = row[series.name];
      if (typeof reports === 'number' && reports > (largest?.reports ?? 0)) {
        largest = { column: String(row.column), label: series.label, reports };
      }
    }
  }
  return largest;
}

/**
 * A stacked bar chart of report counts, one bar per week or unit. The chart itself is hidden from
 * assistive technology: the caption and text summarise it, and the table beside it holds every count.
 */
export function CountsChart({
  caption,
  chart,
  columnName,
  minimumGroupSize,
  orientation = 'horizontal',
}: {
  caption: string;
  chart: CountChart;
  /** How one column is named in prose, e.g. "week of" or "unit". */
  columnName: string;
  minimumGroupSize: number;
  orientation?: 'horizontal' | 'vertical';
}) {
  const captionId = useId();
  const largest = largestShownCount(chart);
  const emptyColumns = fullyHiddenColumns(chart);
  const fullyHidden = new Set(emptyColumns);
  // A dash after a label, as in the table: that bar is absent because its counts are hidden, not zero.
  const markHidden = (column: string) => (fullyHidden.has(column) ? `${column} –` : column);
  const height = orientation === 'vertical' ? Math.max(240, chart.data.length * 36 + 90) : 320;
  return (
    <Paper component="figure" withBorder p="md" m={0} aria-labelledby={captionId}>
      <Stack gap="sm">
        <Text component="figcaption" id={captionId} fw={600}>
          {caption}
        </Text>
        {largest ? (
          <div aria-hidden="true">
            <BarChart
              h={height}
              data={chart.data}
              dataKey="column"
              type="stacked"
              orientation={orientation}
              series={chart.series}
              withLegend
              legendProps={{ verticalAlign: 'bottom' }}
              barChartProps={{ accessibilityLayer: false }}
              tooltipProps={{
                content: ({ active, label }) =>
                  active ? <BarTooltip chart={chart} column={String(label)} /> : null,
              }}
              {...(orientation === 'vertical'
                ? {
                    yAxisProps: { width: 180, tickFormatter: markHidden },
                    xAxisProps: { allowDecimals: false },
                  }
                : { yAxisProps: { allowDecimals: false }, xAxisProps: { tickFormatter: markHidden } })}
            />
          </div>
        ) : null}
        <Text size="sm">
          {largest
            ? `Largest count shown: ${largest.reports} ${largest.label} reports (${columnName} ${largest.column}). `
            : 'No count can be shown yet, so there is nothing to chart. '}
          {chart.hiddenCount > 0
            ? ' Pointing at a bar lists every category, hidden counts as “hidden”. '
            : ''}
          {chart.hiddenCount > 0
            ? `${chart.hiddenCount} of ${chart.cellCount} counts are hidden — each covers fewer than ${minimumGroupSize} reports or could be worked out by subtraction — and are left out of the chart, not drawn as zero; the table marks them with a dash.`
            : 'No count is hidden.'}
          {largest && emptyColumns.length > 0
            ? ` Nothing can be shown for ${columnName} ${emptyColumns.join(', ')} (a dash after the label).`
            : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
