import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { decideAttendanceWindow } from '../../core/scheduling/attendance-window.ts';
import { resolveMeetingPlace } from '../../core/scheduling/meeting-place.ts';
import type { Database } from '../../db/connect.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { attendance, enrollments, groupMembers, groups, meetings, programs, users } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { notFound } from '../errors.ts';
import { canRunMeeting, canSeeMeeting, type GroupRelation } from '../policy.ts';
import { settingsFor } from './organization.ts';
import { findTopic, findTopics } from './topics.ts';

export async function relationTo(db: Database, userId: string, groupId: string): Promise<GroupRelation> {
  const [row] = await db
    .select({ isFacilitator: groupMembers.isFacilitator })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
  if (!row) return 'none';
  return row.isFacilitator ? 'facilitator' : 'member';
}

export async function loadMeeting(db: Database, member: SignedInMember, meetingId: string) {
  const [row] = await db
    .select({ meeting: meetings, group: groups, program: programs })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .where(and(eq(meetings.id, meetingId), eq(meetings.organizationId, member.organizationId)));
  if (!row) throw notFound('That meeting');
  const relation = await relationTo(db, member.userId, row.group.id);
  // A meeting outside one's own groups does not exist as far as that person can tell.
  if (!canSeeMeeting(member.role, relation)) throw notFound('That meeting');
  return { ...row, relation };
}

export async function listGroupMembers(db: Database, organizationId: string, groupId: string) {
  return (
    db
      .select({ id: users.id, name: users.name, isFacilitator: groupMembers.isFacilitator })
      .from(groupMembers)
      .innerJoin(users, eq(users.id, groupMembers.userId))
      // The organisation leads the primary key: without it, finding a group's members reads them all.
      .where(and(eq(groupMembers.organizationId, organizationId), eq(groupMembers.groupId, groupId)))
      .orderBy(sql`${groupMembers.isFacilitator} desc`, asc(users.name))
  );
}

function presentMeeting(
  meeting: typeof meetings.$inferSelect,
  group: Pick<typeof groups.$inferSelect, 'place' | 'videoUrl'>,
) {
  return {
    id: meeting.id,
    groupId: meeting.groupId,
    sequence: meeting.sequence,
    topicId: meeting.topicId,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    // The group's place and link unless this meeting has its own; only members reach this.
    ...resolveMeetingPlace(meeting, group),
    isCancelled: meeting.cancelledAt !== null,
  };
}

/** The member the prepared statements below are given. */
const whose = (member: SignedInMember) => ({ userId: member.userId, organizationId: member.organizationId });

const myPublishedGroups = preparedOnce((db) =>
  db
    .select({ group: groups, programTitle: programs.title, isFacilitator: groupMembers.isFacilitator })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .where(
      and(
        eq(groupMembers.userId, sql.placeholder('userId')),
        eq(groups.status, 'published'),
        eq(groups.organizationId, sql.placeholder('organizationId')),
      ),
    )
    .orderBy(asc(programs.termStart))
    .prepare('tend_my_groups'),
);

/** The groups of mine that are published, for the two statements below: one each, however many groups. */
const myPublishedGroupIds = sql`(select ${groupMembers.groupId} from ${groupMembers} join ${groups} on ${groups.id} = ${groupMembers.groupId} where ${groupMembers.userId} = ${sql.placeholder('userId')} and ${groupMembers.organizationId} = ${sql.placeholder('organizationId')} and ${groups.status} = 'published')`;

const meetingsOfMyGroups = preparedOnce((db) =>
  db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.organizationId, sql.placeholder('organizationId')),
        sql`${meetings.groupId} in ${myPublishedGroupIds}`,
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .prepare('tend_my_groups_meetings'),
);

const membersOfMyGroups = preparedOnce((db) =>
  db
    .select({
      groupId: groupMembers.groupId,
      id: users.id,
      name: users.name,
      isFacilitator: groupMembers.isFacilitator,
    })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(
      and(
        // With the organisation named, the primary key (organisation, group, person) finds the rows.
        eq(groupMembers.organizationId, sql.placeholder('organizationId')),
        sql`${groupMembers.groupId} in ${myPublishedGroupIds}`,
      ),
    )
    .orderBy(sql`${groupMembers.isFacilitator} desc`, asc(users.name))
    .prepare('tend_my_groups_members'),
);

/**
 * A participant's own groups with their members' names and meetings — never other groups. Three
 * statements however many groups (a query per group made it the slowest list at 2,000 people).
 */
export async function listMyGroups(db: Database, member: SignedInMember) {
  const [mine, allMeetings, allMembers] = await Promise.all([
    myPublishedGroups(db).execute(whose(member)),
    meetingsOfMyGroups(db).execute(whose(member)),
    membersOfMyGroups(db).execute(whose(member)),
  ]);
  const topics = await findTopics(
    db,
    member.organizationId,
    allMeetings.map((meeting) => meeting.topicId),
  );
  return mine.map(({ group, programTitle, isFacilitator }) => ({
    id: group.id,
    name: group.name,
    programId: group.programId,
    programTitle,
    slot: group.slot,
    place: group.place,
    videoUrl: group.videoUrl,
    isFacilitator,
    members: allMembers
      .filter((row) => row.groupId === group.id)
      .map(({ id, name, isFacilitator: facilitates }) => ({ id, name, isFacilitator: facilitates })),
    meetings: allMeetings
      .filter((meeting) => meeting.groupId === group.id)
      .map((meeting) => ({
        ...presentMeeting(meeting, group),
        topicTitle: (meeting.topicId && topics.get(meeting.topicId)?.topic.title) ?? null,
      })),
  }));
}

/** The facilitator's view: the topic's briefing and prompts in order, the roster and attendance so far. */
export async function describeMeeting(db: Database, member: SignedInMember, meetingId: string, now: Date) {
  const { meeting, group, program, relation } = await loadMeeting(db, member, meetingId);
  const { attendanceWindowDays, timeZone } = await settingsFor(db, member);
  const window = decideAttendanceWindow(meeting, now, attendanceWindowDays);
  const runs = canRunMeeting(member.role, relation);
  const topic = await findTopic(db, member.organizationId, meeting.topicId);
  const roster = await listGroupMembers(db, group.organizationId, group.id);
  const records = runs
    ? await db
        .select({ userId: attendance.userId, status: attendance.status })
        .from(attendance)
        .where(eq(attendance.meetingId, meetingId))
    : [];
  return {
    ...presentMeeting(meeting, group),
    ownPlace: runs ? { place: meeting.place, videoUrl: meeting.videoUrl } : null,
    groupName: group.name,
    programId: program.id,
    programTitle: program.title,
    meetingMinutes: program.meetingMinutes,
    timeZone,
    canRun: runs,
    /** 'not-yet' before the start, 'open' until the window after the end closes, then 'closed'. */
    attendanceWindow: {
      state: window.state,
      opensAt: meeting.startsAt.toISOString(),
      closesAt: window.closesAt.toISOString(),
    },
    // Briefing notes and facilitator notes are for the people who run the meeting.
    topic: topic
      ? runs
        ? topic.topic
        : {
            ...topic.topic,
            facilitatorBriefing: [],
            discussionPrompts: topic.topic.discussionPrompts.map(({ text }) => ({ text })),
          }
      : null,
    roster: roster.map((person) => ({
      ...person,
      attendance: records.find((record) => record.userId === person.id)?.status ?? null,
    })),
  };
}

function rate(present: number, recorded: number): number | null {
  return recorded === 0 ? null : Math.round((present / recorded) * 1000) / 10;
}

/** The coordinator's overview: enrolment, groups, upcoming meetings, attendance per group and meeting. */
export async function describeProgramOverview(
  db: Database,
  member: SignedInMember,
  programId: string,
  now: Date,
) {
  const [program] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, member.organizationId)));
  if (!program) throw notFound('That program');
  const enrolment = await db
    .select({
      status: enrollments.status,
      isFacilitator: enrollments.isFacilitator,
      count: sql<number>`count(*)::int`,
    })
    .from(enrollments)
    .where(eq(enrollments.programId, programId))
    .groupBy(enrollments.status, enrollments.isFacilitator);
  const countOf = (status: string, isFacilitator = false) =>
    enrolment.find((row) => row.status === status && row.isFacilitator === isFacilitator)?.count ?? 0;
  const programGroups = await db
    .select()
    .from(groups)
    .where(eq(groups.programId, programId))
    .orderBy(asc(groups.name));
  const groupIds = programGroups.map((group) => group.id);
  const groupMeetings =
    groupIds.length === 0
      ? []
      : await db
          .select({
            meeting: meetings,
            present: sql<number>`(select count(*)::int from ${attendance} a where a.meeting_id = ${meetings.id} and a.status = 'present')`,
            recorded: sql<number>`(select count(*)::int from ${attendance} a where a.meeting_id = ${meetings.id})`,
          })
          .from(meetings)
          .where(inArray(meetings.groupId, groupIds))
          .orderBy(asc(meetings.startsAt));
  const memberCounts =
    groupIds.length === 0
      ? []
      : await db
          .select({ groupId: groupMembers.groupId, count: sql<number>`count(*)::int` })
          .from(groupMembers)
          .where(inArray(groupMembers.groupId, groupIds))
          .groupBy(groupMembers.groupId);
  return {
    program: { id: program.id, title: program.title, status: program.status },
    enrolment: {
      enrolled: countOf('enrolled'),
      facilitators: countOf('enrolled', true),
      waitlisted: countOf('waitlisted'),
      withdrawn: countOf('withdrawn') + countOf('withdrawn', true),
      capacity: program.capacity,
    },
    groups: programGroups.map((group) => {
      const own = groupMeetings.filter((row) => row.meeting.groupId === group.id);
      const present = own.reduce((sum, row) => sum + row.present, 0);
      const recorded = own.reduce((sum, row) => sum + row.recorded, 0);
      return {
        id: group.id,
        name: group.name,
        status: group.status,
        slot: group.slot,
        memberCount: memberCounts.find((row) => row.groupId === group.id)?.count ?? 0,
        attendanceRate: rate(present, recorded),
        meetings: own.map((row) => ({
          id: row.meeting.id,
          sequence: row.meeting.sequence,
          startsAt: row.meeting.startsAt.toISOString(),
          attendanceRate: rate(row.present, row.recorded),
        })),
      };
    }),
    upcomingMeetings: groupMeetings
      .filter((row) => row.meeting.startsAt >= now && row.meeting.cancelledAt === null)
      .slice(0, 10)
      .map((row) => ({
        id: row.meeting.id,
        groupName: programGroups.find((group) => group.id === row.meeting.groupId)?.name ?? '',
        sequence: row.meeting.sequence,
        startsAt: row.meeting.startsAt.toISOString(),
      })),
  };
}
