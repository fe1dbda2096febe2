import { describe, expect, it } from 'vitest';
import { checkGroup } from '../../core/grouping/check-rules.ts';
import { evaluateGrouping } from '../../core/grouping/evaluate-grouping.ts';
import { formGroups } from '../../core/grouping/form-groups.ts';
import type { MipSolver } from '../../core/grouping/mip.ts';
import { diveForPartitions } from '../../core/grouping/partition-dive.ts';
import { prepareProblem } from '../../core/grouping/prepare.ts';
import { makeCohort, makeTightCohort } from '../../core/grouping/test-rosters.ts';
import { loadHighsSolver } from './highs-solver.ts';

const effort = 0.2;

describe('the set-partitioning dive for small tight cohorts', () => {
  it('ends lower than the annealing alone on tight rosters, placing everyone and breaking no rule', async () => {
    const solve = await loadHighsSolver();
    let lowerOn = 0;
    for (const seed of [1, 3]) {
      const input = { ...makeTightCohort(60, seed), effort };
      // Without a solver there is no dive; the annealing alone places everyone on these rosters.
      const annealed = formGroups(input);
      expect(annealed.unplaced).toEqual([]);
      const result = formGroups(input, { exact: { solve } });
      expect(result.unplaced).toEqual([]);
      expect(evaluateGrouping(input, { groups: result.groups }).violations).toEqual([]);
      expect(result.score.total).toBeLessThanOrEqual(annealed.score.total + 1e-9);
      if (result.score.total < annealed.score.total - 1e-6) lowerOn++;
    }
    expect(lowerOn).toBeGreaterThan(0);
  });

  it('returns every person in exactly one legal group, as many groups as it started with', async () => {
    const solve = await loadHighsSolver();
    const input = { ...makeTightCohort(60, 6), effort };
    const problem = prepareProblem(input);
    const start = formGroups(input).groups.map((group) =>
      group.memberIds.map((id) => problem.indexById.get(id) ?? -1),
    );
    const groupings = diveForPartitions(problem, start, new Uint8Array(problem.count), solve, 3);
    expect(groupings.length).toBeGreaterThan(0);
    for (const grouping of groupings) {
      expect(grouping).toHaveLength(start.length);
      const everyone = grouping.flat().sort((a, b) => a - b);
      expect(everyone).toEqual(Array.from({ length: problem.count }, (_, person) => person));
      for (const members of grouping) expect(checkGroup(problem, '', members, null).violations).toEqual([]);
    }
  });

  it('gives the same groups for the same roster and seed', async () => {
    const solve = await loadHighsSolver();
    const input = { ...makeTightCohort(60, 3), effort };
    const first = formGroups(input, { exact: { solve } });
    const second = formGroups(input, { exact: { solve } });
    expect(second.groups).toEqual(first.groups);
  });

  it('is not tried where group sizes are a range, as most programs’ are, so they form as fast as before', () => {
    let relaxations = 0;
    const counting: MipSolver = (model) => {
      if (model.isInteger.every((flag) => flag === 0)) relaxations++;
      return { status: 'failed', values: null, objective: null, bound: null, seconds: 0 };
    };
    const result = formGroups(
      { participants: makeCohort(40, { facilitators: 4 }), effort },
      { exact: { solve: counting } },
    );
    expect(result.unplaced).toEqual([]);
    expect(relaxations).toBe(0);
  });
});
