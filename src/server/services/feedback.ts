import { and, desc, eq, ne } from 'drizzle-orm';
import { feedbackPeriodClosesAt, isFeedbackOpen, type Rating } from '../../core/feedback/feedback-form.ts';
import { isWeeklySlot, type WeeklySlot } from '../../core/grouping/weekly-slot.ts';
import { convertWeeklySlots } from '../../core/scheduling/availability.ts';
import { formatDay } from '../../core/scheduling/format-meeting-time.ts';
import { isValidTimeZone } from '../../core/scheduling/time-zones.ts';
import type { Database } from '../../db/connect.ts';
import {
  attendance,
  enrollments,
  feedbackResponses,
  groupMembers,
  groups,
  meetingFeedback,
  meetings,
  programs,
} from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { findOrganizationSettings } from './organization.ts';
import { organizationToday } from './programs.ts';
import { findTopic, listTopics } from './topics.ts';

export type FeedbackInput = {
  usefulness: Rating;
  feltSafe: Rating;
  keep: string;
  change: string;
  topicsWanted: string[];
  /** Weekly hours in `timeZone`, the person's own; stored in the organisation's. */
  preferredTimes: string[];
  timeZone?: string | undefined;
};

/**
 * The meeting as its attendee sees it for feedback. Only the group's own members (not its
 * facilitators) who were not marked absent or excused may answer, once the meeting has started or
 * they were marked present; anyone else gets 404, as for a meeting that is not theirs.
 */
async function loadAttendedMeeting(db: Database, member: SignedInMember, meetingId: string, now: Date) {
  // The meeting with this person's place in its group and their attendance, in one statement.
  const [row] = await db
    .select({
      meeting: meetings,
      group: groups,
      program: programs,
      isFacilitator: groupMembers.isFacilitator,
      attendanceStatus: attendance.status,
    })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, member.userId)))
    .leftJoin(attendance, and(eq(attendance.meetingId, meetings.id), eq(attendance.userId, member.userId)))
    .where(and(eq(meetings.id, meetingId), eq(meetings.organizationId, member.organizationId)));
  if (!row || row.meeting.cancelledAt || row.group.status !== 'published') throw notFound('That meeting');
  if (row.isFacilitator === null) throw notFound('That meeting');
  if (row.isFacilitator) {
    throw new AppError(
      'FORBIDDEN',
      'Facilitators run the meeting; feedback is for the people who attend it.',
    );
  }
  if (row.attendanceStatus !== null && row.attendanceStatus !== 'present') {
    throw new AppError('FORBIDDEN', 'You were not at this meeting, so there is nothing to give feedback on.');
  }
  // Only the meeting's start opens feedback: a meeting that has not begun has nothing to judge, even if
  // someone was marked present before it was moved later.
  const hasHappened = row.meeting.startsAt.getTime() <= now.getTime();
  return { meeting: row.meeting, group: row.group, program: row.program, hasHappened };
}

function presentFeedback(
  row: typeof meetingFeedback.$inferSelect | undefined,
  toViewerTime: (slots: string[]) => WeeklySlot[],
) {
  if (!row) return null;
  return {
    usefulness: row.usefulness,
    feltSafe: row.feltSafe,
    keep: row.keep,
    change: row.change,
    topicsWanted: row.topicsWanted,
    preferredTimes: toViewerTime(row.preferredTimes),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function checkTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new AppError('FEEDBACK_INVALID', `"${timeZone}" is not a time zone such as America/Toronto.`, {
      fields: { timeZone: 'is not a known time zone' },
    });
  }
}

/** The form in the viewer's time zone (`viewerTimeZone`, else the organisation's). */
export async function describeFeedbackForm(
  db: Database,
  member: SignedInMember,
  meetingId: string,
  now: Date,
  viewerTimeZone?: string,
) {
  const { meeting, group, program, hasHappened } = await loadAttendedMeeting(db, member, meetingId, now);
  const settings = await findOrganizationSettings(db, member.organizationId);
  const topic = await findTopic(db, member.organizationId, meeting.topicId);
  const [own] = await db
    .select()
    .from(meetingFeedback)
    .where(and(eq(meetingFeedback.meetingId, meetingId), eq(meetingFeedback.userId, member.userId)));
  const timeZone = viewerTimeZone ?? settings.timeZone;
  checkTimeZone(timeZone);
  const today = organizationToday(now, settings.timeZone);
  // After its feedback period a meeting's answers are released and frozen: a change would never show.
  const periodClosesAt = feedbackPeriodClosesAt(meeting.endsAt);
  const isPeriodOver = periodClosesAt.getTime() <= now.getTime();
  const isTermOver = program.status === 'closed' || !isFeedbackOpen(program.termEnd, today);
  const isOpen = hasHappened && !isTermOver && !isPeriodOver;
  return {
    meeting: {
      id: meeting.id,
      sequence: meeting.sequence,
      startsAt: meeting.startsAt.toISOString(),
      groupName: group.name,
      programId: program.id,
      programTitle: program.title,
      topicTitle: topic?.topic.title ?? null,
    },
    isOpen,
    closedReason: isOpen
      ? null
      : !hasHappened
        ? 'Feedback opens when the meeting starts.'
        : isTermOver
          ? 'The program has ended, so feedback can no longer be given or changed.'
          : `Feedback on this meeting closed on ${formatDay(periodClosesAt, settings.timeZone)}, a week after it ended; its answers are now part of the program's released figures.`,
    timeZone,
    topicChoices: (await listTopics(db, member.organizationId))
      .filter((entry) => entry.source !== 'shared')
      .map((entry) => ({ id: entry.ref, title: entry.topic.title })),
    feedback: presentFeedback(own, (slots) =>
      convertWeeklySlots(slots.filter(isWeeklySlot), settings.timeZone, timeZone, today),
    ),
  };
}

/** Saves the person's one answer for the meeting, replacing an earlier one; open until the term ends. */
export async function saveFeedback(
  db: Database,
  member: SignedInMember,
  meetingId: string,
  input: FeedbackInput,
  now: Date,
) {
  const form = await describeFeedbackForm(db, member, meetingId, now, input.timeZone);
  if (!form.isOpen) throw new AppError('FEEDBACK_CLOSED', form.closedReason ?? 'Feedback is closed.');
  const known = new Set(form.topicChoices.map((choice) => choice.id));
  const unknownTopics = input.topicsWanted.filter((id) => !known.has(id));
  if (unknownTopics.length > 0) {
    throw new AppError(
      'FEEDBACK_INVALID',
      `Pick topics from the list; unknown: ${unknownTopics.join(', ')}.`,
      {
        fields: { 'body.topicsWanted': 'pick topics from the list' },
      },
    );
  }
  const badTimes = input.preferredTimes.filter((slot) => !isWeeklySlot(slot));
  if (badTimes.length > 0) {
    throw new AppError('FEEDBACK_INVALID', 'Preferred times are hours of the week such as tue-12.', {
      fields: { 'body.preferredTimes': 'use hours of the week such as tue-12' },
    });
  }
  const settings = await findOrganizationSettings(db, member.organizationId);
  // The person ticks hours in their own zone; the organisation plans in its own (as at enrolment).
  const preferredTimes = convertWeeklySlots(
    input.preferredTimes.filter(isWeeklySlot),
    form.timeZone,
    settings.timeZone,
    organizationToday(now, settings.timeZone),
  );
  const values = {
    usefulness: input.usefulness,
    feltSafe: input.feltSafe,
    keep: input.keep.trim(),
    change: input.change.trim(),
    topicsWanted: [...new Set(input.topicsWanted)],
    preferredTimes,
    updatedAt: now,
  };
  // One statement, atomic on its own: no transaction around it.
  const [saved] = await db
    .insert(meetingFeedback)
    .values({
      organizationId: member.organizationId,
      meetingId,
      programId: form.meeting.programId,
      userId: member.userId,
      ...values,
    })
    .onConflictDoUpdate({ target: [meetingFeedback.meetingId, meetingFeedback.userId], set: values })
    .returning();
  // The form as it now reads: the one just checked, with the answer the database now holds.
  const today = organizationToday(now, settings.timeZone);
  return {
    ...form,
    feedback: presentFeedback(saved, (slots) =>
      convertWeeklySlots(slots.filter(isWeeklySlot), settings.timeZone, form.timeZone, today),
    ),
  };
}

async function findOwnProgram(db: Database, member: SignedInMember, programId: string) {
  const [program] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, member.organizationId)));
  if (!program) throw notFound('That program');
  return program;
}

function presentResponse(row: typeof feedbackResponses.$inferSelect) {
  return { id: row.id, youSaid: row.youSaid, weDid: row.weDid, postedAt: row.postedAt.toISOString() };
}

/** "You said, we did" notes of a program, newest first; every member may read them. */
export async function listFeedbackResponses(db: Database, member: SignedInMember, programId: string) {
  await findOwnProgram(db, member, programId);
  const rows = await db
    .select()
    .from(feedbackResponses)
    .where(eq(feedbackResponses.programId, programId))
    .orderBy(desc(feedbackResponses.postedAt));
  return rows.map(presentResponse);
}

/** Posts a coordinator's answer to the program's feedback and tells everyone enrolled in it. */
export async function postFeedbackResponse(
  db: Database,
  member: SignedInMember,
  programId: string,
  input: { youSaid: string; weDid: string },
  now: Date,
) {
  const program = await findOwnProgram(db, member, programId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(feedbackResponses)
      .values({
        organizationId: member.organizationId,
        programId,
        youSaid: input.youSaid.trim(),
        weDid: input.weDid.trim(),
        postedBy: member.userId,
        postedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    const people = await tx
      .select({ userId: enrollments.userId })
      .from(enrollments)
      .where(and(eq(enrollments.programId, programId), ne(enrollments.status, 'withdrawn')));
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: people.map((person) => person.userId),
      kind: 'you-said-we-did',
      title: `${program.title}: you said, we did`,
      body: `You said: ${row.youSaid}\nWe did: ${row.weDid}`,
      link: `/programs/${programId}`,
    });
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: 'feedback-response.create',
      targetId: row.id,
    });
    return presentResponse(row);
  });
}
