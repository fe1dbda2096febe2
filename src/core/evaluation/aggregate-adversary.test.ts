import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  engagementCohortArbitrary,
  engagementFigures,
  feedbackCohortArbitrary,
  feedbackFigures,
  personOfAnswer,
  personOfFact,
  reportCohortArbitrary,
  reportFigures,
  summarizeGeneratedFeedback,
  summarizeGeneratedReports,
} from './aggregate-figures.test-helper.ts';
import { findSmallDerivedGroups } from './small-group-adversary.test-helper.ts';

// Issue 11: the exact adversary of the outcome publications, pointed at every other aggregate a
// coordinator or leader reads. aggregate-adversary-weak-gate.test.ts runs the same adversary
// against a gate that judges each figure alone, and finds people there.
const minimum = fc.integer({ min: 3, max: 5 });

describe('everything a reader can combine from one summary gives nobody away', () => {
  it('feedback of people who answered once: means, both rating distributions, topics, listed comments', () => {
    fc.assert(
      fc.property(
        feedbackCohortArbitrary({ oneEach: true }),
        minimum,
        fc.integer({ min: 3, max: 6 }),
        (answers, k, comments) => {
          const summary = summarizeGeneratedFeedback(answers, k, comments);
          expect(findSmallDerivedGroups(feedbackFigures(summary, answers), k, personOfAnswer)).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('working conditions: totals, categories by week and unit, and listed texts', () => {
    fc.assert(
      fc.property(reportCohortArbitrary, minimum, fc.integer({ min: 3, max: 6 }), (reports, k, comments) => {
        const summary = summarizeGeneratedReports(reports, k, comments);
        expect(findSmallDerivedGroups(reportFigures(summary, reports), k)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('engagement: who attended, reflected and practised, per meeting', () => {
    fc.assert(
      fc.property(engagementCohortArbitrary, minimum, (meetings, k) => {
        expect(findSmallDerivedGroups(engagementFigures(meetings, k), k, personOfFact)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});
