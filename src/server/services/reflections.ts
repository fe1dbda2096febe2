import { and, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { computeHabitWeeks } from '../../core/reflection/compute-habit-weeks.ts';
import { renderJournalAsMarkdown } from '../../core/reflection/render-journal-as-markdown.ts';
import { millisecondsPerDay } from '../../core/scheduling/durations.ts';
import { isValidTimeZone, utcToZoned } from '../../core/scheduling/time-zones.ts';
import type { Database } from '../../db/connect.ts';
import { followUps, groupMembers, groups, meetings, reflections, users } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { renderJournalPdf } from '../reflections/render-journal-pdf.ts';
import { findOrganizationSettings } from './organization.ts';

/**
 * Reflections are private: every query here is about the signed-in person's own rows, except the
 * reflections someone chose to share with their group (read by that group only) and engagement
 * figures (released through the one suppression gate).
 */

export type SkillUse = 'yes' | 'tried' | 'not-yet';
export type ReflectionInput = { answer: string; skillUsed: SkillUse; intention: string | null };

const habitWeekCount = 12;
const catchUpListDays = 30;

type ReflectionRow = typeof reflections.$inferSelect;

function presentReflection(row: ReflectionRow) {
  return {
    id: row.id,
    followUpId: row.followUpId,
    meetingId: row.meetingId,
    topicTitle: row.topicTitle,
    skill: row.skill,
    prompt: row.prompt,
    answer: row.answer,
    skillUsed: row.skillUsed,
    intention: row.intention,
    isSharedWithGroup: row.isSharedWithGroup,
    isSharedAnonymously: row.isSharedAnonymously,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function findOwnFollowUp(db: Database, member: SignedInMember, followUpId: string) {
  const [row] = await db
    .select({ followUp: followUps, groupName: groups.name, groupId: groups.id, startsAt: meetings.startsAt })
    .from(followUps)
    .innerJoin(meetings, eq(meetings.id, followUps.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(followUps.id, followUpId),
        eq(followUps.userId, member.userId),
        eq(followUps.organizationId, member.organizationId),
      ),
    );
  // Someone else's follow-up does not exist as far as this person can tell.
  if (!row) throw notFound('That follow-up');
  return row;
}

/** The follow-ups waiting for me: unanswered prompts and catch-up summaries that are due. */
export async function listDueFollowUps(db: Database, member: SignedInMember, now: Date) {
  const rows = await db
    .select({ followUp: followUps, groupName: groups.name })
    .from(followUps)
    .innerJoin(meetings, eq(meetings.id, followUps.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(followUps.userId, member.userId),
        eq(followUps.organizationId, member.organizationId),
        lte(followUps.dueAt, now),
        or(
          and(eq(followUps.kind, 'prompt'), isNull(followUps.answeredAt)),
          // A catch-up summary is news for a month, then it leaves the list.
          and(
            eq(followUps.kind, 'catch-up'),
            gt(followUps.dueAt, new Date(now.getTime() - catchUpListDays * millisecondsPerDay)),
          ),
        ),
      ),
    )
    .orderBy(desc(followUps.dueAt))
    .limit(50);
  return {
    followUps: rows.map(({ followUp, groupName }) => ({
      id: followUp.id,
      kind: followUp.kind,
      topicTitle: followUp.topicTitle,
      prompt: followUp.prompt,
      groupName,
      dueAt: followUp.dueAt.toISOString(),
    })),
  };
}

export async function describeFollowUp(db: Database, member: SignedInMember, followUpId: string) {
  const { followUp, groupName, startsAt } = await findOwnFollowUp(db, member, followUpId);
  const [reflection] = await db.select().from(reflections).where(eq(reflections.followUpId, followUp.id));
  return {
    id: followUp.id,
    kind: followUp.kind,
    meetingId: followUp.meetingId,
    meetingStartsAt: startsAt.toISOString(),
    groupName,
    topicTitle: followUp.topicTitle,
    skill: followUp.skill,
    prompt: followUp.prompt,
    dueAt: followUp.dueAt.toISOString(),
    reflection: reflection ? presentReflection(reflection) : null,
  };
}

/** Writes or rewrites my answer to one follow-up; answering stops that follow-up's nudge. */
export async function writeReflection(
  db: Database,
  member: SignedInMember,
  followUpId: string,
  input: ReflectionInput,
  now: Date,
) {
  const { followUp } = await findOwnFollowUp(db, member, followUpId);
  if (followUp.kind !== 'prompt') {
    throw new AppError('VALIDATION_FAILED', 'A catch-up summary is for reading; there is nothing to answer.');
  }
  const intention = input.intention?.trim() ? input.intention.trim() : null;
  const reflection = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reflections)
      .values({
        organizationId: member.organizationId,
        userId: member.userId,
        followUpId: followUp.id,
        meetingId: followUp.meetingId,
        topicTitle: followUp.topicTitle,
        skill: followUp.skill,
        prompt: followUp.prompt,
        answer: input.answer.trim(),
        skillUsed: input.skillUsed,
        intention,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: reflections.followUpId,
        set: { answer: input.answer.trim(), skillUsed: input.skillUsed, intention, updatedAt: now },
      })
      .returning();
    await tx
      .update(followUps)
      .set({ answeredAt: now })
      .where(and(eq(followUps.id, followUp.id), isNull(followUps.answeredAt)));
    return row;
  });
  if (!reflection) throw new Error('upsert returned no reflection');
  return presentReflection(reflection);
}

async function resolveTimeZone(db: Database, member: SignedInMember, requested: string | undefined) {
  if (requested && isValidTimeZone(requested)) return requested;
  return (await findOrganizationSettings(db, member.organizationId)).timeZone;
}

async function listOwnReflections(db: Database, member: SignedInMember) {
  return db
    .select()
    .from(reflections)
    .where(and(eq(reflections.userId, member.userId), eq(reflections.organizationId, member.organizationId)))
    .orderBy(desc(reflections.createdAt));
}

/** My journal: every reflection, the skills I practised, and my habit over recent weeks. */
export async function describeJournal(
  db: Database,
  member: SignedInMember,
  now: Date,
  requestedTimeZone: string | undefined,
) {
  const timeZone = await resolveTimeZone(db, member, requestedTimeZone);
  const rows = await listOwnReflections(db, member);
  const habit = computeHabitWeeks(
    rows.map((row) => ({ writtenAt: row.createdAt, skillUsed: row.skillUsed })),
    { now, timeZone, weekCount: habitWeekCount },
  );
  const practised = new Map<string, number>();
  for (const row of rows) {
    if (row.skillUsed !== 'not-yet') practised.set(row.skill, (practised.get(row.skill) ?? 0) + 1);
  }
  return {
    timeZone,
    reflections: rows.map(presentReflection),
    skillsPractised: [...practised].map(([skill, count]) => ({ skill, count })),
    habit,
  };
}

export async function exportJournal(
  db: Database,
  member: SignedInMember,
  now: Date,
  requestedTimeZone: string | undefined,
  format: 'markdown' | 'pdf',
): Promise<{ body: string | Uint8Array; fileName: string }> {
  const journal = await describeJournal(db, member, now, requestedTimeZone);
  const today = utcToZoned(now, journal.timeZone).date;
  const markdown = renderJournalAsMarkdown({
    ownerName: member.name,
    generatedOn: today,
    currentStreak: journal.habit.currentStreak,
    entries: [...journal.reflections].reverse().map((reflection) => ({
      ...reflection,
      writtenOn: utcToZoned(new Date(reflection.createdAt), journal.timeZone).date,
    })),
  });
  if (format === 'markdown') return { body: markdown, fileName: `tend-journal-${today}.md` };
  return {
    body: await renderJournalPdf(markdown, `Reflection journal — ${member.name}`),
    fileName: `tend-journal-${today}.pdf`,
  };
}

/** Shares one of my reflections with the group of its meeting, named or anonymously, or stops sharing it. */
export async function changeReflectionSharing(
  db: Database,
  member: SignedInMember,
  reflectionId: string,
  sharing: { isShared: boolean; isAnonymous: boolean },
  now: Date,
) {
  const [updated] = await db
    .update(reflections)
    .set({
      isSharedWithGroup: sharing.isShared,
      isSharedAnonymously: sharing.isShared && sharing.isAnonymous,
      sharedAt: sharing.isShared ? now : null,
    })
    .where(
      and(
        eq(reflections.id, reflectionId),
        eq(reflections.userId, member.userId),
        eq(reflections.organizationId, member.organizationId),
      ),
    )
    .returning();
  if (!updated) throw notFound('That reflection');
  return presentReflection(updated);
}

/** What members chose to share with a group, for that group's members and facilitator only. */
export async function listSharedReflections(db: Database, member: SignedInMember, groupId: string) {
  const [membership] = await db
    .select({ groupId: groupMembers.groupId })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.userId, member.userId),
        eq(groups.organizationId, member.organizationId),
      ),
    );
  if (!membership) throw notFound('That group');
  const rows = await db
    .select({ reflection: reflections, authorName: users.name })
    .from(reflections)
    .innerJoin(meetings, eq(meetings.id, reflections.meetingId))
    .innerJoin(users, eq(users.id, reflections.userId))
    .where(and(eq(meetings.groupId, groupId), eq(reflections.isSharedWithGroup, true)))
    .orderBy(desc(reflections.sharedAt));
  return {
    reflections: rows.map(({ reflection, authorName }) => ({
      id: reflection.id,
      authorName: reflection.isSharedAnonymously ? null : authorName,
      topicTitle: reflection.topicTitle,
      prompt: reflection.prompt,
      answer: reflection.answer,
      skillUsed: reflection.skillUsed,
      intention: reflection.intention,
      sharedAt: (reflection.sharedAt ?? reflection.updatedAt).toISOString(),
    })),
  };
}
