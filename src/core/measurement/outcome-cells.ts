import { mean, standardDeviation } from '../evaluation/descriptive-statistics.ts';
import { summarizePairedChange } from '../evaluation/paired-change.ts';
import { findBand, type Instrument, type Subscale } from '../instruments/instrument.ts';
import type {
  Breakdown,
  IndexedResponse,
  OutcomeResponse,
  OutcomeWindow,
  Pair,
  ReliableChangeCounts,
  SubscaleChange,
  SubscaleMean,
} from './outcome-types.ts';
import { collectReliableChange } from './reliable-change-cells.ts';

/**
 * Every cell one outcomes view can show — one program filter (or none) and one breakdown, with
 * every closed window as the focus and every earlier window as its baseline — with the ids of the
 * people behind it. The publication (`outcome-publication.ts`) gates the cells of all views together.
 *
 * Each cell names its measurement. A window's scores are one measurement. A pairing's
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
  /** Whose unknowns its figures are about: a window's id, or "<baseline>><focus>" for a pairing's. */
  measurement: string;
  /**
   * The people behind it, as indices into the publication's people (`personIndexOf`), ascending.
   * Built only when the gate asks: a publication that follows another gates only new cells.
   */
  members: () => Int32Array;
  /** Worked out only for cells the gate releases: most cells of a large publication are hidden. */
  figures: OutcomeFigures | (() => OutcomeFigures);
  /** Set on distribution and change cells: the focus window whose view shows them. */
  focusWindowId?: string;
  /** Set on change cells: the baseline window whose view shows them. */
  baselineWindowId?: string;
  /** A band or a reliable-change category: detail the gate lets go before a group's own figures. */
  isDetail?: true;
};

/** What the publication a new one builds on decided, for one view. */
export type EarlierCells = {
  hasWindow: (windowId: string) => boolean;
  decisionOf: (cellId: string) => string | undefined;
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

export type { IndexedResponse, Pair } from './outcome-types.ts';

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

/** The people of each of the subscale's bands, in band order. Throws for a score outside every band. */
function splitByBand(subscale: Subscale, list: readonly IndexedResponse[]): Int32Array[] {
  const lists = subscale.bands.map(() => [] as number[]);
  for (const response of list) {
    const score = response.scores[subscale.id] as number;
    const band = findBand(subscale, score);
    if (!band) throw new RangeError(`${subscale.id}: score ${score} lies outside every band`);
    lists[subscale.bands.indexOf(band)]?.push(response.personIndex);
  }
  return lists.map((people) => Int32Array.from(people).sort());
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
  responses: readonly IndexedResponse[];
  /** Every complete response of each window, unfiltered: the reliable-change threshold's cohort. */
  cohortOf: (windowId: string) => readonly IndexedResponse[];
  /** The SD of that cohort's scores on a subscale (null below two people). */
  cohortSpreadOf: (windowId: string, subscaleId: string) => number | null;
  /**
   * The publication this one builds on, whose windows are unchanged: a cell about its windows only
   * stands as published, so it is collected only if it was released (it may join a new window's
   * measurement as a fixed cell); a pairing of two of them adds nothing new to its own measurement,
   * so only its before and after cells can be.
   */
  earlier?: EarlierCells;
  /** The pairs of each pairing ("<baseline>><focus>"), shared by views with the same responses. */
  pairMemo?: Map<string, Pair[]>;
  programId: string | null;
  breakdown: Breakdown;
  labelOf: (key: string) => string;
}): CollectedView {
  const { instrument, breakdown, labelOf, earlier } = input;
  const isReleasedEarlier = (cellId: string) => earlier?.decisionOf(cellId) === 'released';
  const windows = sortWindows(input.windows);
  const byWindow = partition(input.responses, (response) => response.windowId);
  const answered = windows.filter((window) => byWindow.has(window.id));
  const groupKeys = [...new Set(input.responses.map((response) => groupKeyOf(response, breakdown)))].sort(
    (a, b) => labelOf(a).localeCompare(labelOf(b)) || a.localeCompare(b),
  );
  const cells: OutcomeCell[] = [];
  const indicesOf = <T>(items: readonly T[], personIndexOf: (item: T) => number) => {
    const indices = new Int32Array(items.length);
    for (let at = 0; at < items.length; at++) indices[at] = personIndexOf(items[at]!);
    return indices.sort();
  };
  const membersOf = (list: readonly IndexedResponse[]) => () =>
    indicesOf(list, (response) => response.personIndex);
  const byGroup = <T>(items: readonly T[], responseOf: (item: T) => OutcomeResponse) =>
    [...partition(items, (item) => groupKeyOf(responseOf(item), breakdown))].sort(([a], [b]) =>
      a.localeCompare(b),
    );

  for (const window of answered) {
    const isEarlierWindow = earlier?.hasWindow(window.id) === true;
    const isCollected = (id: string) => !isEarlierWindow || isReleasedEarlier(id);
    const members = byWindow.get(window.id) ?? [];
    const groups: [string, IndexedResponse[]][] = [
      [`w:${window.id}`, members],
      ...byGroup(members, (member) => member).map(([key, list]): [string, IndexedResponse[]] => [
        `w:${window.id}|g:${key}`,
        list,
      ]),
    ];
    for (const [cellId, list] of groups) {
      if (isCollected(cellId)) {
        cells.push({
          id: cellId,
          measurement: window.id,
          members: membersOf(list),
          figures: () => ({ kind: 'trend', subscales: summarizeMeans(instrument, list) }),
        });
      }
      // The distribution, shown when this window is the focus: each band is a cell of its own.
      for (const subscale of instrument.subscales) {
        let bands: Int32Array[] | undefined;
        subscale.bands.forEach((band, bandIndex) => {
          const id = `${cellId}|s:${subscale.id}/band/${band.id}`;
          if (!isCollected(id)) return;
          cells.push({
            id,
            measurement: window.id,
            members: () => {
              bands ??= splitByBand(subscale, list);
              return bands[bandIndex] as Int32Array;
            },
            figures: { kind: 'count' },
            focusWindowId: window.id,
            isDetail: true,
          });
        });
      }
    }
  }

  // Change from every earlier window to every later one, for people complete in both.
  answered.forEach((baseline, baselineIndex) => {
    let beforeOf: Map<string, IndexedResponse> | undefined;
    const cohortId = `cohort:${baseline.id}`;
    const cohortCell: OutcomeCell = {
      id: cohortId,
      measurement: baseline.id,
      members: membersOf(input.cohortOf(baseline.id)),
      figures: { kind: 'count' },
    };
    // A cohort cell published before stands; one released then may be a fixed cell now.
    const cohortDecision = earlier?.decisionOf(cohortId);
    if (cohortDecision === 'released') cells.push(cohortCell);
    let isCohortAdded = cohortDecision !== undefined;
    for (const focus of answered.slice(baselineIndex + 1)) {
      const pairing = `${baseline.id}>${focus.id}`;
      const isEarlier = earlier?.hasWindow(baseline.id) === true && earlier.hasWindow(focus.id);
      if (
        isEarlier &&
        ![`c:${pairing}`, ...groupKeys.map((key) => `c:${pairing}|g:${key}`)].some(
          (id) => isReleasedEarlier(`${id}|before`) || isReleasedEarlier(`${id}|after`),
        )
      )
        continue;
      let pairs = input.pairMemo?.get(pairing);
      if (!pairs) {
        beforeOf ??= new Map(
          (byWindow.get(baseline.id) ?? []).map((response) => [response.personId, response]),
        );
        pairs = [];
        for (const after of byWindow.get(focus.id) ?? []) {
          const before = beforeOf.get(after.personId);
          if (before) pairs.push({ before, after });
        }
        input.pairMemo?.set(pairing, pairs);
      }
      if (pairs.length === 0) continue;
      if (!isCohortAdded) {
        // The threshold uses the baseline window's whole cohort, whatever the filter, so it does not
        // move with the group shown; that SD is a figure about the cohort, so its cell goes in too.
        cells.push(cohortCell);
        isCohortAdded = true;
      }
      const view = { focusWindowId: focus.id, baselineWindowId: baseline.id };
      const groups: [string, Pair[]][] = [
        [`c:${pairing}`, pairs],
        ...byGroup(pairs, (pair) => pair.after).map(([key, list]): [string, Pair[]] => [
          `c:${pairing}|g:${key}`,
          list,
        ]),
      ];
      for (const [cellId, list] of groups) {
        // The same people in three measurements: built once, shared (the gate never changes a list).
        let indices: Int32Array | undefined;
        const members = () => {
          indices ??= indicesOf(list, (pair) => pair.after.personIndex);
          return indices;
        };
        // The before and after means belong to their windows' measurements; the change's spread
        // and the reliable-change counts to the pairing's. Shown only when all three are released.
        for (const [part, measurement] of [
          ['before', baseline.id],
          ['after', focus.id],
        ] as const) {
          const id = `${cellId}|${part}`;
          if (!isEarlier || isReleasedEarlier(id))
            cells.push({ id, measurement, members, figures: { kind: 'count' }, ...view });
        }
        if (isEarlier) continue;
        const { thresholds, categoryCells } = collectReliableChange(instrument, cellId, list, (subscaleId) =>
          input.cohortSpreadOf(baseline.id, subscaleId),
        );
        cells.push(
          {
            id: cellId,
            measurement: pairing,
            members,
            figures: () => ({
              kind: 'change',
              subscales: instrument.subscales.map((subscale) => summarizeChange(subscale, list)),
              thresholds,
            }),
            ...view,
          },
          ...categoryCells.map((cell) => ({
            id: cell.id,
            measurement: pairing,
            members: () => cell.members,
            figures: { kind: 'count' } as const,
            isDetail: true as const,
            ...view,
          })),
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
