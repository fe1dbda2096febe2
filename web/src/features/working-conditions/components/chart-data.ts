import type { ReportCount, ReportSummary } from '../api/working-conditions.ts';

/** One colour per stressor category, in the order the summary lists them; both charts share it. */
const categoryColors = ['teal.7', 'blue.7', 'grape.7', 'orange.7', 'cyan.8', 'red.7', 'gray.6'];

export type ChartRow = Record<string, string | number | null>;

export type CountChart = {
  data: ChartRow[];
  series: { name: string; label: string; color: string }[];
  /** Counts left out of the chart because the privacy gate hid them. */
  hiddenCount: number;
  cellCount: number;
};

/**
 * Rows for a stacked bar chart: one per column (week or unit), one series per category. A hidden
 * count becomes null — recharts then draws no bar — never 0, which would claim "no reports".
 */
export function countChart(
  summary: ReportSummary,
  columns: string[],
  pick: (category: ReportSummary['categories'][number]) => ReportCount[],
): CountChart {
  let hiddenCount = 0;
  const data = columns.map((column, index) => {
    const row: ChartRow = { column };
    for (const category of summary.categories) {
      const count = pick(category)[index];
      if (count?.status === 'released') row[category.category] = count.reports;
      else {
        row[category.category] = null;
        hiddenCount += 1;
      }
    }
    return row;
  });
  return {
    data,
    series: summary.categories.map((category, index) => ({
      name: category.category,
      label: category.label,
      color: categoryColors[index % categoryColors.length] ?? 'gray.6',
    })),
    hiddenCount,
    cellCount: columns.length * summary.categories.length,
  };
}

/** The columns in which no count at all may be shown: their bars are absent, not empty. */
export function fullyHiddenColumns(chart: CountChart): string[] {
  return chart.data
    .filter((row) => chart.series.every((series) => row[series.name] === null))
    .map((row) => String(row.column));
}
