import { findInstrument } from '../../core/instruments/catalog.ts';
import { defaultAttendanceWindowDays } from '../../core/scheduling/attendance-window.ts';
import { millisecondsPerDay } from '../../core/scheduling/durations.ts';
import { formatMeetingTime } from '../../core/scheduling/format-meeting-time.ts';
import { resolveMeetingPlace } from '../../core/scheduling/meeting-place.ts';
import { isValidTimeZone } from '../../core/scheduling/time-zones.ts';
import type { Database } from '../../db/connect.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { listOwnWindows } from './assessments.ts';
import type { findOrganizationSettings } from './organization.ts';
import {
  findNextMeetings,
  listHomeLists,
  listProgramsWithMyEnrolment,
  type NextMeetingRow,
  newPostDays,
  newRecognitionDays,
} from './participation-reads.ts';
import { isEnrolmentOpen, organizationToday } from './programs.ts';
import { findTopic } from './topics.ts';

/** The home page of someone taking part: participants, and facilitators for their own meetings. */

export type Settings = Awaited<ReturnType<typeof findOrganizationSettings>>;

export async function describeParticipation(
  db: Database,
  member: SignedInMember,
  settings: Settings,
  now: Date,
) {
  const [programRows, nextMeetings, windows, lists] = await Promise.all([
    listProgramsWithMyEnrolment(db, member),
    findNextMeetings(db, member, now),
    listOwnWindows(db, member, now),
    listHomeLists(db, member, now, settings.attendanceWindowDays ?? defaultAttendanceWindowDays),
  ]);
  const {
    followUps: followUpRows,
    newPosts: postRows,
    recognitions: recognitionRows,
    attendanceToTake: attendanceRows,
  } = lists;
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
        items: followUpRows.map((followUp) => ({
          id: followUp.id,
          kind: followUp.kind,
          topicTitle: followUp.topicTitle,
          prompt: followUp.prompt,
          groupName: followUp.groupName,
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
