/**
 * A weekly slot is one hour of the week in the organisation's time zone, written `day-hour`
 * with a two-digit start hour: `tue-12` is Tuesdays 12:00–13:00, `mon-07` Mondays 07:00–08:00.
 * The grouping engine and (later) scheduling share this vocabulary; 168 slots make a week.
 */
export const weekDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof weekDays)[number];

type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
export type SlotHour = `0${Digit}` | `1${Digit}` | '20' | '21' | '22' | '23';
export type WeeklySlot = `${WeekDay}-${SlotHour}`;

export const weeklySlotCount = 168;

/** How a weekly slot's day reads, on the server and in the web app alike. */
export const weekDayNames: Record<WeekDay, string> = {
  mon: 'Mondays',
  tue: 'Tuesdays',
  wed: 'Wednesdays',
  thu: 'Thursdays',
  fri: 'Fridays',
  sat: 'Saturdays',
  sun: 'Sundays',
};

const slotPattern = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*[-\s]?(\d{1,2})(?::00)?$/;

/** The slot at `index` (0 = Monday 00:00, 167 = Sunday 23:00). */
export function weeklySlotAt(index: number): WeeklySlot {
  const day = weekDays[Math.floor(index / 24)];
  if (day === undefined || !Number.isInteger(index) || index < 0) {
    throw new RangeError(`weekly slot index ${index} is outside 0..167`);
  }
  return `${day}-${String(index % 24).padStart(2, '0')}` as WeeklySlot;
}

/** Position of a slot in the week, 0..167; -1 when `slot` is not a weekly slot. */
export function weeklySlotIndex(slot: string): number {
  const parsed = slotPattern.exec(slot.trim().toLowerCase());
  if (!parsed) return -1;
  const day = weekDays.indexOf(parsed[1] as WeekDay);
  const hour = Number(parsed[2]);
  if (hour > 23) return -1;
  return day * 24 + hour;
}

/** Reads `tue-12`, `Tue-9`, `tuesday 09:00` into the canonical `tue-09`; null when it is not a slot. */
export function parseWeeklySlot(text: string): WeeklySlot | null {
  const index = weeklySlotIndex(text);
  return index < 0 ? null : weeklySlotAt(index);
}

export function isWeeklySlot(value: string): value is WeeklySlot {
  return parseWeeklySlot(value) === value;
}

function formatHour(hour: number): string {
  return `${String(hour % 24).padStart(2, '0')}:00`;
}

/** "Tuesdays 12:00–13:00". */
export function describeWeeklySlot(slot: WeeklySlot): string {
  const index = weeklySlotIndex(slot);
  const day = weekDays[Math.floor(index / 24)] ?? 'mon';
  const hour = index % 24;
  return `${weekDayNames[day]} ${formatHour(hour)}–${formatHour(hour + 1)}`;
}

/** "Tuesdays 12:00–14:00, Thursdays 18:00–19:00": consecutive hours on one day are merged. */
export function describeWeeklySlots(slots: readonly WeeklySlot[]): string {
  const indices = [...new Set(slots.map(weeklySlotIndex).filter((index) => index >= 0))].sort(
    (a, b) => a - b,
  );
  const parts: string[] = [];
  let start = -1;
  let end = -1;
  const flush = () => {
    if (start < 0) return;
    const day = weekDays[Math.floor(start / 24)] ?? 'mon';
    parts.push(`${weekDayNames[day]} ${formatHour(start % 24)}–${formatHour((end % 24) + 1)}`);
  };
  for (const index of indices) {
    if (index === end + 1 && Math.floor(index / 24) === Math.floor(start / 24)) {
      end = index;
      continue;
    }
    flush();
    start = index;
    end = index;
  }
  flush();
  return parts.join(', ');
}

/**
 * Reads a list such as `tue-12; wed-18 thu-9..12` (separators: spaces, `;`, `,`, `|`).
 * `thu-9..12` means Thursdays from 09:00 to 12:00, i.e. the slots thu-09, thu-10 and thu-11.
 */
export function parseWeeklySlotList(text: string): { slots: WeeklySlot[]; invalid: string[] } {
  const slots = new Set<WeeklySlot>();
  const invalid: string[] = [];
  for (const token of text.split(/[\s;,|]+/).filter(Boolean)) {
    const range = /^(.+?)\.\.(\d{1,2})(?::00)?$/.exec(token);
    if (range) {
      const first = weeklySlotIndex(range[1] ?? '');
      const endHour = Number(range[2]);
      if (first < 0 || endHour > 24 || endHour <= first % 24) {
        invalid.push(token);
        continue;
      }
      for (let index = first; index < first - (first % 24) + endHour; index++) slots.add(weeklySlotAt(index));
      continue;
    }
    const slot = parseWeeklySlot(token);
    if (slot) slots.add(slot);
    else invalid.push(token);
  }
  return { slots: [...slots].sort((a, b) => weeklySlotIndex(a) - weeklySlotIndex(b)), invalid };
}
