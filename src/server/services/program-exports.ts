import { and, asc, eq, inArray } from 'drizzle-orm';
import { releaseAttendanceCounts } from '../../core/evaluation/attendance-counts.ts';
import { describeWeeklySlot, isWeeklySlot } from '../../core/grouping/weekly-slot.ts';
import { formatMeetingTime } from '../../core/scheduling/format-meeting-time.ts';
import { resolveMeetingPlace } from '../../core/scheduling/meeting-place.ts';
import { type CsvCell, formatCsv } from '../../core/text/format-csv.ts';
import type { Database } from '../../db/connect.ts';
import { attendance, enrollments, groupMembers, groups, meetings, users } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { recordAuditEvent } from './audit.ts';
import { findOrganizationSettings } from './organization.ts';
import { findProgram } from './programs.ts';

/**
 * The coordinator's CSV exports of a program: its groups with their meeting slots and places, its
 * roster, and attendance counts per meeting. Never reflections, answers or grouping scores; the
 * attendance counts pass the disclosure gate. Every file is written by the one CSV writer.
 */
export type ProgramExport = 'groups' | 'roster' | 'attendance';

export async function exportProgram(
  db: Database,
  member: SignedInMember,
  programId: string,
  kind: ProgramExport,
): Promise<{ filename: string; csv: string }> {
  const program = await findProgram(db, member.organizationId, programId);
  const settings = await findOrganizationSettings(db, member.organizationId);
  const programGroups = await db
    .select()
    .from(groups)
    .where(eq(groups.programId, programId))
    .orderBy(asc(groups.name));
  const rows =
    kind === 'groups'
      ? await groupRows(db, programGroups, settings)
      : kind === 'roster'
        ? await rosterRows(db, programId, programGroups)
        : await attendanceRows(db, programGroups, settings);
  await recordAuditEvent(db, {
    organizationId: member.organizationId,
    actorUserId: member.userId,
    action: `programs.exported:${kind}`,
    targetId: programId,
  });
  const slug =
    program.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'program';
  return { filename: `tend-${slug}-${kind}.csv`, csv: formatCsv(rows) };
}

type GroupRow = typeof groups.$inferSelect;
type Settings = { timeZone: string; locale: string; minimumReportingGroupSize: number };

async function programMeetings(db: Database, programGroups: GroupRow[]) {
  if (programGroups.length === 0) return [];
  return db
    .select()
    .from(meetings)
    .where(
      inArray(
        meetings.groupId,
        programGroups.map((group) => group.id),
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

async function groupRows(db: Database, programGroups: GroupRow[], settings: Settings): Promise<CsvCell[][]> {
  const allMeetings = await programMeetings(db, programGroups);
  const members =
    programGroups.length === 0
      ? []
      : await db
          .select({
            groupId: groupMembers.groupId,
            isFacilitator: groupMembers.isFacilitator,
            name: users.name,
          })
          .from(groupMembers)
          .innerJoin(users, eq(users.id, groupMembers.userId))
          .where(
            inArray(
              groupMembers.groupId,
              programGroups.map((group) => group.id),
            ),
          )
          .orderBy(asc(users.name));
  const header = [
    'group',
    'status',
    'meeting_slot',
    'meeting_time',
    'time_zone',
    'place',
    'video_link',
    'participants',
    'facilitators',
    'facilitator_names',
    'meetings',
    'first_meeting',
    'last_meeting',
  ];
  return [
    header,
    ...programGroups.map((group) => {
      const own = allMeetings.filter((meeting) => meeting.groupId === group.id && !meeting.cancelledAt);
      const people = members.filter((person) => person.groupId === group.id);
      const first = own[0];
      const last = own.at(-1);
      return [
        group.name,
        group.status,
        group.slot,
        group.slot && isWeeklySlot(group.slot) ? describeWeeklySlot(group.slot) : '',
        settings.timeZone,
        group.place,
        group.videoUrl,
        people.filter((person) => !person.isFacilitator).length,
        people.filter((person) => person.isFacilitator).length,
        people
          .filter((person) => person.isFacilitator)
          .map((person) => person.name)
          .join('; '),
        own.length,
        first ? formatMeetingTime(first.startsAt, first.endsAt, settings.timeZone, settings.locale) : '',
        last ? formatMeetingTime(last.startsAt, last.endsAt, settings.timeZone, settings.locale) : '',
      ];
    }),
  ];
}

async function rosterRows(db: Database, programId: string, programGroups: GroupRow[]): Promise<CsvCell[][]> {
  const people = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      level: enrollments.level,
      discipline: enrollments.discipline,
      status: enrollments.status,
      isFacilitator: enrollments.isFacilitator,
      enrolledAt: enrollments.enrolledAt,
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(eq(enrollments.programId, programId))
    .orderBy(asc(users.name));
  const placements =
    programGroups.length === 0
      ? []
      : await db
          .select({ userId: groupMembers.userId, groupId: groupMembers.groupId })
          .from(groupMembers)
          .where(
            inArray(
              groupMembers.groupId,
              programGroups.map((group) => group.id),
            ),
          );
  const groupOf = (userId: string) => {
    const placement = placements.find((row) => row.userId === userId);
    return programGroups.find((group) => group.id === placement?.groupId)?.name ?? '';
  };
  return [
    ['name', 'email', 'level', 'discipline', 'enrolment', 'takes_part_as', 'group', 'enrolled_on'],
    ...people.map((person) => [
      person.name,
      person.email,
      person.level,
      person.discipline,
      person.status,
      person.isFacilitator ? 'facilitator' : 'participant',
      groupOf(person.userId),
      person.enrolledAt.toISOString().slice(0, 10),
    ]),
  ];
}

async function attendanceRows(
  db: Database,
  programGroups: GroupRow[],
  settings: Settings,
): Promise<CsvCell[][]> {
  const allMeetings = (await programMeetings(db, programGroups)).filter((meeting) => !meeting.cancelledAt);
  const records =
    allMeetings.length === 0
      ? []
      : await db
          .select({ meetingId: attendance.meetingId, userId: attendance.userId, status: attendance.status })
          .from(attendance)
          .where(
            and(
              inArray(
                attendance.meetingId,
                allMeetings.map((meeting) => meeting.id),
              ),
            ),
          );
  const release = releaseAttendanceCounts(
    allMeetings.map((meeting) => ({
      meetingId: meeting.id,
      records: records.filter((record) => record.meetingId === meeting.id),
    })),
    settings.minimumReportingGroupSize,
  );
  const header = ['group', 'meeting', 'time', 'place', 'recorded', 'present', 'absent', 'excused', 'note'];
  return [
    header,
    ...allMeetings.map((meeting, index) => {
      const group = programGroups.find((candidate) => candidate.id === meeting.groupId);
      const counts = release.meetings[index];
      const cells = counts ? [counts.recorded, counts.present, counts.absent, counts.excused] : [];
      const isTaken = records.some((record) => record.meetingId === meeting.id);
      const isHidden = isTaken && cells.some((cell) => cell.count === null);
      const place = resolveMeetingPlace(meeting, group ?? {});
      return [
        group?.name ?? '',
        meeting.sequence,
        formatMeetingTime(meeting.startsAt, meeting.endsAt, settings.timeZone, settings.locale),
        place.place ?? place.videoUrl ?? '',
        ...cells.map((cell) => (isTaken ? cell.count : null)),
        !isTaken
          ? 'No attendance taken.'
          : isHidden
            ? `Some counts are left empty: each count needs at least ${release.minimumGroupSize} people behind it and on the other side.`
            : '',
      ];
    }),
  ];
}
