import { and, asc, count, desc, eq, gt, isNull, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { describeLevel, isLevel, type Role } from '../../core/accounts/roles.ts';
import {
  decideProgramTasks,
  type ProgramTaskKind,
  programPhase,
} from '../../core/dashboard/program-tasks.ts';
import { effectiveMinimumGroupSize } from '../../core/evaluation/release-aggregates.ts';
import { findInstrument } from '../../core/instruments/catalog.ts';
import { defaultAttendanceWindowDays } from '../../core/scheduling/attendance-window.ts';
import { formatMeetingTime } from '../../core/scheduling/format-meeting-time.ts';
import { resolveMeetingPlace } from '../../core/scheduling/meeting-place.ts';
import { isValidTimeZone } from '../../core/scheduling/time-zones.ts';
import type { Database } from '../../db/connect.ts';
import {
  assessmentWindows,
  attendance,
  enrollments,
  feedbackResponses,
  followUps,
  groupMembers,
  groupPosts,
  groups,
  meetingFeedback,
  meetings,
  memberships,
  programs,
  recognitions,
  users,
} from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { listOwnWindows } from './assessments.ts';
import { findOrganizationSettings } from './organization.ts';
import { isEnrolmentOpen, organizationToday } from './programs.ts';
import { findTopic } from './topics.ts';

/**
 * The home page: what is next for the signed-in person. Each part is a fixed number of queries,
 * however many groups, posts or programs there are (test/queries-per-request.test.ts counts them):
 * for someone taking part, their next meeting (in their own time zone), the reflection and
 * questionnaire waiting, what is new in their group; for a facilitator, the next meeting to run with
 * its prompts and attendance still to take; for a coordinator, each program's phase and to-do list.
 */

const dayMs = 86_400_000;
/** Posts in one's groups count as new for a week, recognition received for two. */
const newPostDays = 7;
const newRecognitionDays = 14;
/** A catch-up summary of a missed meeting stays on the home page for two weeks. */
const catchUpDays = 14;
/** Coordinators see windows opening within this many days. */
const upcomingWindowDays = 14;

const roleLabels: Record<Role, string> = {
  admin: 'Administrators',
  coordinator: 'Coordinators',
  facilitator: 'Facilitators',
  participant: 'Participants',
  leader: 'Leaders',
};

type NextStep = { title: string; description: string; href: string };

const nextStepsByRole: Record<Role, NextStep[]> = {
  admin: [
    {
      title: 'Manage people',
      description: 'Create accounts, assign roles, import a roster.',
      href: '/people',
    },
    { title: 'Audit log', description: 'See who changed accounts and roles.', href: '/audit' },
  ],
  coordinator: [
    {
      title: 'Plan a program',
      description: 'Voluntary small groups of 8–10 that mix levels with a facilitator.',
      href: '/programs',
    },
  ],
  facilitator: [],
  participant: [],
  leader: [
    {
      title: 'Outcomes',
      description: 'Anonymous, aggregate results and reported stressors.',
      href: '/outcomes',
    },
    {
      title: 'Working conditions',
      description: 'What people report, in aggregate, and the actions you post.',
      href: '/working-conditions',
    },
  ],
};

const takingPartRoles: readonly Role[] = ['participant', 'facilitator'];

type Settings = Awaited<ReturnType<typeof findOrganizationSettings>>;

export async function describeDashboard(db: Database, member: SignedInMember, now: Date) {
  const settings = await findOrganizationSettings(db, member.organizationId);
  const seesMembership = member.role === 'admin' || member.role === 'coordinator';
  const [membersByRole, membersByLevel, participation, coordination] = await Promise.all([
    seesMembership ? countMembersByRole(db, member) : null,
    seesMembership ? countMembersByLevel(db, member) : null,
    takingPartRoles.includes(member.role) ? describeParticipation(db, member, settings, now) : null,
    member.role === 'coordinator' ? describeCoordination(db, member, settings, now) : null,
  ]);
  const nextSteps = [...nextStepsByRole[member.role]];
  if (member.role === 'admin') {
    const listed = settings.supportResources.length;
    nextSteps.push({
      title: 'Support resources',
      description: `${listed === 1 ? '1 resource is' : `${listed} resources are`} listed under “Get help now” on every page.`,
      href: '/organization-settings',
    });
  }
  return {
    organization: { name: settings.name, timeZone: settings.timeZone },
    role: member.role,
    membersByRole,
    membersByLevel,
    nextSteps,
    participation: participation?.participation ?? null,
    facilitation: member.role === 'facilitator' ? (participation?.facilitation ?? null) : null,
    coordination,
  };
}

async function countMembersByRole(db: Database, member: SignedInMember) {
  const rows = await db
    .select({ key: memberships.role, count: count() })
    .from(memberships)
    .where(eq(memberships.organizationId, member.organizationId))
    .groupBy(memberships.role);
  return rows.map((row) => ({ ...row, label: roleLabels[row.key] }));
}

async function countMembersByLevel(db: Database, member: SignedInMember) {
  const rows = await db
    .select({ key: memberships.level, count: count() })
    .from(memberships)
    .where(eq(memberships.organizationId, member.organizationId))
    .groupBy(memberships.level);
  return rows.map((row) => ({
    key: row.key ?? 'none',
    label: row.key && isLevel(row.key) ? describeLevel(row.key) : 'No level',
    count: row.count,
  }));
}

/* ---------- someone taking part: participants, and facilitators for their own meetings ---------- */

async function describeParticipation(db: Database, member: SignedInMember, settings: Settings, now: Date) {
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
          row.endsAt.getTime() + (settings.attendanceWindowDays ?? defaultAttendanceWindowDays) * dayMs,
        ).toISOString(),
      })),
    },
  };
}

async function listProgramsWithMyEnrolment(db: Database, member: SignedInMember) {
  return db
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
      isInPublishedGroup: sql<boolean>`exists (select 1 from ${groupMembers} gm join ${groups} g on g.id = gm.group_id where g.program_id = ${sql.raw('"programs"."id"')} and g.status = 'published' and gm.user_id = ${member.userId})`,
    })
    .from(programs)
    .leftJoin(enrollments, and(eq(enrollments.programId, programs.id), eq(enrollments.userId, member.userId)))
    .where(and(eq(programs.organizationId, member.organizationId), ne(programs.status, 'draft')))
    .orderBy(asc(programs.enrolmentCloses), asc(programs.title));
}

type NextMeetingRow = Awaited<ReturnType<typeof selectNextMeetings>>[number];

function selectNextMeetings(db: Database, member: SignedInMember, now: Date) {
  return (
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
        and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, member.userId)),
      )
      .innerJoin(programs, eq(programs.id, groups.programId))
      .leftJoin(
        enrollments,
        and(eq(enrollments.programId, programs.id), eq(enrollments.userId, member.userId)),
      )
      .where(
        and(
          eq(meetings.organizationId, member.organizationId),
          eq(groups.status, 'published'),
          ne(programs.status, 'closed'),
          isNull(meetings.cancelledAt),
          // A meeting under way is still the next one until it ends.
          gt(meetings.endsAt, now),
        ),
      )
      .orderBy(groupMembers.isFacilitator, asc(meetings.startsAt))
  );
}

async function findNextMeetings(db: Database, member: SignedInMember, now: Date) {
  const rows = await selectNextMeetings(db, member, now);
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

async function listDueFollowUps(db: Database, member: SignedInMember, now: Date) {
  return db
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
        eq(followUps.userId, member.userId),
        eq(followUps.organizationId, member.organizationId),
        lte(followUps.dueAt, now),
        or(
          and(
            eq(followUps.kind, 'prompt'),
            isNull(followUps.answeredAt),
            // Someone who withdrew, or whose prompt a later one replaced, is not asked any more.
            or(isNull(followUps.skipReason), sql`${followUps.skipReason} not in ('withdrawn', 'superseded')`),
          ),
          and(
            eq(followUps.kind, 'catch-up'),
            gt(followUps.dueAt, new Date(now.getTime() - catchUpDays * dayMs)),
          ),
        ),
      ),
    )
    .orderBy(desc(followUps.dueAt))
    .limit(3);
}

async function countNewPosts(db: Database, member: SignedInMember, now: Date) {
  return db
    .select({
      groupId: groups.id,
      groupName: groups.name,
      count: sql<number>`count(*)::int`,
      latestAt: sql<string | Date>`max(${groupPosts.createdAt})`,
    })
    .from(groupPosts)
    .innerJoin(groups, eq(groups.id, groupPosts.groupId))
    .innerJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, member.userId)))
    .where(
      and(
        eq(groups.organizationId, member.organizationId),
        eq(groups.status, 'published'),
        ne(groupPosts.authorId, member.userId),
        isNull(groupPosts.hiddenAt),
        gt(groupPosts.createdAt, new Date(now.getTime() - newPostDays * dayMs)),
      ),
    )
    .groupBy(groups.id, groups.name)
    .orderBy(asc(groups.name));
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
        gt(recognitions.createdAt, new Date(now.getTime() - newRecognitionDays * dayMs)),
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
        gt(meetings.endsAt, new Date(now.getTime() - windowDays * dayMs)),
        notExists(db.select({ one: sql`1` }).from(attendance).where(eq(attendance.meetingId, meetings.id))),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(5);
}

/* ---------- coordinators: each program's phase and what needs doing ---------- */

const taskLinks: Record<ProgramTaskKind, (programId: string) => string> = {
  'publish-program': (id) => `/programs/${id}?tab=settings`,
  'form-groups': (id) => `/programs/${id}?tab=groups`,
  'publish-groups': (id) => `/programs/${id}?tab=groups`,
  'place-unplaced': (id) => `/programs/${id}?tab=groups`,
  'schedule-questionnaire': () => '/assessment-windows',
  'schedule-end-of-term': () => '/assessment-windows',
  'close-windows': () => '/assessment-windows',
  'read-feedback': (id) => `/programs/${id}?tab=feedback`,
  'close-program': (id) => `/programs/${id}?tab=settings`,
};

async function describeCoordination(db: Database, member: SignedInMember, settings: Settings, now: Date) {
  const today = organizationToday(now, settings.timeZone);
  const at = sql`${now.toISOString()}::timestamptz`;
  // Spelled out: in a query over one table drizzle leaves columns unqualified, and inside a subquery
  // an unqualified "id" would be the subquery's own table's.
  const programId = sql.raw('"programs"."id"');
  const programOrganizationId = sql.raw('"programs"."organization_id"');
  const stillOpen = sql`least(${assessmentWindows.closesAt}, coalesce(${assessmentWindows.closedAt}, ${assessmentWindows.closesAt})) > ${at}`;
  const [programRows, windowRows] = await Promise.all([
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
          capacity: programs.capacity,
        },
        enrolled: sql<number>`(select count(*)::int from ${enrollments} e where e.program_id = ${programId} and e.status = 'enrolled')`,
        facilitators: sql<number>`(select count(*)::int from ${enrollments} e where e.program_id = ${programId} and e.status = 'enrolled' and e.is_facilitator)`,
        waitlisted: sql<number>`(select count(*)::int from ${enrollments} e where e.program_id = ${programId} and e.status = 'waitlisted')`,
        draftGroups: sql<number>`(select count(*)::int from ${groups} g where g.program_id = ${programId} and g.status = 'draft')`,
        publishedGroups: sql<number>`(select count(*)::int from ${groups} g where g.program_id = ${programId} and g.status = 'published')`,
        unplaced: sql<number>`(select count(*)::int from ${enrollments} e where e.program_id = ${programId} and e.status = 'enrolled' and not exists (select 1 from ${groupMembers} gm join ${groups} g on g.id = gm.group_id where g.program_id = e.program_id and gm.user_id = e.user_id))`,
        currentOrComingWindows: sql<number>`(select count(*)::int from ${assessmentWindows} w where w.organization_id = ${programOrganizationId} and (w.program_id = ${programId} or w.program_id is null) and least(w.closes_at, coalesce(w.closed_at, w.closes_at)) > ${at})`,
        hasEndOfTermWindow: sql<boolean>`exists (select 1 from ${assessmentWindows} w where w.program_id = ${programId} and w.kind = 'end-of-term')`,
        openProgramWindows: sql<number>`(select count(*)::int from ${assessmentWindows} w where w.program_id = ${programId} and w.opens_at <= ${at} and least(w.closes_at, coalesce(w.closed_at, w.closes_at)) > ${at})`,
        // People (not answers) who gave feedback since the last "you said, we did" note.
        feedbackPeople: sql<number>`(select count(distinct f.user_id)::int from ${meetingFeedback} f where f.program_id = ${programId} and f.updated_at > coalesce((select max(r.posted_at) from ${feedbackResponses} r where r.program_id = ${programId}), '-infinity'::timestamptz))`,
      })
      .from(programs)
      .where(and(eq(programs.organizationId, member.organizationId), ne(programs.status, 'closed')))
      .orderBy(asc(programs.termStart), asc(programs.title)),
    db
      .select({
        window: {
          id: assessmentWindows.id,
          title: assessmentWindows.title,
          instrumentId: assessmentWindows.instrumentId,
          opensAt: assessmentWindows.opensAt,
          closesAt: assessmentWindows.closesAt,
          closedAt: assessmentWindows.closedAt,
        },
        programTitle: programs.title,
        programTermEnd: programs.termEnd,
      })
      .from(assessmentWindows)
      .leftJoin(programs, eq(programs.id, assessmentWindows.programId))
      .where(
        and(
          eq(assessmentWindows.organizationId, member.organizationId),
          stillOpen,
          lte(assessmentWindows.opensAt, new Date(now.getTime() + upcomingWindowDays * dayMs)),
        ),
      )
      .orderBy(asc(assessmentWindows.opensAt))
      .limit(20),
  ]);
  // Feedback counts as "to read" only once enough people gave it to be shown at all.
  const minimum = effectiveMinimumGroupSize(settings.minimumReportingGroupSize);
  return {
    programs: programRows.map(({ program, feedbackPeople, ...facts }) => {
      const programFacts = { ...program, ...facts, hasFeedbackToRead: feedbackPeople >= minimum };
      return {
        id: program.id,
        title: program.title,
        phase: programPhase(program, today),
        enrolmentOpens: program.enrolmentOpens,
        enrolmentCloses: program.enrolmentCloses,
        termStart: program.termStart,
        termEnd: program.termEnd,
        capacity: program.capacity,
        enrolled: facts.enrolled - facts.facilitators,
        facilitators: facts.facilitators,
        waitlisted: facts.waitlisted,
        groups: facts.draftGroups + facts.publishedGroups,
        unplaced: facts.unplaced,
        tasks: decideProgramTasks(programFacts, today).map((task) => ({
          ...task,
          href: taskLinks[task.kind](program.id),
        })),
      };
    }),
    windows: windowRows.map(({ window, programTitle, programTermEnd }) => {
      const closesAt =
        window.closedAt && window.closedAt < window.closesAt ? window.closedAt : window.closesAt;
      const isOpen = window.opensAt.getTime() <= now.getTime();
      return {
        id: window.id,
        title: window.title,
        instrumentName: findInstrument(window.instrumentId)?.shortName ?? window.instrumentId,
        programTitle,
        opensAt: window.opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        state: isOpen ? ('open' as const) : ('upcoming' as const),
        /** Still open after its program's term ended: close it so the outcomes can be shown. */
        shouldClose: isOpen && programTermEnd !== null && programTermEnd < today,
      };
    }),
  };
}

export type Dashboard = Awaited<ReturnType<typeof describeDashboard>>;
