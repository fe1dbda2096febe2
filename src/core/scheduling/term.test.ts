import { describe, expect, it } from 'vitest';
import { findMeetingMoveProblems, findTermProblems, overlaps, type TermSettings } from './term.ts';

const term: TermSettings = {
  termStart: '2027-01-11',
  termEnd: '2027-04-26',
  enrolmentOpens: '2026-12-01',
  enrolmentCloses: '2027-01-04',
  meetingCount: 6,
  cadenceWeeks: 2,
  meetingMinutes: 90,
  groupSizeMin: 8,
  groupSizeMax: 10,
};

const problemsOf = (changes: Partial<TermSettings>) => findTermProblems({ ...term, ...changes });
const fieldsOf = (changes: Partial<TermSettings>) => problemsOf(changes).map((problem) => problem.field);

describe('findTermProblems', () => {
  it('finds nothing wrong with a sensible term', () => {
    expect(findTermProblems(term)).toEqual([]);
  });

  it('asks for a term that ends after it starts', () => {
    expect(problemsOf({ termEnd: '2027-01-11' })).toContainEqual({
      field: 'termEnd',
      message: 'The term must end after it starts.',
    });
    expect(fieldsOf({ termEnd: '2026-12-31', enrolmentCloses: '2026-12-30' })).toEqual(['termEnd']);
  });

  it('asks for dates written yyyy-mm-dd', () => {
    const problems = problemsOf({ termStart: '11/01/2027', enrolmentOpens: '2026-02-30' });
    expect(problems.map((problem) => problem.field)).toEqual(['termStart', 'enrolmentOpens']);
    expect(problems[0]?.message).toBe(
      "Enter the term's first day as a date written yyyy-mm-dd, e.g. 2027-01-11.",
    );
  });

  it('wants enrolment to open before it closes', () => {
    expect(problemsOf({ enrolmentOpens: '2027-01-04' })).toEqual([
      { field: 'enrolmentOpens', message: 'Enrolment must open before it closes.' },
    ]);
    expect(fieldsOf({ enrolmentOpens: '2027-01-05' })).toEqual(['enrolmentOpens']);
  });

  it('wants enrolment to close on or before the last day of the term', () => {
    expect(problemsOf({ enrolmentCloses: '2027-04-26' })).toEqual([]);
    expect(problemsOf({ enrolmentCloses: '2027-04-27' })).toEqual([
      {
        field: 'enrolmentCloses',
        message: "Enrolment must close on or before the term's last day (2027-04-26).",
      },
    ]);
  });

  it('keeps meeting length between 15 and 240 minutes', () => {
    expect(problemsOf({ meetingMinutes: 15 })).toEqual([]);
    expect(problemsOf({ meetingMinutes: 240 })).toEqual([]);
    for (const meetingMinutes of [14, 241, 0, 60.5, Number.NaN]) {
      expect(problemsOf({ meetingMinutes })).toEqual([
        {
          field: 'meetingMinutes',
          message: 'A meeting must last between 15 and 240 minutes (a whole number).',
        },
      ]);
    }
  });

  it('keeps the cadence between 1 and 8 weeks', () => {
    expect(fieldsOf({ cadenceWeeks: 1 })).toEqual([]);
    expect(fieldsOf({ cadenceWeeks: 0 })).toEqual(['cadenceWeeks']);
    expect(fieldsOf({ cadenceWeeks: 9 })).toEqual(['cadenceWeeks']);
    expect(problemsOf({ cadenceWeeks: 9 })[0]?.message).toBe(
      'Meetings must be between 1 and 8 weeks apart (a whole number).',
    );
  });

  it('keeps the number of meetings between 1 and 52', () => {
    expect(fieldsOf({ meetingCount: 1 })).toEqual([]);
    expect(fieldsOf({ meetingCount: 0 })).toEqual(['meetingCount']);
    expect(
      fieldsOf({ meetingCount: 53, cadenceWeeks: 1, termEnd: '2028-12-31', enrolmentCloses: '2027-01-04' }),
    ).toEqual(['meetingCount']);
    expect(fieldsOf({ meetingCount: 52, cadenceWeeks: 1, termEnd: '2028-12-31' })).toEqual([]);
  });

  it('keeps group sizes between 3 and 20, the smallest not above the largest', () => {
    expect(fieldsOf({ groupSizeMin: 3, groupSizeMax: 20 })).toEqual([]);
    expect(fieldsOf({ groupSizeMin: 2 })).toEqual(['groupSizeMin']);
    expect(fieldsOf({ groupSizeMax: 21 })).toEqual(['groupSizeMax']);
    expect(problemsOf({ groupSizeMin: 10, groupSizeMax: 8 })).toEqual([
      { field: 'groupSizeMax', message: 'The largest group size (8) must be at least the smallest (10).' },
    ]);
    expect(problemsOf({ groupSizeMin: 9, groupSizeMax: 9 })).toEqual([]);
  });

  it('says when the meetings cannot fit in the term, and what to do', () => {
    expect(problemsOf({ termEnd: '2027-03-01', enrolmentCloses: '2027-01-04' })).toEqual([
      {
        field: 'meetingCount',
        message:
          '6 meetings every 2 weeks need 10 weeks from the first to the last, but the term runs only 7 weeks ' +
          '(2027-01-11 to 2027-03-01); extend the term, plan fewer meetings or meet more often.',
      },
    ]);
    expect(problemsOf({ termEnd: '2027-03-22' })).toEqual([]);
    expect(problemsOf({ termEnd: '2027-03-21' })[0]?.message).toContain('runs only 9 weeks and 6 days');
  });

  it('reports every problem at once', () => {
    expect(
      fieldsOf({
        termEnd: '2027-01-01',
        enrolmentOpens: '2027-01-10',
        meetingMinutes: 5,
        cadenceWeeks: 10,
        meetingCount: 100,
        groupSizeMin: 1,
        groupSizeMax: 50,
      }),
    ).toEqual([
      'termEnd',
      'enrolmentOpens',
      'enrolmentCloses',
      'meetingMinutes',
      'cadenceWeeks',
      'meetingCount',
      'groupSizeMin',
      'groupSizeMax',
    ]);
  });
});

describe('findMeetingMoveProblems', () => {
  const now = new Date('2027-02-01T15:00:00Z');
  const startsAt = new Date('2027-02-09T17:00:00Z');
  const endsAt = new Date('2027-02-09T18:30:00Z');

  it('accepts a move to a later time', () => {
    expect(findMeetingMoveProblems({ startsAt, endsAt, now })).toEqual([]);
  });

  it('refuses a move into the past', () => {
    expect(
      findMeetingMoveProblems({
        startsAt: new Date('2027-01-26T17:00:00Z'),
        endsAt: new Date('2027-01-26T18:30:00Z'),
        now,
      }),
    ).toEqual([
      {
        field: 'startsAt',
        message: 'A meeting cannot be moved into the past; choose a start time later than now.',
      },
    ]);
    const anHourAfter = (instant: Date) => new Date(instant.getTime() + 3_600_000);
    const justBefore = new Date(now.getTime() - 1);
    expect(
      findMeetingMoveProblems({ startsAt: justBefore, endsAt: anHourAfter(justBefore), now }),
    ).toHaveLength(1);
    expect(findMeetingMoveProblems({ startsAt: now, endsAt: anHourAfter(now), now })).toEqual([]);
  });

  it('wants the meeting to end after it starts', () => {
    expect(findMeetingMoveProblems({ startsAt, endsAt: startsAt, now })).toEqual([
      { field: 'endsAt', message: 'The meeting must end after it starts.' },
    ]);
  });

  it('allows at most 4 hours', () => {
    const fourHours = new Date(startsAt.getTime() + 4 * 3_600_000);
    expect(findMeetingMoveProblems({ startsAt, endsAt: fourHours, now })).toEqual([]);
    expect(
      findMeetingMoveProblems({ startsAt, endsAt: new Date(fourHours.getTime() + 60_000), now }),
    ).toEqual([
      { field: 'endsAt', message: 'A meeting can last at most 4 hours; choose an earlier end time.' },
    ]);
  });

  it('keeps the meeting within the term, by the organisation’s calendar', () => {
    const lastEvening = new Date('2027-03-02T01:00:00Z'); // 2027-03-01 20:00 in Toronto
    const move = { startsAt: lastEvening, endsAt: new Date('2027-03-02T02:00:00Z'), now };
    expect(findMeetingMoveProblems({ ...move, termEnd: '2027-03-01', timeZone: 'America/Toronto' })).toEqual(
      [],
    );
    expect(findMeetingMoveProblems({ ...move, termEnd: '2027-03-01', timeZone: 'Europe/London' })).toEqual([
      { field: 'startsAt', message: 'The term ends on 2027-03-01; choose a day on or before it.' },
    ]);
  });

  it('asks for valid times', () => {
    expect(findMeetingMoveProblems({ startsAt: new Date(Number.NaN), endsAt, now })).toEqual([
      { field: 'startsAt', message: 'Enter a valid start time.' },
    ]);
  });
});

describe('overlaps', () => {
  it('sees terms that share days', () => {
    expect(
      overlaps({ start: '2027-01-11', end: '2027-03-01' }, { start: '2027-02-01', end: '2027-05-01' }),
    ).toBe(true);
    expect(
      overlaps({ start: '2027-02-01', end: '2027-02-10' }, { start: '2027-01-11', end: '2027-03-01' }),
    ).toBe(true);
  });

  it('counts a shared first or last day as an overlap', () => {
    expect(
      overlaps({ start: '2027-01-11', end: '2027-03-01' }, { start: '2027-03-01', end: '2027-05-01' }),
    ).toBe(true);
    expect(
      overlaps({ start: '2027-03-01', end: '2027-05-01' }, { start: '2027-01-11', end: '2027-03-01' }),
    ).toBe(true);
  });

  it('sees terms that follow each other as separate', () => {
    expect(
      overlaps({ start: '2027-01-11', end: '2027-03-01' }, { start: '2027-03-02', end: '2027-05-01' }),
    ).toBe(false);
    expect(
      overlaps({ start: '2027-09-01', end: '2027-12-01' }, { start: '2027-01-11', end: '2027-03-01' }),
    ).toBe(false);
  });
});
