/**
 * Reading the roster and last term's groups for `tend groups form`: CSV into participants and
 * conflicts, every problem collected with its row and column.
 */
import { parse } from 'csv-parse/sync';
import { knownLevels } from '../core/grouping/levels.ts';
import type { ConflictOfInterest, Participant } from '../core/grouping/model.ts';
import { parseWeeklySlotList } from '../core/grouping/weekly-slot.ts';

/** Input a person must fix; the command prints its message and exits with code 2. */
export class InputError extends Error {}

const columnAliases: Record<string, string> = {
  is_facilitator: 'facilitator',
  isfacilitator: 'facilitator',
  facilitator_experience: 'experience',
  previous_group_id: 'previous_group',
  pinned_group_id: 'pinned_group',
  pinned: 'pinned_group',
  group: 'group',
};
const requiredColumns = ['id', 'level', 'availability'] as const;
function normaliseHeader(name: string): string {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return columnAliases[key] ?? key;
}

function readCsv(text: string, file: string): { columns: string[]; rows: string[][] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new InputError(`${file} is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new InputError(`${file} is empty; its first row must name the columns.`);
  return { columns: header.map(normaliseHeader), rows };
}

function splitList(value: string): string[] {
  return value
    .split(/[;|]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function parseYesNo(value: string): boolean | null {
  const normalised = value.trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'x'].includes(normalised)) return true;
  if (['no', 'n', 'false', '0', ''].includes(normalised)) return false;
  return null;
}

/** Reads the roster into participants and conflicts, collecting every problem with its row and column. */
export function readRoster(
  text: string,
  file: string,
): { participants: Participant[]; conflicts: ConflictOfInterest[] } {
  const { columns, rows } = readCsv(text, file);
  const missing = requiredColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new InputError(
      `${file}: the header row lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}. Found: ${columns.join(', ')}.`,
    );
  }
  const problems: string[] = [];
  const participants: Participant[] = [];
  const references: {
    row: number;
    column: string;
    from: string;
    to: string;
    kind: ConflictOfInterest['kind'];
  }[] = [];
  const rowOfId = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = index + 2;
    const value = (column: string) => cells[columns.indexOf(column)]?.trim() ?? '';
    const report = (column: string, message: string) =>
      problems.push(`row ${row}, column ${column}: ${message}`);
    const id = value('id');
    if (!id) {
      report('id', 'is empty; every person needs an id');
      return;
    }
    const firstRow = rowOfId.get(id);
    if (firstRow !== undefined) report('id', `"${id}" repeats row ${firstRow}`);
    else rowOfId.set(id, row);
    const level = value('level').toLowerCase();
    if (!(knownLevels as readonly string[]).includes(level)) {
      report('level', `"${value('level')}" is not a level; use one of ${knownLevels.join(', ')}`);
    }
    const availability = parseWeeklySlotList(value('availability'));
    for (const token of availability.invalid) {
      report('availability', `"${token}" is not a weekly hour like tue-12, or a range like thu-9..12`);
    }
    const isFacilitator = parseYesNo(value('facilitator'));
    if (isFacilitator === null) report('facilitator', `"${value('facilitator')}" must be yes or no`);
    const experienceText = value('experience');
    const experience = experienceText === '' ? undefined : Number(experienceText);
    if (experience !== undefined && (!Number.isFinite(experience) || experience < 0)) {
      report('experience', `"${experienceText}" must be a number of years or sessions, 0 or more`);
    }
    for (const other of splitList(value('not_with'))) {
      references.push({ row, column: 'not_with', from: id, to: other, kind: 'request' });
    }
    for (const other of splitList(value('supervises'))) {
      references.push({ row, column: 'supervises', from: id, to: other, kind: 'supervision' });
    }
    const participant: Participant = {
      id,
      level,
      availability: availability.slots,
      interests: splitList(value('interests')),
      isFacilitator: isFacilitator === true,
    };
    if (value('name')) participant.name = value('name');
    if (value('discipline')) participant.discipline = value('discipline');
    if (experience !== undefined && Number.isFinite(experience))
      participant.facilitatorExperience = experience;
    if (value('previous_group')) participant.previousGroupId = value('previous_group');
    if (value('pinned_group')) participant.pinnedGroupId = value('pinned_group');
    participants.push(participant);
  });
  const conflicts: ConflictOfInterest[] = [];
  for (const reference of references) {
    if (!rowOfId.has(reference.to)) {
      problems.push(
        `row ${reference.row}, column ${reference.column}: "${reference.to}" is not an id in the roster`,
      );
    } else if (reference.to === reference.from) {
      problems.push(
        `row ${reference.row}, column ${reference.column}: a person cannot be in conflict with themselves`,
      );
    } else conflicts.push({ participantIds: [reference.from, reference.to], kind: reference.kind });
  }
  if (rows.length === 0) problems.push(`${file} has a header but no people`);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    if (problems.length > 20) shown.push(`… and ${problems.length - 20} more`);
    throw new InputError(
      `${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix:\n  ${shown.join('\n  ')}`,
    );
  }
  return { participants, conflicts };
}

/** Applies last term's groups (columns id and group/previous_group) as previous groupmates. */
export function applyPrevious(text: string, file: string, participants: Participant[]): void {
  const { columns, rows } = readCsv(text, file);
  const groupColumn = columns.includes('group')
    ? 'group'
    : columns.includes('previous_group')
      ? 'previous_group'
      : null;
  if (!columns.includes('id') || !groupColumn) {
    throw new InputError(
      `${file}: the header row needs the columns id and group (a groups.csv from last term works).`,
    );
  }
  const previous = new Map<string, string>();
  for (const cells of rows) {
    const id = cells[columns.indexOf('id')]?.trim();
    const group = cells[columns.indexOf(groupColumn)]?.trim();
    if (id && group) previous.set(id, group);
  }
  for (const participant of participants) {
    const group = previous.get(participant.id);
    if (group) participant.previousGroupId = `previous:${group}`;
  }
}
