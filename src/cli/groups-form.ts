import { parseArgs } from 'node:util';
import { formGroups } from '../core/grouping/form-groups.ts';
import type { MipSolver } from '../core/grouping/mip.ts';
import type {
  GroupingInput,
  GroupingResult,
  GroupingWeights,
  HistoryMode,
  Participant,
} from '../core/grouping/model.ts';
import { describeWeeklySlot } from '../core/grouping/weekly-slot.ts';
import { formatCsv } from '../core/text/format-csv.ts';
import { applyPrevious, InputError, readRoster } from './read-roster.ts';

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

const weightKeys: readonly (keyof GroupingWeights)[] = [
  'level',
  'discipline',
  'interests',
  'experience',
  'history',
];

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
  return formatCsv(lines, { lineEnding: 'lf' });
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
