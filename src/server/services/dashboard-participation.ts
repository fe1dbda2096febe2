import { and, asc, desc, eq, gt, isNull, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { findInstrument } from '../../core/instruments/catalog.ts';
import { defaultAttendanceWindowDays } from '../../core/scheduling/attendance-window.ts';
import { millisecondsPerDay } from '../../core/scheduling/durations.ts';
import { formatMeetingTime } from '../../core/scheduling/format-meeting-time.ts';
import { resolveMeetingPlace } from '../../core/scheduling/meeting-place.ts';
import { isValidTimeZone } from '../../core/scheduling/time-zones.ts';
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
import { listOwnWindows } from './assessments.ts';
import type { findOrganizationSettings } from './organization.ts';
import { isEnrolmentOpen, organizationToday } from './programs.ts';
import { findTopic } from './topics.ts';

/** The home page of someone taking part: participants, and facilitators for their own meetings. */

/** Posts in one's groups count as new for a week, recognition received for two. */
const newPostDays = 7;
const newRecognitionDays = 14;
/** A catch-up summary of a missed meeting stays on the home page for two weeks. */
const catchUpDays = 14;

/** The home page's own statements are prepared once (db/prepared.ts) and given the person here. */
function whose(member: SignedInMember) {
  return { userId: member.userId, organizationId: member.organizationId };
}

function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * millisecondsPerDay).toISOString();
}

export type Settings = Awaited<ReturnType<typeof findOrganizationSettings>>;

export async function describeParticipation(
  db: Database,
  member: SignedInMember,
  settings: Settings,
  now: Date,
) {
  const [programRows, nextMeetings, windows, followUpRows, postRows, recognitionRows, attendanceRows] =
    await Promise.all([
      listProgramsWithMyEnrolment(db, member),
      findNextMeetings(db, member, now),
      listOwnWindows(db, member, now),
      listDueFollowUps(db, member, now),
      countNewPosts(db, member, now),
      listNewRecognitions(db, member, now),
      member.role === 'facilitator'
        ? listAttendanceToTake(db, member, now, settings.attendanceWindowDays ?? defaultAttendanceWindowDays)
        : [],
    ]);
  const today = organizationToday(now, settings.timeZone);
  const [asMember, toRun] = await Promise.all([
    nextMeetings.member ? presentNextMeeting(db, member, settings, nextMeetings.member, now, false) : null,
    nextMeetings.facilitator
      ? presentNextMeeting(db, member, settings, nextMeetings.facilitator, now, true)
      : null,
  ]);

  // In a program: enrolled or waiting, in a program that is published and whose term has not ended.
  const current = programRows.filter(
    (row) =>
      (row.myStatus === 'enrolled' || row.myStatus === 'waitlisted') &&
      row.program.status === 'published' &&
      row.program.termEnd >= today,
  );
  const openToJoin = programRows.filter(
    (row) => isEnrolmentOpen(row.program, today) && (row.myStatus === null || row.myStatus === 'withdrawn'),
  );
  const followUpTotal = followUpRows[0]?.total ?? 0;
  const recognitionTotal = recognitionRows[0]?.total ?? 0;

  return {
    participation: {
      nextMeeting: asMember,
      programs: current.map((row) => ({
        id: row.program.id,
        title: row.program.title,
        status: row.myStatus as 'enrolled' | 'waitlisted',
        isInGroup: row.isInPublishedGroup,
        termStart: row.program.termStart,
      })),
      /** "Join a program" only for someone in none; then the programs open for enrolment now. */
      joinablePrograms:
        current.length === 0
          ? openToJoin.map((row) => ({
              id: row.program.id,
              title: row.program.title,
              enrolmentCloses: row.program.enrolmentCloses,
            }))
          : [],
      followUps: {
        total: followUpTotal,
        items: followUpRows.map(({ followUp, groupName }) => ({
          id: followUp.id,
          kind: followUp.kind,
          topicTitle: followUp.topicTitle,
          prompt: followUp.prompt,
          groupName,
          dueAt: followUp.dueAt.toISOString(),
        })),
      },
      questionnaires: windows
        .filter((entry) => entry.isOpen && entry.response?.status !== 'submitted')
        .map((entry) => ({
          windowId: entry.window.id,
          title: entry.window.title,
          instrumentName: findInstrument(entry.window.instrumentId)?.shortName ?? entry.window.instrumentId,
          closesAt: entry.closesAt.toISOString(),
          answered: entry.response?.answeredCount ?? 0,
          itemCount: findInstrument(entry.window.instrumentId)?.items.length ?? 0,
        })),
      newPosts: postRows.map((row) => ({
        groupId: row.groupId,
        groupName: row.groupName,
        count: row.count,
        latestAt: new Date(row.latestAt).toISOString(),
      })),
      recognitions: {
        total: recognitionTotal,
        latest: recognitionRows.map((row) => ({
          id: row.id,
          kind: row.kind,
          message: row.message,
          senderName: row.senderName,
          createdAt: row.createdAt.toISOString(),
        })),
      },
      newPostDays,
      newRecognitionDays,
    },
    facilitation: {
      nextMeeting: toRun,
      attendanceToTake: attendanceRows.map((row) => ({
        meetingId: row.id,
        groupName: row.groupName,
        sequence: row.sequence,
        startsAt: row.startsAt.toISOString(),
        closesAt: new Date(
          row.endsAt.getTime() +
            (settings.attendanceWindowDays ?? defaultAttendanceWindowDays) * millisecondsPerDay,
        ).toISOString(),
      })),
    },
  };
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

function listProgramsWithMyEnrolment(db: Database, member: SignedInMember) {
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

type NextMeetingRow = Awaited<ReturnType<ReturnType<typeof nextMeetings>['execute']>>[number];

async function findNextMeetings(db: Database, member: SignedInMember, now: Date) {
  const rows = await nextMeetings(db).execute({ ...whose(member), now: now.toISOString() });
  return {
    member: rows.find((row) => !row.isFacilitator) ?? null,
    facilitator: rows.find((row) => row.isFacilitator) ?? null,
  };
}

async function presentNextMeeting(
  db: Database,
  member: SignedInMember,
  settings: Settings,
  row: NextMeetingRow,
  now: Date,
  runs: boolean,
) {
  const { meeting, group, program } = row;
  // The person's own time zone (the one they enrolled in), named, as their reminders and invitations are.
  const timeZone =
    row.enrolmentTimeZone && isValidTimeZone(row.enrolmentTimeZone)
      ? row.enrolmentTimeZone
      : settings.timeZone;
  const topic = (await findTopic(db, member.organizationId, meeting.topicId))?.topic ?? null;
  return {
    id: meeting.id,
    groupId: group.id,
    groupName: group.name,
    programTitle: program.title,
    sequence: meeting.sequence,
    meetingCount: program.meetingCount,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    isUnderway: meeting.startsAt.getTime() <= now.getTime(),
    timeZone,
    when: formatMeetingTime(meeting.startsAt, meeting.endsAt, timeZone, settings.locale),
    ...resolveMeetingPlace(meeting, group),
    topic: topic ? { title: topic.title, summary: topic.summary } : null,
    // The running order for the facilitator: check-in, the prompts in order, the practice.
    guide:
      runs && topic
        ? {
            openingCheckIn: topic.openingCheckIn,
            prompts: topic.discussionPrompts.map((prompt) => prompt.text),
            practice: { name: topic.practice.name, minutes: topic.practice.minutes },
          }
        : null,
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

function listDueFollowUps(db: Database, member: SignedInMember, now: Date) {
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

function countNewPosts(db: Database, member: SignedInMember, now: Date) {
  return newPostCounts(db).execute({ ...whose(member), postsSince: daysBefore(now, newPostDays) });
}

async function listNewRecognitions(db: Database, member: SignedInMember, now: Date) {
  return db
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
        eq(recognitions.organizationId, member.organizationId),
        eq(recognitions.recipientId, member.userId),
        gt(recognitions.createdAt, new Date(now.getTime() - newRecognitionDays * millisecondsPerDay)),
      ),
    )
    .orderBy(desc(recognitions.createdAt))
    .limit(3);
}

/** Meetings a facilitator ran that ended, whose attendance window is still open, with nobody recorded yet. */
async function listAttendanceToTake(db: Database, member: SignedInMember, now: Date, windowDays: number) {
  return db
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
        eq(groupMembers.userId, member.userId),
        eq(groupMembers.isFacilitator, true),
      ),
    )
    .where(
      and(
        eq(meetings.organizationId, member.organizationId),
        eq(groups.status, 'published'),
        isNull(meetings.cancelledAt),
        lte(meetings.endsAt, now),
        gt(meetings.endsAt, new Date(now.getTime() - windowDays * millisecondsPerDay)),
        notExists(db.select({ one: sql`1` }).from(attendance).where(eq(attendance.meetingId, meetings.id))),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(5);
}
