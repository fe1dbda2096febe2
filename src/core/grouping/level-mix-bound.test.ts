import { describe, expect, it } from 'vitest';
import { formGroups } from './form-groups.ts';
import { evenSplitDeviation, levelMixQuality } from './level-mix-bound.ts';
import { scoreGroup } from './objective.ts';
import { prepareProblem } from './prepare.ts';
import { createRandom, shuffleInPlace } from './random.ts';
import { makeCohort } from './test-rosters.ts';

describe('the level-mix bound', () => {
  it('splits a level as evenly as integers allow', () => {
    expect(evenSplitDeviation(5, [2.5, 2.5])).toBeCloseTo(1);
    expect(evenSplitDeviation(3, [1, 1, 1])).toBeCloseTo(0);
    expect(evenSplitDeviation(4, [1, 1, 1])).toBeCloseTo(1);
    expect(evenSplitDeviation(2, [1, 1, 1])).toBeCloseTo(1);
    expect(evenSplitDeviation(3, [0.4, 0.4, 0.4, 0.4, 0.4])).toBeCloseTo(2.6);
  });

  it('is never above the level part of any grouping with the same sizes', () => {
    const participants = makeCohort(54, { facilitators: 6 });
    const problem = prepareProblem({ participants });
    const random = createRandom(11);
    const people = Array.from({ length: problem.count }, (_, person) => person);
    for (let trial = 0; trial < 200; trial++) {
      shuffleInPlace(people, random);
      const groups = [
        people.slice(0, 8),
        people.slice(8, 17),
        people.slice(17, 27),
        people.slice(27, 36),
        people.slice(36, 45),
        people.slice(45),
      ];
      const level = groups.reduce((sum, members) => sum + scoreGroup(problem, members, 0).level, 0);
      const quality = levelMixQuality(problem, groups, level);
      expect(quality.bound).toBeLessThanOrEqual(level + 1e-9);
    }
  });

  it('says "best possible" when the groups mirror the cohort as closely as integers allow', () => {
    // 2 facilitators and 18 learners over 6 levels, 3 per level: groups of 10 can hold 1 or 2 of each.
    const result = formGroups({ participants: makeCohort(20, { facilitators: 2 }), seed: 3 });
    expect(result.groups).toHaveLength(2);
    expect(result.levelMix.message).toBe('level mix: best possible');
    expect(result.levelMix.penalty).toBeCloseTo(result.levelMix.bound);
  });

  it('reports the gap when the groups could mix levels better', () => {
    const participants = makeCohort(20, { facilitators: 2 });
    const problem = prepareProblem({ participants });
    // Sorted by level: one group takes the first levels, the other the rest — as uneven as it gets.
    const byLevel = Array.from({ length: problem.count }, (_, person) => person).sort(
      (a, b) => problem.levelOf[a]! - problem.levelOf[b]!,
    );
    const groups = [byLevel.slice(0, 10), byLevel.slice(10)];
    const level = groups.reduce((sum, members) => sum + scoreGroup(problem, members, 0).level, 0);
    const quality = levelMixQuality(problem, groups, level);
    expect(quality.isBestPossible).toBe(false);
    expect(quality.penalty - quality.bound).toBeGreaterThan(10);
  });
});
