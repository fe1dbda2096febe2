import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentMinimumProblem, effectiveCommentMinimum } from './comment-minimum.ts';

describe('comment minimum', () => {
  it('accepts any whole number from the reporting size (at least 3) up to 500', () => {
    expect(commentMinimumProblem(3, 3)).toBeNull();
    expect(commentMinimumProblem(10, 5)).toBeNull();
    expect(commentMinimumProblem(7, 7)).toBeNull();
    expect(commentMinimumProblem(500, 5)).toBeNull();
  });

  it('names the bound that a rejected value breaks', () => {
    expect(commentMinimumProblem(2, 3)).toBe('must be at least 3');
    expect(commentMinimumProblem(6, 8)).toBe('must be at least 8, the minimum reporting group size');
    expect(commentMinimumProblem(501, 5)).toBe('must be at most 500');
    expect(commentMinimumProblem(5.5, 5)).toBe('must be a whole number');
  });

  it('in force is never below the reporting size nor 3, and defaults to 10', () => {
    expect(effectiveCommentMinimum({ minimumReportingGroupSize: 5 })).toBe(10);
    expect(effectiveCommentMinimum({ minimumReportingGroupSize: 12 })).toBe(12);
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 600 }), fc.integer({ min: 0, max: 100 }), (minimum, size) => {
        const effective = effectiveCommentMinimum({
          commentMinimum: minimum,
          minimumReportingGroupSize: size,
        });
        expect(effective).toBeGreaterThanOrEqual(Math.max(3, size));
        if (commentMinimumProblem(minimum, size) === null) expect(effective).toBe(minimum);
      }),
    );
  });
});
