import { releaseAggregates, type SuppressionReason } from '../evaluation/release-aggregates.ts';
import type { Instrument } from '../instruments/instrument.ts';
import {
  type CollectedView,
  collectOutcomeCells,
  figuresOf,
  notRecordedKey,
  type OutcomeFigures,
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
 * worked out here and ALL their cells go through ONE `releaseAggregates` call. A reader who
 * subtracts one view from another (level from discipline, the whole organisation from one
 * program, one pairing's "before" from another's) therefore subtracts cells that were checked
 * together. Requests then only read the stored result. docs/decisions/003 and 008.
 *
 * Publications are frozen: given the previous publication's decisions, a cell released then stays
 * released and counts in every derivation, a cell hidden then stays hidden, and only the new cells
 * (a window that closed since, a new pairing) can be hidden to protect the union.
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
  views: PublishedOutcomeView[];
};

/** The publication's own record: what later publications must stay consistent with. */
export type PublicationRecord = {
  kind: 'publication';
  minimumGroupSize: number;
  decisions: PublicationDecisions;
  publishedAt: string;
};

/** What one `outcome_snapshots` row holds: the publication's record or one of its views. */
export type StoredOutcomeSnapshot = PublicationRecord | (PublishedOutcomeView & { kind: 'view' });

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
  prior?: { minimumGroupSize: number; decisions: PublicationDecisions } | undefined;
};

export function viewKeyOf(programId: string | null, breakdown: Breakdown): string {
  return `${programId ?? '*'}|${breakdown}`;
}

/** The cells of every view in the publication, before any is released. */
export function collectPublicationViews(input: PublicationInput): CollectedView[] {
  const labelOf = (key: string) =>
    key === notRecordedKey ? 'Not recorded' : (input.groupLabels?.[key] ?? key);
  const cohorts = partition(input.responses, (response) => response.windowId);
  const cohortOf = (windowId: string) => cohorts.get(windowId) ?? [];
  const programIds = [
    ...new Set([
      ...Object.keys(input.groupLabels ?? {}),
      ...input.responses.flatMap((response) => (response.programId ? [response.programId] : [])),
    ]),
  ].sort();
  const byProgram = partition(input.responses, (response) => response.programId ?? '');
  const views: CollectedView[] = [];
  for (const programId of [null, ...programIds]) {
    // A program's view covers its own windows and the organisation-wide ones, its members' answers only.
    const windows =
      programId === null
        ? input.windows
        : input.windows.filter(
            (window) => (window.programId ?? null) === null || window.programId === programId,
          );
    const responses = programId === null ? input.responses : (byProgram.get(programId) ?? []);
    for (const breakdown of breakdowns) {
      views.push(
        collectOutcomeCells({
          instrument: input.instrument,
          windows,
          responses,
          cohortOf,
          programId,
          breakdown,
          labelOf,
        }),
      );
    }
  }
  return views;
}

/** Releases every view's cells together: the joint gate. */
export function publishOutcomes(input: PublicationInput): OutcomePublication {
  const minimum = input.minimumGroupSize;
  // Sorted by person, every member list below comes out in one order, so equal sets are equal lists.
  const responses = [...input.responses].sort((a, b) =>
    a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0,
  );
  const views = collectPublicationViews({ ...input, responses });

  // Cells with the same members in the same measurement (a program's overall figure and that
  // program's row in the organisation's program breakdown) are one cell to the gate. Lists are
  // compared by a hash first, then element by element.
  const canonicalOf = new Map<string, number[]>();
  const canonicalMembers: string[][] = [];
  const definitions: { key: string; canonical: number }[][] = views.map((view) =>
    view.cells.map((cell) => {
      const signature = `${cell.memberIds.length}:${hashList(cell.memberIds)}`;
      const candidates = canonicalOf.get(signature) ?? [];
      let canonical = candidates.find((index) => isSameList(canonicalMembers[index]!, cell.memberIds));
      if (canonical === undefined) {
        canonical = canonicalMembers.length;
        canonicalMembers.push(cell.memberIds);
        candidates.push(canonical);
        canonicalOf.set(signature, candidates);
      }
      return { key: `${viewKeyOf(view.programId, view.breakdown)}|${cell.id}`, canonical };
    }),
  );

  // What was released stays released and counts against every new cell; at the same minimum what
  // was hidden stays hidden too. After a raised minimum the earlier cells may reveal groups the new
  // minimum protects, which nothing can take back, so that publication starts afresh (decision 003).
  const prior = input.prior && minimum <= input.prior.minimumGroupSize ? input.prior : undefined;
  const alreadyReleased = new Set<string>();
  const alreadySuppressed = new Map<string, SuppressionReason>();
  if (prior) {
    for (const list of definitions) {
      for (const { key, canonical } of list) {
        const decision = prior.decisions[key];
        if (decision === 'released') alreadyReleased.add(`k${canonical}`);
        else if (decision && prior.minimumGroupSize === minimum)
          alreadySuppressed.set(`k${canonical}`, decision);
      }
    }
    for (const id of alreadyReleased) alreadySuppressed.delete(id);
  }

  const release = releaseAggregates({
    cells: canonicalMembers.map((memberIds, index) => ({ id: `k${index}`, memberIds, figures: null })),
    minimumGroupSize: minimum,
    alreadyReleased,
    alreadySuppressed,
  });

  const decisions: PublicationDecisions = {};
  const published = views.map((view, viewIndex): PublishedOutcomeView => {
    const cells: Record<string, PublishedCell> = {};
    view.cells.forEach((cell, cellIndex) => {
      const { key, canonical } = definitions[viewIndex]![cellIndex]!;
      const decision = release.cells[canonical]!;
      if (decision.status === 'released') {
        cells[cell.id] = { status: 'released', n: decision.memberCount, figures: figuresOf(cell) };
        decisions[key] = 'released';
      } else {
        cells[cell.id] = { status: 'hidden', reason: decision.reason, explanation: decision.explanation };
        decisions[key] = decision.reason;
      }
    });
    const { cells: _collected, ...rest } = view;
    return { ...rest, instrumentId: input.instrument.id, minimumGroupSize: release.minimumGroupSize, cells };
  });
  return { minimumGroupSize: release.minimumGroupSize, decisions, views: published };
}

/** FNV-1a over the ids, two 32-bit lanes: a key for the map, never trusted without comparing. */
function hashList(ids: readonly string[]): string {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (const id of ids) {
    for (let index = 0; index < id.length; index++) {
      const code = id.charCodeAt(index);
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995);
    }
    first = Math.imul(first ^ 10, 0x01000193);
    second = Math.imul(second ^ 10, 0x5bd1e995);
  }
  return `${(first >>> 0).toString(36)}${(second >>> 0).toString(36)}`;
}

function isSameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
