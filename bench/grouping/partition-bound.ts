/**
 * A lower bound on the engine's objective from the set-partitioning relaxation, by column
 * generation (issue 13, proof of quality). The compact MIP (optimum.ts) has a weak relaxation:
 * spreading everyone fractionally over the groups makes every group look like the cohort, so its
 * bound ignores the interests part and most of the level and discipline parts, and HiGHS cannot
 * close the gap in 60 s even at 60 people. Choosing whole groups instead keeps each group's own
 * trade-offs (levels, disciplines, one topic, one hour) inside the relaxation:
 *
 *   min Σj cost[j]·λ[j]   Σ{j ∋ i} λ[j] = 1 for every person,   Σj λ[j] = G,   λ ≥ 0
 *
 * over every legal group j. The columns are generated: given the duals π (people) and μ (the
 * group count), the cheapest group for one hour, one facilitator set, one size and one topic is a
 * min-cost flow — source → level → discipline → sink, one unit per member, each level's and each
 * discipline's cost |count − share·size| convex in its flow, each person's cost (not sharing the
 * topic, minus π) on the arc from their level to their discipline. Every group's cost is at least
 * the flow's for its own top topic, so the cheapest over all choices is the exact pricing problem.
 *
 * Two rule families are dropped, which only lowers the bound: conflict pairs among members who
 * are not facilitators, and previous-groupmate pairs (their penalty is never negative). Valid at
 * any iteration (Lagrangian bound): z_LP + G · min reduced cost. Only for groupings that place
 * everyone, with at most 2 facilitators per group.
 */

import {
  cheapestGroup,
  facilitatorSetsOf,
  type PricingData,
  pricedSlotsOf,
} from '../../src/core/grouping/cheapest-group.ts';
import { isFreeAt } from '../../src/core/grouping/check-rules.ts';
import type { GroupingInput } from '../../src/core/grouping/model.ts';
import { experienceTargetOf, scoreGroup } from '../../src/core/grouping/objective.ts';
import { type Problem, prepareProblem } from '../../src/core/grouping/prepare.ts';

export type PartitionBound = {
  /** Proven lower bound on the penalty of any grouping that places everyone in `groupCount` groups. */
  bound: number;
  /** The restricted master's LP value when generation stopped (equal to `bound` when converged). */
  lpValue: number;
  isConverged: boolean;
  rounds: number;
  columns: number;
  seconds: number;
};

type HighsLp = {
  options: { set(values: Record<string, unknown>): unknown };
  passModel(model: unknown): unknown;
  addCol(
    cost: number,
    lower: number,
    upper: number,
    entries: { indices: Int32Array; values: Float64Array },
  ): unknown;
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { rowDual: Float64Array; colDual: Float64Array };
  dispose(): void;
};
type HighsRuntime = { createModel(): HighsLp; infinity: number };

/** The penalty the relaxation charges a group: the engine's, without previous-groupmate pairs. */
function relaxedCost(problem: Problem, members: readonly number[], experienceTarget: number): number {
  const score = scoreGroup(problem, members, experienceTarget);
  return score.total - score.history;
}

/**
 * `start`: a complete grouping (member ids per group), the first columns. Null when the bound does
 * not apply (someone left out, more than 2 facilitators per group, pinned people).
 */
export async function partitionBound(
  input: GroupingInput,
  start: readonly { memberIds: readonly string[] }[],
  timeLimitSeconds: number,
): Promise<PartitionBound | null> {
  const started = performance.now();
  const problem = prepareProblem(input);
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const groupCount = start.length;
  const startGroups = start.map((group) => group.memberIds.map((id) => problem.indexById.get(id) ?? -1));
  const placed = startGroups.reduce((sum, members) => sum + members.length, 0);
  if (
    groupCount === 0 ||
    placed !== problem.count ||
    startGroups.some((members) => members.includes(-1)) ||
    facilitatorsPerGroup.max > 2 ||
    problem.pinIds.length > 0
  ) {
    return null;
  }
  // With everyone placed, the experience target is the same for every grouping.
  const experienceTarget = experienceTargetOf(problem, startGroups);
  const loader = (await import('highs')) as unknown as { default: () => Promise<HighsRuntime> };
  const highs = await loader.default();

  const facilitatorSets = facilitatorSetsOf(problem);
  const slots = pricedSlotsOf(problem);

  // Master LP: one row per person (= 1) and the group count (= G); columns are groups.
  const lp = highs.createModel();
  const personRows = problem.count;
  const countRow = personRows;
  const seen = new Set<string>();
  const columnCosts: number[] = [];
  const pricing: PricingData = { problem, experienceTarget };
  try {
    lp.options.set({ output_flag: false });
    lp.passModel({
      numCols: 0,
      numRows: personRows + 1,
      colCost: new Float64Array(0),
      colLower: new Float64Array(0),
      colUpper: new Float64Array(0),
      rowLower: Float64Array.from({ length: personRows + 1 }, (_, row) =>
        row === countRow ? groupCount : 1,
      ),
      rowUpper: Float64Array.from({ length: personRows + 1 }, (_, row) =>
        row === countRow ? groupCount : 1,
      ),
      matrix: {
        format: 'csr',
        numRows: personRows + 1,
        numCols: 0,
        starts: new Int32Array(personRows + 2),
        indices: new Int32Array(0),
        values: new Float64Array(0),
      },
    });
    const addGroup = (members: readonly number[]) => {
      const sorted = [...members].sort((a, b) => a - b);
      const key = sorted.join(',');
      if (seen.has(key)) return false;
      seen.add(key);
      const cost = relaxedCost(problem, sorted, experienceTarget);
      columnCosts.push(cost);
      lp.addCol(cost, 0, highs.infinity, {
        indices: Int32Array.from([...sorted, countRow]),
        values: new Float64Array(sorted.length + 1).fill(1),
      });
      return true;
    };
    for (const members of startGroups) addGroup(members);

    let bound = Number.NEGATIVE_INFINITY;
    let lpValue = Number.NaN;
    let rounds = 0;
    let isConverged = false;
    while ((performance.now() - started) / 1000 < timeLimitSeconds) {
      rounds++;
      lp.run();
      if (lp.getModelStatus() !== 7) break;
      lpValue = lp.getObjectiveValue();
      const duals = lp.getSolution().rowDual;
      const personDual = Float64Array.from({ length: personRows }, (_, person) => duals[person]!);
      const countDual = duals[countRow]!;
      let minimumReducedCost = 0;
      const found: number[][] = [];
      for (const slot of slots) {
        for (const facilitatorSet of facilitatorSets) {
          if (!facilitatorSet.every((person) => isFreeAt(problem, person, slot))) continue;
          for (let size = groupSize.min; size <= groupSize.max; size++) {
            const best = cheapestGroup(pricing, personDual, slot, facilitatorSet, size);
            if (!best) continue;
            const reducedCost = best.cost - countDual;
            if (reducedCost < minimumReducedCost) minimumReducedCost = reducedCost;
            if (reducedCost < -1e-7) found.push(best.members);
          }
        }
      }
      bound = Math.max(bound, lpValue + groupCount * minimumReducedCost);
      let added = 0;
      for (const members of found) if (addGroup(members)) added++;
      if (added === 0) {
        isConverged = minimumReducedCost > -1e-7;
        break;
      }
    }
    if (!Number.isFinite(bound)) return null;
    return {
      bound,
      lpValue,
      isConverged,
      rounds,
      columns: columnCosts.length,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    lp.dispose();
  }
}
