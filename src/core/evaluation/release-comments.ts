import { lowestMinimumGroupSize } from './release-aggregates.ts';

/** The fewest people who must have written before free-text answers are shown. */
export const defaultCommentMinimum = 10;

export type FreeTextAnswer = { personId: string; text: string };

export type CommentRelease =
  | { status: 'released'; respondentCount: number; comments: readonly string[] }
  | { status: 'withheld'; minimumRespondents: number; message: string };

/**
 * Free-text answers for one group, shown only once at least `minimumRespondents` different people
 * (default 10, never below 3) have written something. Released comments carry no person and are
 * sorted by their text, so neither the order of answering nor who wrote what can be read off.
 *
 * Comments for nested or overlapping groups would let a reader spot the extra comments of the
 * people in one group and not the other: release comments for one level of grouping only.
 */
export function releaseComments(
  answers: readonly FreeTextAnswer[],
  minimumRespondents: number = defaultCommentMinimum,
): CommentRelease {
  const minimum = Number.isFinite(minimumRespondents)
    ? Math.max(lowestMinimumGroupSize, Math.ceil(minimumRespondents))
    : defaultCommentMinimum;
  const written = answers
    .map((answer) => ({ ...answer, text: answer.text.trim() }))
    .filter((answer) => answer.text);
  const respondentCount = new Set(written.map((answer) => answer.personId)).size;
  if (respondentCount < minimum) {
    return {
      status: 'withheld',
      minimumRespondents: minimum,
      message: `Comments appear once at least ${minimum} people have written one.`,
    };
  }
  const comments = written.map((answer) => answer.text).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { status: 'released', respondentCount, comments };
}
