import { sql } from 'drizzle-orm';
import { decideAttendanceWindow } from '../../core/scheduling/attendance-window.ts';
import { formatMeetingTime } from '../../core/scheduling/format-meeting-time.ts';
import type { Database } from '../../db/connect.ts';
import { attendance } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { canRunMeeting } from '../policy.ts';
import { requestFeedbackForMeeting } from './feedback-requests.ts';
import { listGroupMembers, loadMeeting } from './meetings.ts';
import { findOrganizationSettings } from './organization.ts';

export type AttendanceRecord = { userId: string; status: 'present' | 'absent' | 'excused' };

/**
 * Takes attendance for a meeting, from its start until the organisation's window after its end: a
 * meeting weeks away cannot have been attended, and a record made months later is a guess. The
 * facilitator's form shows the meeting as it now reads (`describeMeeting`); callers that take
 * attendance without showing it (the demo's term) leave that read out.
 */
export async function recordAttendance(
  db: Database,
  member: SignedInMember,
  meetingId: string,
  records: AttendanceRecord[],
  now: Date,
): Promise<void> {
  const { meeting, group, relation } = await loadMeeting(db, member, meetingId);
  if (!canRunMeeting(member.role, relation)) {
    throw new AppError('FORBIDDEN', 'Only the group’s facilitator or a coordinator can take attendance.');
  }
  const { timeZone, locale, attendanceWindowDays } = await findOrganizationSettings(
    db,
    member.organizationId,
  );
  if (meeting.cancelledAt) {
    throw new AppError('ATTENDANCE_CLOSED', 'This meeting was cancelled, so it has no attendance to take.');
  }
  const window = decideAttendanceWindow(meeting, now, attendanceWindowDays);
  if (window.state === 'not-yet') {
    throw new AppError(
      'ATTENDANCE_NOT_OPEN',
      `Attendance opens when the meeting starts at ${formatMeetingTime(meeting.startsAt, meeting.endsAt, timeZone, locale)}.`,
    );
  }
  if (window.state === 'closed') {
    throw new AppError(
      'ATTENDANCE_CLOSED',
      `Attendance for this meeting closed on ${new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long' }).format(window.closesAt)}; ` +
        'an administrator can lengthen the attendance window in the organisation settings.',
    );
  }
  const roster = new Set(
    (await listGroupMembers(db, group.organizationId, group.id)).map((person) => person.id),
  );
  const strangers = records.filter((record) => !roster.has(record.userId));
  if (strangers.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${strangers.length} of these people are not in ${group.name}; reload the roster.`,
    );
  }
  // One row per person, the last record winning as it would if sent one by one; one statement in all.
  const latest = [...new Map(records.map((record) => [record.userId, record])).values()];
  await db.transaction(async (tx) => {
    if (latest.length > 0) {
      await tx
        .insert(attendance)
        .values(
          latest.map((record) => ({
            organizationId: member.organizationId,
            meetingId,
            userId: record.userId,
            status: record.status,
            recordedBy: member.userId,
            recordedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [attendance.organizationId, attendance.meetingId, attendance.userId],
          set: { status: sql`excluded.status`, recordedBy: member.userId, recordedAt: now },
        });
    }
    // Attendance taken after the meeting ended: those present are asked for feedback at once
    // (during the meeting, the job asks them once it is over).
    await requestFeedbackForMeeting(tx, meetingId, now);
  });
}
