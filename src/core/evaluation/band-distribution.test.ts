import { describe, expect, it } from 'vitest';
import { proqol5 } from '../instruments/proqol-5.ts';
import { bandCells, groupByBand } from './band-distribution.ts';
import { releaseAggregates } from './release-aggregates.ts';

describe('groupByBand', () => {
  const burnout = proqol5.subscales.find((subscale) => subscale.id === 'burnout')!;

  it('puts each person in the band of their score, every band listed in order', () => {
    const groups = groupByBand(burnout, [
      { personId: 'a', score: 22 },
      { personId: 'b', score: 23 },
      { personId: 'c', score: 41 },
      { personId: 'd', score: 42 },
      { personId: 'e', score: 30 },
    ]);
    expect(groups).toEqual([
      { bandId: 'low', label: 'Lower', personIds: ['a'] },
      { bandId: 'moderate', label: 'Moderate', personIds: ['b', 'c', 'e'] },
      { bandId: 'high', label: 'Higher', personIds: ['d'] },
    ]);
  });

  it('lists empty bands and refuses a score outside every band', () => {
    expect(groupByBand(burnout, []).map((group) => group.personIds.length)).toEqual([0, 0, 0]);
    expect(() => groupByBand(burnout, [{ personId: 'a', score: 9 }])).toThrow(RangeError);
  });

  it('turns bands into cells so that a small band, and the band that would give it away, stay hidden', () => {
    // 12 people: 5 lower (20), 5 moderate (30), 2 higher (45).
    const scores = [
      ...['a', 'b', 'c', 'd', 'e'].map((personId) => ({ personId, score: 20 })),
      ...['f', 'g', 'h', 'i', 'j'].map((personId) => ({ personId, score: 30 })),
      ...['k', 'l'].map((personId) => ({ personId, score: 45 })),
    ];
    const group = {
      id: 'program',
      memberIds: scores.map((s) => s.personId),
      figures: null,
    };
    const release = releaseAggregates<unknown>({
      cells: [group, ...bandCells('program', groupByBand(burnout, scores))],
    });
    expect(
      release.cells.map((cell) => [cell.id, cell.status === 'released' ? cell.memberCount : cell.reason]),
    ).toEqual([
      ['program', 12],
      ['program/band/low', 'reveals-small-group-by-subtraction'],
      ['program/band/moderate', 5],
      ['program/band/high', 'below-minimum'],
    ]);
  });
});
