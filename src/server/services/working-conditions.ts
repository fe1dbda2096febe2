import { and, desc, eq, gte, isNull, ne } from 'drizzle-orm';
import { effectiveCommentMinimum } from '../../core/evaluation/comment-minimum.ts';
import type { CellDecision } from '../../core/evaluation/release-after-earlier.ts';
import { addDays } from '../../core/scheduling/local-date.ts';
import { zonedTimeToUtc } from '../../core/scheduling/time-zones.ts';
import {
  type CommentPage,
  firstPageOfComments,
  pageOfComments,
} from '../../core/working-conditions/comment-pages.ts';
import {
  defaultUnits,
  identifyingDetailsWarning,
  isoWeekStart,
  isStressorCategory,
  type StressorCategory,
  stressorCategories,
  stressorCategoryLabels,
  unitNotStated,
} from '../../core/working-conditions/report-form.ts';
import type { ReportSummary } from '../../core/working-conditions/summarize-reports.ts';
import type {
  publishWeeklySummary,
  WeeklyReleaseInput,
} from '../../core/working-conditions/weekly-release.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import {
  type leadershipActionStatuses,
  leadershipActions,
  memberships,
  users,
  workingConditionReports,
} from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { runInWorker } from '../workers/run-in-worker.ts';
import {
  readRelease,
  readReleases,
  type StoredRelease,
  storeReleases,
  whileHoldingScope,
} from './aggregate-releases.ts';
import type { AnonymousReportLimiter } from './anonymous-report-limiter.ts';
import { recordAuditEvent } from './audit.ts';
import { findOrganizationSettings } from './organization.ts';
import { organizationToday } from './programs.ts';

function unitsOf(settings: { units?: string[] }): string[] {
  const listed = settings.units && settings.units.length > 0 ? settings.units : [...defaultUnits];
  return [...listed.filter((unit) => unit !== unitNotStated), unitNotStated];
}

export async function describeReportForm(db: Database, member: SignedInMember) {
  const settings = await findOrganizationSettings(db, member.organizationId);
  return {
    categories: stressorCategories.map((category) => ({
      value: category,
      label: stressorCategoryLabels[category],
    })),
    units: unitsOf(settings),
    warning: identifyingDetailsWarning,
  };
}

export type ReportInput = { category: string; unit: string; text: string };

/**
 * Stores an anonymous report: organisation, category, unit, text and the ISO week — nothing about
 * who sent it or when within the week. No audit event is written (it would name the reporter), and
 * the limiter keeps its count in memory only. The same report sent twice in a week is stored once.
 */
export async function fileReport(
  db: Database,
  member: SignedInMember,
  input: ReportInput,
  now: Date,
  limiter: AnonymousReportLimiter,
) {
  const settings = await findOrganizationSettings(db, member.organizationId);
  if (!isStressorCategory(input.category)) {
    throw new AppError('VALIDATION_FAILED', 'Pick one of the listed categories.', {
      fields: { 'body.category': 'pick one of the listed categories' },
    });
  }
  if (!unitsOf(settings).includes(input.unit)) {
    throw new AppError('VALIDATION_FAILED', `Pick a unit from the list, or "${unitNotStated}".`, {
      fields: { 'body.unit': 'pick a unit from the list' },
    });
  }
  const week = isoWeekStart(organizationToday(now, settings.timeZone));
  const values = {
    organizationId: member.organizationId,
    category: input.category,
    unit: input.unit,
    text: input.text.trim(),
    week,
  };
  await db.transaction(async (tx) => {
    const [duplicate] = await tx
      .select({ id: workingConditionReports.id })
      .from(workingConditionReports)
      .where(
        and(
          eq(workingConditionReports.organizationId, values.organizationId),
          eq(workingConditionReports.week, week),
          eq(workingConditionReports.category, values.category),
          eq(workingConditionReports.unit, values.unit),
          eq(workingConditionReports.text, values.text),
        ),
      );
    if (duplicate) return;
    if (!limiter.tryTake(member.userId, now)) {
      throw new AppError(
        'TOO_MANY_ATTEMPTS',
        'You have sent several reports today; please wait until tomorrow to send more.',
      );
    }
    await tx.insert(workingConditionReports).values(values);
  });
  return { week };
}

type SummaryRelease = {
  summary: ReportSummary;
  decisions: Record<string, CellDecision>;
  firstWeek: string;
  weekCount: number;
};

/** The leaders' weekly summaries are released for the whole organisation. */
function summaryScope(organizationId: string) {
  return { organizationId, kind: 'working-conditions' as const, scopeId: organizationId };
}

/**
 * Counts for leaders over the `weekCount` ISO weeks up to the last one that has ended, every count
 * through the privacy gate. A week's figures are released once, on the Monday after it (organisation
 * time), judged against every earlier release, and read unchanged after that: a leader who looks
 * before and after a report can no longer see a count grow. The first read of the week makes the
 * release; weeks nobody looked at get none.
 */
export async function describeReportSummary(db: Database, member: SignedInMember, now: Date, weekCount = 12) {
  const settings = await findOrganizationSettings(db, member.organizationId);
  const thisWeek = isoWeekStart(organizationToday(now, settings.timeZone));
  const lastClosedWeek = addDays(thisWeek, -7);
  const scope = summaryScope(member.organizationId);
  const findRelease = (releases: readonly StoredRelease<SummaryRelease>[]) =>
    releases.find((release) => release.periodKey === lastClosedWeek);
  let release = (await readRelease<SummaryRelease>(db, scope, { periodKey: lastClosedWeek })) ?? undefined;
  if (!release) {
    release = await whileHoldingScope(db, scope, async (tx) => {
      const earlier = await readReleases<SummaryRelease>(tx, scope);
      const stored = findRelease(earlier);
      if (stored) return stored;
      const made: StoredRelease<SummaryRelease> = {
        periodKey: lastClosedWeek,
        periodClosedAt: zonedTimeToUtc(thisWeek, 0, 0, settings.timeZone),
        releasedAt: now,
        contents: await summarizeClosedWeeks(tx, member.organizationId, settings, {
          firstWeek: addDays(lastClosedWeek, -7 * (weekCount - 1)),
          weekCount,
          earlier,
        }),
      };
      await storeReleases(tx, scope, [made]);
      return made;
    });
  }
  const { summary } = release.contents;
  return {
    ...summary,
    // Each category's first page of comments; readReportComments gives the pages after it.
    categories: summary.categories.map((category) => ({
      ...category,
      comments: firstPageOfComments(category.comments),
    })),
    releaseWeek: release.periodKey,
    releasedAt: release.releasedAt.toISOString(),
    nextReleaseAt: zonedTimeToUtc(addDays(thisWeek, 7), 0, 0, settings.timeZone).toISOString(),
  };
}

/** A later page of one category's comments, from the summary released for `week`. */
export async function readReportComments(
  db: Database,
  member: SignedInMember,
  query: { week: string; category: StressorCategory; offset: number; limit: number },
): Promise<CommentPage> {
  const scope = summaryScope(member.organizationId);
  const release = await readRelease<SummaryRelease>(db, scope, { periodKey: query.week });
  if (!release) throw notFound('A summary released for that week');
  const category = release.contents.summary.categories.find((entry) => entry.category === query.category);
  const comments = category?.comments.status === 'released' ? category.comments.comments : [];
  return pageOfComments(comments, query.offset, query.limit);
}

async function summarizeClosedWeeks(
  tx: Transaction,
  organizationId: string,
  settings: Awaited<ReturnType<typeof findOrganizationSettings>>,
  period: { firstWeek: string; weekCount: number; earlier: readonly StoredRelease<SummaryRelease>[] },
): Promise<SummaryRelease> {
  const oldestWeek = [
    period.firstWeek,
    ...period.earlier.map((release) => release.contents.firstWeek),
  ].sort()[0];
  const rows = await tx
    .select()
    .from(workingConditionReports)
    .where(
      and(
        eq(workingConditionReports.organizationId, organizationId),
        gte(workingConditionReports.week, oldestWeek ?? period.firstWeek),
      ),
    );
  const reports = rows.map((row) => ({
    id: row.id,
    category: isStressorCategory(row.category) ? row.category : ('other' as const),
    unit: row.unit,
    week: row.week,
    text: row.text,
  }));
  const input: WeeklyReleaseInput = {
    reports,
    minimumGroupSize: settings.minimumReportingGroupSize,
    commentMinimum: effectiveCommentMinimum(settings),
    units: unitsOf(settings),
    firstWeek: period.firstWeek,
    weekCount: period.weekCount,
    earlier: period.earlier.map((release) => ({
      key: release.periodKey,
      decisions: release.contents.decisions,
      units: release.contents.summary.units,
      firstWeek: release.contents.firstWeek,
      weekCount: release.contents.weekCount,
    })),
  };
  // Off the main thread: judging against a year of weekly summaries takes about a second.
  const { summary, decisions } = await runInWorker<
    WeeklyReleaseInput,
    ReturnType<typeof publishWeeklySummary>
  >(
    new URL('../workers/publish-weekly-summary.worker.ts', import.meta.url),
    input,
    'summarising working-condition reports',
  );
  return { summary, decisions, firstWeek: period.firstWeek, weekCount: period.weekCount };
}

export type LeadershipActionInput = {
  title: string;
  description: string;
  ownerName: string;
  status: (typeof leadershipActionStatuses)[number];
  dueDate: string | null;
  categories: StressorCategory[];
};

function presentAction(row: typeof leadershipActions.$inferSelect) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    ownerName: row.ownerName,
    status: row.status,
    dueDate: row.dueDate,
    categories: row.categories,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What leadership is doing: every member of the organisation sees the same list, latest change first. */
export async function listLeadershipActions(db: Database, member: SignedInMember) {
  const rows = await db
    .select()
    .from(leadershipActions)
    .where(eq(leadershipActions.organizationId, member.organizationId))
    .orderBy(desc(leadershipActions.updatedAt));
  return rows.map(presentAction);
}

export async function createLeadershipAction(
  db: Database,
  member: SignedInMember,
  input: LeadershipActionInput,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(leadershipActions)
      .values({
        organizationId: member.organizationId,
        ...input,
        createdBy: member.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: 'leadership-action.create',
      targetId: row.id,
    });
    await tellMembersOfAction(tx, member, row.title);
    return presentAction(row);
  });
}

export async function updateLeadershipAction(
  db: Database,
  member: SignedInMember,
  actionId: string,
  changes: Partial<LeadershipActionInput>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(leadershipActions)
      .set({ ...changes, updatedAt: now })
      .where(
        and(eq(leadershipActions.id, actionId), eq(leadershipActions.organizationId, member.organizationId)),
      )
      .returning();
    if (!row) throw notFound('That action');
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: 'leadership-action.update',
      targetId: row.id,
    });
    return presentAction(row);
  });
}

/**
 * Everyone who can report working conditions hears that leadership answered, in the app and on their
 * devices; not by e-mail, since every action would otherwise mail the whole organisation.
 */
async function tellMembersOfAction(
  tx: Parameters<typeof notify>[0],
  leader: SignedInMember,
  title: string,
): Promise<void> {
  const members = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, leader.organizationId),
        ne(memberships.userId, leader.userId),
        isNull(users.disabledAt),
      ),
    );
  await notify(tx, {
    organizationId: leader.organizationId,
    userIds: members.map((row) => row.userId),
    kind: 'leadership-action',
    title: 'Leadership is acting on reported working conditions',
    body: `New action: ${title}`,
    link: '/speak-up',
    isEmailed: false,
  });
}
