import { describe, expect, it } from 'vitest';
import { type FixedReason, placePinned, planGroups } from './group-plan.ts';
import { GroupingState } from './grouping-state.ts';
import { searchFromConstructions, searchFromSeveralSeeds } from './multi-start.ts';
import { prepareProblem } from './prepare.ts';
import { makeTightCohort } from './test-rosters.ts';

/** The engine's start for a roster (as formGroups sets it up), searched by `search`. */
function searchedFrom(
  seed: number,
  search: typeof searchFromConstructions,
  roster = makeTightCohort(60, seed),
): { placed: number; penalty: number; groupOf: Int32Array } {
  const problem = prepareProblem(roster);
  const state = new GroupingState(problem, 10);
  const fixed = new Map<number, FixedReason>();
  placePinned(state, fixed);
  const plan = planGroups(state, fixed);
  search(state, plan, fixed, seed, 0.1, false);
  return { placed: state.placedCount, penalty: state.total(), groupOf: state.groupOf.slice() };
}

describe('searching a small cohort from several seeds', () => {
  it('never ends worse than the single search, and is better on some tight rosters', () => {
    let better = 0;
    for (const seed of [1, 2, 3]) {
      const single = searchedFrom(seed, searchFromConstructions);
      const several = searchedFrom(seed, searchFromSeveralSeeds);
      expect(several.placed).toBeGreaterThanOrEqual(single.placed);
      if (several.placed === single.placed)
        expect(several.penalty).toBeLessThanOrEqual(single.penalty + 1e-9);
      if (several.placed > single.placed || several.penalty < single.penalty - 1e-9) better++;
    }
    expect(better).toBeGreaterThan(0);
  });

  it('searches once where group sizes are a range, as most programs’ are, so they form as fast as before', () => {
    const roster = makeTightCohort(60, 5);
    const ranged = { ...roster, rules: { ...roster.rules, groupSize: { min: 8, max: 10 } } };
    expect(searchedFrom(5, searchFromSeveralSeeds, ranged).groupOf).toEqual(
      searchedFrom(5, searchFromConstructions, ranged).groupOf,
    );
  });

  it('gives the same groups for the same roster and seed', () => {
    expect(searchedFrom(4, searchFromSeveralSeeds).groupOf).toEqual(
      searchedFrom(4, searchFromSeveralSeeds).groupOf,
    );
  });
});
