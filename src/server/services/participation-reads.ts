/**
 * What a participant's (or facilitator's) home page reads about the person: each a fixed query,
 * the hottest of them prepared once per database (db/prepared.ts).
 */
import {
  and,
  asc,
  desc,
  eq,
  gt,
  isNull,
  lte,
  ne,
  notExists,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
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
  organizations,
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

/**
 * A query's rows as one JSON array, a column of an enclosing statement: the home page's short lists
 * come back in one statement instead of one each, since on a busy server each statement's round trip
 * costs more than the reading (decision 018). `orderBy` names the query's own aliased columns.
 */
function rowsAsJson<Query extends SQLWrapper & PromiseLike<unknown>>(query: Query, orderBy: SQL) {
  return sql<
    Awaited<Query>
  >`(select coalesce(json_agg(listed order by ${orderBy}), '[]'::json) from (${query}) listed)`;
}

/** JSON gives times as text; the page's code takes them as times. */
const timeOf = (value: string) => new Date(value);

function dueFollowUpsQuery(db: Database) {
  return db
    .select({
      id: sql<string>`${followUps.id}`.as('id'),
      kind: sql<(typeof followUps.$inferSelect)['kind']>`${followUps.kind}`.as('kind'),
      topicTitle: sql<string>`${followUps.topicTitle}`.as('topicTitle'),
      prompt: sql<string>`${followUps.prompt}`.as('prompt'),
      dueAt: sql<string>`${followUps.dueAt}`.as('dueAt'),
      groupName: sql<string>`${groups.name}`.as('groupName'),
      total: sql<number>`(count(*) over ())::int`.as('total'),
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
    .limit(3);
}

function newPostCountsQuery(db: Database) {
  return db
    .select({
      groupId: sql<string>`${groups.id}`.as('groupId'),
      groupName: sql<string>`${groups.name}`.as('groupName'),
      count: sql<number>`count(*)::int`.as('count'),
      latestAt: sql<string>`max(${groupPosts.createdAt})`.as('latestAt'),
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
    .groupBy(groups.id, groups.name);
}

function newRecognitionsQuery(db: Database) {
  return db
    .select({
      id: sql<string>`${recognitions.id}`.as('id'),
      kind: sql<(typeof recognitions.$inferSelect)['kind']>`${recognitions.kind}`.as('kind'),
      message: sql<string>`${recognitions.message}`.as('message'),
      createdAt: sql<string>`${recognitions.createdAt}`.as('createdAt'),
      senderName: sql<string>`${users.name}`.as('senderName'),
      total: sql<number>`(count(*) over ())::int`.as('total'),
    })
    .from(recognitions)
    .innerJoin(users, eq(users.id, recognitions.senderId))
    .where(
      and(
        eq(recognitions.organizationId, sql.placeholder('organizationId')),
        eq(recognitions.recipientId, sql.placeholder('userId')),
        gt(recognitions.createdAt, sql.placeholder('recognitionsSince')),
      ),
    )
    .orderBy(desc(recognitions.createdAt))
    .limit(3);
}

/** Meetings a facilitator ran that ended, whose attendance window is still open, with nobody recorded yet. */
function attendanceToTakeQuery(db: Database) {
  return db
    .select({
      id: sql<string>`${meetings.id}`.as('id'),
      sequence: sql<number>`${meetings.sequence}`.as('sequence'),
      startsAt: sql<string>`${meetings.startsAt}`.as('startsAt'),
      endsAt: sql<string>`${meetings.endsAt}`.as('endsAt'),
      groupName: sql<string>`${groups.name}`.as('groupName'),
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
    .limit(5);
}

const homeLists = preparedOnce((db: Database) =>
  db
    .select({
      followUps: rowsAsJson(dueFollowUpsQuery(db), sql`listed."dueAt" desc`),
      newPosts: rowsAsJson(newPostCountsQuery(db), sql`listed."groupName"`),
      recognitions: rowsAsJson(newRecognitionsQuery(db), sql`listed."createdAt" desc`),
      attendanceToTake: rowsAsJson(attendanceToTakeQuery(db), sql`listed."startsAt"`),
    })
    .from(organizations)
    .where(eq(organizations.id, sql.placeholder('organizationId')))
    .prepare('tend_home_lists'),
);

/**
 * The home page's short lists in one statement: due follow-ups, new posts in one's groups, recent
 * recognition, and for facilitators the attendance still to take (`attendanceWindowDays` after a
 * meeting ends).
 */
export async function listHomeLists(
  db: Database,
  member: SignedInMember,
  now: Date,
  attendanceWindowDays: number,
) {
  const [row] = await homeLists(db).execute({
    ...whose(member),
    now: now.toISOString(),
    catchUpsSince: daysBefore(now, catchUpDays),
    postsSince: daysBefore(now, newPostDays),
    recognitionsSince: daysBefore(now, newRecognitionDays),
    windowOpenedAfter: daysBefore(now, attendanceWindowDays),
  });
  return {
    followUps: (row?.followUps ?? []).map((item) => ({ ...item, dueAt: timeOf(item.dueAt) })),
    newPosts: row?.newPosts ?? [],
    recognitions: (row?.recognitions ?? []).map((item) => ({ ...item, createdAt: timeOf(item.createdAt) })),
    attendanceToTake:
      member.role === 'facilitator'
        ? (row?.attendanceToTake ?? []).map((item) => ({
            ...item,
            startsAt: timeOf(item.startsAt),
            endsAt: timeOf(item.endsAt),
          }))
        : [],
  };
}
