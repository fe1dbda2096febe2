import { and, eq, exists, gt, inArray, isNull, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { feedbackPeriodDays, isFeedbackOpen } from '../../core/feedback/feedback-form.ts';
import { hasMeetingEnded } from '../../core/scheduling/attendance-window.ts';
import { millisecondsPerDay } from '../../core/scheduling/durations.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { attendance, groupMembers, groups, meetings, programs } from '../../db/schema.ts';
import {
  hasNoNoticeYet,
  lockMeetingForNotices,
  membersNotYetNotified,
} from '../../notifications/meeting-audience.ts';
import { notify } from '../../notifications/notify.ts';
import { organizationToday } from './programs.ts';

export const feedbackRequestKind = 'feedback-request';

/** The link of a meeting's feedback notice; with the kind, it is also the record that the notice went out. */
export function feedbackLink(meetingId: string): string {
  // Keep in step with the same link built in SQL by findMeetingsAwaitingFeedbackRequests.
  return `/meetings/${meetingId}/feedback`;
}

/** People are asked while the meeting's feedback period is open: after it, answers no longer count. */
const askWithinMs = feedbackPeriodDays * millisecondsPerDay;

/**
 * Meetings whose attendees should be asked for feedback now: ended (never before — a meeting that has
 * not happened cannot be judged, even if attendance was taken while it ran), not cancelled, in a
 * published group, ended at most a week ago, with a member still to ask. The last condition is
 * only a first sift — each meeting is checked again under its lock — but it keeps the job, which
 * runs every few minutes, from opening a transaction for every meeting of the past week.
 */
export async function findMeetingsAwaitingFeedbackRequests(db: Database, now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .where(
      and(
        eq(groups.status, 'published'),
        ne(programs.status, 'draft'),
        isNull(meetings.cancelledAt),
        gt(meetings.endsAt, new Date(now.getTime() - askWithinMs)),
        lte(meetings.endsAt, now),
        exists(
          db
            .select({ one: sql`1` })
            .from(groupMembers)
            .where(
              and(
                eq(groupMembers.groupId, meetings.groupId),
                eq(groupMembers.isFacilitator, false),
                // Attendance taken: only those present are asked.
                or(
                  notExists(
                    db.select({ one: sql`1` }).from(attendance).where(eq(attendance.meetingId, meetings.id)),
                  ),
                  exists(
                    db
                      .select({ one: sql`1` })
                      .from(attendance)
                      .where(
                        and(
                          eq(attendance.meetingId, meetings.id),
                          eq(attendance.userId, groupMembers.userId),
                          eq(attendance.status, 'present'),
                        ),
                      ),
                  ),
                ),
                hasNoNoticeYet(db, feedbackRequestKind, sql`'/meetings/' || ${meetings.id} || '/feedback'`),
              ),
            ),
        ),
      ),
    );
  return rows.map((row) => row.id);
}

/**
 * Asks an ended meeting's attendees for feedback, once each. Attendees are the group's members who
 * were marked present; when no attendance was taken, every member who was not marked otherwise.
 * Facilitators, withdrawn people and disabled accounts are not asked. The meeting row is locked
 * while the notices are written, and people who already have a notice for it are skipped, so the
 * job on several servers and the attendance form together still ask each person once.
 */
export async function requestFeedbackForMeeting(
  tx: Transaction,
  meetingId: string,
  now: Date,
): Promise<number> {
  const context = await lockMeetingForNotices(tx, meetingId);
  if (!context) return 0;
  const { meeting, group, program, organization } = context;
  if (!hasMeetingEnded(meeting, now)) return 0;
  if (!isFeedbackOpen(program.termEnd, organizationToday(now, organization.settings.timeZone))) return 0;

  const records = await tx
    .select({ userId: attendance.userId, status: attendance.status })
    .from(attendance)
    .where(eq(attendance.meetingId, meetingId));
  const present = records.filter((record) => record.status === 'present').map((record) => record.userId);
  // Attendance taken: only those present are asked. Not taken: every member is.
  if (records.length > 0 && present.length === 0) return 0;

  const link = feedbackLink(meeting.id);
  const recipients = await membersNotYetNotified(
    tx,
    context,
    { kind: feedbackRequestKind, link },
    and(
      eq(groupMembers.isFacilitator, false),
      present.length > 0 ? inArray(groupMembers.userId, present) : undefined,
    ),
  );
  if (recipients.length === 0) return 0;
  await notify(tx, {
    organizationId: meeting.organizationId,
    userIds: recipients,
    kind: feedbackRequestKind,
    title: `How was meeting ${meeting.sequence} of ${group.name}?`,
    body:
      `Thirty seconds of feedback on meeting ${meeting.sequence} (${program.title}) helps shape the next ` +
      'meetings. Only summaries of at least a few people are shown, never your own answers.',
    link,
  });
  return recipients.length;
}

export type FeedbackRequestReport = { meetings: number; asked: number };

/** The job: asks the attendees of every recently ended meeting, each meeting in its own transaction. */
export async function sendFeedbackRequests(db: Database, now: Date): Promise<FeedbackRequestReport> {
  const report: FeedbackRequestReport = { meetings: 0, asked: 0 };
  for (const meetingId of await findMeetingsAwaitingFeedbackRequests(db, now)) {
    const asked = await db.transaction((tx) => requestFeedbackForMeeting(tx, meetingId, now));
    if (asked > 0) report.meetings += 1;
    report.asked += asked;
  }
  return report;
}
