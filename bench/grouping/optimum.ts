/**
 * Exact optimum of the grouping objective with HiGHS (MIP, WebAssembly), for small cohorts.
 *
 * The MIP optimises exactly the engine's objective (src/core/grouping/objective.ts) over all
 * assignments of the cohort into the same number of groups G as the engine formed, every group
 * used, with every hard rule as a constraint and leaving someone out costing `unplacedCost`
 * (so the MIP first places as many people as possible, then minimises the penalty):
 *
 *   x[i,g] ∈ {0,1} person i in group g;  z[g,s] ∈ {0,1} group g meets at hour s;  u[i] unplaced
 *   Σg x[i,g] + u[i] = 1;  min ≤ Σi x[i,g] ≤ max;  fmin ≤ Σ facilitators x[i,g] ≤ fmax
 *   Σs z[g,s] = 1;  x[i,g] ≤ Σ{s free for i} z[g,s];  x[i,g] + x[j,g] ≤ 1 for conflicts
 *   level / discipline: dev[g,c] ≥ ±(Σ{i in c} x[i,g] − share[c]·Σi x[i,g])   (|·| linearised)
 *   interests: top[g] = Σt w[g,t], w[g,t] ≤ Σ{i likes t} x[i,g], w[g,t] ≤ max·y[g,t], Σt y[g,t] ≤ 1
 *   experience: e[g] ≥ ±(Σ{facilitators} exp[i]·x[i,g] − Σ exp[i]·(1 − u[i]) / G)
 *   repeated pairs: r[i,j,g] ≥ x[i,g] + x[j,g] − 1 for previous groupmates
 *   minimise  Σg wL·Σ dev + wD·Σ dev + wI·(Σ{i with interests} x[i,g] − top[g]) + wX/ē·e[g] + wH·Σ r + BIG·Σ u
 *
 * Groups are interchangeable, so x[i,g] = 0 for g > rank(i) (facilitators ranked first) breaks
 * the symmetry without cutting off any solution up to relabelling. Two valid cuts strengthen the
 * bound: per group, the level and discipline deviations are at least their rounding floor for
 * the group's size; per level, the level-mix cut (below, in buildModel). These linearisations are
 * exact at an optimum, so the MIP value equals the engine's objective of the same assignment
 * (we re-score the MIP's assignment with evaluateGrouping to confirm).
 */

import { evenSplitDeviation, minimumDeviation } from '../../src/core/grouping/level-mix-bound.ts';
import type { GroupingInput } from '../../src/core/grouping/model.ts';
import { maskWords, prepareProblem } from '../../src/core/grouping/prepare.ts';
import { type WeeklySlot, weeklySlotAt, weeklySlotCount } from '../../src/core/grouping/weekly-slot.ts';

export type OptimumResult = {
  status: string;
  /** MIP objective (penalty + unplacedCost × unplaced) of the best assignment found. */
  objective: number | null;
  /** Proven lower bound on the MIP objective. */
  bound: number | null;
  unplaced: number;
  groups: { id: string; memberIds: string[]; slot: WeeklySlot }[];
  variables: number;
  constraints: number;
};

export const unplacedCost = 1000;

function term(coefficient: number, name: string): string {
  if (Math.abs(coefficient) < 1e-12) return '';
  const sign = coefficient < 0 ? '-' : '+';
  const value = Math.abs(coefficient);
  return ` ${sign} ${Number(value.toPrecision(12))} ${name}`;
}

/** Builds the CPLEX-LP model; `start` (group index per person, -1 unplaced) becomes a MIP start. */
export function buildModel(input: GroupingInput, groupCount: number) {
  const problem = prepareProblem(input);
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const { weights } = problem;
  const freeAt = (person: number, slot: number) =>
    ((problem.availability[person * maskWords + (slot >>> 5)]! >>> (slot & 31)) & 1) === 1;
  const facilitatorPopularity = new Int32Array(weeklySlotCount);
  for (let person = 0; person < problem.count; person++) {
    if (!problem.isFacilitator[person]) continue;
    for (let slot = 0; slot < weeklySlotCount; slot++)
      if (freeAt(person, slot)) facilitatorPopularity[slot]!++;
  }
  const slots: number[] = [];
  for (let slot = 0; slot < weeklySlotCount; slot++) {
    if (
      problem.slotPopularity[slot]! >= groupSize.min &&
      facilitatorPopularity[slot]! >= facilitatorsPerGroup.min
    ) {
      slots.push(slot);
    }
  }
  const people: number[] = [];
  for (let person = 0; person < problem.count; person++) {
    if (slots.some((slot) => freeAt(person, slot))) people.push(person);
  }
  const rank = new Map<number, number>();
  [...people]
    .sort((a, b) => problem.isFacilitator[b]! - problem.isFacilitator[a]! || a - b)
    .forEach((person, index) => {
      rank.set(person, index);
    });
  const groups = Array.from({ length: groupCount }, (_, group) => group);
  const allowed = (person: number, group: number) => group <= (rank.get(person) ?? 0);
  const x = (person: number, group: number) => `x_${person}_${group}`;

  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  let rowCount = 0;
  const row = (text: string) => rows.push(` c${rowCount++}: ${text}`);
  const sumX = (group: number, coefficient: (person: number) => number) =>
    people
      .filter((person) => allowed(person, group))
      .map((person) => term(coefficient(person), x(person, group)))
      .join('');

  for (const person of people) {
    for (const group of groups) if (allowed(person, group)) binaries.push(x(person, group));
    binaries.push(`u_${person}`);
    objective.push(term(unplacedCost, `u_${person}`));
    row(
      `${groups
        .filter((group) => allowed(person, group))
        .map((group) => term(1, x(person, group)))
        .join('')} + 1 u_${person} = 1`,
    );
  }
  const meanExperience = problem.meanExperience;
  const experienceWeight = meanExperience > 0 ? weights.experience / meanExperience : 0;
  const facilitators = people.filter((person) => problem.isFacilitator[person]);
  const totalExperience = facilitators.reduce((sum, person) => sum + problem.experience[person]!, 0);
  const mates: [number, number][] = [];
  for (const person of people) {
    for (let at = problem.mateStart[person]!; at < problem.mateStart[person + 1]!; at++) {
      const mate = problem.mateList[at]!;
      if (mate > person && rank.has(mate)) mates.push([person, mate]);
    }
  }

  const levelDeviationNames: string[][] = [];
  /**
   * The level-mix cut (src/core/grouping/level-mix-bound.ts): each level's members split over the
   * groups no more evenly than integers allow. Stated for a reference size s̄ and made valid for
   * any sizes and anyone left out, as the split bound moves by at most 1 per member left out and
   * per unit a group's target moves: Σg dl[g,c] + Σ{i at level c} u[i]
   * + share[c]·Σg Σsize |size − s̄|·k[g,size] ≥ split bound of level c at size s̄. One row per
   * level and per size s̄ from min to max.
   */
  const levelMixCut = (perGroup: string[][]) => {
    if (perGroup.length === 0) return;
    problem.levelShare.forEach((share, level) => {
      const members = people.filter((person) => problem.levelOf[person] === level);
      for (let reference = groupSize.min; reference <= groupSize.max; reference++) {
        const bound = evenSplitDeviation(
          members.length,
          groups.map(() => share * reference),
        );
        if (bound <= 1e-9) continue;
        const deviations = perGroup.map((names) => term(1, names[level] ?? '')).join('');
        const leftOut = members.map((person) => term(1, `u_${person}`)).join('');
        const sizeShift = groups
          .flatMap((group) =>
            Array.from({ length: groupSize.max - groupSize.min + 1 }, (_, offset) =>
              term(
                share * Math.abs(groupSize.min + offset - reference),
                `k_${group}_${groupSize.min + offset}`,
              ),
            ),
          )
          .join('');
        row(`${deviations}${leftOut}${sizeShift} >= ${Number(bound.toPrecision(12))}`);
      }
    });
  };
  for (const group of groups) {
    row(`${sumX(group, () => 1)} >= ${groupSize.min}`);
    row(`${sumX(group, () => 1)} <= ${groupSize.max}`);
    row(`${sumX(group, (person) => problem.isFacilitator[person]!)} >= ${facilitatorsPerGroup.min}`);
    row(`${sumX(group, (person) => problem.isFacilitator[person]!)} <= ${facilitatorsPerGroup.max}`);
    row(`${slots.map((slot) => term(1, `z_${group}_${slot}`)).join('')} = 1`);
    for (const slot of slots) binaries.push(`z_${group}_${slot}`);
    for (const person of people) {
      if (!allowed(person, group)) continue;
      const free = slots.filter((slot) => freeAt(person, slot)).map((slot) => term(-1, `z_${group}_${slot}`));
      row(`${term(1, x(person, group))}${free.join('')} <= 0`);
      for (let at = problem.conflictStart[person]!; at < problem.conflictStart[person + 1]!; at++) {
        const other = problem.conflictList[at]!;
        if (other > person && rank.has(other) && allowed(other, group)) {
          row(`${term(1, x(person, group))}${term(1, x(other, group))} <= 1`);
        }
      }
    }
    // Size indicators k[g,s] (Σs k = 1, Σi x = Σs s·k) carry the valid cut below.
    const sizes: number[] = [];
    for (let size = groupSize.min; size <= groupSize.max; size++) {
      sizes.push(size);
      binaries.push(`k_${group}_${size}`);
    }
    row(`${sizes.map((size) => term(1, `k_${group}_${size}`)).join('')} = 1`);
    row(`${sumX(group, () => 1)}${sizes.map((size) => term(-size, `k_${group}_${size}`)).join('')} = 0`);
    const deviation = (kind: string, shares: Float64Array, categoryOf: Int32Array, weight: number) => {
      if (weight === 0) return;
      const names: string[] = [];
      shares.forEach((share, category) => {
        const name = `${kind}_${group}_${category}`;
        names.push(name);
        objective.push(term(weight, name));
        const expression = sumX(group, (person) => (categoryOf[person] === category ? 1 : 0) - share);
        row(`${expression}${term(-1, name)} <= 0`);
        row(
          `${sumX(group, (person) => share - (categoryOf[person] === category ? 1 : 0))}${term(-1, name)} <= 0`,
        );
      });
      if (kind === 'dl') levelDeviationNames.push(names);
      // Valid cut: integer counts cannot match fractional targets, so Σ deviations ≥ its minimum for that size.
      row(
        `${names.map((name) => term(1, name)).join('')}${sizes.map((size) => term(-minimumDeviation(shares, size), `k_${group}_${size}`)).join('')} >= 0`,
      );
    };
    deviation('dl', problem.levelShare, problem.levelOf, weights.level);
    deviation('dd', problem.disciplineShare, problem.disciplineOf, weights.discipline);
    if (weights.interests > 0 && problem.topics.length > 0) {
      objective.push(sumX(group, (person) => weights.interests * problem.hasInterests[person]!));
      const picks: string[] = [];
      problem.topics.forEach((_, topic) => {
        const w = `w_${group}_${topic}`;
        const y = `y_${group}_${topic}`;
        binaries.push(y);
        picks.push(term(1, y));
        objective.push(term(-weights.interests, w));
        const likes = (person: number) => {
          for (let at = problem.topicStart[person]!; at < problem.topicStart[person + 1]!; at++) {
            if (problem.topicList[at] === topic) return 1;
          }
          return 0;
        };
        row(`${term(1, w)}${sumX(group, (person) => -likes(person))} <= 0`);
        row(`${term(1, w)}${term(-groupSize.max, y)} <= 0`);
      });
      row(`${picks.join('')} <= 1`);
    }
    if (experienceWeight > 0) {
      const e = `e_${group}`;
      objective.push(term(experienceWeight, e));
      // Σ exp·x − (T − Σ exp·u)/G − e ≤ 0  and  (T − Σ exp·u)/G − Σ exp·x − e ≤ 0
      const unplacedExperience = (sign: number) =>
        facilitators
          .map((person) => term((sign * problem.experience[person]!) / groupCount, `u_${person}`))
          .join('');
      row(
        `${sumX(group, (person) => (problem.isFacilitator[person] ? problem.experience[person]! : 0))}${unplacedExperience(1)}${term(-1, e)} <= ${totalExperience / groupCount}`,
      );
      row(
        `${sumX(group, (person) => (problem.isFacilitator[person] ? -problem.experience[person]! : 0))}${unplacedExperience(-1)}${term(-1, e)} <= ${-totalExperience / groupCount}`,
      );
    }
    if (weights.history > 0 && problem.historyMode === 'new-combinations') {
      for (const [first, second] of mates) {
        if (!allowed(first, group) || !allowed(second, group)) continue;
        const r = `r_${first}_${second}_${group}`;
        objective.push(term(weights.history, r));
        row(`${term(1, x(first, group))}${term(1, x(second, group))}${term(-1, r)} <= 1`);
      }
    }
  }
  levelMixCut(levelDeviationNames);
  const text = [
    'Minimize',
    ` obj:${objective.join('') || ' 0 u_0'}`,
    'Subject To',
    ...rows,
    'Binary',
    ...binaries.map((name) => ` ${name}`),
    'End',
    '',
  ].join('\n');
  return { text, problem, people, slots, groups, rowCount, freeAt };
}

type Highs = {
  createModel(source: { format: 'lp'; data: string }): {
    options: { set(values: Record<string, unknown>): unknown };
    info: { get(name: string): number | bigint };
    run(): unknown;
    getModelStatus(): number;
    getObjectiveValue(): number;
    getSolution(): { colValue: Float64Array };
    getColName(index: number): string;
    getDimensions(): { numCols: number; numRows: number };
    setSolution(solution: { indices: Int32Array; values: Float64Array }): unknown;
    dispose(): void;
  };
};

const statusNames: Record<number, string> = {
  7: 'optimal',
  8: 'infeasible',
  13: 'time limit',
  14: 'iteration limit',
};

/**
 * Solves to optimality or until `timeLimitSeconds`. `start` (engine groups as member id lists)
 * seeds the incumbent; the proven bound does not depend on it.
 */
export async function solveOptimum(
  input: GroupingInput,
  groupCount: number,
  timeLimitSeconds: number,
  start?: readonly { memberIds: readonly string[] }[],
): Promise<OptimumResult> {
  const { text, problem, people, slots, groups, rowCount, freeAt } = buildModel(input, groupCount);
  // highs ships ESM at runtime but CommonJS-typed declarations; the default export is the loader.
  const loader = (await import('highs')) as unknown as { default: () => Promise<unknown> };
  const highs = (await loader.default()) as Highs;
  const model = highs.createModel({ format: 'lp', data: text });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 1e-6 });
    const columns = new Map<string, number>();
    const { numCols } = model.getDimensions();
    for (let index = 0; index < numCols; index++) columns.set(model.getColName(index), index);
    if (start) {
      const indices: number[] = [];
      const values: number[] = [];
      const set = (name: string, value: number) => {
        const index = columns.get(name) ?? -1;
        if (index >= 0) {
          indices.push(index);
          values.push(value);
        }
      };
      const ordered = [...start].sort(
        (a, b) =>
          Math.min(...a.memberIds.map((id) => problem.indexById.get(id) ?? Infinity)) -
          Math.min(...b.memberIds.map((id) => problem.indexById.get(id) ?? Infinity)),
      );
      // Relabel groups so the symmetry-breaking rule holds: group g's lowest-ranked member has rank ≥ g.
      const rankOf = new Map<number, number>();
      [...people]
        .sort((a, b) => problem.isFacilitator[b]! - problem.isFacilitator[a]! || a - b)
        .forEach((person, index) => {
          rankOf.set(person, index);
        });
      const byRank = ordered
        .map((group) =>
          group.memberIds.map((id) => problem.indexById.get(id) ?? -1).filter((person) => person >= 0),
        )
        .sort(
          (a, b) => Math.min(...a.map((p) => rankOf.get(p)!)) - Math.min(...b.map((p) => rankOf.get(p)!)),
        );
      const placed = new Set<number>();
      byRank.forEach((members, group) => {
        for (const person of members) {
          placed.add(person);
          set(`x_${person}_${group}`, 1);
        }
        const slot = slots.find((candidate) => members.every((person) => freeAt(person, candidate)));
        if (slot !== undefined) set(`z_${group}_${slot}`, 1);
      });
      for (const person of people) set(`u_${person}`, placed.has(person) ? 0 : 1);
      model.setSolution({ indices: Int32Array.from(indices), values: Float64Array.from(values) });
    }
    model.run();
    const statusCode = model.getModelStatus();
    const status = statusNames[statusCode] ?? `status ${statusCode}`;
    let bound: number | null = null;
    try {
      bound = Number(model.info.get('mip_dual_bound'));
    } catch {
      bound = null;
    }
    const solution = model.getSolution().colValue;
    const value = (name: string) => {
      const index = columns.get(name) ?? -1;
      return index >= 0 ? (solution[index] ?? 0) : 0;
    };
    const hasSolution =
      statusCode === 7 ||
      (statusCode === 13 && solution.length > 0 && Number.isFinite(model.getObjectiveValue()));
    const result: OptimumResult['groups'] = [];
    let unplaced = 0;
    if (hasSolution) {
      for (const group of groups) {
        const members = people.filter((person) => value(`x_${person}_${group}`) > 0.5);
        const slot = slots.find((candidate) => value(`z_${group}_${candidate}`) > 0.5) ?? 0;
        result.push({
          id: `mip-${group + 1}`,
          memberIds: members.map((person) => problem.participants[person]!.id),
          slot: weeklySlotAt(slot),
        });
      }
      unplaced = people.filter((person) => value(`u_${person}`) > 0.5).length;
    }
    return {
      status,
      objective: hasSolution ? model.getObjectiveValue() : null,
      bound: bound !== null && Number.isFinite(bound) ? bound : null,
      unplaced,
      groups: result,
      variables: numCols,
      constraints: rowCount,
    };
  } finally {
    model.dispose();
  }
}
