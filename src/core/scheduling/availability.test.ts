import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type WeeklySlot, weeklySlotAt } from '../grouping/weekly-slot.ts';
import { convertWeeklySlots } from './availability.ts';

// The week of Monday 2027-01-04: no zone used here changes its clocks within days of it.
const january = '2027-01-04';
// The week of Monday 2027-07-05: northern summer time, southern winter.
const july = '2027-07-05';

describe('convertWeeklySlots', () => {
  it('moves Toronto hours five hours later for London in winter', () => {
    expect(
      convertWeeklySlots(['tue-12', 'tue-13', 'thu-18'], 'America/Toronto', 'Europe/London', january),
    ).toEqual(['tue-17', 'tue-18', 'thu-23']);
  });

  it('carries an evening over midnight, and Sunday night into Monday', () => {
    expect(convertWeeklySlots(['thu-20', 'sun-22'], 'America/Toronto', 'Europe/London', january)).toEqual([
      'mon-03',
      'fri-01',
    ]);
    expect(convertWeeklySlots(['mon-02'], 'Europe/London', 'America/Toronto', january)).toEqual(['sun-21']);
  });

  it('uses the offsets of the reference week', () => {
    // In the week of 2027-03-15 Toronto is on summer time and London is not yet: 4 hours apart.
    expect(convertWeeklySlots(['tue-12'], 'America/Toronto', 'Europe/London', '2027-03-15')).toEqual([
      'tue-16',
    ]);
    expect(convertWeeklySlots(['tue-12'], 'America/Toronto', 'Europe/London', july)).toEqual(['tue-17']);
    // Sydney is 16 hours ahead of Toronto in January and 14 hours in July.
    expect(convertWeeklySlots(['tue-12'], 'America/Toronto', 'Australia/Sydney', january)).toEqual([
      'wed-04',
    ]);
    expect(convertWeeklySlots(['tue-12'], 'America/Toronto', 'Australia/Sydney', july)).toEqual(['wed-02']);
  });

  it('works from any day of the week as the reference', () => {
    for (const reference of ['2027-01-04', '2027-01-06', '2027-01-10']) {
      expect(convertWeeklySlots(['mon-09', 'sun-21'], 'America/Toronto', 'Europe/London', reference)).toEqual(
        ['mon-02', 'mon-14'],
      );
    }
  });

  it('maps a Kolkata hour to the Toronto hour it overlaps most, a tie shifting away from zero', () => {
    // Kolkata is UTC+5:30, Toronto UTC−5 in January: 10½ hours apart, so every hour is a tie.
    expect(convertWeeklySlots(['tue-22'], 'Asia/Kolkata', 'America/Toronto', january)).toEqual(['tue-11']);
    expect(convertWeeklySlots(['tue-12'], 'America/Toronto', 'Asia/Kolkata', january)).toEqual(['tue-23']);
    // In July Toronto is UTC−4: 9½ hours apart.
    expect(convertWeeklySlots(['tue-22'], 'Asia/Kolkata', 'America/Toronto', july)).toEqual(['tue-12']);
  });

  it('maps a quarter-hour offset to the nearer hour', () => {
    // Kathmandu is UTC+5:45: London 12:00–13:00 is 17:45–18:45 there, mostly the 18:00 hour.
    expect(convertWeeklySlots(['tue-12'], 'Europe/London', 'Asia/Kathmandu', january)).toEqual(['tue-18']);
    // Kathmandu 18:00–19:00 is London 12:15–13:15, mostly the 12:00 hour.
    expect(convertWeeklySlots(['tue-18'], 'Asia/Kathmandu', 'Europe/London', january)).toEqual(['tue-12']);
  });

  it('returns the same slots, sorted and once each, within one zone', () => {
    expect(
      convertWeeklySlots(['wed-09', 'mon-08', 'wed-09'], 'America/Toronto', 'america/toronto', january),
    ).toEqual(['mon-08', 'wed-09']);
  });

  it('lists a target hour once when two slots land on it', () => {
    // 2027-03-14 02:00 does not exist in Toronto; it is read as 03:00, the same instant as sun-03.
    expect(convertWeeklySlots(['sun-02', 'sun-03'], 'America/Toronto', 'UTC', '2027-03-08')).toEqual([
      'sun-07',
    ]);
  });

  it('ignores entries that are not weekly slots, and refuses unknown zones or dates', () => {
    expect(convertWeeklySlots(['tue-12', 'noon' as WeeklySlot], 'UTC', 'Europe/London', january)).toEqual([
      'tue-12',
    ]);
    expect(() => convertWeeklySlots(['tue-12'], 'Nowhere', 'UTC', january)).toThrow(RangeError);
    expect(() => convertWeeklySlots(['tue-12'], 'UTC', 'Nowhere', january)).toThrow(RangeError);
    expect(() => convertWeeklySlots(['tue-12'], 'UTC', 'Europe/London', '4 Jan')).toThrow(RangeError);
  });

  it('returns the original slots after converting there and back', () => {
    const zones = [
      'America/Toronto',
      'Europe/London',
      'Australia/Sydney',
      'America/Los_Angeles',
      'Asia/Tokyo',
      'UTC',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'America/St_Johns',
    ];
    const slotArbitrary = fc.integer({ min: 0, max: 167 }).map(weeklySlotAt);
    fc.assert(
      fc.property(
        fc.uniqueArray(slotArbitrary, { maxLength: 12 }),
        fc.constantFrom(...zones),
        fc.constantFrom(...zones),
        fc.constantFrom(january, july),
        (slots, from, to, reference) => {
          const there = convertWeeklySlots(slots, from, to, reference);
          expect(there).toHaveLength(slots.length);
          expect(convertWeeklySlots(there, to, from, reference)).toEqual(
            convertWeeklySlots(slots, from, from, reference),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('turns all 168 hours into all 168 hours between whole-hour zones', () => {
    const week = Array.from({ length: 168 }, (_, index) => weeklySlotAt(index));
    expect(convertWeeklySlots(week, 'America/Toronto', 'Australia/Sydney', january)).toEqual(week);
  });
});
