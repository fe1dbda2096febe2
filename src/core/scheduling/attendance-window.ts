import { millisecondsPerDay } from './durations.ts';
/**
 * When attendance may be taken for a meeting: from its start (nobody can attend a meeting that has
 * not begun) until some days after its end (late records are allowed, stale ones are not).
 */

/** Days after a meeting's end that attendance can still be taken, when the organisation has not chosen. */
export const defaultAttendanceWindowDays = 7;
export const longestAttendanceWindowDays = 60;

export type AttendanceWindowState =
  | { state: 'open'; closesAt: Date }
  | { state: 'not-yet'; opensAt: Date; closesAt: Date }
  | { state: 'closed'; closesAt: Date };

export function decideAttendanceWindow(
  meeting: { startsAt: Date; endsAt: Date },
  now: Date,
  windowDays: number = defaultAttendanceWindowDays,
): AttendanceWindowState {
  const closesAt = new Date(meeting.endsAt.getTime() + windowDays * millisecondsPerDay);
  if (now.getTime() < meeting.startsAt.getTime())
    return { state: 'not-yet', opensAt: meeting.startsAt, closesAt };
  if (now.getTime() > closesAt.getTime()) return { state: 'closed', closesAt };
  return { state: 'open', closesAt };
}

/** Whether a meeting is over, so that asking for feedback or reflection about it makes sense. */
export function hasMeetingEnded(meeting: { endsAt: Date }, now: Date): boolean {
  return meeting.endsAt.getTime() <= now.getTime();
}
