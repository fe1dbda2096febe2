import { describe, expect, it } from 'vitest';
import { explainRecommendations, findNextCandidates, type ParticipantVoice } from './recommend-next.ts';

const topics = [
  { id: 'stress-anxiety-and-burnout', title: 'Stress, anxiety and burnout', tags: ['burnout', 'stress'] },
  { id: 'self-care-and-boundaries', title: 'Self-care and boundaries', tags: ['boundaries', 'self-care'] },
  { id: 'growth-mindset', title: 'Growth mindset', tags: ['growth-mindset'] },
];

function voice(personId: string, overrides: Partial<ParticipantVoice> = {}): ParticipantVoice {
  return {
    personId,
    enrolmentInterests: [],
    topicsWanted: [],
    enrolmentAvailability: [],
    preferredTimes: [],
    ...overrides,
  };
}

describe('findNextCandidates', () => {
  it('counts a person once per topic whether they asked at enrolment or in feedback', () => {
    const result = findNextCandidates({
      topics,
      voices: [
        voice('a', { enrolmentInterests: ['boundaries'], topicsWanted: ['self-care-and-boundaries'] }),
        voice('b', { topicsWanted: ['self-care-and-boundaries'] }),
        voice('c', { enrolmentInterests: ['burnout'] }),
      ],
    });
    expect(result.topics.map((topic) => [topic.topicId, topic.memberIds.length])).toEqual([
      ['self-care-and-boundaries', 2],
      ['stress-anxiety-and-burnout', 1],
    ]);
    expect(result.respondentIds).toEqual(['a', 'b', 'c']);
  });

  it('does not propose a topic the program already held', () => {
    const result = findNextCandidates({
      topics,
      voices: [voice('a', { enrolmentInterests: ['burnout', 'growth-mindset'] })],
      heldTopicIds: ['stress-anxiety-and-burnout'],
    });
    expect(result.topics.map((topic) => topic.topicId)).toEqual(['growth-mindset']);
  });

  it('lets the hours given in feedback replace the hours given at enrolment', () => {
    const result = findNextCandidates({
      topics,
      voices: [
        voice('a', { enrolmentAvailability: ['mon-09'], preferredTimes: ['tue-12'] }),
        voice('b', { enrolmentAvailability: ['tue-12', 'mon-09'] }),
        voice('c', { enrolmentAvailability: ['tue-12'] }),
      ],
    });
    expect(result.times.map((time) => [time.label, time.memberIds])).toEqual([
      ['Tuesdays 12:00–13:00', ['a', 'b', 'c']],
      ['Mondays 09:00–10:00', ['b']],
    ]);
    expect(result.respondentIds).toEqual(['a', 'b', 'c']);
  });

  it('breaks ties by library order and by the earlier hour of the week, and keeps to the limit', () => {
    const result = findNextCandidates({
      topics,
      limit: 2,
      voices: [
        voice('a', {
          enrolmentInterests: ['growth-mindset', 'stress', 'self-care'],
          enrolmentAvailability: ['fri-08', 'tue-07', 'wed-10'],
        }),
      ],
    });
    expect(result.topics.map((topic) => topic.topicId)).toEqual([
      'stress-anxiety-and-burnout',
      'self-care-and-boundaries',
    ]);
    expect(result.times.map((time) => time.slot)).toEqual(['tue-07', 'wed-10']);
  });

  it('ignores entries that are not hours of the week', () => {
    const result = findNextCandidates({ topics, voices: [voice('a', { preferredTimes: ['tuesday'] })] });
    expect(result.times).toEqual([]);
    expect(result.respondentIds).toEqual([]);
  });
});

describe('explainRecommendations', () => {
  it('says in plain words how many of how many asked', () => {
    const recommendations = explainRecommendations({
      topics: [{ topicId: 'growth-mindset', title: 'Growth mindset', count: 7 }],
      times: [{ slot: 'tue-12', label: 'Tuesdays 12:00–13:00', count: 6 }],
      respondents: 9,
    });
    expect(recommendations.map((item) => item.explanation)).toEqual([
      '7 of 9 respondents asked for Growth mindset (at enrolment or in feedback).',
      '6 of 9 respondents can meet Tuesdays 12:00–13:00.',
    ]);
  });

  it('leaves out a candidate whose count or denominator was hidden', () => {
    const topics = [{ topicId: 'growth-mindset', title: 'Growth mindset', count: null }];
    const times = [{ slot: 'tue-12', label: 'Tuesdays 12:00–13:00', count: 6 }];
    expect(explainRecommendations({ topics, times, respondents: 9 }).map((item) => item.id)).toEqual([
      'tue-12',
    ]);
    expect(explainRecommendations({ topics, times, respondents: null })).toEqual([]);
  });
});
