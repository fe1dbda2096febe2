import { and, count, eq, inArray, lte, max, or, sql } from 'drizzle-orm';
import { effectiveMinimumGroupSize } from '../../core/evaluation/release-aggregates.ts';
import type { Instrument } from '../../core/instruments/instrument.ts';
import {
  type Breakdown,
  buildOutcomes,
  type OutcomeResponse,
  type Outcomes,
} from '../../core/measurement/outcomes.ts';
import type { Database } from '../../db/connect.ts';
import { assessmentResponses, assessmentWindows, programs } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { requireInstrument } from './assessments.ts';
import { findOrganizationSettings } from './organization.ts';

/** The most recently used outcome views, per process (app servers keep nothing else). */
const outcomesCache = new Map<string, Outcomes>();
const cacheSize = 50;

/** Empties the cache: benchmarks time the first view after a window closes with it. */
export function forgetCachedOutcomes(): void {
  outcomesCache.clear();
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
  const present = (outcomes: Outcomes): OutcomesView => ({
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

  // Closed windows are frozen, so their outcomes are worked out once and reused until a window
  // closes, a response changes, the minimum changes or a program is renamed.
  const [fingerprint] =
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
  const cacheKey = JSON.stringify([
    organizationId,
    query,
    minimumGroupSize,
    closed.map((window) => window.id),
    fingerprint?.count,
    fingerprint?.latest instanceof Date
      ? fingerprint.latest.toISOString()
      : String(fingerprint?.latest ?? ''),
    programRows,
  ]);
  const cached = outcomesCache.get(cacheKey);
  if (cached) {
    outcomesCache.delete(cacheKey);
    outcomesCache.set(cacheKey, cached);
    return present(cached);
  }

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
  outcomesCache.set(cacheKey, outcomes);
  if (outcomesCache.size > cacheSize) outcomesCache.delete(outcomesCache.keys().next().value as string);
  return present(outcomes);
}
