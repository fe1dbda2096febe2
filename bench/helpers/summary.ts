/**
 * One row of the summary table `npm run bench` prints at its end (issue 18: every figure beside its
 * reference, the ratio, and whether its target is met). A bench prints each headline figure as usual
 * and also hands it to `reportRow`, which writes it as one `BENCH-ROW {json}` line on standard output:
 * bench/run-all.ts reads those lines from each bench's output (a bench stays a separate process) and
 * prints them all as one table. A bench run on its own prints its own table as it exits.
 */

export type SummaryRow = {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  /** What the figure is measured beside, in the same run; absent where the figure has none. */
  reference?: string;
  referenceValue?: number;
  /** value ÷ referenceValue unless given (e.g. when the reference is in another unit). */
  ratio?: number;
  /** The issue's target in words, and any figure that decides it (p97.5, failures). */
  target?: string;
  /** true or false where a target exists, null where there is none. */
  met: boolean | null;
  /** Digits after the point for value and referenceValue (default: by size). */
  digits?: number;
};

export const rowMarker = 'BENCH-ROW ';

const reported: SummaryRow[] = [];

export function reportRow(row: SummaryRow): void {
  const ratio =
    row.ratio ??
    (row.referenceValue !== undefined && row.referenceValue !== 0
      ? row.value / row.referenceValue
      : undefined);
  const complete = { ...row, ...(ratio === undefined ? {} : { ratio }) };
  if (reported.length === 0 && !process.env.BENCH_SUMMARY_COLLECTED) {
    // Alone, a bench shows its own table at the end; under run-all the one table at the end shows it.
    process.once('exit', () => {
      process.stdout.write(`\n${formatSummary(reported)}\n`);
    });
  }
  reported.push(complete);
  process.stdout.write(`${rowMarker}${JSON.stringify(complete)}\n`);
}

/** The rows among a bench's output lines; other lines are left alone. */
export function rowsIn(text: string): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(rowMarker)) continue;
    try {
      rows.push(JSON.parse(line.slice(rowMarker.length)) as SummaryRow);
    } catch {
      // A line cut off by a crash: the bench's own output still shows what happened.
    }
  }
  return rows;
}

export function formatNumber(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const places =
    digits ?? (Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString('en', { maximumFractionDigits: places, minimumFractionDigits: places });
}

const withUnit = (value: number, unit: string, digits?: number) =>
  `${formatNumber(value, digits)}${unit ? ` ${unit}` : ''}`;

/** An aligned table: bench | figure | value | reference | ratio | target | met (✓ / ✗ / –). */
export function formatSummary(rows: SummaryRow[]): string {
  const header = ['bench', 'figure', 'value', 'reference', 'ratio', 'target', 'met'];
  const cells = rows.map((row) => [
    row.bench,
    row.figure,
    withUnit(row.value, row.unit, row.digits),
    row.reference === undefined
      ? '–'
      : row.referenceValue === undefined
        ? row.reference
        : `${row.reference} ${withUnit(row.referenceValue, row.unit, row.digits)}`,
    row.ratio === undefined ? '–' : `×${row.ratio.toFixed(2)}`,
    row.target ?? '–',
    row.met === null ? '–' : row.met ? '✓' : '✗',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((row) => (row[column] ?? '').length)),
  );
  // Numbers line up on the right, words on the left.
  const numeric = new Set([2, 4]);
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        numeric.has(column)
          ? cell.padStart(widths[column] as number)
          : cell.padEnd(column === row.length - 1 ? 0 : (widths[column] as number)),
      )
      .join(' | ');
  const met = rows.filter((row) => row.met === true).length;
  const missed = rows.filter((row) => row.met === false).length;
  return [
    line(header),
    widths.map((width) => '-'.repeat(width)).join('-|-'),
    ...cells.map(line),
    `${rows.length} figures; targets met ${met}, not met ${missed}, no target ${rows.length - met - missed}.`,
  ].join('\n');
}
