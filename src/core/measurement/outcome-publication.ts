import { standardDeviation } from '../evaluation/descriptive-statistics.ts';
import {
  effectiveMinimumGroupSize,
  explainSuppression,
  releaseAggregates,
  type SuppressionReason,
} from '../evaluation/release-aggregates.ts';
import type { Instrument } from '../instruments/instrument.ts';
import {
  type CollectedView,
  collectOutcomeCells,
  figuresOf,
  type IndexedResponse,
  notRecordedKey,
  type OutcomeCell,
  type OutcomeFigures,
  type Pair,
  partition,
} from './outcome-cells.ts';
import {
  type Breakdown,
  breakdowns,
  type Hidden,
  type OutcomeResponse,
  type OutcomeWindow,
} from './outcome-types.ts';

/**
 * The outcomes of one instrument, published once for everyone who may read them: every view a
 * coordinator or leader can ask for — each program filter, each breakdown, each closed window as
 * the focus with each earlier one as its baseline, and the CSV and reports made from them — is
 * worked out here and the cells of ALL views go through the gate together: one
 * `releaseAggregates` call per measurement (measurements share no unknowns, so that is the same
 * as one call for all). A reader who subtracts one view from another (level from discipline, the
 * whole organisation from one program, one pairing's "before" from another's) therefore
 * subtracts cells that were checked together. Requests then only read the stored result.
 * docs/decisions/003 and 008.
 *
 * Publications are frozen: given the previous publication's decisions, a cell released then stays
 * released and counts in every derivation, a cell hidden then stays hidden, and only the new cells
 * (a window that closed since, a new pairing) can be hidden to protect the union. While the earlier
 * windows' responses are unchanged, a publication is made window by window: the earlier cells
 * stand as published, and only measurements a new cell joins are gated again.
 */

export type PublishedCell = { status: 'released'; n: number; figures: OutcomeFigures } | Hidden;

export type PublishedOutcomeView = Omit<CollectedView, 'cells'> & {
  instrumentId: string;
  minimumGroupSize: number;
  cells: Record<string, PublishedCell>;
};

/** What was decided for each cell of each view ("<program or *>|<breakdown>|<cell id>"). */
export type PublicationDecisions = Record<string, 'released' | SuppressionReason>;

export type OutcomePublication = {
  minimumGroupSize: number;
  decisions: PublicationDecisions;
  /** A digest of each window's responses: a later publication reuses this one while they hold. */
  windowDigests: Record<string, string>;
  views: PublishedOutcomeView[];
};

/** The publication's own record: what later publications must stay consistent with. */
export type PublicationRecord = {
  kind: 'publication';
  minimumGroupSize: number;
  decisions: PublicationDecisions;
  /** Absent in records written before publications were made window by window. */
  windowDigests?: Record<string, string>;
  publishedAt: string;
};

/** What one `outcome_snapshots` row holds: the publication's record or one of its views. */
export type StoredOutcomeSnapshot = PublicationRecord | (PublishedOutcomeView & { kind: 'view' });

/** What a publication needs of the one before it. */
export type PriorPublication = {
  minimumGroupSize: number;
  decisions: PublicationDecisions;
  windowDigests?: Readonly<Record<string, string>> | undefined;
  /** Its views, as published: with unchanged windows, their cells are taken from here. */
  views?: readonly PublishedOutcomeView[] | undefined;
};

export type PublicationInput = {
  instrument: Instrument;
  /** Closed windows of the instrument, organisation-wide and per program. */
  windows: readonly OutcomeWindow[];
  /** Complete responses in those windows. */
  responses: readonly OutcomeResponse[];
  /** Program titles by id: every program can be a filter and a group. */
  groupLabels?: Readonly<Record<string, string>>;
  minimumGroupSize: number;
  /** The publication this one follows, if any. */
  prior?: PriorPublication | undefined;
};

export function viewKeyOf(programId: string | null, breakdown: Breakdown): string {
  return `${programId ?? '*'}|${breakdown}`;
}

/**
 * The cells of every view in the publication, before any is released. Built on an `earlier`
 * publication, only new cells and the released cells they may join (`collectOutcomeCells`).
 */
export function collectPublicationViews(
  input: Omit<PublicationInput, 'prior'>,
  earlier?: BuildablePrior,
): CollectedView[] {
  const labelOf = (key: string) =>
    key === notRecordedKey ? 'Not recorded' : (input.groupLabels?.[key] ?? key);
  // People are numbered in id order and responses sorted by person, so every member list comes
  // out in order already.
  const personIds = [...new Set(input.responses.map((response) => response.personId))].sort();
  const personIndex = new Map(personIds.map((personId, index) => [personId, index]));
  const sorted: IndexedResponse[] = input.responses
    .map((response) => ({ ...response, personIndex: personIndex.get(response.personId) as number }))
    .sort((a, b) => a.personIndex - b.personIndex);
  const cohorts = partition(sorted, (response) => response.windowId);
  const cohortOf = (windowId: string) => cohorts.get(windowId) ?? [];
  const spreads = new Map<string, number | null>();
  const cohortSpreadOf = (windowId: string, subscaleId: string) => {
    const key = `${windowId}|${subscaleId}`;
    if (!spreads.has(key))
      spreads.set(
        key,
        standardDeviation(cohortOf(windowId).map((response) => response.scores[subscaleId] as number)),
      );
    return spreads.get(key) ?? null;
  };
  const programIds = [
    ...new Set([
      ...Object.keys(input.groupLabels ?? {}),
      ...input.responses.flatMap((response) => (response.programId ? [response.programId] : [])),
    ]),
  ].sort();
  const byProgram = partition(sorted, (response) => response.programId ?? '');
  const views: CollectedView[] = [];
  for (const programId of [null, ...programIds]) {
    // A program's view covers its own windows and the organisation-wide ones, its members' answers only.
    const windows =
      programId === null
        ? input.windows
        : input.windows.filter(
            (window) => (window.programId ?? null) === null || window.programId === programId,
          );
    const responses = programId === null ? sorted : (byProgram.get(programId) ?? []);
    const pairMemo = new Map<string, Pair[]>();
    for (const breakdown of breakdowns) {
      views.push(
        collectOutcomeCells({
          instrument: input.instrument,
          windows,
          responses,
          cohortOf,
          cohortSpreadOf,
          pairMemo,
          ...(earlier
            ? {
                earlier: {
                  hasWindow: (windowId: string) => earlier.windowDigests[windowId] !== undefined,
                  decisionOf: (cellId: string) =>
                    earlier.decisions[`${viewKeyOf(programId, breakdown)}|${cellId}`],
                },
              }
            : {}),
          programId,
          breakdown,
          labelOf,
        }),
      );
    }
  }
  return views;
}

/**
 * Whether `prior` can be built on window by window: same minimum, its views at hand, and every
 * window it covered still there with the same responses. Then its cells stand as published and
 * only the cells of new windows are worked out and gated, against the released cells they join.
 */
function findBuildablePrior(
  prior: PriorPublication | undefined,
  minimum: number,
  windowDigests: Readonly<Record<string, string>>,
): BuildablePrior | undefined {
  if (!prior?.views || !prior.windowDigests || prior.minimumGroupSize !== minimum) return undefined;
  const earlier = Object.entries(prior.windowDigests);
  if (earlier.some(([windowId, digest]) => windowDigests[windowId] !== digest)) return undefined;
  return { ...prior, windowDigests: prior.windowDigests, views: prior.views };
}

/** A prior publication whose windows are unchanged: the new one is built on it. */
export type BuildablePrior = PriorPublication & {
  windowDigests: Readonly<Record<string, string>>;
  views: readonly PublishedOutcomeView[];
};

/** A cell of one view, with what the publication before decided for it (undefined: new). */
type Entry = { key: string; cell: OutcomeCell; earlier: 'released' | SuppressionReason | undefined };

/** Releases every view's cells together: the joint gate. */
export function publishOutcomes(input: PublicationInput): OutcomePublication {
  const minimum = effectiveMinimumGroupSize(input.minimumGroupSize);
  const windowDigests = digestWindows(input.windows, input.responses);
  // What was released stays released and counts against every new cell; at the same minimum what
  // was hidden stays hidden too. After a raised minimum the earlier cells may reveal groups the new
  // minimum protects, which nothing can take back, so that publication starts afresh (decision 003).
  const prior = input.prior && minimum <= input.prior.minimumGroupSize ? input.prior : undefined;
  const isSameMinimum = prior?.minimumGroupSize === minimum;
  const earlier = findBuildablePrior(prior, minimum, windowDigests);
  const views = collectPublicationViews(input, earlier);

  const decisions: PublicationDecisions = earlier ? { ...earlier.decisions } : {};
  const memberCounts = new Map<string, number>();
  const byMeasurement = new Map<string, Entry[]>();
  for (const view of views) {
    const prefix = viewKeyOf(view.programId, view.breakdown);
    for (const cell of view.cells) {
      const key = `${prefix}|${cell.id}`;
      const entry: Entry = { key, cell, earlier: prior?.decisions[key] };
      const list = byMeasurement.get(cell.measurement);
      if (list) list.push(entry);
      else byMeasurement.set(cell.measurement, [entry]);
    }
  }
  // Measurements never share a person's unknowns, so each is gated on its own (decision 008).
  // Building on an earlier publication, a measurement with no new cell keeps every decision, and
  // in one with new cells the cells hidden earlier take no part: only what was released counts.
  for (const entries of byMeasurement.values()) {
    if (earlier && !entries.some((entry) => entry.earlier === undefined)) continue;
    const gated = earlier
      ? entries.filter((entry) => entry.earlier === undefined || entry.earlier === 'released')
      : entries;
    gateMeasurement(gated);
  }

  function gateMeasurement(entries: readonly Entry[]): void {
    // Cells with the same members (a program's overall figure and that program's row in the
    // organisation's program breakdown) are one cell to the gate. Lists are compared by a hash
    // first, then element by element.
    const canonicalOf = new Map<number, number[]>();
    const canonicalMembers: Int32Array[] = [];
    const canonicalByEntry = entries.map(({ cell }) => {
      const members = cell.members();
      const signature = hashIndices(members);
      const candidates = canonicalOf.get(signature) ?? [];
      let canonical = candidates.find((index) => isSameList(canonicalMembers[index]!, members));
      if (canonical === undefined) {
        canonical = canonicalMembers.length;
        canonicalMembers.push(members);
        candidates.push(canonical);
        canonicalOf.set(signature, candidates);
      }
      return canonical;
    });
    // A cell shared by a group's figures and some detail is a group's figure.
    const isDetail = canonicalMembers.map(() => true);
    entries.forEach(({ cell }, index) => {
      if (!cell.isDetail) isDetail[canonicalByEntry[index]!] = false;
    });
    const alreadyReleased = new Set<string>();
    const alreadySuppressed = new Map<string, SuppressionReason>();
    entries.forEach(({ earlier: decision }, index) => {
      if (decision === 'released') alreadyReleased.add(`k${canonicalByEntry[index]}`);
      else if (decision && isSameMinimum) alreadySuppressed.set(`k${canonicalByEntry[index]}`, decision);
    });
    for (const id of alreadyReleased) alreadySuppressed.delete(id);
    const release = releaseAggregates({
      cells: canonicalMembers.map((memberIds, index) => ({
        id: `k${index}`,
        memberIds,
        figures: null,
        isDetail: isDetail[index]!,
      })),
      minimumGroupSize: minimum,
      alreadyReleased,
      alreadySuppressed,
    });
    entries.forEach(({ key }, index) => {
      const decision = release.cells[canonicalByEntry[index]!]!;
      decisions[key] = decision.status === 'released' ? 'released' : decision.reason;
      if (decision.status === 'released') memberCounts.set(key, decision.memberCount);
    });
  }

  const priorViews = new Map(
    (earlier?.views ?? []).map((view) => [viewKeyOf(view.programId, view.breakdown), view]),
  );
  const published = views.map((view): PublishedOutcomeView => {
    const prefix = viewKeyOf(view.programId, view.breakdown);
    // Cells published before stand as they were (frozen); only the new ones are worked out.
    const cells: Record<string, PublishedCell> = { ...priorViews.get(prefix)?.cells };
    for (const cell of view.cells) {
      if (cells[cell.id]) continue;
      const key = `${prefix}|${cell.id}`;
      const decision = decisions[key] ?? 'reveals-small-group-by-subtraction';
      cells[cell.id] =
        decision === 'released'
          ? {
              status: 'released',
              n: memberCounts.get(key) ?? cell.members().length,
              figures: figuresOf(cell),
            }
          : { status: 'hidden', reason: decision, explanation: explainSuppression(decision, minimum) };
    }
    const { cells: _collected, ...rest } = view;
    return { ...rest, instrumentId: input.instrument.id, minimumGroupSize: minimum, cells };
  });
  return { minimumGroupSize: minimum, decisions, windowDigests, views: published };
}

/**
 * A digest of each window and its responses (people, their groups and scores), in a fixed order:
 * equal digests mean a publication built on an earlier one would collect the same cells for it.
 */
export function digestWindows(
  windows: readonly OutcomeWindow[],
  responses: readonly OutcomeResponse[],
): Record<string, string> {
  const byWindow = partition(responses, (response) => response.windowId);
  const digests: Record<string, string> = {};
  for (const window of windows) {
    const parts = [`${window.id}|${window.opensAt}|${window.programId ?? ''}`];
    const list = [...(byWindow.get(window.id) ?? [])].sort((a, b) =>
      a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0,
    );
    for (const response of list) {
      const scores = Object.keys(response.scores)
        .sort()
        .map((subscaleId) => `${subscaleId}=${response.scores[subscaleId]}`);
      parts.push(
        `${response.personId}|${response.programId ?? ''}|${response.level ?? ''}|${response.discipline ?? ''}|${scores.join(',')}`,
      );
    }
    digests[window.id] = hashStrings(parts);
  }
  return digests;
}

/** FNV-1a over the strings, two 32-bit lanes. */
function hashStrings(parts: readonly string[]): string {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (const part of parts) {
    for (let index = 0; index < part.length; index++) {
      const code = part.charCodeAt(index);
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995);
    }
    first = Math.imul(first ^ 10, 0x01000193);
    second = Math.imul(second ^ 10, 0x5bd1e995);
  }
  return `${(first >>> 0).toString(36)}${(second >>> 0).toString(36)}`;
}

/** FNV-1a over the indices and their count, kept to 30 bits (a small integer to V8): a key for the map, never trusted without comparing. */
function hashIndices(indices: Int32Array): number {
  let hash = 0x811c9dc5 ^ indices.length;
  for (const value of indices) hash = Math.imul(hash ^ value, 0x01000193);
  return hash & 0x3fffffff;
}

function isSameList(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
