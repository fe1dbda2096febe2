import { createHash } from 'node:crypto';
import { and, count, eq, inArray, like, lte, max, or } from 'drizzle-orm';
import { effectiveMinimumGroupSize } from '../../core/evaluation/release-aggregates.ts';
import type { Instrument } from '../../core/instruments/instrument.ts';
import {
  type PublicationRecord,
  type PublishedOutcomeView,
  viewKeyOf,
} from '../../core/measurement/outcome-publication.ts';
import {
  type Breakdown,
  type OutcomeResponse,
  type Outcomes,
  selectOutcomes,
} from '../../core/measurement/outcomes.ts';
import type { Database } from '../../db/connect.ts';
import { assessmentResponses, assessmentWindows, outcomeSnapshots, programs } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { publishOutcomesInWorker } from '../outcomes/publish-outcomes-in-worker.ts';
import { requireInstrument } from './assessment-windows.ts';
import { findOrganizationSettings } from './organization.ts';

/**
 * Outcomes are published, not computed per request (decisions 003 and 008): for each instrument,
 * every view anyone may ask for is worked out and gated together once its windows have closed,
 * on a worker thread, and stored in `outcome_snapshots` — one row for the publication's record
 * (`publication|<instrument>`) and one per program filter and breakdown (`view|<instrument>|…`).
 * Requests only read those rows.
 */

/** Forgets every publication: benchmarks time a first publication with it. */
export async function forgetOutcomeSnapshots(db: Database): Promise<void> {
  await db.delete(outcomeSnapshots);
}

export type OutcomesQuery = {
  instrumentId: string;
  breakdown: Breakdown;
  programId?: string | undefined;
  focusWindowId?: string | undefined;
  baselineWindowId?: string | undefined;
};

export type OutcomesView = {
  instrument: Instrument;
  outcomes: Outcomes;
  organizationName: string;
  programTitle: string | null;
  /** Windows of this instrument still open: their results appear once they close. */
  openWindows: { id: string; title: string; closesAt: Date }[];
  /** When the figures shown were published; null before the first publication. */
  publishedAt: Date | null;
  /** False when a window closed (or data changed) after the publication shown: a new one is due. */
  isUpToDate: boolean;
};

const publicationKey = (instrumentId: string) => `publication|${instrumentId}`;
const viewKey = (instrumentId: string, programId: string | null, breakdown: Breakdown) =>
  `view|${instrumentId}|${viewKeyOf(programId, breakdown)}`;

type WindowRow = {
  id: string;
  title: string;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  programId: string | null;
};

const isClosedAt = (window: WindowRow, now: Date) =>
  Math.min(window.closesAt.getTime(), window.closedAt?.getTime() ?? Number.POSITIVE_INFINITY) <=
  now.getTime();

/** What a publication depends on: if any of it changes, a new publication is due. */
async function findPublicationState(db: Database, organizationId: string, instrumentId: string, now: Date) {
  const settings = await findOrganizationSettings(db, organizationId);
  const windows: WindowRow[] = await db
    .select({
      id: assessmentWindows.id,
      title: assessmentWindows.title,
      opensAt: assessmentWindows.opensAt,
      closesAt: assessmentWindows.closesAt,
      closedAt: assessmentWindows.closedAt,
      programId: assessmentWindows.programId,
    })
    .from(assessmentWindows)
    .where(
      and(
        eq(assessmentWindows.organizationId, organizationId),
        eq(assessmentWindows.instrumentId, instrumentId),
      ),
    )
    .orderBy(assessmentWindows.opensAt);
  const closed = windows.filter((window) => isClosedAt(window, now));
  const programRows = await db
    .select({ id: programs.id, title: programs.title })
    .from(programs)
    .where(eq(programs.organizationId, organizationId))
    .orderBy(programs.id);
  const [latest] =
    closed.length === 0
      ? [{ count: 0, latest: null }]
      : await db
          .select({ count: count(), latest: max(assessmentResponses.updatedAt) })
          .from(assessmentResponses)
          .where(
            inArray(
              assessmentResponses.windowId,
              closed.map((window) => window.id),
            ),
          );
  const minimumGroupSize = effectiveMinimumGroupSize(settings.minimumReportingGroupSize);
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        minimumGroupSize,
        closed.map((window) => window.id),
        latest?.count,
        latest?.latest instanceof Date ? latest.latest.toISOString() : String(latest?.latest ?? ''),
        programRows,
      ]),
    )
    .digest('hex');
  return { settings, windows, closed, programRows, minimumGroupSize, fingerprint };
}

/**
 * The outcomes dashboard's data, read from the instrument's latest publication. Only closed windows
 * count, and every figure was released together with every other view's (see the note above).
 */
export async function describeOutcomes(
  db: Database,
  organizationId: string,
  query: OutcomesQuery,
  now: Date,
): Promise<OutcomesView> {
  const instrument = requireInstrument(query.instrumentId);
  const state = await findPublicationState(db, organizationId, instrument.id, now);
  const windowsInScope = state.windows.filter(
    (window) => !query.programId || window.programId === null || window.programId === query.programId,
  );
  const closedInScope = windowsInScope.filter((window) => isClosedAt(window, now));
  const chosen = new Map<string, WindowRow>();
  for (const [field, windowId] of [
    ['focusWindowId', query.focusWindowId],
    ['baselineWindowId', query.baselineWindowId],
  ] as const) {
    if (!windowId) continue;
    const window = closedInScope.find((candidate) => candidate.id === windowId);
    if (!window) {
      throw new AppError('VALIDATION_FAILED', 'Choose a closed window of this instrument.', {
        fields: { [field]: 'must be a closed window of this instrument' },
      });
    }
    chosen.set(field, window);
  }
  const focus = chosen.get('focusWindowId');
  const baseline = chosen.get('baselineWindowId');
  if (focus && baseline && baseline.opensAt >= focus.opensAt) {
    throw new AppError('VALIDATION_FAILED', 'Choose a baseline window that opened before the focus window.', {
      fields: { baselineWindowId: 'must open before the focus window' },
    });
  }

  const rows = await db
    .select({
      viewKey: outcomeSnapshots.viewKey,
      fingerprint: outcomeSnapshots.fingerprint,
      stored: outcomeSnapshots.outcomes,
    })
    .from(outcomeSnapshots)
    .where(
      and(
        eq(outcomeSnapshots.organizationId, organizationId),
        inArray(outcomeSnapshots.viewKey, [
          publicationKey(instrument.id),
          viewKey(instrument.id, query.programId ?? null, query.breakdown),
        ]),
      ),
    );
  const record = rows.find((row) => row.stored.kind === 'publication');
  const view = rows.find((row) => row.stored.kind === 'view')?.stored as PublishedOutcomeView | undefined;
  const outcomes: Outcomes = view
    ? selectOutcomes(instrument, view, {
        focusWindowId: query.focusWindowId ?? null,
        baselineWindowId: query.baselineWindowId ?? null,
      })
    : {
        instrumentId: instrument.id,
        minimumGroupSize: state.minimumGroupSize,
        breakdown: query.breakdown,
        windows: [],
        focusWindowId: null,
        baselineWindowId: null,
        groups: [],
        trend: [],
        distributions: [],
        change: [],
        hiddenCount: 0,
      };
  const publishedAt = record?.stored.kind === 'publication' ? new Date(record.stored.publishedAt) : null;
  return {
    instrument,
    outcomes,
    organizationName: state.settings.name,
    programTitle: query.programId
      ? (state.programRows.find((program) => program.id === query.programId)?.title ?? null)
      : null,
    openWindows: windowsInScope
      .filter((window) => !isClosedAt(window, now))
      .map((window) => ({
        id: window.id,
        title: window.title,
        closesAt: window.closedAt && window.closedAt < window.closesAt ? window.closedAt : window.closesAt,
      })),
    publishedAt,
    isUpToDate: state.closed.length === 0 || record?.fingerprint === state.fingerprint,
  };
}

/**
 * Publishes one instrument's outcomes if anything they depend on changed since the last publication:
 * every view, gated together on a worker thread, consistent with what was published before (what
 * was released stays released and counts against every new cell). Returns whether it published.
 */
export async function publishOutcomesOf(
  db: Database,
  organizationId: string,
  instrumentId: string,
  now: Date,
): Promise<boolean> {
  const instrument = requireInstrument(instrumentId);
  const state = await findPublicationState(db, organizationId, instrument.id, now);
  if (state.closed.length === 0) return false;
  const [previous] = await db
    .select({ fingerprint: outcomeSnapshots.fingerprint, stored: outcomeSnapshots.outcomes })
    .from(outcomeSnapshots)
    .where(
      and(
        eq(outcomeSnapshots.organizationId, organizationId),
        eq(outcomeSnapshots.viewKey, publicationKey(instrument.id)),
      ),
    );
  if (previous?.fingerprint === state.fingerprint) return false;
  const prior = previous?.stored.kind === 'publication' ? previous.stored : undefined;
  // Its views let the next publication keep the earlier windows' cells as published and work out
  // only the new window's (the core checks that the earlier windows' responses are unchanged).
  const priorViews =
    prior?.windowDigests && prior.minimumGroupSize === state.minimumGroupSize
      ? (
          await db
            .select({ stored: outcomeSnapshots.outcomes })
            .from(outcomeSnapshots)
            .where(
              and(
                eq(outcomeSnapshots.organizationId, organizationId),
                like(outcomeSnapshots.viewKey, `view|${instrument.id}|%`),
              ),
            )
        ).flatMap((row) => (row.stored.kind === 'view' ? [row.stored] : []))
      : undefined;

  const rows = await db
    .select({
      personId: assessmentResponses.userId,
      windowId: assessmentResponses.windowId,
      programId: assessmentResponses.programId,
      level: assessmentResponses.level,
      discipline: assessmentResponses.discipline,
      scores: assessmentResponses.subscaleScores,
    })
    .from(assessmentResponses)
    .where(
      and(
        inArray(
          assessmentResponses.windowId,
          state.closed.map((window) => window.id),
        ),
        eq(assessmentResponses.status, 'submitted'),
        eq(assessmentResponses.isComplete, true),
        lte(assessmentResponses.submittedAt, now),
      ),
    );
  const responses: OutcomeResponse[] = [];
  for (const row of rows) if (row.scores) responses.push({ ...row, scores: row.scores });

  const publication = await publishOutcomesInWorker({
    instrumentId: instrument.id,
    windows: state.closed.map((window) => ({
      id: window.id,
      title: window.title,
      opensAt: window.opensAt.toISOString(),
      programId: window.programId,
    })),
    responses,
    groupLabels: Object.fromEntries(state.programRows.map((program) => [program.id, program.title])),
    minimumGroupSize: state.minimumGroupSize,
    prior: prior
      ? {
          minimumGroupSize: prior.minimumGroupSize,
          decisions: prior.decisions,
          windowDigests: prior.windowDigests,
          views: priorViews,
        }
      : undefined,
  });

  const record: PublicationRecord = {
    kind: 'publication',
    minimumGroupSize: publication.minimumGroupSize,
    decisions: publication.decisions,
    windowDigests: publication.windowDigests,
    publishedAt: now.toISOString(),
  };
  return db.transaction(async (transaction) => {
    // Another server may have published meanwhile: then its publication stands, and the next run
    // builds on it, so no two publications are ever made from the same prior.
    const [current] = await transaction
      .select({ fingerprint: outcomeSnapshots.fingerprint })
      .from(outcomeSnapshots)
      .where(
        and(
          eq(outcomeSnapshots.organizationId, organizationId),
          eq(outcomeSnapshots.viewKey, publicationKey(instrument.id)),
        ),
      )
      .for('update');
    if ((current?.fingerprint ?? null) !== (previous?.fingerprint ?? null)) return false;
    await transaction
      .delete(outcomeSnapshots)
      .where(
        and(
          eq(outcomeSnapshots.organizationId, organizationId),
          or(
            eq(outcomeSnapshots.viewKey, publicationKey(instrument.id)),
            like(outcomeSnapshots.viewKey, `view|${instrument.id}|%`),
          ),
        ),
      );
    const values = [
      { viewKey: publicationKey(instrument.id), outcomes: record },
      ...publication.views.map((view) => ({
        viewKey: viewKey(instrument.id, view.programId, view.breakdown),
        outcomes: { ...view, kind: 'view' as const },
      })),
    ];
    for (let start = 0; start < values.length; start += 50) {
      await transaction.insert(outcomeSnapshots).values(
        values.slice(start, start + 50).map((value) => ({
          organizationId,
          viewKey: value.viewKey,
          fingerprint: state.fingerprint,
          outcomes: value.outcomes,
          computedAt: now,
        })),
      );
    }
    return true;
  });
}

export type SnapshotReport = { instruments: number; published: number };

/** Publishes every instrument with a closed window whose publication is due (the background job). */
export async function refreshOutcomeSnapshots(db: Database, now: Date): Promise<SnapshotReport> {
  const scopes = await db
    .selectDistinct({
      organizationId: assessmentWindows.organizationId,
      instrumentId: assessmentWindows.instrumentId,
    })
    .from(assessmentWindows)
    .where(or(lte(assessmentWindows.closesAt, now), lte(assessmentWindows.closedAt, now)));
  const report: SnapshotReport = { instruments: scopes.length, published: 0 };
  for (const scope of scopes) {
    if (await publishOutcomesOf(db, scope.organizationId, scope.instrumentId, now)) report.published += 1;
  }
  return report;
}

const inFlight = new Map<string, Promise<unknown>>();

/**
 * Starts a publication without waiting for it (a reader found the last one out of date); at most
 * one per organisation and instrument at a time in this process. Failures wait for the job.
 */
export function requestOutcomePublication(
  db: Database,
  organizationId: string,
  instrumentId: string,
  now: Date,
  log: (error: unknown) => void,
): void {
  const key = `${organizationId}|${instrumentId}`;
  if (inFlight.has(key)) return;
  const run = publishOutcomesOf(db, organizationId, instrumentId, now)
    .catch(log)
    .finally(() => inFlight.delete(key));
  inFlight.set(key, run);
}

/** Waits for publications started by readers (tests and shutdown). */
export async function settleOutcomePublications(): Promise<void> {
  await Promise.all([...inFlight.values()]);
}
