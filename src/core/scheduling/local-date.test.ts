import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDate, weekDayOf } from './local-date.ts';

describe('local dates', () => {
  it('accepts real yyyy-mm-dd dates only', () => {
    expect(isLocalDate('2027-01-12')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2027-13-01')).toBe(false);
    expect(isLocalDate('2027-1-5')).toBe(false);
    expect(isLocalDate('12/01/2027')).toBe(false);
    expect(isLocalDate('')).toBe(false);
  });

  it('knows the day of the week', () => {
    expect(weekDayOf('2027-01-11')).toBe('mon');
    expect(weekDayOf('2027-01-12')).toBe('tue');
    expect(weekDayOf('2027-01-17')).toBe('sun');
    expect(weekDayOf('1969-12-31')).toBe('wed');
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('counts the days between two dates', () => {
    expect(daysBetween('2027-01-11', '2027-03-01')).toBe(49);
    expect(daysBetween('2027-03-01', '2027-01-11')).toBe(-49);
  });

  it('refuses malformed dates with a RangeError', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(RangeError);
  });
});
