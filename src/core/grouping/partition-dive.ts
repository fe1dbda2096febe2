/**
 * Price and dive (issue 13, small cohorts): a second, structurally different search for a complete
 * grouping, beside the annealing. On tight rosters which hour each group meets at decides most of
 * the penalty, and annealing rarely moves a whole group to another hour; the set-partitioning
 * relaxation sees every hour at once.
 *
 *   min Σj cost[j]·λ[j]   Σ{j ∋ i} λ[j] = 1 for every person,   Σj λ[j] = G,   λ ≥ 0
 *
 * over legal groups j, generated as they are needed (column generation, priced exactly by
 * cheapest-group.ts). A dive then turns the fractional answer into a grouping: first it settles,
 * one facilitator at a time, the hour the relaxation leans on most for them (regenerating groups
 * after each), then, one group at a time, the group it uses most, until the answer is whole.
 * Each person and the group count also get a costly artificial column, so the relaxation stays
 * solvable after any choice and its duals keep steering the generation.
 *
 * Measured on the tight class at n = 60, 20 rosters (docs/grouping.md): with eight dives the
 * engine ends lower on all 20 and reaches every optimum HiGHS proved (seed 12: 52.64 against
 * 59.64 before); one dive alone can end above the annealing, so the caller keeps the better.
 * Deterministic: no clock, and LPs solve to optimality.
 */

import { cheapestGroup, facilitatorSetsOf, type PricingData, pricedSlotsOf } from './cheapest-group.ts';
import { checkGroup, isFreeAt } from './check-rules.ts';
import { MipBuilder, type MipSolver } from './mip.ts';
import { experienceTargetOf, scoreGroup } from './objective.ts';
import type { Problem } from './prepare.ts';

type Column = { members: number[]; facilitators: number[]; cost: number };
type Relaxation = { columns: Column[]; weights: Float64Array; usesArtificial: boolean };

/** LPs solved per dive at most: bounds the time on any roster (under a second at 60 people). */
const mostLpSolves = 400;

/**
 * Complete groupings of everyone not in `outside`, in `start.length` groups, one per dive that
 * ends with one. `start`: the current grouping (its groups are the first columns). Dive k settles
 * first the hour of rank k by the relaxation's weight (0: the heaviest), so the dives explore
 * different starts.
 */
export function diveForPartitions(
  problem: Problem,
  start: readonly (readonly number[])[],
  outside: Uint8Array,
  solve: MipSolver,
  diveCount: number,
): number[][][] {
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  if (facilitatorsPerGroup.max > 2 || start.length === 0) return [];
  const experienceTarget = experienceTargetOf(problem, start);
  const pricing: PricingData = { problem, experienceTarget };
  const facilitatorSets = facilitatorSetsOf(problem);
  const slots = pricedSlotsOf(problem);

  const startCost = start.reduce(
    (sum, members) => sum + scoreGroup(problem, members, experienceTarget).total,
    0,
  );
  // Dearer than the whole starting grouping: the relaxation uses one only when it must.
  const artificialCost = 2 * startCost + 10;

  // Each dive generates its own groups: sharing them made the dives' relaxations, and so their
  // endings, more alike (n = 60, seed 5: 71.86 at best against the optimum 70.86 unshared).
  const dive = (firstChoice: number): number[][] | null => {
    const pool = new Map<string, Column>();
    const add = (members: readonly number[]): boolean => {
      const sorted = [...members].sort((a, b) => a - b);
      const key = sorted.join(',');
      if (pool.has(key)) return false;
      // Pricing does not see conflicts among members who are not facilitators: check every group.
      if (checkGroup(problem, '', sorted, null).violations.length > 0) return false;
      const facilitators = sorted.filter((person) => problem.isFacilitator[person]);
      pool.set(key, {
        members: sorted,
        facilitators,
        cost: scoreGroup(problem, sorted, experienceTarget).total,
      });
      return true;
    };
    for (const members of start) add(members);
    const settledSlot = new Int16Array(problem.count).fill(-1);
    const settled = outside.slice();
    const chosen: Column[] = [];
    let groupsLeft = start.length;
    let lpSolves = 0;
    const fits = (column: Column) =>
      column.members.every((person) => !settled[person]) &&
      column.facilitators.every(
        (facilitator) =>
          settledSlot[facilitator]! < 0 ||
          column.members.every((person) => isFreeAt(problem, person, settledSlot[facilitator]!)),
      );

    const relax = (): Relaxation | null => {
      for (;;) {
        if (lpSolves++ >= mostLpSolves) return null;
        const columns = [...pool.values()].filter(fits);
        const answer = solveRelaxation(problem, columns, settled, groupsLeft, artificialCost, solve);
        if (!answer) return null;
        const personDual = answer.duals.subarray(0, problem.count);
        const countDual = answer.duals[problem.count]!;
        let added = 0;
        for (const slot of slots) {
          for (const facilitatorSet of facilitatorSets) {
            const isOpen = facilitatorSet.every(
              (person) =>
                !settled[person] &&
                isFreeAt(problem, person, slot) &&
                (settledSlot[person]! < 0 || settledSlot[person] === slot),
            );
            if (!isOpen) continue;
            for (let size = groupSize.min; size <= groupSize.max; size++) {
              const best = cheapestGroup(pricing, personDual, slot, facilitatorSet, size, settled);
              if (best && best.cost - countDual < -1e-7 && add(best.members)) added++;
            }
          }
        }
        if (added === 0) return { columns, weights: answer.weights, usesArtificial: answer.usesArtificial };
      }
    };

    // Hours first: each facilitator's, where the relaxation puts most of their weight.
    let isFirst = true;
    for (;;) {
      const relaxation = relax();
      if (!relaxation) return null;
      const next = heaviestHour(problem, relaxation, settledSlot, slots, isFirst ? firstChoice : 0);
      isFirst = false;
      if (!next) break;
      settledSlot[next.facilitator] = next.slot;
    }
    // Then whole groups, the most used first, until the relaxation is whole.
    while (groupsLeft > 0) {
      const relaxation = relax();
      if (!relaxation) return null;
      const { columns, weights } = relaxation;
      const isWhole =
        !relaxation.usesArtificial && weights.every((weight) => weight < 1e-6 || weight > 1 - 1e-6);
      if (isWhole) {
        columns.forEach((column, index) => {
          if (weights[index]! > 0.5) chosen.push(column);
        });
        break;
      }
      let pick = -1;
      weights.forEach((weight, index) => {
        if (weight > 1e-6 && (pick < 0 || weight > weights[pick]!)) pick = index;
      });
      if (pick < 0) return null;
      const column = columns[pick]!;
      chosen.push(column);
      for (const person of column.members) settled[person] = 1;
      groupsLeft--;
    }
    const covered = new Uint8Array(problem.count);
    for (const column of chosen) for (const person of column.members) covered[person] = covered[person]! + 1;
    const isPartition =
      chosen.length === start.length && covered.every((count, person) => count === (outside[person] ? 0 : 1));
    return isPartition ? chosen.map((column) => column.members) : null;
  };
  const groupings: number[][][] = [];
  for (let firstChoice = 0; firstChoice < diveCount; firstChoice++) {
    const grouping = dive(firstChoice);
    if (grouping) groupings.push(grouping);
  }
  return groupings;
}

/** The restricted master LP with one artificial column per person and one for the group count. */
function solveRelaxation(
  problem: Problem,
  columns: readonly Column[],
  settled: Uint8Array,
  groupCount: number,
  artificialCost: number,
  solve: MipSolver,
): { weights: Float64Array; duals: Float64Array; usesArtificial: boolean } | null {
  const builder = new MipBuilder();
  const columnsOf: number[][] = Array.from({ length: problem.count + 1 }, () => []);
  columns.forEach((column) => {
    const index = builder.addColumn(column.cost, 0, Number.POSITIVE_INFINITY, false);
    for (const person of column.members) columnsOf[person]!.push(index);
    columnsOf[problem.count]!.push(index);
  });
  for (let row = 0; row <= problem.count; row++)
    columnsOf[row]!.push(builder.addColumn(artificialCost, 0, Number.POSITIVE_INFINITY, false));
  for (let person = 0; person < problem.count; person++) {
    const demand = settled[person] ? 0 : 1;
    builder.addRow(
      columnsOf[person]!,
      columnsOf[person]!.map(() => 1),
      demand,
      demand,
    );
  }
  const countColumns = columnsOf[problem.count]!;
  builder.addRow(
    countColumns,
    countColumns.map(() => 1),
    groupCount,
    groupCount,
  );
  const answer = solve(builder.build(null), { timeLimitSeconds: 10 });
  if (answer.status !== 'optimal' || !answer.values || !answer.rowDuals) return null;
  const weights = answer.values.subarray(0, columns.length);
  const usesArtificial = answer.values.subarray(columns.length).some((value) => value > 1e-6);
  return { weights, duals: answer.rowDuals, usesArtificial };
}

/**
 * The unsettled facilitator and hour with the most weight in the relaxation (or the `rank`-th
 * most, the last when fewer), or null when none has any weight left.
 */
function heaviestHour(
  problem: Problem,
  { columns, weights }: Relaxation,
  settledSlot: Int16Array,
  slots: readonly number[],
  rank = 0,
): { facilitator: number; slot: number } | null {
  const candidates: { facilitator: number; slot: number; weight: number }[] = [];
  for (let facilitator = 0; facilitator < problem.count; facilitator++) {
    if (!problem.isFacilitator[facilitator] || settledSlot[facilitator]! >= 0) continue;
    for (const slot of slots) {
      if (!isFreeAt(problem, facilitator, slot)) continue;
      let weight = 0;
      columns.forEach((column, index) => {
        if (weights[index]! <= 0 || !column.facilitators.includes(facilitator)) return;
        if (column.members.every((person) => isFreeAt(problem, person, slot))) weight += weights[index]!;
      });
      if (weight > 1e-6) candidates.push({ facilitator, slot, weight });
    }
  }
  candidates.sort((a, b) => b.weight - a.weight || a.facilitator - b.facilitator || a.slot - b.slot);
  return candidates[Math.min(rank, candidates.length - 1)] ?? null;
}
