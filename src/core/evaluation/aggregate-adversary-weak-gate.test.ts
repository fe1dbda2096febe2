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
import type { AggregateCell, AggregateRelease } from './release-aggregates.ts';
import { findSmallDerivedGroups } from './small-group-adversary.test-helper.ts';

// The adversary must be able to fail: here every summary is released through the gate most tools
// use — each figure judged alone, hidden below the minimum, nothing else — and the adversary of
// aggregate-adversary.test.ts finds people in each of the three aggregates.
vi.mock('./release-aggregates.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('./release-aggregates.ts')>();
  const judgedAlone = <Figures>(input: {
    cells: readonly AggregateCell<Figures>[];
    minimumGroupSize?: number;
  }): AggregateRelease<Figures> => {
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
  return { ...original, releaseAggregates: judgedAlone };
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
