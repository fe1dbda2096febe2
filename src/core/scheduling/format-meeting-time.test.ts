import { describe, expect, it } from 'vitest';
import { formatMeetingTime } from './format-meeting-time.ts';

const startsAt = new Date('2027-01-12T17:00:00Z');
const endsAt = new Date('2027-01-12T18:00:00Z');

describe('formatMeetingTime', () => {
  it('writes the day, the 24-hour times and the time zone', () => {
    expect(formatMeetingTime(startsAt, endsAt, 'America/Toronto')).toBe(
      'Tuesday 12 January 2027, 12:00–13:00 (America/Toronto)',
    );
  });

  it('shows the same meeting in another time zone', () => {
    expect(formatMeetingTime(startsAt, endsAt, 'Europe/London')).toBe(
      'Tuesday 12 January 2027, 17:00–18:00 (Europe/London)',
    );
    expect(formatMeetingTime(startsAt, endsAt, 'Asia/Kolkata')).toBe(
      'Tuesday 12 January 2027, 22:30–23:30 (Asia/Kolkata)',
    );
    expect(formatMeetingTime(startsAt, endsAt, 'Australia/Sydney')).toBe(
      'Wednesday 13 January 2027, 04:00–05:00 (Australia/Sydney)',
    );
  });

  it('keeps local time in summer', () => {
    expect(
      formatMeetingTime(
        new Date('2027-07-13T16:00:00Z'),
        new Date('2027-07-13T17:30:00Z'),
        'America/Toronto',
      ),
    ).toBe('Tuesday 13 July 2027, 12:00–13:30 (America/Toronto)');
  });

  it('writes both dates when a meeting runs past midnight', () => {
    expect(
      formatMeetingTime(
        new Date('2027-01-13T04:30:00Z'),
        new Date('2027-01-13T05:30:00Z'),
        'America/Toronto',
      ),
    ).toBe('Tuesday 12 January 2027, 23:30 – Wednesday 13 January 2027, 00:30 (America/Toronto)');
  });

  it('puts the day before the month in every English locale', () => {
    expect(formatMeetingTime(startsAt, endsAt, 'America/Toronto', 'en-US')).toBe(
      'Tuesday 12 January 2027, 12:00–13:00 (America/Toronto)',
    );
  });

  it('uses the language’s own date style elsewhere', () => {
    expect(formatMeetingTime(startsAt, endsAt, 'America/Toronto', 'fr-CA')).toMatch(
      /^mardi 12 janvier 2027, /,
    );
  });

  it('names the zone the way the runtime spells it', () => {
    expect(formatMeetingTime(startsAt, endsAt, 'america/toronto')).toMatch(/\(America\/Toronto\)$/);
  });
});
