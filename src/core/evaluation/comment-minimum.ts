import { lowestMinimumGroupSize } from './release-aggregates.ts';
import { defaultCommentMinimum } from './release-comments.ts';

/** Beyond this, comments would in practice never appear; a typo more likely than an intent. */
export const highestCommentMinimum = 500;

/**
 * Free text says more about its writer than a count does, so it needs at least as many writers as
 * any figure needs people: the comment minimum is never below the minimum reporting size (nor 3).
 */
export function lowestCommentMinimum(minimumReportingGroupSize: number): number {
  return Math.max(lowestMinimumGroupSize, minimumReportingGroupSize);
}

/** The comment minimum in force: the organisation's (default 10), raised to the reporting size if below it. */
export function effectiveCommentMinimum(settings: {
  commentMinimum?: number | undefined;
  minimumReportingGroupSize: number;
}): number {
  return Math.max(
    settings.commentMinimum ?? defaultCommentMinimum,
    lowestCommentMinimum(settings.minimumReportingGroupSize),
  );
}

/** What is wrong with `commentMinimum` beside `minimumReportingGroupSize`, or null when nothing is. */
export function commentMinimumProblem(
  commentMinimum: number,
  minimumReportingGroupSize: number,
): string | null {
  if (!Number.isInteger(commentMinimum)) return 'must be a whole number';
  const lowest = lowestCommentMinimum(minimumReportingGroupSize);
  if (commentMinimum < lowest) {
    return lowest === lowestMinimumGroupSize
      ? `must be at least ${lowest}`
      : `must be at least ${lowest}, the minimum reporting group size`;
  }
  if (commentMinimum > highestCommentMinimum) return `must be at most ${highestCommentMinimum}`;
  return null;
}
