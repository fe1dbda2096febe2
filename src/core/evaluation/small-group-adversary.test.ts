import { describe, expect, it } from 'vitest';
import { findSmallDerivedGroups } from './small-group-adversary.test-helper.ts';

const people = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `p${from + index}`);

describe('the adversary of counts and sums (test helper)', () => {
  it('finds the one person a total minus its part leaves', () => {
    const found = findSmallDerivedGroups([people(1, 6), people(1, 5)], 5);
    expect(found.map((group) => group.people)).toEqual([['p6']]);
  });

  it('finds the overlap of two cells and their union by inclusion–exclusion', () => {
    const found = findSmallDerivedGroups([people(1, 6), people(5, 10), people(1, 10)], 5);
    expect(found.map((group) => group.people)).toContainEqual(['p5', 'p6']);
  });

  it('finds nothing in a total alone, nor in the mixed difference of two overlapping cells', () => {
    expect(findSmallDerivedGroups([people(1, 6)], 5)).toEqual([]);
    expect(findSmallDerivedGroups([people(1, 6), [...people(1, 5), 'p7']], 5)).toEqual([]);
  });

  it('counts people, not answers: two answers of one person are one person', () => {
    const answers = ['p1:m1', 'p2:m1', 'p3:m1', 'p4:m1', 'p5:m1', 'p5:m2', 'p6:m2'];
    const found = findSmallDerivedGroups(
      [answers, answers.slice(0, 5)],
      5,
      (answer) => answer.split(':')[0] ?? '',
    );
    expect(found.map((group) => group.people)).toEqual([['p5', 'p6']]);
  });
});
