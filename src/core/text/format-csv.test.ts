import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsv } from './format-csv.ts';

describe('the CSV writer every export uses', () => {
  it.each([
    '=cmd()',
    '+1+1',
    '-1+HYPERLINK("https://evil.example","x")',
    '-2+3+HYPERLINK("https://evil.example","x")',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
  ])('opens %j as text, never as a formula', (cell) => {
    const [row] = parse(formatCsv([[cell]]), { relax_quotes: true }) as string[][];
    expect(row?.[0]).toBe(`'${cell}`);
  });

  it('keeps numbers numbers, negative ones included', () => {
    expect(formatCsv([['change', -2.4, 0, 3]])).toBe('change,-2.4,0,3\r\n');
  });

  it('quotes commas, quotes and line breaks, and leaves empty cells empty', () => {
    expect(formatCsv([['a,b', 'say "hi"', 'two\nlines', null, undefined]], { lineEnding: 'lf' })).toBe(
      '"a,b","say ""hi""","two\nlines",,\n',
    );
  });
});
