import { describe, expect, it } from 'vitest';
import {
  addMonths,
  isOpenFor,
  isReminderDue,
  personalOpening,
  planWindowSeries,
} from './assessment-windows.ts';

const at = (iso: string) => new Date(iso);

describe('planWindowSeries', () => {
  it('spaces a quarterly series three calendar months apart with the same length', () => {
    const plan = planWindowSeries({
      kind: 'every-3-months',
      opensAt: at('2027-01-31T09:00:00Z'),
      closesAt: at('2027-02-14T09:00:00Z'),
      occurrences: 3,
    });
    expect(plan).toEqual([
      { sequence: 1, opensAt: at('2027-01-31T09:00:00Z'), closesAt: at('2027-02-14T09:00:00Z') },
      { sequence: 2, opensAt: at('2027-04-30T09:00:00Z'), closesAt: at('2027-05-14T09:00:00Z') },
      { sequence: 3, opensAt: at('2027-07-31T09:00:00Z'), closesAt: at('2027-08-14T09:00:00Z') },
    ]);
  });

  it('makes one window for a baseline, whatever the occurrences', () => {
    const plan = planWindowSeries({
      kind: 'baseline-at-enrolment',
      opensAt: at('2027-01-01T00:00:00Z'),
      closesAt: at('2027-03-01T00:00:00Z'),
      occurrences: 5,
    });
    expect(plan).toHaveLength(1);
  });

  it('says what to fix for windows that close before they open or overlap their next occurrence', () => {
    expect(
      planWindowSeries({
        kind: 'end-of-term',
        opensAt: at('2027-02-01'),
        closesAt: at('2027-01-01'),
        occurrences: 1,
      }),
    ).toMatchObject({ field: 'closesAt' });
    expect(
      planWindowSeries({
        kind: 'every-3-months',
        opensAt: at('2027-01-01'),
        closesAt: at('2027-05-01'),
        occurrences: 2,
      }),
    ).toMatchObject({ field: 'closesAt' });
    expect(
      planWindowSeries({
        kind: 'every-6-months',
        opensAt: at('2027-01-01'),
        closesAt: at('2027-02-01'),
        occurrences: 13,
      }),
    ).toMatchObject({ field: 'occurrences' });
  });

  it('keeps the last day of the month when adding months', () => {
    expect(addMonths(at('2027-08-31T00:00:00Z'), 6)).toEqual(at('2028-02-29T00:00:00Z'));
  });
});

describe('baseline at enrolment', () => {
  const window = {
    kind: 'baseline-at-enrolment' as const,
    opensAt: at('2027-01-01T00:00:00Z'),
    closesAt: at('2027-06-01T00:00:00Z'),
    closedAt: null,
  };

  it('opens for a person when they enrol, not before', () => {
    const enrolled = at('2027-02-10T12:00:00Z');
    expect(personalOpening(window, enrolled)).toEqual(enrolled);
    expect(isOpenFor(window, enrolled, at('2027-02-10T11:00:00Z'))).toBe(false);
    expect(isOpenFor(window, enrolled, at('2027-02-10T13:00:00Z'))).toBe(true);
  });

  it('opens with the window for people who enrolled earlier, and closes early when closed by hand', () => {
    expect(personalOpening(window, at('2026-12-01T00:00:00Z'))).toEqual(window.opensAt);
    const closed = { ...window, closedAt: at('2027-03-01T00:00:00Z') };
    expect(isOpenFor(closed, null, at('2027-03-02T00:00:00Z'))).toBe(false);
  });

  it('makes the reminder due the given number of days after the person’s own opening', () => {
    const enrolled = at('2027-02-10T00:00:00Z');
    const reminded = { ...window, reminderAfterDays: 3 };
    expect(isReminderDue(reminded, enrolled, at('2027-02-12T23:00:00Z'))).toBe(false);
    expect(isReminderDue(reminded, enrolled, at('2027-02-13T00:00:00Z'))).toBe(true);
  });
});
