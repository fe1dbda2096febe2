import { describe, expect, it } from 'vitest';
import { planConversations } from './plan-conversations.ts';

const request = {
  firstDate: '2027-02-25',
  time: '16:00',
  timeZone: 'America/Toronto',
  cadenceWeeks: 2,
  count: 4,
  minutes: 60,
  now: new Date('2027-01-01T00:00:00Z'),
};

describe('planConversations', () => {
  it('keeps the same local time across a daylight-saving change', () => {
    const { conversations, problems } = planConversations(request);
    expect(problems).toEqual([]);
    // Toronto moves to EDT on 14 March 2027: 16:00 is 21:00 UTC before and 20:00 UTC after.
    expect(conversations.map((conversation) => conversation.startsAt.toISOString())).toEqual([
      '2027-02-25T21:00:00.000Z',
      '2027-03-11T21:00:00.000Z',
      '2027-03-25T20:00:00.000Z',
      '2027-04-08T20:00:00.000Z',
    ]);
    expect(conversations[0]?.endsAt.toISOString()).toBe('2027-02-25T22:00:00.000Z');
  });

  it('names every field that is wrong', () => {
    const { problems } = planConversations({
      ...request,
      firstDate: '25/02/2027',
      time: '25:00',
      timeZone: 'Mars/Olympus',
      cadenceWeeks: 0,
      count: 100,
      minutes: 5,
    });
    expect(problems.map((problem) => problem.field).sort()).toEqual(
      ['cadenceWeeks', 'count', 'firstDate', 'minutes', 'time', 'timeZone'].sort(),
    );
  });

  it('refuses a first conversation in the past', () => {
    const { problems } = planConversations({ ...request, now: new Date('2027-03-01T00:00:00Z') });
    expect(problems).toEqual([{ field: 'firstDate', message: 'must be in the future' }]);
  });
});
