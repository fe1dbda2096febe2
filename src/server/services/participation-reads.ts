/**
 * What a participant's (or facilitator's) home page reads about the person: each a fixed query,
 * the hottest of them prepared once per database (db/prepared.ts).
 */
import { and, asc, desc, eq, gt, isNull, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { millisecondsPerDay } from '../../core/scheduling/durations.ts';
import type { Database } from '../../db/connect.ts';
import { preparedOnce } from '../../db/prepared.ts';
import {
  attendance,
  enrollments,
  followUps,
  groupMembers,
  groupPosts,
  groups,
  meetings,
  programs,
  recognitions,
  users,
} from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';

/** Posts in one's groups count as new for a week, recognition received for two. */
export const newPostDays = 7;
export const newRecognitionDays = 14;
/** A catch-up summary of a missed meeting stays on the home page for two weeks. */
const catchUpDays = 14;

/** The person the prepared statements are given. */
function whose(member: SignedInMember) {
  return { userId: member.userId, organizationId: member.organizationId };
}

function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * millisecondsPerDay).toISOString();
}

const programsWithMyEnrolment = preparedOnce((db) =>
  db
    .select({
      program: {
        id: programs.id,
        title: programs.title,
        status: programs.status,
        enrolmentOpens: programs.enrolmentOpens,
        enrolmentCloses: programs.enrolmentCloses,
        termStart: programs.termStart,
        termEnd: programs.termEnd,
      },
      myStatus: enrollments.status,
      isInPublishedGroup: sql<boolean>`exists (select 1 from ${groupMembers} gm join ${groups} g on g.id = gm.group_id where g.program_id = ${sql.raw('"programs"."id"')} and g.status = 'published' and gm.user_id = ${sql.placeholder('userId')})`,
    })
    .from(programs)
    .leftJoin(
      enrollments,
      and(eq(enrollments.programId, programs.id), eq(enrollments.userId, sql.placeholder('userId'))),
    )
    .where(and(eq(programs.organizationId, sql.placeholder('organizationId')), ne(programs.status, 'draft')))
    .orderBy(asc(programs.enrolmentCloses), asc(programs.title))
    .prepare('tend_home_programs'),
);

export function listProgramsWithMyEnrolment(db: Database, member: SignedInMember) {
  return programsWithMyEnrolment(db).execute(whose(member));
}

const nextMeetings = preparedOnce((db) =>
  db
    // One row per relation: the next meeting as a member, and the next one to run as facilitator.
    .selectDistinctOn([groupMembers.isFacilitator], {
      meeting: meetings,
      isFacilitator: groupMembers.isFacilitator,
      group: { id: groups.id, name: groups.name, place: groups.place, videoUrl: groups.videoUrl },
      program: { title: programs.title, meetingCount: programs.meetingCount },
      enrolmentTimeZone: enrollments.timeZone,
    })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(
      groupMembers,
      and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, sql.placeholder('userId'))),
    )
    .innerJoin(programs, eq(programs.id, groups.programId))
    .leftJoin(
      enrollments,
      and(eq(enrollments.programId, programs.id), eq(enrollments.userId, sql.placeholder('userId'))),
    )
    .where(
      and(
        eq(meetings.organizationId, sql.placeholder('organizationId')),
        eq(groups.status, 'published'),
        ne(programs.status, 'closed'),
        isNull(meetings.cancelledAt),
        // A meeting under way is still the next one until it ends.
        gt(meetings.endsAt, sql.placeholder('now')),
      ),
    )
    .orderBy(groupMembers.isFacilitator, asc(meetings.startsAt))
    .prepare('tend_home_next_meetings'),
);

export type NextMeetingRow = Awaited<ReturnType<ReturnType<typeof nextMeetings>['execute']>>[number];

export async function findNextMeetings(db: Database, member: SignedInMember, now: Date) {
  const rows = await nextMeetings(db).execute({ ...whose(member), now: now.toISOString() });
  return {
    member: rows.find((row) => !row.isFacilitator) ?? null,
    facilitator: rows.find((row) => row.isFacilitator) ?? null,
  };
}

const dueFollowUps = preparedOnce((db) =>
  db
    .select({
      followUp: {
        id: followUps.id,
        kind: followUps.kind,
        topicTitle: followUps.topicTitle,
        prompt: followUps.prompt,
        dueAt: followUps.dueAt,
      },
      groupName: groups.name,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(followUps)
    .innerJoin(meetings, eq(meetings.id, followUps.meetingId))
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(followUps.userId, sql.placeholder('userId')),
        eq(followUps.organizationId, sql.placeholder('organizationId')),
        lte(followUps.dueAt, sql.placeholder('now')),
        or(
          and(
            eq(followUps.kind, 'prompt'),
            isNull(followUps.answeredAt),
            // Someone who withdrew, or whose prompt a later one replaced, is not asked any more.
            or(isNull(followUps.skipReason), sql`${followUps.skipReason} not in ('withdrawn', 'superseded')`),
          ),
          and(eq(followUps.kind, 'catch-up'), gt(followUps.dueAt, sql.placeholder('catchUpsSince'))),
        ),
      ),
    )
    .orderBy(desc(followUps.dueAt))
    .limit(3)
    .prepare('tend_home_follow_ups'),
);

export function listDueFollowUps(db: Database, member: SignedInMember, now: Date) {
  return dueFollowUps(db).execute({
    ...whose(member),
    now: now.toISOString(),
    catchUpsSince: daysBefore(now, catchUpDays),
  });
}

const newPostCounts = preparedOnce((db) =>
  db
    .select({
      groupId: groups.id,
      groupName: groups.name,
      count: sql<number>`count(*)::int`,
      latestAt: sql<string | Date>`max(${groupPosts.createdAt})`,
    })
    .from(groupPosts)
    .innerJoin(groups, eq(groups.id, groupPosts.groupId))
    .innerJoin(
      groupMembers,
      and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, sql.placeholder('userId'))),
    )
    .where(
      and(
        eq(groups.organizationId, sql.placeholder('organizationId')),
        eq(groups.status, 'published'),
        ne(groupPosts.authorId, sql.placeholder('userId')),
        isNull(groupPosts.hiddenAt),
        gt(groupPosts.createdAt, sql.placeholder('postsSince')),
      ),
    )
    .groupBy(groups.id, groups.name)
    .orderBy(asc(groups.name))
    .prepare('tend_home_new_posts'),
);

export function countNewPosts(db: Database, member: SignedInMember, now: Date) {
  return newPostCounts(db).execute({ ...whose(member), postsSince: daysBefore(now, newPostDays) });
}

const newRecognitions = preparedOnce((db) =>
  db
    .select({
      id: recognitions.id,
      kind: recognitions.kind,
      message: recognitions.message,
      createdAt: recognitions.createdAt,
      senderName: users.name,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(recognitions)
    .innerJoin(users, eq(users.id, recognitions.senderId))
    .where(
      and(
        eq(recognitions.organizationId, sql.placeholder('organizationId')),
        eq(recognitions.recipientId, sql.placeholder('userId')),
        gt(recognitions.createdAt, sql.placeholder('since')),
      ),
    )
    .orderBy(desc(recognitions.createdAt))
    .limit(3)
    .prepare('tend_home_recognitions'),
);

export function listNewRecognitions(db: Database, member: SignedInMember, now: Date) {
  return newRecognitions(db).execute({ ...whose(member), since: daysBefore(now, newRecognitionDays) });
}

const attendanceToTake = preparedOnce((db) =>
  db
    .select({
      id: meetings.id,
      sequence: meetings.sequence,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      groupName: groups.name,
    })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(
      groupMembers,
      and(
        eq(groupMembers.groupId, groups.id),
        eq(groupMembers.userId, sql.placeholder('userId')),
        eq(groupMembers.isFacilitator, true),
      ),
    )
    .where(
      and(
        eq(meetings.organizationId, sql.placeholder('organizationId')),
        eq(groups.status, 'published'),
        isNull(meetings.cancelledAt),
        lte(meetings.endsAt, sql.placeholder('now')),
        gt(meetings.endsAt, sql.placeholder('windowOpenedAfter')),
        notExists(db.select({ one: sql`1` }).from(attendance).where(eq(attendance.meetingId, meetings.id))),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(5)
    .prepare('tend_home_attendance_to_take'),
);

/** Meetings a facilitator ran that ended, whose attendance window is still open, with nobody recorded yet. */
export function listAttendanceToTake(db: Database, member: SignedInMember, now: Date, windowDays: number) {
  return attendanceToTake(db).execute({
    ...whose(member),
    now: now.toISOString(),
    windowOpenedAfter: daysBefore(now, windowDays),
  });
}
