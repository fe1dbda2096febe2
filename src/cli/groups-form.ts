import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { formGroups } from '../core/grouping/form-groups.ts';
import { knownLevels } from '../core/grouping/levels.ts';
import type { MipSolver } from '../core/grouping/mip.ts';
import type {
  ConflictOfInterest,
  GroupingInput,
  GroupingResult,
  GroupingWeights,
  HistoryMode,
  Participant,
} from '../core/grouping/model.ts';
import { describeWeeklySlot, parseWeeklySlotList } from '../core/grouping/weekly-slot.ts';

export type CommandIo = {
  readFile(path: string): Promise<string>;
  /** The MIP solver for the exact fallback (HiGHS); loaded only when forming. */
  loadSolver(): Promise<MipSolver>;
  stdout(text: string): void;
  stderr(text: string): void;
};

const usage = `Usage: tend groups form <roster.csv> [options] > groups.csv

Forms groups of 8–10 that mix levels, each with a facilitator and one weekly hour all members
are free. Groups go to standard output as CSV; a summary with each group's explanation and
everyone left out (with the reason) goes to standard error. See docs/grouping.md.

Options:
  --min <n>                 smallest group, facilitators included (default 8)
  --max <n>                 largest group (default 10)
  --facilitators <a..b|n>   facilitators per group, e.g. 1..2 (default) or 1
  --weights <k=v,...>       level, discipline, interests, experience, history (default level=3,discipline=1,interests=1,experience=1,history=1)
  --mode <new|stable>       re-forming: prefer new combinations (default) or keep previous groups together
  --previous <file.csv>     last term's groups: columns id and group (a previous groups.csv works)
  --experience-unit <u>     facilitator experience is in years (default) or sessions
  --seed <n>                same roster and seed give the same groups (default 1)
  --effort <x>              search effort multiplier (default 1)
  --time-limit <s>          seconds the exact check may take when someone would be left out (default 20)

Roster columns (header row required; only id, level and availability are required):
  id, name, level (student-1..student-4, resident, practitioner, faculty), discipline,
  availability (e.g. "tue-12 wed-18 thu-9..12"), interests (separated by ;), facilitator (yes/no),
  experience, previous_group, pinned_group, not_with (ids separated by ;), supervises (ids separated by ;)`;

class InputError extends Error {}

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
const weightKeys: readonly (keyof GroupingWeights)[] = [
  'level',
  'discipline',
  'interests',
  'experience',
  'history',
];

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

function parseWholeNumber(option: string, value: string): number {
  if (!/^\d+$/.test(value.trim()))
    throw new InputError(`--${option} must be a whole number, not "${value}".`);
  return Number(value);
}

function parseRange(option: string, value: string): { min: number; max: number } {
  const match = /^\s*(\d+)\s*(?:(?:\.\.|-)\s*(\d+)\s*)?$/.exec(value);
  if (!match) throw new InputError(`--${option} must be a number or a range like 1..2, not "${value}".`);
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (max < min) throw new InputError(`--${option} ${value}: the maximum is below the minimum.`);
  return { min, max };
}

function parseWeights(value: string): Partial<GroupingWeights> {
  const weights: Partial<GroupingWeights> = {};
  for (const part of value.split(',').filter((item) => item.trim())) {
    const [rawKey = '', rawValue = ''] = part.split('=');
    const key = rawKey.trim() as keyof GroupingWeights;
    if (!weightKeys.includes(key)) {
      throw new InputError(`--weights: unknown weight "${rawKey.trim()}"; use ${weightKeys.join(', ')}.`);
    }
    const number = Number(rawValue.trim());
    if (rawValue.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1000) {
      throw new InputError(`--weights: ${key} must be a number from 0 to 1000, not "${rawValue.trim()}".`);
    }
    weights[key] = number;
  }
  return weights;
}

function parseYesNo(value: string): boolean | null {
  const normalised = value.trim().toLowerCase();
  if (['yes', 'y', 'true', '1', 'x'].includes(normalised)) return true;
  if (['no', 'n', 'false', '0', ''].includes(normalised)) return false;
  return null;
}

/** Reads the roster into participants and conflicts, collecting every problem with its row and column. */
function readRoster(
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
function applyPrevious(text: string, file: string, participants: Participant[]): void {
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

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function formatGroupsCsv(result: GroupingResult, participants: readonly Participant[]): string {
  const byId = new Map(participants.map((participant) => [participant.id, participant]));
  const lines = [
    [
      'group',
      'meeting_slot',
      'meeting_time',
      'id',
      'name',
      'level',
      'discipline',
      'facilitator',
      'unplaced_reason',
    ],
  ];
  for (const group of result.groups) {
    for (const id of group.memberIds) {
      const person = byId.get(id);
      lines.push([
        group.id,
        group.slot,
        describeWeeklySlot(group.slot),
        id,
        person?.name ?? '',
        person?.level ?? '',
        person?.discipline ?? '',
        group.facilitatorIds.includes(id) ? 'yes' : 'no',
        '',
      ]);
    }
  }
  for (const entry of result.unplaced) {
    const person = byId.get(entry.id);
    lines.push([
      '',
      '',
      '',
      entry.id,
      person?.name ?? '',
      person?.level ?? '',
      person?.discipline ?? '',
      person?.isFacilitator ? 'yes' : 'no',
      entry.message,
    ]);
  }
  return `${lines.map((line) => line.map(csvCell).join(',')).join('\n')}\n`;
}

function formatSummary(result: GroupingResult, peopleCount: number): string {
  const lines: string[] = [];
  const placed = result.groups.reduce((sum, group) => sum + group.memberIds.length, 0);
  lines.push(
    `${result.groups.length} groups, ${placed} of ${peopleCount} people placed; penalty ${result.score.total.toFixed(1)} (lower is better; level ${result.score.level.toFixed(1)}, discipline ${result.score.discipline.toFixed(1)}, interests ${result.score.interests.toFixed(1)}, experience ${result.score.experience.toFixed(1)}, history ${result.score.history.toFixed(1)})`,
  );
  if (result.groups.length > 0) lines.push(result.levelMix.message);
  for (const group of result.groups) {
    lines.push(
      `${group.id} (${group.memberIds.length} people, penalty ${group.score.total.toFixed(1)}): ${group.explanation}`,
    );
  }
  if (result.unplaced.length > 0) {
    lines.push(`Not placed (${result.unplaced.length}):`);
    for (const entry of result.unplaced) lines.push(`  ${entry.id}: ${entry.message}`);
  }
  for (const diagnosis of result.diagnoses) lines.push(`Note: ${diagnosis.message}`);
  return `${lines.join('\n')}\n`;
}

/** `tend groups form roster.csv [options] > groups.csv`; returns the exit code (2 for bad input). */
export async function groupsFormCommand(argv: string[], io: CommandIo): Promise<number> {
  try {
    let parsed: ReturnType<typeof parseOptions>;
    try {
      parsed = parseOptions(argv);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`${(error as Error).message}\n\n${usage}`);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${usage}\n`);
      return 0;
    }
    const [file, ...extra] = positionals;
    if (!file)
      throw new InputError(`name the roster file, e.g. tend groups form roster.csv > groups.csv\n\n${usage}`);
    if (extra.length > 0) throw new InputError(`one roster file only; also got ${extra.join(', ')}.`);

    const rules: NonNullable<GroupingInput['rules']> = {};
    const min = values.min === undefined ? 8 : parseWholeNumber('min', values.min);
    const max = values.max === undefined ? Math.max(10, min) : parseWholeNumber('max', values.max);
    if (min < 2) throw new InputError(`--min must be at least 2, not ${min}.`);
    if (max < min) throw new InputError(`--max (${max}) is below --min (${min}).`);
    rules.groupSize = { min, max };
    if (values.facilitators !== undefined) {
      rules.facilitatorsPerGroup = parseRange('facilitators', values.facilitators);
      if (rules.facilitatorsPerGroup.min > max) {
        throw new InputError(
          `--facilitators ${values.facilitators} does not fit in groups of at most ${max}.`,
        );
      }
    }
    const mode = values.mode ?? 'new';
    const historyModes: Record<string, HistoryMode> = {
      new: 'new-combinations',
      'new-combinations': 'new-combinations',
      stable: 'stable',
    };
    const historyMode = historyModes[mode];
    if (!historyMode) throw new InputError(`--mode must be new or stable, not "${mode}".`);
    const unit = values['experience-unit'] ?? 'years';
    if (unit !== 'years' && unit !== 'sessions') {
      throw new InputError(`--experience-unit must be years or sessions, not "${unit}".`);
    }
    const seed = values.seed === undefined ? 1 : parseWholeNumber('seed', values.seed);
    const effort = values.effort === undefined ? 1 : Number(values.effort);
    if (!Number.isFinite(effort) || effort < 0 || effort > 50) {
      throw new InputError(`--effort must be a number from 0 to 50, not "${values.effort}".`);
    }

    const timeLimit = values['time-limit'] === undefined ? 20 : Number(values['time-limit']);
    if (!Number.isFinite(timeLimit) || timeLimit <= 0 || timeLimit > 3600) {
      throw new InputError(
        `--time-limit must be a number of seconds from 1 to 3600, not "${values['time-limit']}".`,
      );
    }

    // HiGHS loads while the roster is read: it is needed only if someone would be left out.
    const solver = io.loadSolver();
    solver.catch(() => undefined);
    const rosterText = await readInput(io, file);
    const { participants, conflicts } = readRoster(rosterText, file);
    if (values.previous) applyPrevious(await readInput(io, values.previous), values.previous, participants);
    const input: GroupingInput = {
      participants,
      conflicts,
      rules,
      weights: values.weights ? parseWeights(values.weights) : {},
      historyMode,
      experienceUnit: unit,
      seed,
      effort,
    };
    const result = formGroups(input, { exact: { solve: await solver, timeLimitSeconds: timeLimit } });
    io.stdout(formatGroupsCsv(result, participants));
    io.stderr(formatSummary(result, participants.length));
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`tend groups form: ${error.message}\n`);
      return 2;
    }
    io.stderr(`tend groups form: unexpected failure: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      min: { type: 'string' },
      max: { type: 'string' },
      facilitators: { type: 'string' },
      weights: { type: 'string' },
      mode: { type: 'string' },
      previous: { type: 'string' },
      'experience-unit': { type: 'string' },
      seed: { type: 'string' },
      effort: { type: 'string' },
      'time-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function readInput(io: CommandIo, path: string): Promise<string> {
  try {
    return await io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(`cannot read ${path}: ${reason}.`);
  }
}
