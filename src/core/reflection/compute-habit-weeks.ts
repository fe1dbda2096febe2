import { addDays, daysBetween, weekDayOf } from '../scheduling/local-date.ts';
import { utcToZoned } from '../scheduling/time-zones.ts';

/**
 * A person's habit over recent weeks: in which weeks they reflected and in which they practised
 * the skill ("yes" or "tried"). Weeks run Monday to Sunday in the person's time zone.
 */

export type SkillUse = 'yes' | 'tried' | 'not-yet';
export type HabitEntry = { writtenAt: Date; skillUsed: SkillUse };

export type HabitWeek = {
  /** The Monday the week starts on, yyyy-mm-dd. */
  weekStart: string;
  reflectionCount: number;
  isPractised: boolean;
};

export type HabitSummary = {
  /** Oldest first, ending with the current week. */
  weeks: HabitWeek[];
  /** Practised weeks in a row up to now; the current week counts once practised, and does not break the streak before. */
  currentStreak: number;
  longestStreak: number;
};

export function isPractised(skillUsed: SkillUse): boolean {
  return skillUsed === 'yes' || skillUsed === 'tried';
}

function mondayOf(date: string): string {
  const offset = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(weekDayOf(date));
  return addDays(date, -offset);
}

export function computeHabitWeeks(
  entries: readonly HabitEntry[],
  options: { now: Date; timeZone: string; weekCount: number },
): HabitSummary {
  const thisWeek = mondayOf(utcToZoned(options.now, options.timeZone).date);
  const weeks: HabitWeek[] = Array.from({ length: options.weekCount }, (_, index) => ({
    weekStart: addDays(thisWeek, -7 * (options.weekCount - 1 - index)),
    reflectionCount: 0,
    isPractised: false,
  }));
  const practisedWeeks = new Set<string>();
  for (const entry of entries) {
    const weekStart = mondayOf(utcToZoned(entry.writtenAt, options.timeZone).date);
    if (isPractised(entry.skillUsed)) practisedWeeks.add(weekStart);
    const offset = daysBetween(weeks[0]?.weekStart ?? thisWeek, weekStart) / 7;
    const week = weeks[offset];
    if (!week) continue;
    week.reflectionCount += 1;
    if (isPractised(entry.skillUsed)) week.isPractised = true;
  }

  let currentStreak = 0;
  let cursor = practisedWeeks.has(thisWeek) ? thisWeek : addDays(thisWeek, -7);
  while (practisedWeeks.has(cursor)) {
    currentStreak += 1;
    cursor = addDays(cursor, -7);
  }
  let longestStreak = 0;
  for (const weekStart of practisedWeeks) {
    if (practisedWeeks.has(addDays(weekStart, -7))) continue;
    let length = 0;
    for (let week = weekStart; practisedWeeks.has(week); week = addDays(week, 7)) length += 1;
    longestStreak = Math.max(longestStreak, length);
  }
  return { weeks, currentStreak, longestStreak };
}
