import { describe, expect, it } from 'vitest';
import { releaseAfterEarlier } from './release-after-earlier.ts';

const people = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => `p${from + index}`);

describe('releaseAfterEarlier', () => {
  it('hides a new total that differs from an earlier released one by fewer than the minimum', () => {
    const earlier = [
      {
        key: 'monday',
        cells: [{ id: 'total', memberIds: people(0, 10), figures: null }],
        decisions: { total: 'released' as const },
      },
    ];
    const later = releaseAfterEarlier({
      cells: [{ id: 'total', memberIds: people(0, 12), figures: 12 }],
      earlier,
    });
    // Twelve now, ten on Monday: the two in between would be known.
    expect(later.decisions).toEqual({ total: 'reveals-small-group-by-subtraction' });
    const enough = releaseAfterEarlier({
      cells: [{ id: 'total', memberIds: people(0, 15), figures: 15 }],
      earlier,
    });
    expect(enough.decisions).toEqual({ total: 'released' });
    expect(enough.release.cells).toEqual([{ id: 'total', status: 'released', memberCount: 15, figures: 15 }]);
  });

  it('keeps hidden what an earlier release hid, and ignores cells it never had', () => {
    const earlier = [
      {
        key: 'monday',
        cells: [
          { id: 'a', memberIds: people(0, 6), figures: null },
          { id: 'b', memberIds: people(6, 6), figures: null },
        ],
        decisions: { a: 'reveals-small-group-by-subtraction' as const },
      },
    ];
    const later = releaseAfterEarlier({ cells: [{ id: 'a', memberIds: people(0, 6), figures: 6 }], earlier });
    expect(later.decisions).toEqual({ a: 'released' });
  });
});
