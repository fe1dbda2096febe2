/**
 * A group's meetings for a term: its weekly slot, every `cadenceWeeks` weeks, skipping holidays.
 * Meetings keep their local time across daylight-saving changes (Tuesdays 12:00 stays 12:00 in the
 * organisation's time zone), so their UTC instants shift by an hour when the clocks change.
 */
import { type WeekDay, type WeeklySlot, weekDays, weeklySlotIndex } from '../grouping/weekly-slot.ts';
import { addDays, daysBetween, isLocalDate, weekDayOf } from './local-date.ts';
import { isValidTimeZone, utcToZoned, zonedTimeToUtc } from './time-zones.ts';

export type MeetingPlanRequest = {
  /** The group's hour of the week, in `timeZone`. */
  slot: WeeklySlot;
  /** The organisation's time zone, e.g. America/Toronto. */
  timeZone: string;
  /** First and last day of the term, `yyyy-mm-dd`, both included. */
  termStart: string;
  termEnd: string;
  meetingCount: number;
  cadenceWeeks: number;
  meetingMinutes: number;
  /** Days without meetings, `yyyy-mm-dd`, in `timeZone`. */
  holidays: readonly string[];
  /** No meeting starts before this instant (usually now, when groups are published mid-term). */
  notBefore?: Date;
};

export type PlannedMeeting = {
  /** 1, 2, 3… in order of time. */
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  /** The meeting's day in the organisation's time zone, `yyyy-mm-dd`. */
  localDate: string;
};

export type MeetingPlan = {
  meetings: PlannedMeeting[];
  /** Cadence dates that fell on a holiday and so have no meeting, in order. */
  skippedHolidays: string[];
  /** Sentences a coordinator can act on; empty when every meeting fits. */
  problems: string[];
};

function findRequestProblems(request: MeetingPlanRequest): string[] {
  const problems: string[] = [];
  if (weeklySlotIndex(request.slot) < 0) {
    problems.push(`"${request.slot}" is not an hour of the week; use day-hour such as tue-12.`);
  }
  if (!isValidTimeZone(request.timeZone)) {
    problems.push(`"${request.timeZone}" is not a time zone such as America/Toronto.`);
  }
  if (!isLocalDate(request.termStart))
    problems.push(`The term start "${request.termStart}" is not a date (yyyy-mm-dd).`);
  if (!isLocalDate(request.termEnd))
    problems.push(`The term end "${request.termEnd}" is not a date (yyyy-mm-dd).`);
  if (!Number.isInteger(request.meetingCount) || request.meetingCount < 1) {
    problems.push('Plan at least one meeting (a whole number).');
  }
  if (!Number.isInteger(request.cadenceWeeks) || request.cadenceWeeks < 1) {
    problems.push('Meetings must be a whole number of weeks apart, at least 1.');
  }
  if (!Number.isInteger(request.meetingMinutes) || request.meetingMinutes < 1) {
    problems.push('A meeting must last a whole number of minutes, at least 1.');
  }
  for (const holiday of request.holidays) {
    if (!isLocalDate(holiday)) problems.push(`The holiday "${holiday}" is not a date (yyyy-mm-dd).`);
  }
  if (request.notBefore !== undefined && Number.isNaN(request.notBefore.getTime())) {
    problems.push('The earliest start is not a valid time.');
  }
  if (problems.length === 0 && request.termEnd < request.termStart) {
    problems.push(`The term ends (${request.termEnd}) before it starts (${request.termStart}).`);
  }
  return problems;
}

function describeShortfall(
  request: MeetingPlanRequest,
  windowStart: string,
  plannedCount: number,
  skippedHolidayCount: number,
): string {
  if (windowStart > request.termEnd) {
    return `The term ends on ${request.termEnd}, before ${windowStart}; no meetings can be planned in it`;
  }
  const howMany =
    plannedCount === 0
      ? `None of the ${request.meetingCount} meetings fit`
      : `Only ${plannedCount} of ${request.meetingCount} meetings fit`;
  const cadence = request.cadenceWeeks === 1 ? 'every week' : `every ${request.cadenceWeeks} weeks`;
  const holidays =
    skippedHolidayCount === 0
      ? ''
      : `, skipping ${skippedHolidayCount} ${skippedHolidayCount === 1 ? 'holiday' : 'holidays'}`;
  const remedy =
    request.cadenceWeeks === 1
      ? 'extend the term or plan fewer meetings'
      : 'extend the term or meet more often';
  return `${howMany} between ${windowStart} and ${request.termEnd} at ${cadence}${holidays}; ${remedy}`;
}

/**
 * Plans the meetings of a group that meets at `slot` in `timeZone`.
 *
 * The first meeting is on the first day on or after `termStart` that falls on the slot's weekday and
 * whose start is not before `notBefore`; the next ones follow every `cadenceWeeks` weeks from it. A
 * cadence date that is a holiday is skipped and the series simply continues on the next cadence date
 * (the meeting moves there; it is not squeezed in between), so a holiday costs one cadence step of the
 * term. Planning stops after `meetingCount` meetings or at `termEnd`; if fewer fit, `problems` says so.
 *
 * Each meeting starts at the slot's hour in local time: across a daylight-saving change its UTC
 * instant moves by an hour. A slot hour that does not exist on a spring-forward day (02:00 in most
 * of North America) starts an hour later, as `zonedTimeToUtc` decides. Meetings last exactly
 * `meetingMinutes` of elapsed time.
 *
 * Invalid input (an unknown slot or zone, a malformed date) yields no meetings and a problem for each
 * mistake, rather than an exception.
 */
export function planMeetings(request: MeetingPlanRequest): MeetingPlan {
  const requestProblems = findRequestProblems(request);
  if (requestProblems.length > 0) return { meetings: [], skippedHolidays: [], problems: requestProblems };

  const slotIndex = weeklySlotIndex(request.slot);
  const slotDay: WeekDay = weekDays[Math.floor(slotIndex / 24)] ?? 'mon';
  const slotHour = slotIndex % 24;
  const startOf = (date: string) => zonedTimeToUtc(date, slotHour, 0, request.timeZone);

  const daysToSlotDay = (weekDays.indexOf(slotDay) - weekDays.indexOf(weekDayOf(request.termStart)) + 7) % 7;
  let first = addDays(request.termStart, daysToSlotDay);
  let windowStart = request.termStart;
  const { notBefore } = request;
  if (notBefore !== undefined) {
    const earliestDate = utcToZoned(notBefore, request.timeZone).date;
    if (earliestDate > windowStart) windowStart = earliestDate;
    if (earliestDate > first) first = addDays(first, Math.ceil(daysBetween(first, earliestDate) / 7) * 7);
    if (startOf(first).getTime() < notBefore.getTime()) first = addDays(first, 7);
  }

  const holidays = new Set(request.holidays);
  const meetings: PlannedMeeting[] = [];
  const skippedHolidays: string[] = [];
  for (
    let date = first;
    date <= request.termEnd && meetings.length < request.meetingCount;
    date = addDays(date, request.cadenceWeeks * 7)
  ) {
    if (holidays.has(date)) {
      skippedHolidays.push(date);
      continue;
    }
    const startsAt = startOf(date);
    meetings.push({
      sequence: meetings.length + 1,
      startsAt,
      endsAt: new Date(startsAt.getTime() + request.meetingMinutes * 60_000),
      localDate: date,
    });
  }

  const problems =
    meetings.length < request.meetingCount
      ? [describeShortfall(request, windowStart, meetings.length, skippedHolidays.length)]
      : [];
  return { meetings, skippedHolidays, problems };
}
