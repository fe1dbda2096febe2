import { describe, expect, it } from 'vitest';
import { type MeetingPlanRequest, planMeetings } from './recurrence.ts';
import { utcToZoned } from './time-zones.ts';

const base: MeetingPlanRequest = {
  slot: 'tue-12',
  timeZone: 'America/Toronto',
  termStart: '2027-01-11',
  termEnd: '2027-06-30',
  meetingCount: 6,
  cadenceWeeks: 2,
  meetingMinutes: 90,
  holidays: [],
};

const plan = (changes: Partial<MeetingPlanRequest>) => planMeetings({ ...base, ...changes });
const datesOf = (changes: Partial<MeetingPlanRequest>) =>
  plan(changes).meetings.map((meeting) => meeting.localDate);

describe('planMeetings', () => {
  it('starts on the first slot weekday on or after the term start', () => {
    expect(datesOf({ termStart: '2027-01-11' })[0]).toBe('2027-01-12');
    expect(datesOf({ termStart: '2027-01-12' })[0]).toBe('2027-01-12');
    expect(datesOf({ termStart: '2027-01-13' })[0]).toBe('2027-01-19');
  });

  it('numbers meetings from 1 and makes each last the meeting length', () => {
    const { meetings, problems } = plan({});
    expect(problems).toEqual([]);
    expect(meetings.map((meeting) => meeting.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const meeting of meetings) {
      expect(meeting.endsAt.getTime() - meeting.startsAt.getTime()).toBe(90 * 60_000);
    }
    expect(meetings[0]?.startsAt.toISOString()).toBe('2027-01-12T17:00:00.000Z');
  });

  it('meets every week, every 2 weeks or every 4 weeks', () => {
    expect(datesOf({ cadenceWeeks: 1, meetingCount: 4 })).toEqual([
      '2027-01-12',
      '2027-01-19',
      '2027-01-26',
      '2027-02-02',
    ]);
    expect(datesOf({ cadenceWeeks: 2, meetingCount: 4 })).toEqual([
      '2027-01-12',
      '2027-01-26',
      '2027-02-09',
      '2027-02-23',
    ]);
    expect(datesOf({ cadenceWeeks: 4, meetingCount: 4 })).toEqual([
      '2027-01-12',
      '2027-02-09',
      '2027-03-09',
      '2027-04-06',
    ]);
  });

  it('keeps 12:00 Toronto time across the spring change, so UTC moves an hour earlier', () => {
    // Clocks in Toronto spring forward on Sunday 2027-03-14.
    const { meetings } = plan({ termStart: '2027-03-01', cadenceWeeks: 1, meetingCount: 3 });
    expect(meetings.map((meeting) => meeting.localDate)).toEqual(['2027-03-02', '2027-03-09', '2027-03-16']);
    expect(meetings.map((meeting) => meeting.startsAt.toISOString())).toEqual([
      '2027-03-02T17:00:00.000Z',
      '2027-03-09T17:00:00.000Z',
      '2027-03-16T16:00:00.000Z',
    ]);
    for (const meeting of meetings) expect(utcToZoned(meeting.startsAt, 'America/Toronto').hour).toBe(12);
  });

  it('keeps 12:00 Toronto time across the autumn change, so UTC moves an hour later', () => {
    // Clocks in Toronto fall back on Sunday 2027-11-07.
    const { meetings } = plan({
      termStart: '2027-10-25',
      termEnd: '2027-12-20',
      cadenceWeeks: 1,
      meetingCount: 3,
    });
    expect(meetings.map((meeting) => meeting.startsAt.toISOString())).toEqual([
      '2027-10-26T16:00:00.000Z',
      '2027-11-02T16:00:00.000Z',
      '2027-11-09T17:00:00.000Z',
    ]);
  });

  it('keeps 12:00 London time across both of London’s changes', () => {
    // London springs forward on 2027-03-28 and falls back on 2027-10-31.
    const spring = plan({
      timeZone: 'Europe/London',
      termStart: '2027-03-22',
      cadenceWeeks: 1,
      meetingCount: 2,
    });
    expect(spring.meetings.map((meeting) => meeting.startsAt.toISOString())).toEqual([
      '2027-03-23T12:00:00.000Z',
      '2027-03-30T11:00:00.000Z',
    ]);
    const autumn = plan({
      timeZone: 'Europe/London',
      termStart: '2027-10-25',
      termEnd: '2027-12-20',
      cadenceWeeks: 1,
      meetingCount: 2,
    });
    expect(autumn.meetings.map((meeting) => meeting.startsAt.toISOString())).toEqual([
      '2027-10-26T11:00:00.000Z',
      '2027-11-02T12:00:00.000Z',
    ]);
    for (const meeting of [...spring.meetings, ...autumn.meetings]) {
      expect(utcToZoned(meeting.startsAt, 'Europe/London')).toMatchObject({
        hour: 12,
        minute: 0,
        weekday: 'tue',
      });
    }
  });

  it('skips a holiday and continues on the next cadence date', () => {
    const result = plan({ meetingCount: 4, holidays: ['2027-01-26', '2027-12-25'] });
    expect(result.meetings.map((meeting) => meeting.localDate)).toEqual([
      '2027-01-12',
      '2027-02-09',
      '2027-02-23',
      '2027-03-09',
    ]);
    expect(result.meetings.map((meeting) => meeting.sequence)).toEqual([1, 2, 3, 4]);
    expect(result.skippedHolidays).toEqual(['2027-01-26']);
    expect(result.problems).toEqual([]);
  });

  it('skips a holiday that falls on the very first meeting day', () => {
    expect(datesOf({ cadenceWeeks: 1, meetingCount: 2, holidays: ['2027-01-12'] })).toEqual([
      '2027-01-19',
      '2027-01-26',
    ]);
  });

  it('reports when fewer meetings fit in the term than planned', () => {
    const result = plan({ termStart: '2027-01-11', termEnd: '2027-03-01' });
    expect(result.meetings).toHaveLength(4);
    expect(result.problems).toEqual([
      'Only 4 of 6 meetings fit between 2027-01-11 and 2027-03-01 at every 2 weeks; extend the term or meet more often',
    ]);
  });

  it('matches the wording coordinators see for a short term', () => {
    // A Monday slot: 2027-01-11 … 2027-03-01 holds five fortnightly Mondays including both ends.
    const result = plan({ slot: 'mon-12', termStart: '2027-01-11', termEnd: '2027-03-01' });
    expect(result.meetings.map((meeting) => meeting.localDate)).toEqual([
      '2027-01-11',
      '2027-01-25',
      '2027-02-08',
      '2027-02-22',
    ]);
    const weekly = plan({ slot: 'mon-12', termStart: '2027-01-11', termEnd: '2027-02-08', cadenceWeeks: 1 });
    expect(weekly.meetings).toHaveLength(5);
    expect(weekly.problems).toEqual([
      'Only 5 of 6 meetings fit between 2027-01-11 and 2027-02-08 at every week; extend the term or plan fewer meetings',
    ]);
  });

  it('counts holidays that cost a meeting in the shortfall message', () => {
    const result = plan({ termEnd: '2027-03-23', holidays: ['2027-01-26'] });
    expect(result.meetings).toHaveLength(5);
    expect(result.problems[0]).toBe(
      'Only 5 of 6 meetings fit between 2027-01-11 and 2027-03-23 at every 2 weeks, skipping 1 holiday; extend the term or meet more often',
    );
  });

  it('includes a meeting on the last day of the term', () => {
    const result = plan({ termEnd: '2027-03-23' });
    expect(result.meetings.at(-1)?.localDate).toBe('2027-03-23');
    expect(result.problems).toEqual([]);
  });

  it('starts no meeting before notBefore and keeps the cadence from the first one', () => {
    // Published on Wednesday 2027-01-20: the first Tuesday after is 2027-01-26.
    const later = datesOf({ notBefore: new Date('2027-01-20T15:00:00Z'), meetingCount: 3 });
    expect(later).toEqual(['2027-01-26', '2027-02-09', '2027-02-23']);
    // Published on the Tuesday morning: that day's meeting still happens.
    const sameDay = datesOf({ notBefore: new Date('2027-01-19T14:00:00Z'), meetingCount: 1 });
    expect(sameDay).toEqual(['2027-01-19']);
    // Published after that Tuesday's start: the next Tuesday.
    const afterStart = datesOf({ notBefore: new Date('2027-01-19T17:00:01Z'), meetingCount: 1 });
    expect(afterStart).toEqual(['2027-01-26']);
    // Published before the term: the term start decides.
    expect(datesOf({ notBefore: new Date('2026-11-01T00:00:00Z'), meetingCount: 1 })).toEqual(['2027-01-12']);
  });

  it('reports a shortfall from notBefore when published late in the term', () => {
    const result = plan({ termEnd: '2027-03-01', notBefore: new Date('2027-02-10T12:00:00Z') });
    expect(result.meetings.map((meeting) => meeting.localDate)).toEqual(['2027-02-16']);
    expect(result.problems).toEqual([
      'Only 1 of 6 meetings fit between 2027-02-10 and 2027-03-01 at every 2 weeks; extend the term or meet more often',
    ]);
  });

  it('says so when notBefore is after the term', () => {
    const result = plan({ termEnd: '2027-03-01', notBefore: new Date('2027-04-01T12:00:00Z') });
    expect(result.meetings).toEqual([]);
    expect(result.problems).toEqual([
      'The term ends on 2027-03-01, before 2027-04-01; no meetings can be planned in it',
    ]);
  });

  it('moves a slot hour that does not exist on a spring-forward day an hour later', () => {
    const { meetings } = plan({ slot: 'sun-02', termStart: '2027-03-07', cadenceWeeks: 1, meetingCount: 2 });
    expect(meetings.map((meeting) => utcToZoned(meeting.startsAt, 'America/Toronto').hour)).toEqual([2, 3]);
  });

  it('plans in the organisation’s time zone, e.g. Sydney', () => {
    const { meetings } = plan({ timeZone: 'Australia/Sydney', slot: 'wed-18', meetingCount: 1 });
    expect(meetings[0]?.localDate).toBe('2027-01-13');
    expect(meetings[0]?.startsAt.toISOString()).toBe('2027-01-13T07:00:00.000Z');
  });

  it('answers invalid input with problems instead of throwing', () => {
    const result = planMeetings({
      ...base,
      slot: 'someday-12' as MeetingPlanRequest['slot'],
      timeZone: 'Nowhere',
      termStart: '2027-02-30',
      meetingCount: 0,
      cadenceWeeks: 1.5,
      meetingMinutes: -5,
      holidays: ['Christmas'],
    });
    expect(result.meetings).toEqual([]);
    expect(result.problems).toHaveLength(7);
    expect(result.problems.join(' ')).toMatch(/someday-12.*Nowhere.*2027-02-30.*Christmas/);
  });

  it('reports a term that ends before it starts', () => {
    const result = plan({ termStart: '2027-03-01', termEnd: '2027-01-11' });
    expect(result.meetings).toEqual([]);
    expect(result.problems).toEqual(['The term ends (2027-01-11) before it starts (2027-03-01).']);
  });
});
