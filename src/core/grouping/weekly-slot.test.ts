import { describe, expect, it } from 'vitest';
import {
  describeWeeklySlot,
  describeWeeklySlots,
  isWeeklySlot,
  parseWeeklySlot,
  parseWeeklySlotList,
  weeklySlotAt,
  weeklySlotIndex,
} from './weekly-slot.ts';

describe('weekly slots', () => {
  it('reads loose spellings into the canonical day-hour form', () => {
    expect(parseWeeklySlot('tue-12')).toBe('tue-12');
    expect(parseWeeklySlot('Tue-9')).toBe('tue-09');
    expect(parseWeeklySlot('tuesday 09:00')).toBe('tue-09');
    expect(parseWeeklySlot('tue-24')).toBeNull();
    expect(parseWeeklySlot('someday')).toBeNull();
    expect(isWeeklySlot('tue-09')).toBe(true);
    expect(isWeeklySlot('tue-9')).toBe(false);
  });

  it('numbers the 168 hours of the week from Monday midnight', () => {
    expect(weeklySlotIndex('mon-00')).toBe(0);
    expect(weeklySlotIndex('sun-23')).toBe(167);
    expect(weeklySlotAt(24 + 12)).toBe('tue-12');
    for (let index = 0; index < 168; index++) expect(weeklySlotIndex(weeklySlotAt(index))).toBe(index);
  });

  it('labels a slot the way a coordinator says it', () => {
    expect(describeWeeklySlot('tue-12')).toBe('Tuesdays 12:00–13:00');
    expect(describeWeeklySlot('sun-23')).toBe('Sundays 23:00–00:00');
    expect(describeWeeklySlots(['thu-18', 'tue-12', 'tue-13'])).toBe(
      'Tuesdays 12:00–14:00, Thursdays 18:00–19:00',
    );
  });

  it('reads lists with ranges and reports what it cannot read', () => {
    expect(parseWeeklySlotList('tue-12; wed-18 thu-9..12')).toEqual({
      slots: ['tue-12', 'wed-18', 'thu-09', 'thu-10', 'thu-11'],
      invalid: [],
    });
    expect(parseWeeklySlotList('tue-12, mars-3, thu-12..9').invalid).toEqual(['mars-3', 'thu-12..9']);
  });
});
