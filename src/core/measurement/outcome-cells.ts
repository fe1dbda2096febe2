import { groupByBand } from '../evaluation/band-distribution.ts';
import { mean, standardDeviation } from '../evaluation/descriptive-statistics.ts';
import { summarizePairedChange } from '../evaluation/paired-change.ts';
import { classifyReliableChangeOnSubscale } from '../evaluation/reliable-change.ts';
import type { Instrument, Subscale } from '../instruments/instrument.ts';
import type {
  Breakdown,
  OutcomeResponse,
  OutcomeWindow,
  ReliableChangeCounts,
  SubscaleChange,
  SubscaleMean,
} from './outcome-types.ts';

/**
 * Every cell one outcomes view can show — one program filter (or none) and one breakdown, with
 * every closed window as the focus and every earlier window as its baseline — with the ids of the
 * people behind it. The publication (`outcome-publication.ts`) gates the cells of all views together.
 *
 * Member ids are "<measurement>:<person>". A window's scores are one measurement. A pairing's
 * change SD and reliable-change counts are another ("<baseline>><focus>"): with the pair's before
 * and after means both released, the mean change adds nothing, but the SD of the changes adds the
 * cross-product of the two scores, which is a number of its own. Figures of different measurements
 * are different unknowns, so no sum or difference of them isolates anyone (decision 008).
 *
 * Cell ids, unique within a view: `w:<window>` (all) and `w:<window>|g:<group>` (trend),
 * `…|s:<subscale>/band/<band>` (distribution of that window), `cohort:<window>` (the window's whole
 * cohort, whose SD sets the reliable-change threshold), `c:<baseline>><focus>[|g:<group>]` (change)
 * with `|before`, `|after` and `|s:<subscale>/reliable-change/<category>`.
 */

export type TrendFigures = { kind: 'trend'; subscales: SubscaleMean[] };
export type ChangeFigures = {
  kind: 'change';
  subscales: Omit<SubscaleChange, 'reliableChange'>[];
  thresholds: Record<string, ReliableChangeCounts>;
};
export type CountFigures = { kind: 'count' };
export type OutcomeFigures = TrendFigures | ChangeFigures | CountFigures;

export type OutcomeCell = {
  id: string;
  memberIds: string[];
  /** Worked out only for cells the gate releases: most cells of a large publication are hidden. */
  figures: OutcomeFigures | (() => OutcomeFigures);
  /** Set on distribution and change cells: the focus window whose view shows them. */
  focusWindowId?: string;
  /** Set on change cells: the baseline window whose view shows them. */
  baselineWindowId?: string;
};

export type CollectedView = {
  programId: string | null;
  breakdown: Breakdown;
  windows: OutcomeWindow[];
  /** Windows with at least one complete response in this view, oldest first. */
  answeredWindowIds: string[];
  groups: { key: string; label: string }[];
  cells: OutcomeCell[];
};

export const notRecordedKey = 'not-recorded';

export function figuresOf(cell: OutcomeCell): OutcomeFigures {
  return typeof cell.figures === 'function' ? cell.figures() : cell.figures;
}

export function groupKeyOf(response: OutcomeResponse, breakdown: Breakdown): string {
  const value =
    breakdown === 'program'
      ? response.programId
      : breakdown === 'level'
        ? response.level
        : response.discipline;
  return value === null || value === '' ? notRecordedKey : value;
}

export function partition<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

function summarizeMeans(instrument: Instrument, members: readonly OutcomeResponse[]): SubscaleMean[] {
  return instrument.subscales.map((subscale) => {
    const values = members.map((response) => response.scores[subscale.id] as number);
    return { subscaleId: subscale.id, mean: mean(values) ?? 0, standardDeviation: standardDeviation(values) };
  });
}

type Pair = { before: OutcomeResponse; after: OutcomeResponse };

function summarizeChange(subscale: Subscale, pairs: readonly Pair[]): Omit<SubscaleChange, 'reliableChange'> {
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
    hedgesGav: summary?.hedgesGav ?? null,
  };
}

/** Windows oldest first; ties by id so the order never depends on input order. */
export function sortWindows(windows: readonly OutcomeWindow[]): OutcomeWindow[] {
  return [...windows].sort((a, b) => a.opensAt.localeCompare(b.opensAt) || a.id.localeCompare(b.id));
}

export function collectOutcomeCells(input: {
  instrument: Instrument;
  /** The windows this view covers (closed), any order. */
  windows: readonly OutcomeWindow[];
  /** This view's responses (already filtered to its program). */
  responses: readonly OutcomeResponse[];
  /** Every complete response of each window, unfiltered: the reliable-change threshold's cohort. */
  cohortOf: (windowId: string) => readonly OutcomeResponse[];
  programId: string | null;
  breakdown: Breakdown;
  labelOf: (key: string) => string;
}): CollectedView {
  const { instrument, breakdown, labelOf } = input;
  const windows = sortWindows(input.windows);
  const byWindow = partition(input.responses, (response) => response.windowId);
  const answered = windows.filter((window) => byWindow.has(window.id));
  const groupKeys = [...new Set(input.responses.map((response) => groupKeyOf(response, breakdown)))].sort(
    (a, b) => labelOf(a).localeCompare(labelOf(b)) || a.localeCompare(b),
  );
  const cells: OutcomeCell[] = [];
  const ids = (members: readonly { personId: string }[], measurement: string) =>
    members.map((member) => `${measurement}:${member.personId}`);
  const byGroup = <T>(items: readonly T[], responseOf: (item: T) => OutcomeResponse) =>
    [...partition(items, (item) => groupKeyOf(responseOf(item), breakdown))].sort(([a], [b]) =>
      a.localeCompare(b),
    );

  for (const window of answered) {
    const members = byWindow.get(window.id) ?? [];
    const groups: [string, OutcomeResponse[]][] = [
      [`w:${window.id}`, members],
      ...byGroup(members, (member) => member).map(([key, list]): [string, OutcomeResponse[]] => [
        `w:${window.id}|g:${key}`,
        list,
      ]),
    ];
    for (const [cellId, list] of groups) {
      cells.push({
        id: cellId,
        memberIds: ids(list, window.id),
        figures: () => ({ kind: 'trend', subscales: summarizeMeans(instrument, list) }),
      });
      // The distribution, shown when this window is the focus: each band is a cell of its own.
      for (const subscale of instrument.subscales) {
        const bands = groupByBand(
          subscale,
          list.map((member) => ({
            personId: `${window.id}:${member.personId}`,
            score: member.scores[subscale.id] as number,
          })),
        );
        for (const band of bands) {
          cells.push({
            id: `${cellId}|s:${subscale.id}/band/${band.bandId}`,
            memberIds: [...band.personIds],
            figures: { kind: 'count' },
            focusWindowId: window.id,
          });
        }
      }
    }
  }

  // Change from every earlier window to every later one, for people complete in both.
  answered.forEach((baseline, baselineIndex) => {
    const beforeOf = new Map(
      (byWindow.get(baseline.id) ?? []).map((response) => [response.personId, response]),
    );
    const cohort = input.cohortOf(baseline.id);
    const cohortId = `cohort:${baseline.id}`;
    // The threshold uses the baseline window's whole cohort, whatever the filter, so it does not
    // move with the group shown; that SD is a figure about the cohort, so its cell goes in too.
    const spreads = new Map(
      instrument.subscales.map((subscale) => [
        subscale.id,
        standardDeviation(cohort.map((response) => response.scores[subscale.id] as number)),
      ]),
    );
    let isCohortAdded = false;
    for (const focus of answered.slice(baselineIndex + 1)) {
      const pairs = (byWindow.get(focus.id) ?? []).flatMap((after) => {
        const before = beforeOf.get(after.personId);
        return before ? [{ before, after }] : [];
      });
      if (pairs.length === 0) continue;
      if (!isCohortAdded) {
        cells.push({ id: cohortId, memberIds: ids(cohort, baseline.id), figures: { kind: 'count' } });
        isCohortAdded = true;
      }
      const pairing = `${baseline.id}>${focus.id}`;
      const view = { focusWindowId: focus.id, baselineWindowId: baseline.id };
      const groups: [string, Pair[]][] = [
        [`c:${pairing}`, pairs],
        ...byGroup(pairs, (pair) => pair.after).map(([key, list]): [string, Pair[]] => [
          `c:${pairing}|g:${key}`,
          list,
        ]),
      ];
      for (const [cellId, list] of groups) {
        const thresholds: Record<string, ReliableChangeCounts> = {};
        const categoryCells: OutcomeCell[] = [];
        for (const subscale of instrument.subscales) {
          const spread = spreads.get(subscale.id);
          const classified = classifyReliableChangeOnSubscale(
            subscale,
            list.map((pair) => ({
              personId: `${pairing}:${pair.after.personId}`,
              before: pair.before.scores[subscale.id] as number,
              after: pair.after.scores[subscale.id] as number,
            })),
            spread === null || spread === undefined ? {} : { standardDeviationBefore: spread },
          );
          if (classified.status !== 'computed' || spread === null) {
            thresholds[subscale.id] = {
              status: 'not-computed',
              message:
                classified.status === 'computed'
                  ? 'Reliable change needs the spread of the baseline window’s scores.'
                  : classified.message,
            };
            continue;
          }
          thresholds[subscale.id] = {
            status: 'computed',
            reliableChangeThreshold: classified.reliableChangeThreshold,
            reliability:
              subscale.reliability.status === 'published'
                ? {
                    coefficient: subscale.reliability.coefficient,
                    kind: subscale.reliability.kind,
                    source: subscale.reliability.source,
                  }
                : { coefficient: classified.reliability, kind: 'cronbach-alpha', source: '' },
            improved: null,
            deteriorated: null,
            noReliableChange: null,
          };
          for (const [category, members] of [
            ['improved', classified.improved],
            ['deteriorated', classified.deteriorated],
            ['no-reliable-change', classified.noReliableChange],
          ] as const) {
            categoryCells.push({
              id: `${cellId}|s:${subscale.id}/reliable-change/${category}`,
              memberIds: [...members],
              figures: { kind: 'count' },
              ...view,
            });
          }
        }
        // The before and after means belong to their windows' measurements; the change's spread
        // and the reliable-change counts to the pairing's. Shown only when all three are released.
        cells.push(
          {
            id: `${cellId}|before`,
            memberIds: ids(
              list.map((pair) => pair.before),
              baseline.id,
            ),
            figures: { kind: 'count' },
            ...view,
          },
          {
            id: `${cellId}|after`,
            memberIds: ids(
              list.map((pair) => pair.after),
              focus.id,
            ),
            figures: { kind: 'count' },
            ...view,
          },
          {
            id: cellId,
            memberIds: ids(
              list.map((pair) => pair.after),
              pairing,
            ),
            figures: () => ({
              kind: 'change',
              subscales: instrument.subscales.map((subscale) => summarizeChange(subscale, list)),
              thresholds,
            }),
            ...view,
          },
          ...categoryCells,
        );
      }
    }
  });

  return {
    programId: input.programId,
    breakdown,
    windows,
    answeredWindowIds: answered.map((window) => window.id),
    groups: groupKeys.map((key) => ({ key, label: labelOf(key) })),
    cells,
  };
}
