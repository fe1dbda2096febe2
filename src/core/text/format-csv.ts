import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer for every export in Tend (API downloads and `tend groups form`).
 *
 * Text cells that a spreadsheet would run as a formula — starting with =, +, -, @, a tab or a carriage
 * return, or their full-width look-alikes — are prefixed with an apostrophe by csv-stringify's
 * `escape_formulas` (OWASP's CSV-injection advice), so "-1+HYPERLINK(…)" opens as text. Numbers are
 * passed as numbers and never escaped, so a change of -2.4 still reads as a number: a figure must be
 * given as a number, not as text, to stay one.
 */
export type CsvCell = string | number | null | undefined;

export function formatCsv(
  rows: readonly (readonly CsvCell[])[],
  options: { lineEnding?: 'crlf' | 'lf' } = {},
): string {
  return stringify(
    rows.map((row) => row.map((cell) => cell ?? '')),
    {
      escape_formulas: true,
      // A lone CR or LF is not the record delimiter, so the library would leave it bare; spreadsheets
      // would then split the row there.
      quoted_match: /[\r\n]/,
      record_delimiter: options.lineEnding === 'lf' ? 'unix' : 'windows',
      eof: true,
    },
  );
}
