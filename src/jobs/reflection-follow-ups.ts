import { and, asc, eq, isNotNull, isNull, lte, ne, notExists, sql } from 'drizzle-orm';
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
import { notify } from '../notifications/notify.ts';
import { findTopic } from '../server/services/topics.ts';

export type FollowUpReport = { planned: number; sent: number; skipped: number };

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
  const due = await db
    .select({ id: followUps.id })
    .from(followUps)
    .where(and(isNull(followUps.sentAt), isNull(followUps.skippedAt), lte(followUps.dueAt, now)))
    .orderBy(asc(followUps.dueAt), asc(followUps.step));
  const report: FollowUpReport = { planned, sent: 0, skipped: 0 };
  for (const followUp of due) {
    const outcome = await db.transaction((tx) => deliverFollowUp(tx, followUp.id, now));
    if (outcome === 'sent') report.sent += 1;
    if (outcome === 'skipped') report.skipped += 1;
  }
  return report;
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

async function deliverFollowUp(
  tx: Transaction,
  followUpId: string,
  now: Date,
): Promise<'sent' | 'skipped' | 'none'> {
  // Whoever locks the row first decides; a second runner waits here, then finds it sent or skipped.
  // What else the decision needs (the person's nudge preference, their last follow-up, a later step
  // already due) comes with the row: one round trip instead of four for every follow-up sent.
  // Drizzle leaves a one-table select's columns unqualified, so the row's own are named in full here.
  const row = {
    organizationId: sql.raw('"follow_ups"."organization_id"'),
    userId: sql.raw('"follow_ups"."user_id"'),
    meetingId: sql.raw('"follow_ups"."meeting_id"'),
    step: sql.raw('"follow_ups"."step"'),
  };
  const [locked] = await tx
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
    })
    .from(followUps)
    .where(eq(followUps.id, followUpId))
    .for('update', { of: followUps });
  const followUp = locked?.followUp;
  if (
    !locked ||
    !followUp ||
    followUp.sentAt ||
    followUp.skippedAt ||
    followUp.dueAt.getTime() > now.getTime()
  ) {
    return 'none';
  }
  const [context] = await tx
    .select({ meeting: meetings, group: groups, program: programs, enrollmentStatus: enrollments.status })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .leftJoin(
      enrollments,
      and(eq(enrollments.programId, programs.id), eq(enrollments.userId, followUp.userId)),
    )
    .where(eq(meetings.id, followUp.meetingId));
  const preference =
    locked.frequency === null
      ? undefined
      : { frequency: locked.frequency, pausedUntil: locked.pausedUntil ?? null };

  const decision = decideFollowUpDelivery({
    kind: followUp.kind,
    now,
    isAnswered: followUp.answeredAt !== null,
    isWithdrawn: !context || context.enrollmentStatus === 'withdrawn' || context.meeting.cancelledAt !== null,
    isSupersededByLaterStep: locked.hasLaterStepDue,
    preference: preference ?? defaultNudgePreference,
    lastSentAt: locked.lastSentAt ?? null,
  });
  if (decision.action === 'skip' || !context) {
    const reason: SkipReason = decision.action === 'skip' ? decision.reason : 'withdrawn';
    await tx
      .update(followUps)
      .set({ skippedAt: now, skipReason: reason })
      .where(eq(followUps.id, followUp.id));
    return 'skipped';
  }

  await tx.update(followUps).set({ sentAt: now }).where(eq(followUps.id, followUp.id));
  const { group } = context;
  await notify(
    tx,
    followUp.kind === 'prompt'
      ? {
          organizationId: followUp.organizationId,
          userIds: [followUp.userId],
          kind: 'reflection-follow-up',
          title: `A two-minute reflection: ${followUp.topicTitle}`,
          body:
            `After "${followUp.topicTitle}" with ${group.name}: ${followUp.prompt}\n\n` +
            `Did you use the skill (${followUp.skill})? Your answer is private unless you choose to share it.`,
          link: followUpLink(followUp.id),
        }
      : {
          organizationId: followUp.organizationId,
          userIds: [followUp.userId],
          kind: 'reflection-catch-up',
          title: `What you missed: ${followUp.topicTitle}`,
          body: `${group.name} met without you. In short: ${followUp.prompt}`,
          link: followUpLink(followUp.id),
        },
  );
  return 'sent';
}
