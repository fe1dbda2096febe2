import { describe, expect, it } from 'vitest';
import { parseRoster } from './parse-roster.ts';

describe('parseRoster', () => {
  it('accepts well-formed rows and normalises e-mail and role', () => {
    const result = parseRoster(
      'name,email,role,level,discipline\nAda Lovelace,ADA@Example.org,Participant,student-2,Nursing\n',
    );
    expect(result).toEqual({
      ok: true,
      entries: [
        {
          row: 2,
          entry: {
            name: 'Ada Lovelace',
            email: 'ada@example.org',
            role: 'participant',
            level: 'student-2',
            discipline: 'Nursing',
          },
        },
      ],
      rejected: [],
    });
  });

  it('names every problem of a rejected row with its spreadsheet row number', () => {
    const result = parseRoster('name,email,role,level\n,not-an-email,boss,year-9\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    const [rejection] = result.rejected;
    expect(rejection?.row).toBe(2);
    expect(rejection?.reasons.join('; ')).toMatch(/name is empty/);
    expect(rejection?.reasons.join('; ')).toMatch(/not an e-mail address/);
    expect(rejection?.reasons.join('; ')).toMatch(/role "boss"/);
    expect(rejection?.reasons.join('; ')).toMatch(/level "year-9"/);
  });

  it('rejects a row with a control character, naming the row and the cell, and quotes no such cell', () => {
    const result = parseRoster(
      'name,email,role,discipline\nAda,ada@x.org,participant,Nursing\nB\u0000ob,bob@x.org\u0007,leader,"Two\nlines"\n',
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.entries.map((entry) => entry.row)).toEqual([2]);
    expect(result.rejected).toEqual([
      {
        row: 3,
        email: '',
        reasons: [
          'name contains a control character such as NUL; retype the cell',
          'e-mail contains a control character such as NUL; retype the cell',
          'discipline contains a line break or tab; keep the cell to one line',
        ],
      },
    ]);
  });

  it('rejects a repeated e-mail and points at the first occurrence', () => {
    const result = parseRoster('name,email,role\nA,a@x.org,participant\nB,A@x.org,leader\n');
    if (!result.ok) throw new Error(result.message);
    expect(result.entries.map((e) => e.row)).toEqual([2]);
    expect(result.rejected[0]?.reasons).toEqual(['e-mail repeats row 2']);
  });

  it('refuses a file without the required columns, saying which are missing', () => {
    expect(parseRoster('full name,mail\nA,a@x.org\n')).toEqual({
      ok: false,
      message: expect.stringMatching(/lacks the column\(s\) name, email, role/),
    });
  });

  it('refuses an empty file and malformed CSV with a message', () => {
    expect(parseRoster('')).toMatchObject({ ok: false });
    expect(parseRoster('name,email,role\n"unclosed,a@x.org,admin\n')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not valid CSV/),
    });
  });
});
