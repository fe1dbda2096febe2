import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
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
import type { AggregateRelease } from './release-aggregates.ts';
import { findSmallDerivedGroups } from './small-group-adversary.test-helper.ts';

// The adversary must be able to fail. Here summaries are released through two weaker gates, and
// the adversary of aggregate-adversary.test.ts finds people through each:
// - the gate most tools use: each figure judged alone, hidden below the minimum, nothing else;
// - Tend's own gate told nothing of whose each answer is, so it counts answers, not people
//   (eight answers of two people are not a group of two to it).
const weakness = vi.hoisted(() => ({ gate: 'judged alone' as 'judged alone' | 'counts answers' }));
vi.mock('./release-aggregates.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./release-aggregates.ts')>();
  const weakGate = <Figures>(
    input: Parameters<typeof original.releaseAggregates<Figures>>[0],
  ): AggregateRelease<Figures> => {
    if (weakness.gate === 'counts answers') {
      const { personOf: _whose, ...countingAnswers } = input;
      return original.releaseAggregates(countingAnswers);
    }
    const minimumGroupSize = original.effectiveMinimumGroupSize(input.minimumGroupSize);
    const cells = input.cells.map((cell) => {
      const memberCount = new Set(cell.memberIds).size;
      return memberCount >= minimumGroupSize
        ? { id: cell.id, status: 'released' as const, memberCount, figures: cell.figures }
        : {
            id: cell.id,
            status: 'suppressed' as const,
            reason: 'below-minimum' as const,
            explanation: 'fewer than the minimum',
          };
    });
    return {
      minimumGroupSize,
      cells,
      released: cells.flatMap((cell) => (cell.status === 'released' ? [cell] : [])),
      suppressed: cells.flatMap((cell) => (cell.status === 'suppressed' ? [cell] : [])),
    };
  };
  return { ...original, releaseAggregates: weakGate };
});

const minimum = fc.integer({ min: 3, max: 5 });
const findsSomeone = <Values extends unknown[]>(property: fc.IProperty<Values>) =>
  expect(fc.check(property, { numRuns: 300, seed: 11 }).failed).toBe(true);

describe('the same adversary against a gate that judges each figure alone', () => {
  it('finds a person in feedback', () => {
    findsSomeone(
      fc.property(feedbackCohortArbitrary({ oneEach: true }), minimum, (answers, k) => {
        const summary = summarizeGeneratedFeedback(answers, k, 3);
        expect(findSmallDerivedGroups(feedbackFigures(summary, answers), k, personOfAnswer)).toEqual([]);
      }),
    );
  });

  it('finds a small count in working-condition reports', () => {
    findsSomeone(
      fc.property(reportCohortArbitrary, minimum, (reports, k) => {
        const summary = summarizeGeneratedReports(reports, k, 3);
        expect(findSmallDerivedGroups(reportFigures(summary, reports), k)).toEqual([]);
      }),
    );
  });

  it('finds the few who did not reflect', () => {
    findsSomeone(
      fc.property(engagementCohortArbitrary, minimum, (meetings, k) => {
        expect(findSmallDerivedGroups(engagementFigures(meetings, k), k, personOfFact)).toEqual([]);
      }),
    );
  });
});

describe('the same adversary against the gate counting answers, not the people who gave them', () => {
  it('finds a few people behind many answers in feedback about several meetings', () => {
    weakness.gate = 'counts answers';
    try {
      findsSomeone(
        fc.property(feedbackCohortArbitrary(), minimum, (answers, k) => {
          const summary = summarizeGeneratedFeedback(answers, k, 3);
          expect(findSmallDerivedGroups(feedbackFigures(summary, answers), k, personOfAnswer)).toEqual([]);
        }),
      );
    } finally {
      weakness.gate = 'judged alone';
    }
  });
});
