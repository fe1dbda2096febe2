import { describe, expect, it } from 'vitest';
import { computeHabitWeeks } from './compute-habit-weeks.ts';

// Wednesday 20 January 2027.
const now = new Date('2027-01-20T15:00:00Z');
const timeZone = 'America/Toronto';

describe('computeHabitWeeks', () => {
  it('lists the recent weeks from Monday, oldest first, ending with this one', () => {
    const { weeks } = computeHabitWeeks([], { now, timeZone, weekCount: 3 });
    expect(weeks.map((week) => week.weekStart)).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
  });

  it('counts reflections per week in the person’s time zone and marks practised weeks', () => {
    const summary = computeHabitWeeks(
      [
        // Sunday evening in Toronto, Monday in UTC: belongs to the week of the 11th.
        { writtenAt: new Date('2027-01-18T02:00:00Z'), skillUsed: 'not-yet' },
        { writtenAt: new Date('2027-01-19T12:00:00Z'), skillUsed: 'tried' },
      ],
      { now, timeZone, weekCount: 2 },
    );
    expect(summary.weeks).toEqual([
      { weekStart: '2027-01-11', reflectionCount: 1, isPractised: false },
      { weekStart: '2027-01-18', reflectionCount: 1, isPractised: true },
    ]);
  });

  it('keeps the streak going until the current week is over', () => {
    const lastTwoWeeks = [
      { writtenAt: new Date('2027-01-06T12:00:00Z'), skillUsed: 'yes' as const },
      { writtenAt: new Date('2027-01-13T12:00:00Z'), skillUsed: 'yes' as const },
    ];
    expect(computeHabitWeeks(lastTwoWeeks, { now, timeZone, weekCount: 4 }).currentStreak).toBe(2);
    const withThisWeek = [
      ...lastTwoWeeks,
      { writtenAt: new Date('2027-01-19T12:00:00Z'), skillUsed: 'yes' as const },
    ];
    expect(computeHabitWeeks(withThisWeek, { now, timeZone, weekCount: 4 }).currentStreak).toBe(3);
  });

  it('breaks the streak at a week without practice and remembers the longest', () => {
    const summary = computeHabitWeeks(
      [
        { writtenAt: new Date('2026-12-09T12:00:00Z'), skillUsed: 'yes' },
        { writtenAt: new Date('2026-12-16T12:00:00Z'), skillUsed: 'yes' },
        { writtenAt: new Date('2026-12-23T12:00:00Z'), skillUsed: 'tried' },
        { writtenAt: new Date('2027-01-13T12:00:00Z'), skillUsed: 'yes' },
      ],
      { now, timeZone, weekCount: 8 },
    );
    expect(summary.currentStreak).toBe(1);
    expect(summary.longestStreak).toBe(3);
  });
});
