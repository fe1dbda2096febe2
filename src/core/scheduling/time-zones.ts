/**
 * Time-zone arithmetic on IANA names (America/Toronto, Europe/London), with nothing but
 * `Intl.DateTimeFormat`: it knows every zone's history of offsets and daylight-saving rules.
 * Instants are `Date`s (stored in UTC); a local time is a calendar date, an hour and a minute.
 */
import type { WeekDay } from '../grouping/weekly-slot.ts';
import { millisecondsPerDay, millisecondsPerHour, millisecondsPerMinute } from './durations.ts';
import { dayNumberOf, localDateOfDayNumber, utcMidnight, weekDayOf } from './local-date.ts';

export type ZonedTime = {
  /** The local calendar date, `yyyy-mm-dd`. */
  date: string;
  hour: number;
  minute: number;
  weekday: WeekDay;
};

// Building a formatter is slow and the result never changes, so each zone's is built once.
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * True for a time-zone name this runtime knows, such as `America/Toronto` or `UTC` (any letter case).
 * Bare offsets such as `+05:30` are refused: they know nothing of daylight saving, so a series of
 * meetings planned with one would drift by an hour twice a year.
 */
export function isValidTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== null;
}

/**
 * A known time-zone name in its usual letter case (`america/toronto` → `America/Toronto`); null if
 * unknown. Only the case changes: the runtime's own canonical names are sometimes the old ones
 * (it answers `Asia/Calcutta` for `Asia/Kolkata`), so a correctly spelt name is kept as it is.
 */
export function canonicalTimeZone(name: string): string | null {
  if (typeof name !== 'string') return null;
  const known = canonicalNames.get(name);
  if (known !== undefined) return known;
  const canonical = findCanonicalTimeZone(name);
  if (canonical !== null) canonicalNames.set(name, canonical);
  return canonical;
}

// Asked on every conversion, so each known name is looked up once. Unknown names are not kept:
// they come from people's input, and remembering them would let the map grow without bound.
const canonicalNames = new Map<string, string | null>();

function findCanonicalTimeZone(name: string): string | null {
  if (name.trim() !== name || name === '' || /^[+-]/.test(name)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

function requireTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`"${timeZone}" is not a time zone such as America/Toronto`);
  }
}

/** The wall-clock time in `timeZone` at `instant`, written as milliseconds as if that zone were UTC. */
function wallClockAt(instant: number, timeZone: string): number {
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of wallClockFormatter(timeZone).formatToParts(instant)) {
    const value = Number(part.value);
    if (part.type === 'year') year = value;
    else if (part.type === 'month') month = value;
    else if (part.type === 'day') day = value;
    else if (part.type === 'hour') hour = value;
    else if (part.type === 'minute') minute = value;
    else if (part.type === 'second') second = value;
  }
  const subSecond = ((instant % 1000) + 1000) % 1000;
  return (
    utcMidnight(year, month, day) +
    hour * millisecondsPerHour +
    minute * millisecondsPerMinute +
    second * 1000 +
    subSecond
  );
}

/** How far `timeZone`'s clocks are ahead of UTC at `instant`, in milliseconds (Toronto in winter: −5 h). */
function offsetAt(instant: number, timeZone: string): number {
  return wallClockAt(instant, timeZone) - instant;
}

/**
 * The instant at which clocks in `timeZone` show `localDate` `hour`:`minute`.
 *
 * Daylight saving makes two cases special, and both are decided here once for the whole product:
 * - a time that does not exist (the hour skipped when clocks spring forward, e.g. 02:30 on
 *   2027-03-14 in Toronto) is moved forward by the size of the jump: 02:30 becomes 03:30 EDT;
 * - a time that happens twice (the hour repeated when clocks fall back, e.g. 01:30 on 2027-11-07
 *   in Toronto) takes the first occurrence: 01:30 EDT, not 01:30 EST.
 *
 * Throws a RangeError for a malformed date, an hour outside 0..23, a minute outside 0..59 or an
 * unknown time zone: these are programming errors, validate people's input before calling.
 */
export function zonedTimeToUtc(localDate: string, hour: number, minute: number, timeZone: string): Date {
  const dayNumber = dayNumberOf(localDate);
  if (dayNumber === null) throw new RangeError(`"${localDate}" is not a date written yyyy-mm-dd`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`hour ${hour} is outside 0..23`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`minute ${minute} is outside 0..59`);
  }
  requireTimeZone(timeZone);
  const wanted = dayNumber * millisecondsPerDay + hour * millisecondsPerHour + minute * millisecondsPerMinute;
  // Offsets a day either side bracket any daylight-saving change near the wanted time (zones change
  // their offset at most once in two days), so the answer is `wanted` minus one of them.
  const offsetBefore = offsetAt(wanted - millisecondsPerDay, timeZone);
  const offsetAfter = offsetAt(wanted + millisecondsPerDay, timeZone);
  const candidates = [wanted - offsetBefore, wanted - offsetAfter].sort((a, b) => a - b);
  const earliestMatch = candidates.find((instant) => wallClockAt(instant, timeZone) === wanted);
  if (earliestMatch !== undefined) return new Date(earliestMatch);
  // In the gap: read with the offset in force before the jump, the instant lands just after it,
  // where the clocks show the wanted time plus the jump.
  return new Date(wanted - offsetBefore);
}

/** What clocks in `timeZone` show at `instant`: its local date, hour, minute and day of the week. */
export function utcToZoned(instant: Date, timeZone: string): ZonedTime {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('the instant is an invalid Date');
  requireTimeZone(timeZone);
  const wallClock = wallClockAt(time, timeZone);
  const dayNumber = Math.floor(wallClock / millisecondsPerDay);
  const withinDay = wallClock - dayNumber * millisecondsPerDay;
  const date = localDateOfDayNumber(dayNumber);
  return {
    date,
    hour: Math.floor(withinDay / millisecondsPerHour),
    minute: Math.floor((withinDay % millisecondsPerHour) / millisecondsPerMinute),
    weekday: weekDayOf(date),
  };
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** An instant as clocks in `timeZone` show it, written `yyyy-mm-ddThh:mm` (a datetime-local input's value). */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  const { date, hour, minute } = utcToZoned(instant, timeZone);
  return `${date}T${twoDigits(hour)}:${twoDigits(minute)}`;
}

/**
 * A typed `yyyy-mm-ddThh:mm` read on clocks in `timeZone` (daylight-saving cases as `zonedTimeToUtc`
 * decides them); null when the text is not such a date and time.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, date = '', hour = '', minute = ''] = match;
  try {
    return zonedTimeToUtc(date, Number(hour), Number(minute), timeZone);
  } catch {
    return null;
  }
}
