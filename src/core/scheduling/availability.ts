/**
 * Weekly availability moved between time zones. A participant marks the hours they could meet in
 * their own time zone; the organisation, and the grouping engine, work in the organisation's zone.
 */
import { type WeeklySlot, weekDays, weeklySlotAt, weeklySlotIndex } from '../grouping/weekly-slot.ts';
import { addDays, isLocalDate, weekDayOf } from './local-date.ts';
import { canonicalTimeZone, utcToZoned, zonedTimeToUtc } from './time-zones.ts';

const minutesPerWeek = 7 * 24 * 60;

/**
 * `slots` (hours of the week in `fromTimeZone`) as hours of the week in `toTimeZone`, sorted.
 *
 * Offsets change with daylight saving, so the conversion reads them in one real week: each slot is
 * placed on its weekday in the seven days starting at `referenceDate` (pass a date in the term, such
 * as its first day; avoid weeks in which either zone changes its clocks).
 *
 * When the zones differ by a whole number of hours every slot lands on exactly one target hour, and
 * converting back returns the original slots. When they differ by a half or quarter hour (Asia/Kolkata
 * is UTC+5:30, Asia/Kathmandu UTC+5:45) a slot straddles two target hours, and it maps to the one it
 * overlaps most. On an exact tie (a half-hour difference) the shift is rounded away from zero: from
 * Toronto (UTC−5) to Kolkata (+10:30) a slot moves 11 hours later, from Kolkata to Toronto 11 hours
 * earlier, so converting there and back still returns the original slots.
 *
 * Two slots can land on one target hour (an hour skipped by a clock change inside the reference week);
 * it is listed once. Entries that are not weekly slots are ignored. Throws a RangeError for an unknown
 * time zone or a malformed `referenceDate`.
 */
export function convertWeeklySlots(
  slots: readonly WeeklySlot[],
  fromTimeZone: string,
  toTimeZone: string,
  referenceDate: string,
): WeeklySlot[] {
  const from = canonicalTimeZone(fromTimeZone);
  const to = canonicalTimeZone(toTimeZone);
  if (from === null) throw new RangeError(`"${fromTimeZone}" is not a time zone such as America/Toronto`);
  if (to === null) throw new RangeError(`"${toTimeZone}" is not a time zone such as America/Toronto`);
  if (!isLocalDate(referenceDate))
    throw new RangeError(`"${referenceDate}" is not a date written yyyy-mm-dd`);

  const referenceDay = weekDays.indexOf(weekDayOf(referenceDate));
  const converted = new Set<number>();
  for (const slot of slots) {
    const index = weeklySlotIndex(slot);
    if (index < 0) continue;
    if (from === to) {
      converted.add(index);
      continue;
    }
    const day = Math.floor(index / 24);
    const hour = index % 24;
    const date = addDays(referenceDate, (day - referenceDay + 7) % 7);
    const target = utcToZoned(zonedTimeToUtc(date, hour, 0, from), to);
    // The shift between the two wall clocks, in minutes, within (−1 week, +1 week); then rounded
    // to whole hours: to the nearest, with a half rounded away from zero.
    const sourceMinute = index * 60;
    const targetMinute = (weekDays.indexOf(target.weekday) * 24 + target.hour) * 60 + target.minute;
    let shift = (targetMinute - sourceMinute) % minutesPerWeek;
    if (shift > minutesPerWeek / 2) shift -= minutesPerWeek;
    if (shift < -minutesPerWeek / 2) shift += minutesPerWeek;
    const hours = Math.sign(shift) * Math.round(Math.abs(shift) / 60);
    converted.add((((index + hours) % 168) + 168) % 168);
  }
  return [...converted].sort((a, b) => a - b).map(weeklySlotAt);
}
