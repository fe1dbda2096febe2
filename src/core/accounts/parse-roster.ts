import { parse } from 'csv-parse/sync';
import { findTextProblem, type TextProblem } from '../text/plain-text.ts';
import { isLevel, isRole, type Level, type Role } from './roles.ts';

export type RosterEntry = {
  name: string;
  email: string;
  role: Role;
  level: Level | null;
  discipline: string | null;
};

export type RosterRejection = { row: number; email: string; reasons: string[] };

export type ParsedRoster =
  | { ok: true; entries: { row: number; entry: RosterEntry }[]; rejected: RosterRejection[] }
  | { ok: false; message: string };

export const rosterColumns = ['name', 'email', 'role', 'level', 'discipline'] as const;
const requiredColumns = ['name', 'email', 'role'] as const;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const maximumRosterRows = 5000;

/**
 * Reads a roster CSV (header row required; columns name, email, role, level, discipline)
 * and sorts each row into accepted or rejected with every reason a person can fix.
 * Row numbers count the header as row 1, as spreadsheets show them.
 */
export function parseRoster(csv: string): ParsedRoster {
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (error) {
    return { ok: false, message: `The file is not valid CSV: ${(error as Error).message}` };
  }
  const [header, ...rows] = records;
  if (!header) return { ok: false, message: 'The file is empty; the first row must name the columns.' };
  const columns = header.map((name) => name.toLowerCase());
  const missing = requiredColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    return {
      ok: false,
      message: `The header row lacks the column(s) ${missing.join(', ')}; expected ${rosterColumns.join(', ')}.`,
    };
  }
  if (rows.length > maximumRosterRows) {
    return {
      ok: false,
      message: `The file has ${rows.length} rows; import at most ${maximumRosterRows} at once.`,
    };
  }

  const entries: { row: number; entry: RosterEntry }[] = [];
  const rejected: RosterRejection[] = [];
  const seenEmails = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    const reasons: string[] = [];
    // A cell with a control character is refused whole and quoted in no reason: it could not be stored.
    const refused = new Set<string>();
    const value = (column: string) => {
      const cell = cells[columns.indexOf(column)]?.trim() ?? '';
      const problem = findTextProblem(cell, { isMultiline: false });
      if (!problem) return cell;
      refused.add(column);
      reasons.push(`${column === 'email' ? 'e-mail' : column} ${describeProblem[problem]}`);
      return '';
    };
    const name = value('name');
    const email = value('email').toLowerCase();
    const role = value('role').toLowerCase();
    const level = value('level').toLowerCase();
    const discipline = value('discipline');

    if (!name && !refused.has('name')) reasons.push('name is empty');
    if (name.length > 200) reasons.push('name is longer than 200 characters');
    if (!emailPattern.test(email) && !refused.has('email'))
      reasons.push(`e-mail "${email}" is not an e-mail address`);
    const firstRow = seenEmails.get(email);
    if (email && firstRow !== undefined) reasons.push(`e-mail repeats row ${firstRow}`);
    if (!isRole(role) && !refused.has('role'))
      reasons.push(`role "${role}" is not one of admin, coordinator, facilitator, participant, leader`);
    if (level && !isLevel(level)) {
      reasons.push(`level "${level}" is not one of student-1..student-4, resident, practitioner, faculty`);
    }
    if (discipline.length > 100) reasons.push('discipline is longer than 100 characters');

    if (email && firstRow === undefined) seenEmails.set(email, row);
    if (reasons.length > 0 || !isRole(role)) {
      rejected.push({ row, email, reasons });
      return;
    }
    entries.push({
      row,
      entry: {
        name,
        email,
        role,
        level: level && isLevel(level) ? level : null,
        discipline: discipline || null,
      },
    });
  });
  return { ok: true, entries, rejected };
}

const describeProblem: Record<TextProblem, string> = {
  'control-character': 'contains a control character such as NUL; retype the cell',
  'line-break': 'contains a line break or tab; keep the cell to one line',
  'broken-character': 'contains a broken character; retype the cell',
};
