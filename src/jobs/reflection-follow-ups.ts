import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, notExists, sql } from 'drizzle-orm';
import {
  decideFollowUpDelivery,
  defaultNudgePreference,
  type NudgeFrequency,
  type SkipReason,
} from '../core/reflection/decide-follow-up-delivery.ts';
import { planFollowUps } from '../core/reflection/plan-follow-ups.ts';
import type { Database, Transaction } from '../db/connect.ts';
import {
  attendance,
  enrollments,
  followUps,
  groups,
  meetings,
  nudgePreferences,
  programs,
} from '../db/schema.ts';
import { type Notice, notifyEach } from '../notifications/notify.ts';
import { findTopic } from '../server/services/topics.ts';

export type FollowUpReport = { planned: number; sent: number; skipped: number };

/** Follow-ups decided and written in one transaction: a run at a term's busiest hour sends hundreds. */
const deliveryBatchSize = 200;

/** Where a follow-up's notice and e-mail point: the page to reflect on it (or read the catch-up). */
export function followUpLink(followUpId: string): string {
  return `/reflections/${followUpId}`;
}

/**
 * Plans the follow-ups of meetings that have ended and whose attendance is taken, then sends those
 * that are due. Each follow-up is sent at most once however often this runs, on however many
 * servers, across restarts: planning inserts rows under a unique key, and sending locks the row and
 * marks it sent (or skipped, with the reason) in the transaction that writes the notice and e-mail.
 */
export async function sendReflectionFollowUps(db: Database, now: Date): Promise<FollowUpReport> {
  const planned = await planEndedMeetings(db, now);
  const report: FollowUpReport = { planned, sent: 0, skipped: 0 };
  for (;;) {
    const batch = await db.transaction((tx) => deliverDueBatch(tx, now));
    report.sent += batch.sent;
    report.skipped += batch.skipped;
    if (batch.sent + batch.skipped < deliveryBatchSize) return report;
  }
}

async function planEndedMeetings(db: Database, now: Date): Promise<number> {
  const unplanned = await db
    .selectDistinct({ meetingId: meetings.id })
    .from(attendance)
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .where(
      and(
        eq(groups.status, 'published'),
        ne(programs.status, 'draft'),
        isNull(meetings.cancelledAt),
        isNotNull(meetings.topicId),
        lte(meetings.endsAt, now),
        notExists(
          db
            .select({ one: sql`1` })
            .from(followUps)
            .where(
              and(eq(followUps.meetingId, attendance.meetingId), eq(followUps.userId, attendance.userId)),
            ),
        ),
      ),
    );
  let planned = 0;
  for (const { meetingId } of unplanned) {
    planned += await db.transaction((tx) => planMeeting(tx, meetingId));
  }
  return planned;
}

async function planMeeting(tx: Transaction, meetingId: string): Promise<number> {
  const [row] = await tx
    .select({ meeting: meetings, followUpDays: programs.followUpDays })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .where(eq(meetings.id, meetingId));
  if (!row) return 0;
  const { meeting, followUpDays } = row;
  const entry = await findTopic(tx, meeting.organizationId, meeting.topicId);
  if (!entry) return 0;
  const records = await tx.select().from(attendance).where(eq(attendance.meetingId, meetingId));
  const values = records.flatMap((record) =>
    planFollowUps({
      meetingEndsAt: meeting.endsAt,
      followUpDays,
      attendance: record.status,
      topic: entry.topic,
    }).map((planned) => ({
      ...planned,
      organizationId: meeting.organizationId,
      meetingId,
      userId: record.userId,
      topicTitle: entry.topic.title,
      skill: entry.topic.skill,
    })),
  );
  if (values.length === 0) return 0;
  // Another server planning the same meeting at once inserts the same keys; the first one wins.
  const inserted = await tx
    .insert(followUps)
    .values(values)
    .onConflictDoNothing({ target: [followUps.meetingId, followUps.userId, followUps.step] })
    .returning({ id: followUps.id });
  return inserted.length;
}

/**
 * Locks the next due follow-ups, decides each (send, or skip with the reason) and writes the
 * decisions, notices and e-mails in the caller's transaction. Rows another runner has locked are
 * passed over, not waited for: that runner decides them, so each is still sent at most once.
 */
async function deliverDueBatch(tx: Transaction, now: Date): Promise<{ sent: number; skipped: number }> {
  // What each decision needs (the person's nudge preference, their last follow-up, a later step
  // already due, the meeting, group and enrolment) comes with the rows in one round trip.
  // Drizzle leaves a one-table select's columns unqualified, so the row's own are named in full here.
  const row = {
    organizationId: sql.raw('"follow_ups"."organization_id"'),
    userId: sql.raw('"follow_ups"."user_id"'),
    meetingId: sql.raw('"follow_ups"."meeting_id"'),
    step: sql.raw('"follow_ups"."step"'),
  };
  const due = await tx
    .select({
      followUp: followUps,
      frequency: sql<NudgeFrequency | null>`(select n.frequency from nudge_preferences n
        where n.organization_id = ${row.organizationId} and n.user_id = ${row.userId})`,
      pausedUntil: sql`(select n.paused_until from nudge_preferences n
        where n.organization_id = ${row.organizationId} and n.user_id = ${row.userId})`.mapWith(
        nudgePreferences.pausedUntil,
      ),
      lastSentAt:
        sql`(select max(earlier.sent_at) from follow_ups earlier where earlier.user_id = ${row.userId})`.mapWith(
          followUps.sentAt,
        ),
      hasLaterStepDue: sql<boolean>`exists (select 1 from follow_ups later
        where later.meeting_id = ${row.meetingId} and later.user_id = ${row.userId}
          and later.step > ${row.step} and later.due_at <= ${now})`,
      groupName: groups.name,
      isMeetingCancelled: sql<boolean>`${meetings.cancelledAt} is not null`,
      enrollmentStatus: enrollments.status,
    })
    .from(followUps)
    .leftJoin(meetings, eq(meetings.id, followUps.meetingId))
    .leftJoin(groups, eq(groups.id, meetings.groupId))
    .leftJoin(
      enrollments,
      and(eq(enrollments.programId, groups.programId), eq(enrollments.userId, followUps.userId)),
    )
    .where(and(isNull(followUps.sentAt), isNull(followUps.skippedAt), lte(followUps.dueAt, now)))
    .orderBy(asc(followUps.dueAt), asc(followUps.step))
    .limit(deliveryBatchSize)
    .for('update', { of: followUps, skipLocked: true });

  // Decided in due order, so a second follow-up to the same person sees the first one just sent.
  const sentNowTo = new Set<string>();
  const sent: (typeof due)[number][] = [];
  const skipped = new Map<SkipReason, string[]>();
  for (const entry of due) {
    const { followUp } = entry;
    const decision = decideFollowUpDelivery({
      kind: followUp.kind,
      now,
      isAnswered: followUp.answeredAt !== null,
      isWithdrawn:
        entry.groupName === null || entry.enrollmentStatus === 'withdrawn' || entry.isMeetingCancelled,
      isSupersededByLaterStep: entry.hasLaterStepDue,
      preference:
        entry.frequency === null
          ? defaultNudgePreference
          : { frequency: entry.frequency, pausedUntil: entry.pausedUntil ?? null },
      lastSentAt: sentNowTo.has(followUp.userId) ? now : (entry.lastSentAt ?? null),
    });
    if (decision.action === 'skip' || entry.groupName === null) {
      const reason: SkipReason = decision.action === 'skip' ? decision.reason : 'withdrawn';
      const ids = skipped.get(reason);
      if (ids) ids.push(followUp.id);
      else skipped.set(reason, [followUp.id]);
      continue;
    }
    sentNowTo.add(followUp.userId);
    sent.push(entry);
  }

  for (const [reason, ids] of skipped) {
    await tx.update(followUps).set({ skippedAt: now, skipReason: reason }).where(inArray(followUps.id, ids));
  }
  if (sent.length > 0) {
    await tx
      .update(followUps)
      .set({ sentAt: now })
      .where(
        inArray(
          followUps.id,
          sent.map((entry) => entry.followUp.id),
        ),
      );
    await notifyEach(
      tx,
      sent.map(({ followUp, groupName }) => followUpNotice(followUp, groupName ?? '')),
    );
  }
  return { sent: sent.length, skipped: due.length - sent.length };
}

function followUpNotice(followUp: typeof followUps.$inferSelect, groupName: string): Notice {
  return followUp.kind === 'prompt'
    ? {
        organizationId: followUp.organizationId,
        userIds: [followUp.userId],
        kind: 'reflection-follow-up',
        title: `A two-minute reflection: ${followUp.topicTitle}`,
        body:
          `After "${followUp.topicTitle}" with ${groupName}: ${followUp.prompt}\n\n` +
          `Did you use the skill (${followUp.skill})? Your answer is private unless you choose to share it.`,
        link: followUpLink(followUp.id),
      }
    : {
        organizationId: followUp.organizationId,
        userIds: [followUp.userId],
        kind: 'reflection-catch-up',
        title: `What you missed: ${followUp.topicTitle}`,
        body: `${groupName} met without you. In short: ${followUp.prompt}`,
        link: followUpLink(followUp.id),
      };
}
