import { weekDayNames } from '../../../src/core/grouping/weekly-slot.ts';

const dayNames: Record<string, string> = weekDayNames;

/** "tue-12" → "Tuesdays 12:00–13:00". */
export function describeSlot(slot: string | null): string {
  if (!slot) return 'no common hour';
  const [day = '', hour = '0'] = slot.split('-');
  const start = Number(hour);
  return `${dayNames[day] ?? day} ${String(start).padStart(2, '0')}:00–${String((start + 1) % 24).padStart(2, '0')}:00`;
}

/** A time in the viewer's own time zone, with the zone's name, so nobody wonders whose 07:00 it is. */
export function describeDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

/**
 * A day given without its time ("2027-01-04"), as the server gives an anonymous post's: shown as
 * that calendar day, not shifted into the viewer's time zone.
 */
export function describeDay(day: string): string {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The weekly time of a meeting in the viewer's zone, with its name: "Tuesdays at 12:00 EST". */
export function describeWeeklyTime(iso: string): string {
  const date = new Date(iso);
  const weekday = date.toLocaleDateString('en-CA', { weekday: 'long' });
  const time = date.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return `${weekday}s at ${time}`;
}

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
