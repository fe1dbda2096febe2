import { and, eq, gt, isNull, notExists, or, sql } from 'drizzle-orm';
import { isReminderDue } from '../core/measurement/assessment-windows.ts';
import type { Database, Transaction } from '../db/connect.ts';
import {
  assessmentReminders,
  assessmentResponses,
  assessmentWindows,
  enrollments,
  memberships,
  users,
} from '../db/schema.ts';
import { notify } from '../notifications/notify.ts';

export type AssessmentReminderReport = { windows: number; reminded: number };

const reminderKind = 'assessment-reminder' as const;

/**
 * Reminds everyone with an open questionnaire and no submitted response, once per window and
 * person however often this runs, on however many servers: a row in assessment_reminders is
 * inserted first and only the people whose row this run created are told (the primary key decides).
 * Baseline windows open per person at enrolment, so their reminders follow each person's own date.
 */
export async function sendAssessmentReminders(db: Database, now: Date): Promise<AssessmentReminderReport> {
  const candidates = await db
    .select({ id: assessmentWindows.id })
    .from(assessmentWindows)
    .where(
      and(
        eq(assessmentWindows.remindersEnabled, true),
        sql`${assessmentWindows.opensAt} <= ${now.toISOString()}::timestamptz`,
        gt(assessmentWindows.closesAt, now),
        or(isNull(assessmentWindows.closedAt), gt(assessmentWindows.closedAt, now)),
      ),
    );
  const report: AssessmentReminderReport = { windows: 0, reminded: 0 };
  for (const candidate of candidates) {
    const reminded = await db.transaction((tx) => remindOfWindow(tx, candidate.id, now));
    if (reminded > 0) report.windows += 1;
    report.reminded += reminded;
  }
  return report;
}

async function remindOfWindow(tx: Transaction, windowId: string, now: Date): Promise<number> {
  const [window] = await tx.select().from(assessmentWindows).where(eq(assessmentWindows.id, windowId));
  if (!window) return 0;
  const hasNoSubmission = (userColumn: typeof users.id) =>
    notExists(
      tx
        .select({ one: sql`1` })
        .from(assessmentResponses)
        .where(
          and(
            eq(assessmentResponses.windowId, window.id),
            eq(assessmentResponses.userId, userColumn),
            eq(assessmentResponses.status, 'submitted'),
          ),
        ),
    );
  const notYetReminded = (userColumn: typeof users.id) =>
    notExists(
      tx
        .select({ one: sql`1` })
        .from(assessmentReminders)
        .where(
          and(
            eq(assessmentReminders.organizationId, window.organizationId),
            eq(assessmentReminders.windowId, window.id),
            eq(assessmentReminders.userId, userColumn),
          ),
        ),
    );
  const people =
    window.programId === null
      ? await tx
          .select({ userId: users.id, enrolledAt: sql<Date | null>`null` })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              eq(memberships.organizationId, window.organizationId),
              sql`${memberships.role} in ('participant', 'facilitator')`,
              isNull(users.disabledAt),
              hasNoSubmission(users.id),
              notYetReminded(users.id),
            ),
          )
      : await tx
          .select({ userId: users.id, enrolledAt: enrollments.enrolledAt })
          .from(enrollments)
          .innerJoin(users, eq(users.id, enrollments.userId))
          .where(
            and(
              eq(enrollments.programId, window.programId),
              eq(enrollments.status, 'enrolled'),
              isNull(users.disabledAt),
              hasNoSubmission(users.id),
              notYetReminded(users.id),
            ),
          );
  const due = people.filter((person) =>
    isReminderDue(window, person.enrolledAt ? new Date(person.enrolledAt) : null, now),
  );
  if (due.length === 0) return 0;
  // The primary key is the record: a concurrent run inserts nothing for people already claimed here.
  const claimed = await tx
    .insert(assessmentReminders)
    .values(
      due.map((person) => ({
        organizationId: window.organizationId,
        windowId: window.id,
        userId: person.userId,
        sentAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ userId: assessmentReminders.userId });
  if (claimed.length === 0) return 0;
  await notify(tx, {
    organizationId: window.organizationId,
    userIds: claimed.map((row) => row.userId),
    kind: reminderKind,
    title: `A short questionnaire is waiting for you: ${window.title}`,
    body:
      'It takes a few minutes. Your answers and results are yours: nobody else sees them, and only ' +
      'figures about larger groups are ever reported. You can save and finish later.',
    link: `/questionnaires/${window.id}`,
  });
  return claimed.length;
}
