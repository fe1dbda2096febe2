import type { SuppressionReason } from './release-aggregates.ts';

/** Every reason the gate gives for hiding a figure, for API schemas. */
export const suppressionReasons = [
  'below-minimum',
  'rest-below-minimum',
  'reveals-small-group-by-subtraction',
] as const satisfies readonly SuppressionReason[];

/**
 * What a table says in place of a hidden figure, by why it is hidden: a group too small, too few
 * people left out, or a figure hidden only so that the figures shown cannot be subtracted. The last
 * never reads "fewer than N": the group behind it may be large (issue 11).
 */
export function describeHiddenFigure(reason: SuppressionReason, minimumGroupSize: number): string {
  switch (reason) {
    case 'below-minimum':
      return `fewer than ${minimumGroupSize} — hidden`;
    case 'rest-below-minimum':
      return `hidden: fewer than ${minimumGroupSize} left out`;
    case 'reveals-small-group-by-subtraction':
      return 'hidden so figures cannot be subtracted';
  }
}
