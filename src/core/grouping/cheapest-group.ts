/**
 * Pricing for set partitioning — the engine's dive (partition-dive.ts) and the benchmark's lower
 * bound (bench/grouping/partition-bound.ts): the cheapest group, after the duals, for one hour,
 * one facilitator set and one size — exactly, as a min-cost flow per topic.
 *
 * For a fixed topic t, a group's penalty without previous-groupmate pairs is separable: each
 * level's |count − share·size|, each discipline's, each member not sharing t, the facilitators'
 * experience. Members go source → their level → their discipline → sink, one unit each; the level
 * and discipline costs are convex in their flow, and the people of one level and discipline are
 * interchangeable apart from their own cost, so the cheapest first. Successive shortest paths
 * (Bellman–Ford: residual costs can be negative) then give the cheapest group of that size.
 * The group's real top topic costs no more than t, so the cheapest over the topics is exact.
 * Conflicts among the members who are not facilitators are not seen: dropping them only lowers
 * the bound, so it stays valid.
 */
import { isFreeAt } from './check-rules.ts';
import { isConflict } from './group-plan.ts';
import { scoreGroup } from './objective.ts';
import type { Problem } from './prepare.ts';
import { weeklySlotCount } from './weekly-slot.ts';

export type PricingData = {
  problem: Problem;
  experienceTarget: number;
};

type Arc = { from: number; to: number; flow: number; capacity: number; marginal: (unit: number) => number };

/**
 * The group's relaxed penalty minus its members' duals, and its members; null when none is legal.
 * People marked in `excluded` (already in a group the caller has settled) are not candidates.
 */
export function cheapestGroup(
  data: PricingData,
  personDual: Float64Array,
  slot: number,
  facilitatorSet: readonly number[],
  size: number,
  excluded?: Uint8Array,
): { cost: number; members: number[] } | null {
  const { problem, experienceTarget } = data;
  const learnersNeeded = size - facilitatorSet.length;
  const candidates: number[] = [];
  for (let person = 0; person < problem.count; person++) {
    if (problem.isFacilitator[person] || excluded?.[person]) continue;
    if (!isFreeAt(problem, person, slot)) continue;
    if (facilitatorSet.some((facilitator) => isConflict(problem, facilitator, person))) continue;
    candidates.push(person);
  }
  if (learnersNeeded < 0 || candidates.length < learnersNeeded) return null;
  const topicChoices = problem.weights.interests > 0 && problem.topics.length > 0 ? problem.topics.length : 1;
  let best: { cost: number; members: number[] } | null = null;
  for (let topic = 0; topic < topicChoices; topic++) {
    const learners = cheapestLearners(
      data,
      personDual,
      candidates,
      facilitatorSet,
      size,
      learnersNeeded,
      topic,
    );
    if (!learners) continue;
    const members = [...facilitatorSet, ...learners];
    const score = scoreGroup(problem, members, experienceTarget);
    let cost = score.total - score.history;
    for (const person of members) cost -= personDual[person]!;
    if (!best || cost < best.cost) best = { cost, members };
  }
  return best;
}

/** The hours pricing considers: those at which enough people are free to fill a group. */
export function pricedSlotsOf(problem: Problem): number[] {
  const slots: number[] = [];
  for (let slot = 0; slot < weeklySlotCount; slot++)
    if (problem.slotPopularity[slot]! >= problem.rules.groupSize.min) slots.push(slot);
  return slots;
}

/** Every set of facilitators one group may have (at most 2 per group), without conflict pairs. */
export function facilitatorSetsOf(problem: Problem): number[][] {
  const facilitators: number[] = [];
  for (let person = 0; person < problem.count; person++)
    if (problem.isFacilitator[person]) facilitators.push(person);
  const sets: number[][] = [];
  const { min, max } = problem.rules.facilitatorsPerGroup;
  if (min === 0) sets.push([]);
  if (min <= 1 && max >= 1) for (const person of facilitators) sets.push([person]);
  if (max >= 2) {
    facilitators.forEach((first, index) => {
      for (const second of facilitators.slice(index + 1))
        if (!isConflict(problem, first, second)) sets.push([first, second]);
    });
  }
  return sets;
}

function likes(problem: Problem, person: number, topic: number): boolean {
  for (let at = problem.topicStart[person]!; at < problem.topicStart[person + 1]!; at++) {
    if (problem.topicList[at] === topic) return true;
  }
  return false;
}

/** The learners of the cheapest group for `topic` (the flow above), or null when too few can join. */
function cheapestLearners(
  data: PricingData,
  personDual: Float64Array,
  candidates: readonly number[],
  facilitatorSet: readonly number[],
  size: number,
  learnersNeeded: number,
  topic: number,
): number[] | null {
  const { problem } = data;
  const { weights } = problem;
  const levelCount = problem.levels.length;
  const disciplineCount = problem.disciplines.length;
  const hasTopic = problem.weights.interests > 0 && problem.topics.length > 0;
  const baseLevel = new Float64Array(levelCount);
  const baseDiscipline = new Float64Array(disciplineCount);
  for (const person of facilitatorSet) {
    baseLevel[problem.levelOf[person]!]!++;
    baseDiscipline[problem.disciplineOf[person]!]!++;
  }
  // People of one level and discipline, cheapest first.
  const byType = new Map<number, { person: number; cost: number }[]>();
  const levelCapacity = new Int32Array(levelCount);
  const disciplineCapacity = new Int32Array(disciplineCount);
  for (const person of candidates) {
    const level = problem.levelOf[person]!;
    const discipline = problem.disciplineOf[person]!;
    const misses = hasTopic && problem.hasInterests[person] && !likes(problem, person, topic) ? 1 : 0;
    const cost = weights.interests * misses - personDual[person]!;
    const key = level * disciplineCount + discipline;
    const list = byType.get(key) ?? [];
    if (list.length === 0) byType.set(key, list);
    list.push({ person, cost });
    levelCapacity[level]!++;
    disciplineCapacity[discipline]!++;
  }
  for (const list of byType.values()) list.sort((a, b) => a.cost - b.cost || a.person - b.person);

  const source = 0;
  const sink = 1 + levelCount + disciplineCount;
  const nodeCount = sink + 1;
  const arcs: Arc[] = [];
  const deviation = (weight: number, base: number, share: number) => (unit: number) =>
    weight * (Math.abs(base + unit - share * size) - Math.abs(base + unit - 1 - share * size));
  for (let level = 0; level < levelCount; level++) {
    if (levelCapacity[level] === 0) continue;
    arcs.push({
      from: source,
      to: 1 + level,
      flow: 0,
      capacity: levelCapacity[level]!,
      marginal: deviation(weights.level, baseLevel[level]!, problem.levelShare[level]!),
    });
  }
  const typeArcs: { arc: Arc; list: { person: number; cost: number }[] }[] = [];
  for (const [key, list] of byType) {
    const level = Math.floor(key / disciplineCount);
    const discipline = key % disciplineCount;
    const arc: Arc = {
      from: 1 + level,
      to: 1 + levelCount + discipline,
      flow: 0,
      capacity: list.length,
      marginal: (unit) => list[unit - 1]!.cost,
    };
    arcs.push(arc);
    typeArcs.push({ arc, list });
  }
  for (let discipline = 0; discipline < disciplineCount; discipline++) {
    if (disciplineCapacity[discipline] === 0) continue;
    arcs.push({
      from: 1 + levelCount + discipline,
      to: sink,
      flow: 0,
      capacity: disciplineCapacity[discipline]!,
      marginal: deviation(
        weights.discipline,
        baseDiscipline[discipline]!,
        problem.disciplineShare[discipline]!,
      ),
    });
  }
  const distance = new Float64Array(nodeCount);
  const viaArc = new Int32Array(nodeCount);
  const viaForward = new Uint8Array(nodeCount);
  for (let unit = 0; unit < learnersNeeded; unit++) {
    distance.fill(Number.POSITIVE_INFINITY);
    distance[source] = 0;
    viaArc.fill(-1);
    for (let pass = 0; pass < nodeCount; pass++) {
      let changed = false;
      arcs.forEach((arc, index) => {
        if (arc.flow < arc.capacity && distance[arc.from]! < Number.POSITIVE_INFINITY) {
          const next = distance[arc.from]! + arc.marginal(arc.flow + 1);
          if (next < distance[arc.to]! - 1e-12) {
            distance[arc.to] = next;
            viaArc[arc.to] = index;
            viaForward[arc.to] = 1;
            changed = true;
          }
        }
        if (arc.flow > 0 && distance[arc.to]! < Number.POSITIVE_INFINITY) {
          const next = distance[arc.to]! - arc.marginal(arc.flow);
          if (next < distance[arc.from]! - 1e-12) {
            distance[arc.from] = next;
            viaArc[arc.from] = index;
            viaForward[arc.from] = 0;
            changed = true;
          }
        }
      });
      if (!changed) break;
    }
    if (distance[sink] === Number.POSITIVE_INFINITY) return null;
    let node = sink;
    for (let step = 0; node !== source && step <= nodeCount; step++) {
      const arc = arcs[viaArc[node]!]!;
      // A path that would overfill or empty an arc means rounding made a cycle look negative:
      // no group is priced rather than a wrong one.
      if (viaForward[node]) {
        if (arc.flow >= arc.capacity) return null;
        arc.flow++;
        node = arc.from;
      } else {
        if (arc.flow <= 0) return null;
        arc.flow--;
        node = arc.to;
      }
    }
  }
  return typeArcs.flatMap(({ arc, list }) => list.slice(0, arc.flow).map((entry) => entry.person));
}
