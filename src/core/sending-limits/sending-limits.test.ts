import { describe, expect, it } from 'vitest';
import { decideSending, describeDuration, describeRefusal } from './sending-limits.ts';

const minute = 60_000;
const rules = [
  { limit: 3, windowMs: 10 * minute },
  { limit: 5, windowMs: 60 * minute },
];

function sendAll(times: number[]) {
  let history: number[] = [];
  const decisions = times.map((time) => {
    const decision = decideSending(history, time, rules);
    if (decision.isAllowed) history = decision.sentAt;
    return decision;
  });
  return { decisions, history };
}

describe('decideSending', () => {
  it('allows up to the limit in a window and refuses the next, saying when it frees up', () => {
    const { decisions } = sendAll([0, minute, 2 * minute, 3 * minute]);
    expect(decisions.map((decision) => decision.isAllowed)).toEqual([true, true, true, false]);
    expect(decisions[3]).toMatchObject({ isAllowed: false, retryAt: 10 * minute });
  });

  it('allows again once the oldest send leaves the window', () => {
    const { decisions } = sendAll([0, minute, 2 * minute, 10 * minute + 1]);
    expect(decisions.at(-1)?.isAllowed).toBe(true);
  });

  it('holds the longer window too: the sixth in an hour waits for the hour', () => {
    const times = [0, 1, 2, 20 * minute, 20 * minute + 1, 40 * minute];
    const { decisions } = sendAll(times);
    expect(decisions.map((decision) => decision.isAllowed)).toEqual([true, true, true, true, true, false]);
    expect(decisions.at(-1)).toMatchObject({ retryAt: 60 * minute, rule: rules[1] });
  });

  it('refuses a flood after the limit, keeping only what the longest window needs', () => {
    const { decisions, history } = sendAll(Array.from({ length: 2536 }, (_, index) => index * 20));
    expect(decisions.filter((decision) => decision.isAllowed)).toHaveLength(3);
    expect(history).toHaveLength(3);
  });
});

describe('describeRefusal', () => {
  it('says what the limit is and when to try again, in words', () => {
    expect(describeRefusal('recognition', { limit: 10, windowMs: 10 * minute }, 7 * minute - 5)).toBe(
      'You sent 10 recognitions in the last 10 minutes, the most Tend allows. You can send again in 7 minutes.',
    );
    expect(describeDuration(1)).toBe('1 minute');
    expect(describeDuration(90 * minute)).toBe('2 hours');
    expect(describeDuration(24 * 60 * minute)).toBe('1 day');
  });
});
