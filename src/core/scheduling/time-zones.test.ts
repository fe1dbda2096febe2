import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  formatLocalDateTime,
  isValidTimeZone,
  parseLocalDateTime,
  utcToZoned,
  zonedTimeToUtc,
} from './time-zones.ts';

const iso = (date: Date) => date.toISOString();

describe('isValidTimeZone', () => {
  it('knows IANA names and UTC', () => {
    for (const name of ['America/Toronto', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'UTC']) {
      expect(isValidTimeZone(name)).toBe(true);
    }
  });

  it('refuses unknown names, blanks and bare offsets', () => {
    for (const name of ['Mars/Olympus_Mons', '', '   ', ' UTC', '+05:30', '-04:00', 'Toronto']) {
      expect(isValidTimeZone(name)).toBe(false);
    }
  });

  it('spells a name the way the runtime does', () => {
    expect(canonicalTimeZone('america/toronto')).toBe('America/Toronto');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('nowhere')).toBeNull();
  });
});

describe('zonedTimeToUtc', () => {
  it('reads an ordinary local time with the offset in force that day', () => {
    expect(iso(zonedTimeToUtc('2027-01-12', 12, 0, 'America/Toronto'))).toBe('2027-01-12T17:00:00.000Z');
    expect(iso(zonedTimeToUtc('2027-07-13', 12, 0, 'America/Toronto'))).toBe('2027-07-13T16:00:00.000Z');
    expect(iso(zonedTimeToUtc('2027-01-12', 12, 0, 'Europe/London'))).toBe('2027-01-12T12:00:00.000Z');
    expect(iso(zonedTimeToUtc('2027-07-13', 12, 0, 'Europe/London'))).toBe('2027-07-13T11:00:00.000Z');
    expect(iso(zonedTimeToUtc('2027-01-12', 12, 0, 'Australia/Sydney'))).toBe('2027-01-12T01:00:00.000Z');
    expect(iso(zonedTimeToUtc('2027-07-13', 12, 0, 'Australia/Sydney'))).toBe('2027-07-13T02:00:00.000Z');
    expect(iso(zonedTimeToUtc('2027-01-12', 12, 15, 'Asia/Kolkata'))).toBe('2027-01-12T06:45:00.000Z');
  });

  it('moves a time in the spring-forward gap one hour later', () => {
    // Toronto: 2027-03-14 02:00 EST becomes 03:00 EDT.
    expect(iso(zonedTimeToUtc('2027-03-14', 2, 30, 'America/Toronto'))).toBe(
      iso(zonedTimeToUtc('2027-03-14', 3, 30, 'America/Toronto')),
    );
    expect(
      utcToZoned(zonedTimeToUtc('2027-03-14', 2, 0, 'America/Toronto'), 'America/Toronto'),
    ).toMatchObject({
      date: '2027-03-14',
      hour: 3,
      minute: 0,
    });
    // London: 2027-03-28 01:00 GMT becomes 02:00 BST.
    expect(iso(zonedTimeToUtc('2027-03-28', 1, 30, 'Europe/London'))).toBe('2027-03-28T01:30:00.000Z');
    // Sydney: 2027-10-03 02:00 AEST becomes 03:00 AEDT.
    expect(
      utcToZoned(zonedTimeToUtc('2027-10-03', 2, 30, 'Australia/Sydney'), 'Australia/Sydney'),
    ).toMatchObject({
      date: '2027-10-03',
      hour: 3,
      minute: 30,
    });
  });

  it('takes the first occurrence of a time repeated when clocks fall back', () => {
    // Toronto: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST) on 2027-11-07.
    expect(iso(zonedTimeToUtc('2027-11-07', 1, 30, 'America/Toronto'))).toBe('2027-11-07T05:30:00.000Z');
    // London: 01:30 happens at 00:30Z (BST) and 01:30Z (GMT) on 2027-10-31.
    expect(iso(zonedTimeToUtc('2027-10-31', 1, 30, 'Europe/London'))).toBe('2027-10-31T00:30:00.000Z');
    // Sydney: 02:30 happens at 15:30Z (AEDT) and 16:30Z (AEST), clocks falling back on 2027-04-04.
    expect(iso(zonedTimeToUtc('2027-04-04', 2, 30, 'Australia/Sydney'))).toBe('2027-04-03T15:30:00.000Z');
  });

  it('handles the hours either side of a change exactly', () => {
    expect(iso(zonedTimeToUtc('2027-03-14', 1, 59, 'America/Toronto'))).toBe('2027-03-14T06:59:00.000Z');
    expect(iso(zonedTimeToUtc('2027-03-14', 3, 0, 'America/Toronto'))).toBe('2027-03-14T07:00:00.000Z');
    expect(iso(zonedTimeToUtc('2027-11-07', 0, 59, 'America/Toronto'))).toBe('2027-11-07T04:59:00.000Z');
    expect(iso(zonedTimeToUtc('2027-11-07', 2, 0, 'America/Toronto'))).toBe('2027-11-07T07:00:00.000Z');
  });

  it('refuses malformed input with a RangeError', () => {
    expect(() => zonedTimeToUtc('2027-02-30', 12, 0, 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2027-01-12', 24, 0, 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2027-01-12', 12, 60, 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2027-01-12', 12.5, 0, 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2027-01-12', 12, 0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('utcToZoned', () => {
  it('gives the local date, time and weekday', () => {
    const instant = new Date('2027-01-12T17:00:00Z');
    expect(utcToZoned(instant, 'America/Toronto')).toEqual({
      date: '2027-01-12',
      hour: 12,
      minute: 0,
      weekday: 'tue',
    });
    expect(utcToZoned(instant, 'Asia/Kolkata')).toEqual({
      date: '2027-01-12',
      hour: 22,
      minute: 30,
      weekday: 'tue',
    });
    expect(utcToZoned(instant, 'Australia/Sydney')).toEqual({
      date: '2027-01-13',
      hour: 4,
      minute: 0,
      weekday: 'wed',
    });
    expect(utcToZoned(new Date('2027-01-12T03:00:00Z'), 'America/Toronto')).toEqual({
      date: '2027-01-11',
      hour: 22,
      minute: 0,
      weekday: 'mon',
    });
  });

  it('refuses an invalid Date and an unknown zone', () => {
    expect(() => utcToZoned(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
    expect(() => utcToZoned(new Date('2027-01-12T17:00:00Z'), 'Nowhere/Special')).toThrow(RangeError);
  });

  it('round-trips with zonedTimeToUtc, except the second pass of a repeated hour', () => {
    const zones = [
      'America/Toronto',
      'Europe/London',
      'Australia/Sydney',
      'Asia/Kolkata',
      'America/St_Johns',
    ];
    const from = Date.UTC(2026, 0, 1);
    const to = Date.UTC(2029, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: from / 60_000, max: to / 60_000 }),
        fc.constantFrom(...zones),
        (minute, zone) => {
          const instant = new Date(minute * 60_000);
          const local = utcToZoned(instant, zone);
          const back = zonedTimeToUtc(local.date, local.hour, local.minute, zone);
          expect(utcToZoned(back, zone)).toEqual(local);
          const earlierBy = instant.getTime() - back.getTime();
          expect([0, 3_600_000, 1_800_000]).toContain(earlierBy);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('local date-time text', () => {
  it('writes and reads a meeting time on the organisation’s clocks, wherever the reader is', () => {
    const instant = new Date('2027-01-12T17:00:00.000Z');
    expect(formatLocalDateTime(instant, 'America/Toronto')).toBe('2027-01-12T12:00');
    expect(formatLocalDateTime(instant, 'Europe/London')).toBe('2027-01-12T17:00');
    expect(parseLocalDateTime('2027-01-12T12:00', 'America/Toronto')?.toISOString()).toBe(
      instant.toISOString(),
    );
  });

  it('refuses text that is not a date and a time', () => {
    for (const text of ['', '2027-01-12', '12:00', '2027-13-01T12:00', '2027-01-12T25:00']) {
      expect(parseLocalDateTime(text, 'America/Toronto')).toBeNull();
    }
  });
});
