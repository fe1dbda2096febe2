import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { feedbackPeriodDays } from '../../core/feedback/feedback-form.ts';
import { millisecondsPerDay } from '../../core/scheduling/durations.ts';
import type { Transaction } from '../../db/connect.ts';
import { assessmentResponses, assessmentWindows, meetingFeedback, meetings, users } from '../../db/schema.ts';

/**
 * When an account is closed, the answers already counted in released figures stay in them under a
 * placeholder that names nobody: questionnaire results of windows that have closed (outcome
 * publications) and feedback on meetings whose feedback period has closed (feedback releases).
 *
 * Why not delete them with the rest: released figures cannot be taken back, and every later figure is
 * judged against them by the people behind them (decision 003). With the answers gone, a frozen
 * figure of 30 people and a new one of the 29 still here would differ by exactly the person who left,
 * and the gate, counting only the 29 in both, would see no difference at all — an exact score given
 * away by subtraction. Kept under a placeholder, the person still counts where they counted, so later
 * figures are judged as if they had stayed; nothing else of them is kept: not their name, address,
 * item answers, or anything not yet released (open windows, feedback still being given) — those are
 * deleted with the account.
 */
export async function keepReleasedAnswersUnnamed(tx: Transaction, userId: string, now: Date): Promise<void> {
  // effectiveClosing and feedbackPeriodClosesAt (core), as conditions on the rows.
  const closedWindows = tx
    .select({ id: assessmentWindows.id })
    .from(assessmentWindows)
    .where(lte(sql`least(${assessmentWindows.closedAt}, ${assessmentWindows.closesAt})`, now));
  const feedbackClosedBefore = new Date(now.getTime() - feedbackPeriodDays * millisecondsPerDay);
  const closedMeetings = tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(lte(meetings.endsAt, feedbackClosedBefore));
  const counted =
    (await tx.$count(
      assessmentResponses,
      and(eq(assessmentResponses.userId, userId), inArray(assessmentResponses.windowId, closedWindows)),
    )) +
    (await tx.$count(
      meetingFeedback,
      and(eq(meetingFeedback.userId, userId), inArray(meetingFeedback.meetingId, closedMeetings)),
    ));
  if (counted === 0) return;

  // A user row of no one: no membership, no password, an address that cannot receive mail.
  const placeholderId = randomUUID();
  await tx.insert(users).values({
    id: placeholderId,
    email: `departed-${placeholderId}@tend.invalid`,
    name: 'Former member',
    disabledAt: now,
  });
  await tx
    .update(assessmentResponses)
    // The figures read only the subscale scores and the level, discipline and program kept at submit.
    .set({ userId: placeholderId, answers: {}, scores: null })
    .where(and(eq(assessmentResponses.userId, userId), inArray(assessmentResponses.windowId, closedWindows)));
  await tx
    .update(meetingFeedback)
    .set({ userId: placeholderId })
    .where(and(eq(meetingFeedback.userId, userId), inArray(meetingFeedback.meetingId, closedMeetings)));
}
