import { and, eq, gt, isNull, lte, ne, sql } from 'drizzle-orm';
import { resolveMeetingPlace } from '../core/scheduling/meeting-place.ts';
import type { Database, Transaction } from '../db/connect.ts';
import { groups, meetings, programs } from '../db/schema.ts';
import { lockMeetingForNotices, membersNotYetNotified } from '../notifications/meeting-audience.ts';
import { notify } from '../notifications/notify.ts';

export type ReminderReport = { meetings: number; reminded: number };

const reminderKind = 'meeting-reminder';

/**
 * The notice link of a meeting's reminder; with the kind, it is also the record that the reminder went
 * out. It names the start time, so a meeting moved after its reminder gets a reminder for its new time.
 */
export function reminderLink(meeting: { id: string; startsAt: Date }): string {
  return `/meetings/${meeting.id}?starts=${meeting.startsAt.toISOString()}`;
}

/**
 * Reminds the members of published groups of each meeting that starts within its program's
 * `reminder_hours`. Each person gets one reminder per meeting however often this runs, on however
 * many servers: a meeting is locked while its reminders are written, and people who already have a
 * reminder notice for its start time are skipped. Withdrawn people, disabled accounts and cancelled meetings get none.
 */
export async function sendMeetingReminders(db: Database, now: Date): Promise<ReminderReport> {
  const due = await db
    .select({ id: meetings.id })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .where(
      and(
        eq(groups.status, 'published'),
        ne(programs.status, 'draft'),
        isNull(meetings.cancelledAt),
        gt(meetings.startsAt, now),
        lte(
          meetings.startsAt,
          sql`${now.toISOString()}::timestamptz + ${programs.reminderHours} * interval '1 hour'`,
        ),
      ),
    );
  const report: ReminderReport = { meetings: 0, reminded: 0 };
  for (const meeting of due) {
    const reminded = await db.transaction((tx) => remindOfMeeting(tx, meeting.id, now));
    if (reminded > 0) report.meetings += 1;
    report.reminded += reminded;
  }
  return report;
}

async function remindOfMeeting(tx: Transaction, meetingId: string, now: Date): Promise<number> {
  const context = await lockMeetingForNotices(tx, meetingId);
  if (!context) return 0;
  const { meeting, group, program, organization } = context;
  const windowEnd = now.getTime() + program.reminderHours * 3_600_000;
  if (meeting.startsAt.getTime() <= now.getTime() || meeting.startsAt.getTime() > windowEnd) return 0;

  const link = reminderLink(meeting);
  const recipients = await membersNotYetNotified(tx, context, { kind: reminderKind, link });
  if (recipients.length === 0) return 0;

  // The group's place and link, unless this meeting has its own.
  const { place, videoUrl } = resolveMeetingPlace(meeting, group);
  const when = describeTime(meeting.startsAt, organization.settings.timeZone, organization.settings.locale);
  await notify(tx, {
    organizationId: meeting.organizationId,
    userIds: recipients,
    kind: reminderKind,
    title: `Reminder: ${group.name} meets ${when}`,
    body:
      `Meeting ${meeting.sequence} of ${group.name} (${program.title}) starts ${when}` +
      (place ? `, in ${place}` : '') +
      (videoUrl ? '; the video link is in Tend' : '') +
      '.',
    link,
  });
  return recipients.length;
}

/** "Tuesday 12 January, 17:00 CET" in the organisation's time zone and language. */
function describeTime(date: Date, timeZone: string, locale: string): string {
  const options: Intl.DateTimeFormatOptions = {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(date);
  }
}
