/**
 * Calendar dates without a time zone, written `yyyy-mm-dd` (a term's first day, a holiday).
 * Plain strings so they travel through JSON and the database unchanged, and compare correctly as text.
 */
import { type WeekDay, weekDays } from '../grouping/weekly-slot.ts';
import { millisecondsPerDay } from './durations.ts';

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch of 00:00 UTC on the given calendar day (years 0..9999 work). */
export function utcMidnight(year: number, month: number, day: number): number {
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  return instant.getTime();
}

/** Days since 1970-01-01 for a valid `yyyy-mm-dd`; null when the text is not a real calendar date. */
export function dayNumberOf(date: string): number | null {
  const match = localDatePattern.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const midnight = utcMidnight(year, month, day);
  // 2027-02-30 rolls over into March; a real date survives the round trip.
  if (new Date(midnight).getUTCDate() !== day) return null;
  return midnight / millisecondsPerDay;
}

/** The `yyyy-mm-dd` of a day number (days since 1970-01-01). */
export function localDateOfDayNumber(dayNumber: number): string {
  const instant = new Date(dayNumber * millisecondsPerDay);
  const year = String(instant.getUTCFullYear()).padStart(4, '0');
  const month = String(instant.getUTCMonth() + 1).padStart(2, '0');
  const day = String(instant.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** True for a real calendar date written `yyyy-mm-dd` (so not `2027-02-30` nor `2027-1-5`). */
export function isLocalDate(text: string): boolean {
  return dayNumberOf(text) !== null;
}

function requireDayNumber(date: string): number {
  const dayNumber = dayNumberOf(date);
  if (dayNumber === null) throw new RangeError(`"${date}" is not a date written yyyy-mm-dd`);
  return dayNumber;
}

/** `date` moved by `days` (negative moves back). Throws a RangeError for a malformed date. */
export function addDays(date: string, days: number): string {
  return localDateOfDayNumber(requireDayNumber(date) + days);
}

/** Whole days from `from` to `to`: 2027-01-11 → 2027-01-18 is 7; negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return requireDayNumber(to) - requireDayNumber(from);
}

/** The day of the week of a calendar date: `2027-01-12` is a `tue`. */
export function weekDayOf(date: string): WeekDay {
  // 1970-01-01 was a Thursday, index 3 in weekDays (which starts on Monday).
  const index = (((requireDayNumber(date) + 3) % 7) + 7) % 7;
  return weekDays[index] ?? 'mon';
}
