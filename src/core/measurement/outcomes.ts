import { bandCells, groupByBand } from '../evaluation/band-distribution.ts';
import { mean, standardDeviation } from '../evaluation/descriptive-statistics.ts';
import { summarizePairedChange } from '../evaluation/paired-change.ts';
import {
  type AggregateCell,
  type ReleasedCell,
  releaseAggregates,
  type SuppressedCell,
  type SuppressionReason,
} from '../evaluation/release-aggregates.ts';
import { classifyReliableChangeOnSubscale, reliableChangeCells } from '../evaluation/reliable-change.ts';
import type { Instrument, Subscale } from '../instruments/instrument.ts';

/**
 * The outcomes dashboard of one instrument: trends across windows, the score distribution of one
 * window, and change from a baseline window to it — overall and per program, level or discipline.
 * Every figure is a cell of ONE `releaseAggregates` call, so nothing shown together can be
 * subtracted to learn about fewer than the organisation's minimum; hidden cells keep only why.
 *
 * Only responses with every subscale complete count here (a response with a skipped item still
 * gives its owner the complete subscales): each cell's figures then describe exactly its members.
 *
 * Member ids are "<measurement>:<person>": a window's scores are one measurement, the before/after
 * pairs another. Figures of different measurements are different numbers about the same people
 * (March's burnout is not June's), so no sum or difference of them isolates anyone's score, and
 * with disjoint ids `releaseAggregates` checks each measurement on its own — exactly, and fast.
 * Within a measurement every nesting is checked: a window's mean against the mean of the people
 * who also answered the follow-up (the change's "before" figure) is the classic subtraction, and
 * both cells carry the same ids, so it is caught. docs/decisions/008-measurement-outcomes.md.
 */

export const breakdowns = ['program', 'level', 'discipline'] as const;
export type Breakdown = (typeof breakdowns)[number];

export type OutcomeResponse = {
  personId: string;
  windowId: string;
  programId: string | null;
  level: string | null;
  discipline: string | null;
  /** Subscale id → reported score; every subscale of the instrument present. */
  scores: Readonly<Record<string, number>>;
};

export type OutcomeWindow = { id: string; title: string; opensAt: string };

export type Hidden = { status: 'hidden'; reason: SuppressionReason; explanation: string };
export type SubscaleMean = { subscaleId: string; mean: number; standardDeviation: number | null };
export type GroupRef = { key: string; label: string } | null;

export type TrendPoint = {
  windowId: string;
  group: GroupRef;
  result: { status: 'released'; n: number; subscales: SubscaleMean[] } | Hidden;
};

export type Distribution = {
  group: GroupRef;
  subscaleId: string;
  result:
    | {
        status: 'released';
        n: number;
        /** count null: that band is hidden (its share cannot be shown either). */
        bands: { bandId: string; label: string; count: number | null }[];
      }
    | Hidden;
};

export type ReliableChangeCounts =
  | {
      status: 'computed';
      reliableChangeThreshold: number;
      improved: number | null;
      deteriorated: number | null;
      noReliableChange: number | null;
    }
  | { status: 'not-computed'; message: string };

export type SubscaleChange = {
  subscaleId: string;
  meanBefore: number;
  meanAfter: number;
  meanChange: number;
  confidenceInterval: { level: number; lower: number; upper: number } | null;
  cohensDz: number | null;
  hedgesGz: number | null;
  reliableChange: ReliableChangeCounts;
};

export type Change = {
  group: GroupRef;
  result: { status: 'released'; n: number; subscales: SubscaleChange[] } | Hidden;
};

export type Outcomes = {
  instrumentId: string;
  minimumGroupSize: number;
  breakdown: Breakdown;
  windows: OutcomeWindow[];
  focusWindowId: string | null;
  baselineWindowId: string | null;
  groups: { key: string; label: string }[];
  trend: TrendPoint[];
  distributions: Distribution[];
  change: Change[];
  hiddenCount: number;
};

export const notRecordedKey = 'not-recorded';

function groupKeyOf(response: OutcomeResponse, breakdown: Breakdown): string {
  const value =
    breakdown === 'program'
      ? response.programId
      : breakdown === 'level'
        ? response.level
        : response.discipline;
  return value === null || value === '' ? notRecordedKey : value;
}

type TrendFigures = { kind: 'trend'; windowId: string; group: GroupRef; subscales: SubscaleMean[] };
type BandFigures = { kind: 'band'; bandId: string; label: string };
type ChangeFigures = { kind: 'change'; group: GroupRef; subscales: Omit<SubscaleChange, 'reliableChange'>[] };
type CategoryFigures = { kind: 'category'; category: string };
type PartFigures = { kind: 'part' };
type Figures = TrendFigures | BandFigures | ChangeFigures | CategoryFigures | PartFigures;

function summarizeMeans(instrument: Instrument, members: readonly OutcomeResponse[]): SubscaleMean[] {
  return instrument.subscales.map((subscale) => {
    const values = members.map((response) => response.scores[subscale.id] as number);
    return {
      subscaleId: subscale.id,
      mean: mean(values) ?? 0,
      standardDeviation: standardDeviation(values),
    };
  });
}

function partition<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

export function buildOutcomes(input: {
  instrument: Instrument;
  windows: readonly OutcomeWindow[];
  responses: readonly OutcomeResponse[];
  breakdown: Breakdown;
  /** Labels for group keys (program titles); other keys are shown as they are. */
  groupLabels?: Readonly<Record<string, string>>;
  focusWindowId?: string | null;
  baselineWindowId?: string | null;
  minimumGroupSize: number;
}): Outcomes {
  const { instrument, breakdown } = input;
  const windows = [...input.windows].sort((a, b) => a.opensAt.localeCompare(b.opensAt));
  const byWindow = partition(input.responses, (response) => response.windowId);
  const answered = windows.filter((window) => byWindow.has(window.id));
  const focusWindowId = input.focusWindowId ?? answered[answered.length - 1]?.id ?? null;
  const baselineWindowId =
    input.baselineWindowId ?? (answered[0] && answered[0].id !== focusWindowId ? answered[0].id : null);

  const labelOf = (key: string) =>
    key === notRecordedKey ? 'Not recorded' : (input.groupLabels?.[key] ?? key);
  const groupKeys = [...new Set(input.responses.map((response) => groupKeyOf(response, breakdown)))].sort(
    (a, b) => labelOf(a).localeCompare(labelOf(b)),
  );
  const refOf = (key: string): GroupRef => ({ key, label: labelOf(key) });

  const cells: AggregateCell<Figures>[] = [];
  // Member ids name the measurement as well as the person (see the note at the top).
  const ids = (members: readonly { personId: string }[], universe: string) =>
    members.map((member) => `${universe}:${member.personId}`);

  // Trends: every window, overall and per group.
  for (const window of windows) {
    const members = byWindow.get(window.id) ?? [];
    if (members.length === 0) continue;
    cells.push({
      id: `w:${window.id}`,
      memberIds: ids(members, window.id),
      figures: {
        kind: 'trend',
        windowId: window.id,
        group: null,
        subscales: summarizeMeans(instrument, members),
      },
    });
    for (const [key, groupMembers] of partition(members, (response) => groupKeyOf(response, breakdown))) {
      cells.push({
        id: `w:${window.id}|g:${key}`,
        memberIds: ids(groupMembers, window.id),
        figures: {
          kind: 'trend',
          windowId: window.id,
          group: refOf(key),
          subscales: summarizeMeans(instrument, groupMembers),
        },
      });
    }
  }

  // Distribution of the focus window: each band of each subscale is a cell of its own.
  const focusMembers = focusWindowId ? (byWindow.get(focusWindowId) ?? []) : [];
  const distributionGroups: { group: GroupRef; cellId: string; members: OutcomeResponse[] }[] = [];
  if (focusWindowId && focusMembers.length > 0) {
    distributionGroups.push({ group: null, cellId: `w:${focusWindowId}`, members: focusMembers });
    for (const [key, members] of partition(focusMembers, (response) => groupKeyOf(response, breakdown))) {
      distributionGroups.push({ group: refOf(key), cellId: `w:${focusWindowId}|g:${key}`, members });
    }
    for (const { cellId, members } of distributionGroups) {
      for (const subscale of instrument.subscales) {
        const bands = groupByBand(
          subscale,
          members.map((member) => ({
            personId: `${focusWindowId}:${member.personId}`,
            score: member.scores[subscale.id] as number,
          })),
        );
        for (const cell of bandCells(`${cellId}|s:${subscale.id}`, bands)) {
          cells.push({ ...cell, figures: { kind: 'band', ...cell.figures } });
        }
      }
    }
  }

  // Change from baseline to focus, for people with a complete response in both.
  const changeGroups: {
    group: GroupRef;
    cellId: string;
    pairs: { before: OutcomeResponse; after: OutcomeResponse }[];
  }[] = [];
  const changeThresholds = new Map<string, ReliableChangeCounts>();
  if (baselineWindowId && focusWindowId && baselineWindowId !== focusWindowId) {
    const before = new Map(
      (byWindow.get(baselineWindowId) ?? []).map((response) => [response.personId, response]),
    );
    const pairs = focusMembers.flatMap((after) => {
      const match = before.get(after.personId);
      return match ? [{ before: match, after }] : [];
    });
    if (pairs.length > 0) {
      changeGroups.push({ group: null, cellId: 'c', pairs });
      for (const [key, groupPairs] of partition(pairs, (pair) => groupKeyOf(pair.after, breakdown))) {
        changeGroups.push({ group: refOf(key), cellId: `c|g:${key}`, pairs: groupPairs });
      }
    }
    // The reliable change threshold uses the whole cohort's spread at baseline, for every group.
    const baselineSpread = new Map<string, number | undefined>();
    for (const subscale of instrument.subscales) {
      const spread = standardDeviation(pairs.map((pair) => pair.before.scores[subscale.id] as number));
      baselineSpread.set(subscale.id, spread ?? undefined);
    }
    for (const { group, cellId, pairs: groupPairs } of changeGroups) {
      // The before and after means belong to their windows' measurements; the change and the
      // reliable-change counts to the pairs'. Shown only when all three cells are released.
      cells.push({
        id: `${cellId}|before`,
        memberIds: ids(
          groupPairs.map((pair) => pair.before),
          baselineWindowId,
        ),
        figures: { kind: 'part' },
      });
      cells.push({
        id: `${cellId}|after`,
        memberIds: ids(
          groupPairs.map((pair) => pair.after),
          focusWindowId,
        ),
        figures: { kind: 'part' },
      });
      cells.push({
        id: cellId,
        memberIds: ids(
          groupPairs.map((pair) => pair.after),
          'pairs',
        ),
        figures: {
          kind: 'change',
          group,
          subscales: instrument.subscales.map((subscale) => summarizeChange(subscale, groupPairs)),
        },
      });
      for (const subscale of instrument.subscales) {
        const spread = baselineSpread.get(subscale.id);
        const classified = classifyReliableChangeOnSubscale(
          subscale,
          groupPairs.map((pair) => ({
            personId: `pairs:${pair.after.personId}`,
            before: pair.before.scores[subscale.id] as number,
            after: pair.after.scores[subscale.id] as number,
          })),
          spread === undefined ? {} : { standardDeviationBefore: spread },
        );
        if (classified.status !== 'computed') {
          changeThresholds.set(`${cellId}|s:${subscale.id}`, {
            status: 'not-computed',
            message: classified.message,
          });
          continue;
        }
        changeThresholds.set(`${cellId}|s:${subscale.id}`, {
          status: 'computed',
          reliableChangeThreshold: classified.reliableChangeThreshold,
          improved: null,
          deteriorated: null,
          noReliableChange: null,
        });
        const rcCells = reliableChangeCells(`${cellId}|s:${subscale.id}`, classified);
        for (const cell of rcCells) cells.push({ ...cell, figures: { kind: 'category', ...cell.figures } });
      }
    }
  }

  const release = releaseAggregates({ cells, minimumGroupSize: input.minimumGroupSize });
  const byId = new Map(release.cells.map((cell) => [cell.id, cell]));
  const hidden = (cell: SuppressedCell): Hidden => ({
    status: 'hidden',
    reason: cell.reason,
    explanation: cell.explanation,
  });
  const countOf = (id: string): number | null => {
    const cell = byId.get(id);
    return cell?.status === 'released' ? cell.memberCount : null;
  };

  const trend: TrendPoint[] = [];
  for (const cell of release.cells) {
    if (!cell.id.startsWith('w:') || cell.id.includes('|s:')) continue;
    const [windowPart, groupPart] = cell.id.split('|');
    const windowId = (windowPart as string).slice(2);
    const group = groupPart ? refOf(groupPart.slice(2)) : null;
    trend.push({
      windowId,
      group,
      result:
        cell.status === 'released'
          ? { status: 'released', n: cell.memberCount, subscales: (cell.figures as TrendFigures).subscales }
          : hidden(cell),
    });
  }

  const distributions: Distribution[] = distributionGroups.flatMap(({ group, cellId }) => {
    const groupCell = byId.get(cellId) as ReleasedCell<Figures> | SuppressedCell;
    return instrument.subscales.map((subscale): Distribution => {
      if (groupCell.status !== 'released')
        return { group, subscaleId: subscale.id, result: hidden(groupCell) };
      return {
        group,
        subscaleId: subscale.id,
        result: {
          status: 'released',
          n: groupCell.memberCount,
          bands: subscale.bands.map((band) => ({
            bandId: band.id,
            label: band.label,
            count: countOf(`${cellId}|s:${subscale.id}/band/${band.id}`),
          })),
        },
      };
    });
  });

  const change: Change[] = changeGroups.map(({ group, cellId }) => {
    const cell = byId.get(cellId) as ReleasedCell<Figures> | SuppressedCell;
    const parts = [byId.get(`${cellId}|before`), byId.get(`${cellId}|after`)];
    const hiddenPart = [cell, ...parts].find((part): part is SuppressedCell => part?.status === 'suppressed');
    if (hiddenPart || cell.status !== 'released')
      return { group, result: hidden(hiddenPart as SuppressedCell) };
    const figures = cell.figures as ChangeFigures;
    return {
      group,
      result: {
        status: 'released',
        n: cell.memberCount,
        subscales: figures.subscales.map((summary) => {
          const threshold = changeThresholds.get(`${cellId}|s:${summary.subscaleId}`) ?? {
            status: 'not-computed' as const,
            message: 'Not computed.',
          };
          const reliableChange: ReliableChangeCounts =
            threshold.status === 'computed'
              ? {
                  ...threshold,
                  improved: countOf(`${cellId}|s:${summary.subscaleId}/reliable-change/improved`),
                  deteriorated: countOf(`${cellId}|s:${summary.subscaleId}/reliable-change/deteriorated`),
                  noReliableChange: countOf(
                    `${cellId}|s:${summary.subscaleId}/reliable-change/no-reliable-change`,
                  ),
                }
              : threshold;
          return { ...summary, reliableChange };
        }),
      },
    };
  });

  return {
    instrumentId: instrument.id,
    minimumGroupSize: release.minimumGroupSize,
    breakdown,
    windows,
    focusWindowId,
    baselineWindowId,
    groups: groupKeys.map((key) => ({ key, label: labelOf(key) })),
    trend,
    distributions,
    change,
    hiddenCount: release.suppressed.length,
  };
}

function summarizeChange(
  subscale: Subscale,
  pairs: readonly { before: OutcomeResponse; after: OutcomeResponse }[],
): Omit<SubscaleChange, 'reliableChange'> {
  const summary = summarizePairedChange(
    pairs.map((pair) => ({
      before: pair.before.scores[subscale.id] as number,
      after: pair.after.scores[subscale.id] as number,
    })),
  );
  return {
    subscaleId: subscale.id,
    meanBefore: summary?.meanBefore ?? 0,
    meanAfter: summary?.meanAfter ?? 0,
    meanChange: summary?.meanChange ?? 0,
    confidenceInterval: summary?.confidenceInterval ?? null,
    cohensDz: summary?.cohensDz ?? null,
    hedgesGz: summary?.hedgesGz ?? null,
  };
}

/** Every figure a released outcomes view holds, one row each, for a CSV file. Hidden cells give no row. */
export function outcomesToCsvRows(instrument: Instrument, outcomes: Outcomes): string[][] {
  const header = [
    'section',
    'window',
    'baseline_window',
    'breakdown',
    'group',
    'subscale',
    'band_or_category',
    'n',
    'count',
    'mean',
    'sd',
    'mean_before',
    'mean_after',
    'mean_change',
    'ci95_lower',
    'ci95_upper',
    'cohens_dz',
    'hedges_g',
  ];
  const titleOf = (windowId: string | null) =>
    outcomes.windows.find((window) => window.id === windowId)?.title ?? '';
  const nameOf = (subscaleId: string) =>
    instrument.subscales.find((subscale) => subscale.id === subscaleId)?.name ?? subscaleId;
  const groupOf = (group: GroupRef) => (group ? group.label : 'All');
  const number = (value: number | null | undefined, digits = 2) =>
    value === null || value === undefined ? '' : value.toFixed(digits);
  const rows: string[][] = [header];
  for (const point of outcomes.trend) {
    if (point.result.status !== 'released') continue;
    for (const subscale of point.result.subscales) {
      rows.push([
        'trend',
        titleOf(point.windowId),
        '',
        outcomes.breakdown,
        groupOf(point.group),
        nameOf(subscale.subscaleId),
        '',
        String(point.result.n),
        '',
        number(subscale.mean),
        number(subscale.standardDeviation),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
  }
  for (const distribution of outcomes.distributions) {
    if (distribution.result.status !== 'released') continue;
    for (const band of distribution.result.bands) {
      if (band.count === null) continue;
      rows.push([
        'distribution',
        titleOf(outcomes.focusWindowId),
        '',
        outcomes.breakdown,
        groupOf(distribution.group),
        nameOf(distribution.subscaleId),
        band.label,
        String(distribution.result.n),
        String(band.count),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
  }
  for (const entry of outcomes.change) {
    if (entry.result.status !== 'released') continue;
    for (const subscale of entry.result.subscales) {
      rows.push([
        'change',
        titleOf(outcomes.focusWindowId),
        titleOf(outcomes.baselineWindowId),
        outcomes.breakdown,
        groupOf(entry.group),
        nameOf(subscale.subscaleId),
        '',
        String(entry.result.n),
        '',
        '',
        '',
        number(subscale.meanBefore),
        number(subscale.meanAfter),
        number(subscale.meanChange),
        number(subscale.confidenceInterval?.lower),
        number(subscale.confidenceInterval?.upper),
        number(subscale.cohensDz),
        number(subscale.hedgesGz),
      ]);
      const rc = subscale.reliableChange;
      if (rc.status !== 'computed') continue;
      for (const [label, count] of [
        ['reliably improved', rc.improved],
        ['reliably deteriorated', rc.deteriorated],
        ['no reliable change', rc.noReliableChange],
      ] as const) {
        if (count === null) continue;
        rows.push([
          'reliable-change',
          titleOf(outcomes.focusWindowId),
          titleOf(outcomes.baselineWindowId),
          outcomes.breakdown,
          groupOf(entry.group),
          nameOf(subscale.subscaleId),
          label,
          String(entry.result.n),
          String(count),
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ]);
      }
    }
  }
  return rows;
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  const quoteCell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `${rows.map((row) => row.map(quoteCell).join(',')).join('\r\n')}\r\n`;
}
