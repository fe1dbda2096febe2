import { createHash } from 'node:crypto';
import { and, count, eq, inArray, lte, max, or, sql } from 'drizzle-orm';
import { effectiveMinimumGroupSize } from '../../core/evaluation/release-aggregates.ts';
import type { Instrument } from '../../core/instruments/instrument.ts';
import {
  type Breakdown,
  breakdowns,
  buildOutcomes,
  type OutcomeResponse,
  type Outcomes,
} from '../../core/measurement/outcomes.ts';
import type { Database } from '../../db/connect.ts';
import { assessmentResponses, assessmentWindows, outcomeSnapshots, programs } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { requireInstrument } from './assessments.ts';
import { findOrganizationSettings } from './organization.ts';

/** Forgets every stored view: benchmarks time the first view after a window closes with it. */
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
  /** False when the view came from its stored snapshot. */
  wasComputed: boolean;
};

/**
 * The outcomes dashboard's data. Only closed windows count — figures recomputed as each response
 * arrives could be subtracted from the figures shown before it (docs/decisions/003) — and every
 * figure passes through one release call in `buildOutcomes`.
 */
export async function describeOutcomes(
  db: Database,
  organizationId: string,
  query: OutcomesQuery,
  now: Date,
): Promise<OutcomesView> {
  const instrument = requireInstrument(query.instrumentId);
  const settings = await findOrganizationSettings(db, organizationId);
  const windowRows = await db
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
        eq(assessmentWindows.instrumentId, instrument.id),
        query.programId
          ? or(eq(assessmentWindows.programId, query.programId), sql`${assessmentWindows.programId} is null`)
          : undefined,
      ),
    )
    .orderBy(assessmentWindows.opensAt);
  const isClosed = (window: (typeof windowRows)[number]) =>
    Math.min(window.closesAt.getTime(), window.closedAt?.getTime() ?? Number.POSITIVE_INFINITY) <=
    now.getTime();
  const closed = windowRows.filter(isClosed);
  for (const [field, windowId] of [
    ['focusWindowId', query.focusWindowId],
    ['baselineWindowId', query.baselineWindowId],
  ] as const) {
    if (windowId && !closed.some((window) => window.id === windowId)) {
      throw new AppError('VALIDATION_FAILED', 'Choose a closed window of this instrument.', {
        fields: { [field]: 'must be a closed window of this instrument' },
      });
    }
  }

  const programRows = await db
    .select({ id: programs.id, title: programs.title })
    .from(programs)
    .where(eq(programs.organizationId, organizationId));
  const groupLabels = Object.fromEntries(programRows.map((program) => [program.id, program.title]));
  const minimumGroupSize = effectiveMinimumGroupSize(settings.minimumReportingGroupSize);
  const present = (outcomes: Outcomes): Omit<OutcomesView, 'wasComputed'> => ({
    instrument,
    outcomes,
    organizationName: settings.name,
    programTitle: query.programId ? (groupLabels[query.programId] ?? null) : null,
    openWindows: windowRows
      .filter((window) => !isClosed(window))
      .map((window) => ({
        id: window.id,
        title: window.title,
        closesAt: window.closedAt && window.closedAt < window.closesAt ? window.closedAt : window.closesAt,
      })),
  });

  // Closed windows are frozen, so their outcomes are worked out once and stored until a window
  // closes, a response changes, the minimum changes or a program is renamed.
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
  const viewKey = JSON.stringify([
    query.instrumentId,
    query.breakdown,
    query.programId ?? null,
    query.focusWindowId ?? null,
    query.baselineWindowId ?? null,
  ]);
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
  const [stored] = await db
    .select({ fingerprint: outcomeSnapshots.fingerprint, outcomes: outcomeSnapshots.outcomes })
    .from(outcomeSnapshots)
    .where(and(eq(outcomeSnapshots.organizationId, organizationId), eq(outcomeSnapshots.viewKey, viewKey)));
  if (stored?.fingerprint === fingerprint) return { ...present(stored.outcomes), wasComputed: false };

  const responses: OutcomeResponse[] = [];
  if (closed.length > 0) {
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
            closed.map((window) => window.id),
          ),
          eq(assessmentResponses.status, 'submitted'),
          eq(assessmentResponses.isComplete, true),
          lte(assessmentResponses.submittedAt, now),
          query.programId ? eq(assessmentResponses.programId, query.programId) : undefined,
        ),
      );
    for (const row of rows) if (row.scores) responses.push({ ...row, scores: row.scores });
  }

  const outcomes = buildOutcomes({
    instrument,
    windows: closed.map((window) => ({
      id: window.id,
      title: window.title,
      opensAt: window.opensAt.toISOString(),
    })),
    responses,
    breakdown: query.breakdown,
    groupLabels,
    focusWindowId: query.focusWindowId ?? null,
    baselineWindowId: query.baselineWindowId ?? null,
    minimumGroupSize,
  });
  // Two servers working out the same view store the same figures: the later write wins, harmlessly.
  await db
    .insert(outcomeSnapshots)
    .values({ organizationId, viewKey, fingerprint, outcomes, computedAt: now })
    .onConflictDoUpdate({
      target: [outcomeSnapshots.organizationId, outcomeSnapshots.viewKey],
      set: { fingerprint, outcomes, computedAt: now },
    });
  return { ...present(outcomes), wasComputed: true };
}

export type SnapshotReport = { views: number; computed: number };

/**
 * Works out ahead of time the views a dashboard opens with (each breakdown, organisation-wide and per
 * program) for every instrument with a closed window, so the first person to look after a window
 * closes reads stored figures. Views whose snapshot still matches cost two small queries.
 */
export async function refreshOutcomeSnapshots(db: Database, now: Date): Promise<SnapshotReport> {
  const scopes = await db
    .selectDistinct({
      organizationId: assessmentWindows.organizationId,
      instrumentId: assessmentWindows.instrumentId,
      programId: assessmentWindows.programId,
    })
    .from(assessmentWindows)
    .where(or(lte(assessmentWindows.closesAt, now), lte(assessmentWindows.closedAt, now)));
  const views = new Map<string, { organizationId: string; query: OutcomesQuery }>();
  for (const scope of scopes) {
    for (const programId of scope.programId ? [undefined, scope.programId] : [undefined]) {
      for (const breakdown of breakdowns) {
        const query = { instrumentId: scope.instrumentId, breakdown, programId };
        views.set(JSON.stringify([scope.organizationId, query]), {
          organizationId: scope.organizationId,
          query,
        });
      }
    }
  }
  const report: SnapshotReport = { views: views.size, computed: 0 };
  for (const { organizationId, query } of views.values()) {
    if ((await describeOutcomes(db, organizationId, query, now)).wasComputed) report.computed += 1;
  }
  return report;
}
