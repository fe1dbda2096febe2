import { describe, expect, it } from 'vitest';
import { computeFollowUpSchedule, findFollowUpDaysProblems, planFollowUps } from './plan-follow-ups.ts';

const topic = {
  followUpPrompts: ['When did you notice stress this week?', 'What helped?'],
  catchUpSummary: 'We practised box breathing.',
};
const endsAt = new Date('2027-01-12T18:00:00Z');

describe('planFollowUps', () => {
  it('schedules each step its days after the meeting ends', () => {
    expect(computeFollowUpSchedule(endsAt, [1, 7, 30]).map((date) => date.toISOString())).toEqual([
      '2027-01-13T18:00:00.000Z',
      '2027-01-19T18:00:00.000Z',
      '2027-02-11T18:00:00.000Z',
    ]);
  });

  it('sends attendees one prompt per step, cycling through the topic’s prompts', () => {
    const planned = planFollowUps({
      meetingEndsAt: endsAt,
      followUpDays: [1, 7, 30],
      attendance: 'present',
      topic,
    });
    expect(planned.map((followUp) => [followUp.step, followUp.kind, followUp.prompt])).toEqual([
      [0, 'prompt', 'When did you notice stress this week?'],
      [1, 'prompt', 'What helped?'],
      [2, 'prompt', 'When did you notice stress this week?'],
    ]);
  });

  it('sends people who missed the meeting the catch-up summary once, with the first step', () => {
    for (const attendance of ['absent', 'excused'] as const) {
      const planned = planFollowUps({ meetingEndsAt: endsAt, followUpDays: [2, 7], attendance, topic });
      expect(planned).toEqual([
        { step: 0, kind: 'catch-up', prompt: topic.catchUpSummary, dueAt: new Date('2027-01-14T18:00:00Z') },
      ]);
    }
  });

  it('plans nothing for a topic without prompts', () => {
    expect(
      planFollowUps({
        meetingEndsAt: endsAt,
        followUpDays: [1],
        attendance: 'present',
        topic: { followUpPrompts: [], catchUpSummary: '' },
      }),
    ).toEqual([]);
  });

  it('names what is wrong with a schedule', () => {
    expect(findFollowUpDaysProblems([1, 7, 30])).toEqual([]);
    expect(findFollowUpDaysProblems([])).toHaveLength(1);
    expect(findFollowUpDaysProblems([7, 1])).toEqual([
      'List the follow-up days in increasing order, each once.',
    ]);
    expect(findFollowUpDaysProblems([1, 120])[0]).toMatch(/0 to 90/);
  });
});
