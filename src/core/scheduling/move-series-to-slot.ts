import { isWeeklySlot, type WeekDay, weekDays, weeklySlotIndex } from '../grouping/weekly-slot.ts';
import { addDays, weekDayOf } from './local-date.ts';
import { utcToZoned, zonedTimeToUtc } from './time-zones.ts';

export type SeriesMeeting = { id: string; startsAt: Date; endsAt: Date; isCancelled: boolean };

export type SeriesMove = {
  moved: { id: string; startsAt: Date; endsAt: Date }[];
  /** Meetings still ahead whose new time in their week has already passed: they keep their time. */
  kept: { id: string; reason: string }[];
};

/**
 * Moves a group's meetings still ahead to a new weekly slot (organisation time): each stays in its
 * own week (Monday to Sunday, local time), on the slot's day at the slot's hour, and keeps its length,
 * so the cadence, holidays skipped and topic order stay as planned. Meetings already started or
 * cancelled are left alone, and so is one whose new time this week has already passed (moving it to
 * another week would bunch it against the next meeting).
 */
export function moveSeriesToSlot(input: {
  meetings: readonly SeriesMeeting[];
  slot: string;
  timeZone: string;
  now: Date;
}): SeriesMove {
  const result: SeriesMove = { moved: [], kept: [] };
  if (!isWeeklySlot(input.slot)) return result;
  const slotIndex = weeklySlotIndex(input.slot);
  const slotDay: WeekDay = weekDays[Math.floor(slotIndex / 24)] ?? 'mon';
  const slotHour = slotIndex % 24;
  for (const meeting of input.meetings) {
    if (meeting.isCancelled || meeting.startsAt.getTime() <= input.now.getTime()) continue;
    const localDate = utcToZoned(meeting.startsAt, input.timeZone).date;
    const monday = addDays(localDate, -weekDays.indexOf(weekDayOf(localDate)));
    const startsAt = zonedTimeToUtc(addDays(monday, weekDays.indexOf(slotDay)), slotHour, 0, input.timeZone);
    if (startsAt.getTime() <= input.now.getTime()) {
      result.kept.push({ id: meeting.id, reason: 'its new time this week has already passed' });
      continue;
    }
    const length = meeting.endsAt.getTime() - meeting.startsAt.getTime();
    result.moved.push({ id: meeting.id, startsAt, endsAt: new Date(startsAt.getTime() + length) });
  }
  return result;
}
