import { describe, expect, it } from 'vitest';
import { describeHiddenFigure, suppressionReasons } from './describe-hidden-figure.ts';
import { releaseAggregates } from './release-aggregates.ts';

describe('describeHiddenFigure', () => {
  it('says a figure hidden to stop a subtraction is hidden for that, not that its group is small', () => {
    // Eight people and seven of them: the difference would be one person, so one cell goes.
    const everyone = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const release = releaseAggregates({
      cells: [
        { id: 'all', memberIds: everyone, figures: null },
        { id: 'most', memberIds: everyone.slice(1), figures: null },
      ],
      minimumGroupSize: 5,
    });
    const [hidden] = release.suppressed;
    expect(hidden?.reason).toBe('reveals-small-group-by-subtraction');
    const text = describeHiddenFigure(hidden!.reason, 5);
    expect(text).toBe('hidden so figures cannot be subtracted');
    expect(text).not.toContain('fewer than');
  });

  it('says a group too small, or too few left out, is hidden for that', () => {
    expect(describeHiddenFigure('below-minimum', 5)).toBe('fewer than 5 — hidden');
    expect(describeHiddenFigure('rest-below-minimum', 7)).toBe('hidden: fewer than 7 left out');
  });

  it('has a sentence for every reason the gate gives', () => {
    for (const reason of suppressionReasons) expect(describeHiddenFigure(reason, 5)).toMatch(/hidden/);
  });
});
