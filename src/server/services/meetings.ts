import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { formatMeetingTime } from '../../core/scheduling/format-meeting-time.ts';
import { findMeetingMoveProblems } from '../../core/scheduling/term.ts';
import type { Database } from '../../db/connect.ts';
import { attendance, enrollments, groupMembers, groups, meetings, programs, users } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { buildMeetingInvitation, type InvitationOrganizer } from '../calendar/meeting-invitation.ts';
import { AppError, notFound } from '../errors.ts';
import { canRunMeeting, canSeeMeeting, type GroupRelation } from '../policy.ts';
import { requestFeedbackForMeeting } from './feedback-requests.ts';
import { findOrganizationSettings } from './organization.ts';
import { findTopic } from './topics.ts';

async function relationTo(db: Database, userId: string, groupId: string): Promise<GroupRelation> {
  const [row] = await db
    .select({ isFacilitator: groupMembers.isFacilitator })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
  if (!row) return 'none';
  return row.isFacilitator ? 'facilitator' : 'member';
}

async function loadMeeting(db: Database, member: SignedInMember, meetingId: string) {
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

async function listGroupMembers(db: Database, groupId: string) {
  return db
    .select({ id: users.id, name: users.name, isFacilitator: groupMembers.isFacilitator })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(eq(groupMembers.groupId, groupId))
    .orderBy(sql`${groupMembers.isFacilitator} desc`, asc(users.name));
}

function presentMeeting(meeting: typeof meetings.$inferSelect) {
  return {
    id: meeting.id,
    groupId: meeting.groupId,
    sequence: meeting.sequence,
    topicId: meeting.topicId,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    place: meeting.place,
    videoUrl: meeting.videoUrl,
    isCancelled: meeting.cancelledAt !== null,
  };
}

/** A participant's own groups with their members' names and meetings — never other groups. */
export async function listMyGroups(db: Database, member: SignedInMember) {
  const mine = await db
    .select({ group: groups, programTitle: programs.title, isFacilitator: groupMembers.isFacilitator })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .where(
      and(
        eq(groupMembers.userId, member.userId),
        eq(groups.status, 'published'),
        eq(groups.organizationId, member.organizationId),
      ),
    )
    .orderBy(asc(programs.termStart));
  return Promise.all(
    mine.map(async ({ group, programTitle, isFacilitator }) => {
      const groupMeetings = await db
        .select()
        .from(meetings)
        .where(eq(meetings.groupId, group.id))
        .orderBy(asc(meetings.startsAt));
      const topicTitles = await Promise.all(
        groupMeetings.map(
          async (meeting) =>
            (await findTopic(db, member.organizationId, meeting.topicId))?.topic.title ?? null,
        ),
      );
      return {
        id: group.id,
        name: group.name,
        programId: group.programId,
        programTitle,
        slot: group.slot,
        isFacilitator,
        members: (await listGroupMembers(db, group.id)).map(({ id, name, isFacilitator: facilitates }) => ({
          id,
          name,
          isFacilitator: facilitates,
        })),
        meetings: groupMeetings.map((meeting, index) => ({
          ...presentMeeting(meeting),
          topicTitle: topicTitles[index] ?? null,
        })),
      };
    }),
  );
}

/** The facilitator's view: the topic's briefing and prompts in order, the roster and attendance so far. */
export async function describeMeeting(db: Database, member: SignedInMember, meetingId: string) {
  const { meeting, group, program, relation } = await loadMeeting(db, member, meetingId);
  const runs = canRunMeeting(member.role, relation);
  const topic = await findTopic(db, member.organizationId, meeting.topicId);
  const roster = await listGroupMembers(db, group.id);
  const records = runs
    ? await db
        .select({ userId: attendance.userId, status: attendance.status })
        .from(attendance)
        .where(eq(attendance.meetingId, meetingId))
    : [];
  return {
    ...presentMeeting(meeting),
    groupName: group.name,
    programId: program.id,
    programTitle: program.title,
    meetingMinutes: program.meetingMinutes,
    canRun: runs,
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

export type MeetingChanges = {
  startsAt?: string;
  endsAt?: string;
  place?: string | null;
  videoUrl?: string | null;
};

/** Moves one meeting or changes its place or link, and tells everyone in the group. */
export async function changeMeeting(
  db: Database,
  member: SignedInMember,
  meetingId: string,
  changes: MeetingChanges,
  now: Date,
  organizer: InvitationOrganizer,
) {
  const { meeting, group, program, relation } = await loadMeeting(db, member, meetingId);
  if (!canRunMeeting(member.role, relation)) {
    throw new AppError('FORBIDDEN', 'Only the group’s facilitator or a coordinator can change this meeting.');
  }
  const startsAt = changes.startsAt ? new Date(changes.startsAt) : meeting.startsAt;
  const endsAt = changes.endsAt
    ? new Date(changes.endsAt)
    : new Date(startsAt.getTime() + (meeting.endsAt.getTime() - meeting.startsAt.getTime()));
  const isMoved =
    startsAt.getTime() !== meeting.startsAt.getTime() || endsAt.getTime() !== meeting.endsAt.getTime();
  const { timeZone } = await findOrganizationSettings(db, member.organizationId);
  if (isMoved) {
    const problems = findMeetingMoveProblems({ startsAt, endsAt, now, termEnd: program.termEnd, timeZone });
    if (problems.length > 0) {
      throw new AppError('MEETING_MOVE_INVALID', problems.map((problem) => problem.message).join(' '), {
        fields: Object.fromEntries(problems.map((problem) => [`body.${problem.field}`, problem.message])),
      });
    }
  }
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(meetings)
      .set({
        startsAt,
        endsAt,
        ...(changes.place !== undefined ? { place: changes.place } : {}),
        ...(changes.videoUrl !== undefined ? { videoUrl: changes.videoUrl } : {}),
        revision: meeting.revision + 1,
      })
      .where(eq(meetings.id, meetingId))
      .returning();
    const everyone = await tx
      .select({ userId: groupMembers.userId })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, group.id));
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: everyone.map((row) => row.userId).filter((id) => id !== member.userId),
      kind: 'meeting-changed',
      title: isMoved
        ? `${group.name} (${program.title}): a meeting moved`
        : `${group.name} (${program.title}): meeting details changed`,
      body: isMoved
        ? `Meeting ${meeting.sequence} is now ${formatMeetingTime(startsAt, endsAt, timeZone)}; your calendar subscription is updated.`
        : `Meeting ${meeting.sequence}: the place or video link changed.`,
      link: `/meetings/${meetingId}`,
      // The same UID with a higher SEQUENCE: calendar clients replace the old invitation.
      calendar: updated
        ? (recipient) => buildMeetingInvitation(updated, group, program, organizer, recipient.email)
        : undefined,
    });
  });
  return describeMeeting(db, member, meetingId);
}

export type AttendanceRecord = { userId: string; status: 'present' | 'absent' | 'excused' };

export async function recordAttendance(
  db: Database,
  member: SignedInMember,
  meetingId: string,
  records: AttendanceRecord[],
  now: Date,
) {
  const { group, relation } = await loadMeeting(db, member, meetingId);
  if (!canRunMeeting(member.role, relation)) {
    throw new AppError('FORBIDDEN', 'Only the group’s facilitator or a coordinator can take attendance.');
  }
  const roster = new Set((await listGroupMembers(db, group.id)).map((person) => person.id));
  const strangers = records.filter((record) => !roster.has(record.userId));
  if (strangers.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${strangers.length} of these people are not in ${group.name}; reload the roster.`,
    );
  }
  await db.transaction(async (tx) => {
    for (const record of records) {
      await tx
        .insert(attendance)
        .values({
          meetingId,
          userId: record.userId,
          status: record.status,
          recordedBy: member.userId,
          recordedAt: now,
        })
        .onConflictDoUpdate({
          target: [attendance.meetingId, attendance.userId],
          set: { status: record.status, recordedBy: member.userId, recordedAt: now },
        });
    }
    // Taking attendance marks the meeting as held: those present are asked for feedback at once.
    await requestFeedbackForMeeting(tx, meetingId, now);
  });
  return describeMeeting(db, member, meetingId);
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
