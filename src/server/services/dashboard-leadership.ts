import { and, desc, eq, isNotNull, lte, or } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { assessmentWindows } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { describeReportSummary, listLeadershipActions } from './working-conditions.ts';

/**
 * A leader's home: the stressors people report often enough to be shown (the same gate as the
 * working-conditions page, so the home page discloses nothing that page does not) that no posted
 * action answers yet, and the latest questionnaire whose anonymous results can be read.
 */
export async function describeLeadership(db: Database, member: SignedInMember, now: Date) {
  // The summary may make this week's release in a transaction of its own, so it goes first.
  const summary = await describeReportSummary(db, member, now);
  const [actions, [latestClosed]] = await Promise.all([
    listLeadershipActions(db, member),
    db
      .select({
        id: assessmentWindows.id,
        title: assessmentWindows.title,
        closesAt: assessmentWindows.closesAt,
      })
      .from(assessmentWindows)
      .where(
        and(
          eq(assessmentWindows.organizationId, member.organizationId),
          or(
            lte(assessmentWindows.closesAt, now),
            and(isNotNull(assessmentWindows.closedAt), lte(assessmentWindows.closedAt, now)),
          ),
        ),
      )
      .orderBy(desc(assessmentWindows.closesAt))
      .limit(1),
  ]);
  const answered = new Set(actions.flatMap((action) => action.categories));
  return {
    reportsToAnswer: summary.categories.flatMap((category) =>
      category.total.status === 'released' && !answered.has(category.category)
        ? [{ category: category.category, label: category.label, reports: category.total.reports }]
        : [],
    ),
    weekCount: summary.weeks.length,
    actionsInProgress: actions.filter((action) => action.status !== 'done').length,
    latestResults: latestClosed ? { windowTitle: latestClosed.title } : null,
  };
}
