import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedbackAnswer, Rating } from './feedback-form.ts';
import { findNextCandidates } from './recommend-next.ts';
import { summarizeFeedback } from './summarize-feedback.ts';

const topics = [
  { id: 'stress-anxiety-and-burnout', title: 'Stress, anxiety and burnout', tags: ['burnout'] },
  { id: 'self-care-and-boundaries', title: 'Self-care and boundaries', tags: ['boundaries'] },
  { id: 'growth-mindset', title: 'Growth mindset', tags: ['growth-mindset'] },
];
const topicTitles = new Map(topics.map((topic) => [topic.id, topic.title]));
const noCandidates = findNextCandidates({ voices: [], topics });

function answer(personId: string, overrides: Partial<FeedbackAnswer> = {}): FeedbackAnswer {
  return {
    personId,
    topicId: 'stress-anxiety-and-burnout',
    usefulness: 4,
    feltSafe: 5,
    keep: '',
    change: '',
    ...overrides,
  };
}

describe('summarizeFeedback', () => {
  it('shows a program’s means once enough people answered, and hides them below the minimum', () => {
    const six = Array.from({ length: 6 }, (_, index) =>
      answer(`p${index}`, { usefulness: index < 3 ? 4 : 2 }),
    );
    const shown = summarizeFeedback({ answers: six, topicTitles, candidates: noCandidates });
    expect(shown.overall).toEqual({
      status: 'released',
      people: 6,
      figures: { answers: 6, usefulnessMean: 3, feltSafeMean: 5 },
    });
    const hidden = summarizeFeedback({ answers: six.slice(0, 4), topicTitles, candidates: noCandidates });
    expect(hidden.overall.status).toBe('suppressed');
  });

  it('withholds comments until the comment minimum of people have written one', () => {
    const nine = Array.from({ length: 9 }, (_, index) => answer(`p${index}`, { keep: `keep ${index}` }));
    expect(summarizeFeedback({ answers: nine, topicTitles, candidates: noCandidates }).keep.status).toBe(
      'withheld',
    );
    const ten = [...nine, answer('p9', { keep: 'keep 9' })];
    const released = summarizeFeedback({ answers: ten, topicTitles, candidates: noCandidates }).keep;
    expect(released.status).toBe('released');
    expect(released.status === 'released' ? released.comments.length : 0).toBe(10);
  });

  it('explains recommendations from released counts: 6 of 6 asked for a topic', () => {
    const voices = Array.from({ length: 6 }, (_, index) => ({
      personId: `p${index}`,
      enrolmentInterests: [],
      topicsWanted: ['growth-mindset'],
      enrolmentAvailability: ['tue-12'],
      preferredTimes: [],
    }));
    const summary = summarizeFeedback({
      answers: voices.map((voice) => answer(voice.personId)),
      topicTitles,
      candidates: findNextCandidates({ voices, topics }),
    });
    expect(summary.recommendations.map((item) => item.explanation)).toEqual([
      '6 of 6 respondents asked for Growth mindset (at enrolment or in feedback).',
      '6 of 6 respondents can meet Tuesdays 12:00–13:00.',
    ]);
  });

  it('keeps the ratings when a few of the people enrolled did not answer', () => {
    const voices = Array.from({ length: 8 }, (_, index) => ({
      personId: `p${index}`,
      enrolmentInterests: [],
      topicsWanted: [],
      enrolmentAvailability: ['tue-12'],
      preferredTimes: [],
    }));
    const summary = summarizeFeedback({
      answers: voices.slice(0, 6).map((voice) => answer(voice.personId)),
      topicTitles,
      candidates: findNextCandidates({ voices, topics }),
    });
    expect(summary.overall).toMatchObject({ status: 'released', people: 6 });
    expect(summary.recommendations.map((item) => item.explanation)).toEqual([
      '8 of 8 respondents can meet Tuesdays 12:00–13:00.',
    ]);
  });

  it('never releases a figure about fewer than the minimum, nor a recommendation that could be subtracted', () => {
    const rating = fc.integer({ min: 1, max: 5 }).map((value) => value as Rating);
    const person = fc.integer({ min: 0, max: 13 }).map((index) => `p${index}`);
    const answerArbitrary = fc.record({
      personId: person,
      topicId: fc.constantFrom(null, ...topics.map((topic) => topic.id)),
      usefulness: rating,
      feltSafe: rating,
      keep: fc.constantFrom('', 'the check-in'),
      change: fc.constantFrom('', 'more time'),
    });
    const voiceArbitrary = fc.record({
      personId: person,
      enrolmentInterests: fc.subarray(['burnout', 'boundaries', 'growth-mindset']),
      topicsWanted: fc.subarray(topics.map((topic) => topic.id)),
      enrolmentAvailability: fc.subarray(['tue-12', 'wed-18', 'thu-09']),
      preferredTimes: fc.subarray(['tue-12', 'wed-18']),
    });
    fc.assert(
      fc.property(
        fc.array(answerArbitrary, { maxLength: 30 }),
        fc.array(voiceArbitrary, { maxLength: 14 }),
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 3, max: 10 }),
        (answers, voices, minimumGroupSize, commentMinimum) => {
          const summary = summarizeFeedback({
            answers,
            topicTitles,
            candidates: findNextCandidates({ voices, topics }),
            minimumGroupSize,
            commentMinimum,
          });
          const figures = [
            summary.overall,
            ...summary.usefulness.map((band) => band.figure),
            ...summary.feltSafe.map((band) => band.figure),
            ...summary.topics.map((topic) => topic.figure),
          ];
          for (const figure of figures) {
            if (figure.status === 'released') expect(figure.people).toBeGreaterThanOrEqual(minimumGroupSize);
          }
          for (const recommendation of summary.recommendations) {
            const [count = 0, of = 0] = (recommendation.explanation.match(/\d+/g) ?? []).map(Number);
            expect(count).toBeGreaterThanOrEqual(minimumGroupSize);
            const left = of - count;
            expect(left === 0 || left >= minimumGroupSize).toBe(true);
          }
          for (const [comments, pick] of [
            [summary.keep, (entry: FeedbackAnswer) => entry.keep],
            [summary.change, (entry: FeedbackAnswer) => entry.change],
          ] as const) {
            const writers = new Set(answers.filter((entry) => pick(entry)).map((entry) => entry.personId));
            // Too few writers always withholds; enough may still withhold when the listed texts
            // would let someone subtract a hidden figure.
            if (writers.size < commentMinimum) expect(comments.status).toBe('withheld');
            if (comments.status === 'released') {
              expect(comments.respondentCount).toBeGreaterThanOrEqual(
                Math.max(commentMinimum, minimumGroupSize),
              );
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
