import { describe, expect, it } from 'vitest';
import {
  conversationsToCancel,
  planConversationMove,
  type ScheduledConversation,
} from './change-schedule.ts';

const now = new Date('2027-03-01T12:00:00Z');
const hour = 3_600_000;

function conversation(sequence: number, startsAt: string, cancelledAt: Date | null = null) {
  const start = new Date(startsAt);
  return {
    id: `c${sequence}`,
    sequence,
    startsAt: start,
    endsAt: new Date(start.getTime() + hour),
    cancelledAt,
  };
}

const series: ScheduledConversation[] = [
  conversation(1, '2027-02-15T16:00:00Z'),
  conversation(2, '2027-03-01T11:30:00Z'),
  conversation(3, '2027-03-15T16:00:00Z'),
  conversation(4, '2027-03-29T16:00:00Z'),
];

describe('conversationsToCancel', () => {
  it('cancels only what has not begun, keeping one under way and the ones before it', () => {
    expect(conversationsToCancel(series, now).map((item) => item.sequence)).toEqual([3, 4]);
  });

  it('does not cancel a conversation twice', () => {
    const cancelledOnce = series.map((item) => (item.sequence === 4 ? { ...item, cancelledAt: now } : item));
    expect(conversationsToCancel(cancelledOnce, now).map((item) => item.sequence)).toEqual([3]);
  });
});

describe('planConversationMove', () => {
  const third = series[2] as ScheduledConversation;
  const move = (date: string, time: string, timeZone = 'UTC') =>
    planConversationMove(third, series, { date, time, timeZone, now });

  it('keeps the length and reads the time on the mover’s clock', () => {
    const plan = move('2027-03-17', '09:30', 'America/Toronto');
    expect(plan.problems).toEqual([]);
    // Toronto is on EDT (UTC−4) from 14 March 2027.
    expect(plan.startsAt?.toISOString()).toBe('2027-03-17T13:30:00.000Z');
    expect(plan.endsAt?.toISOString()).toBe('2027-03-17T14:30:00.000Z');
  });

  it('refuses a time in the past', () => {
    expect(move('2027-03-01', '11:00').problems).toEqual([
      { field: 'date', message: 'must be in the future' },
    ]);
  });

  it('keeps the order of the series', () => {
    expect(move('2027-03-01', '12:15').problems[0]?.message).toBe('must be after conversation 2 ends');
    expect(move('2027-03-29', '15:30').problems[0]?.message).toBe('must end before conversation 4 starts');
    expect(move('2027-03-29', '15:00').problems).toEqual([]);
  });

  it('ignores cancelled neighbours', () => {
    const withoutFourth = series.map((item) => (item.sequence === 4 ? { ...item, cancelledAt: now } : item));
    expect(
      planConversationMove(third, withoutFourth, { date: '2027-04-20', time: '10:00', timeZone: 'UTC', now })
        .problems,
    ).toEqual([]);
  });

  it('names every malformed field', () => {
    expect(move('15/03/2027', '25:00', 'Mars/Olympus').problems.map((problem) => problem.field)).toEqual([
      'date',
      'time',
      'timeZone',
    ]);
  });
});
