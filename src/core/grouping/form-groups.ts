/**
 * Forms groups — the solver. Design note (the decision record is docs/decisions/002-grouping-algorithm.md):
 *
 * The problem is maximally-diverse grouping (NP-hard) with side constraints: each group needs
 * one weekly hour all its members are free, 1..2 facilitators, 8..10 members, no conflict pair,
 * and pinned people fixed. We use construct-then-improve, the standard for this family:
 *
 * 1. Plan: people free only at hours fewer than `min` others share cannot be placed at all;
 *    the number of groups follows from the rest and the facilitators (≈ people / 9, at most
 *    facilitators / min-facilitators), which also yields the "not enough facilitators" diagnosis.
 * 2. Construct (construct.ts): open groups one at a time at the hour with the most unplaced
 *    demand, each people weighted by 1 / their number of usable hours (so the hard-to-place are
 *    served first); seed it with a facilitator free then; fill with people free then, least
 *    flexible first, ties broken by the smallest objective increase. Leftovers are inserted
 *    where they fit best or by a one-step ejection chain; groups that cannot reach the minimum
 *    are dissolved and their members re-offered.
 * 3. Improve (search.ts): simulated annealing over moves and swaps that keep every hard rule.
 *    A group does not commit to an hour during the search: it keeps the bitmask of hours all
 *    members share, and a move is legal while that intersection stays non-empty. Candidate
 *    destinations come from a per-hour index of groups, so proposals are mostly legal.
 *    Every proposal is scored incrementally from per-group count vectors in O(levels +
 *    disciplines + topics), so the cost per step does not grow with the cohort. Small cohorts
 *    get several restarts, large-neighbourhood rounds (multi-start.ts) and an exhaustive
 *    steepest-descent polish; up to 100 people in groups of one exact size the whole search runs
 *    from eight seeds and the best is kept (there, which hours groups end at is mostly chance), and
 *    with a solver at hand set-partitioning dives propose groupings at other hours
 *    (partition-dive.ts), kept when they end lower.
 * 4. Finish: each group meets at the shared hour most of the cohort is free at; everyone left
 *    out gets a reason; an independent from-scratch rule check guards the output.
 *
 * The budget is a number of steps scaled by the cohort size — no clock is read, so the same
 * input and seed always give the same groups.
 */

import { checkGroup, chooseSlot, commonSlotsOf } from './check-rules.ts';
import { diagnoseUnplaced } from './diagnose.ts';
import { completeExactly, type ExactOptions, needsExact } from './exact-fallback.ts';
import type { ExactPlacement } from './exact-placement.ts';
import { explainGroup, orderMembers } from './explain.ts';
import { explainUnplaced } from './explain-unplaced.ts';
import { type FixedReason, type GroupPlan, placePinned, planGroups } from './group-plan.ts';
import { GroupingState } from './grouping-state.ts';
import { describeLevelMix, levelMixQuality } from './level-mix-bound.ts';
import type { MipSolver } from './mip.ts';
import type {
  FormedGroup,
  GroupingDiagnosis,
  GroupingInput,
  GroupingResult,
  UnplacedParticipant,
} from './model.ts';
import {
  captureOf,
  searchBudget,
  searchFromSeveralSeeds,
  searchNeighbourhoods,
  snapshotOf,
} from './multi-start.ts';
import { experienceTargetOf, scoreGroup, sumScores } from './objective.ts';
import { diveForPartitions } from './partition-dive.ts';
import { prepareProblem } from './prepare.ts';
import { createRandom, type Random } from './random.ts';
import { resplitGroups, resplitPairs } from './resplit-pairs.ts';
import { descendAll, improve } from './search.ts';
import { weeklySlotAt } from './weekly-slot.ts';

/**
 * `options.exact` adds the exact fallback (exact-fallback.ts): with a MIP solver, nobody is left
 * out while a legal grouping that places them exists (within the solver's time limit).
 */
export function formGroups(input: GroupingInput, options: { exact?: ExactOptions } = {}): GroupingResult {
  const problem = prepareProblem(input);
  const seed = Number.isFinite(input.seed) ? Math.trunc(input.seed ?? 1) : 1;
  const effort = Math.min(Math.max(Number.isFinite(input.effort) ? (input.effort ?? 1) : 1, 0), 50);
  const diagnoses: GroupingDiagnosis[] = [...problem.diagnoses];
  const duplicates: UnplacedParticipant[] = problem.duplicateIds.map((id) => ({
    id,
    reason: 'duplicate-id',
    message: `id "${id}" appears more than once in the roster; only the first entry is used`,
  }));
  const empty = { total: 0, level: 0, discipline: 0, interests: 0, experience: 0, history: 0 };
  if (problem.rulesProblem) {
    const message = `the grouping rules are invalid: ${problem.rulesProblem}`;
    return {
      groups: [],
      unplaced: [
        ...problem.participants.map((participant) => ({
          id: participant.id,
          reason: 'invalid-rules' as const,
          message,
        })),
        ...duplicates,
      ],
      score: empty,
      diagnoses,
      seed,
      search: { iterations: 0, restarts: 0 },
      levelMix: { penalty: 0, bound: 0, isBestPossible: true, message: 'level mix: best possible' },
    };
  }

  const fixed = new Map<number, FixedReason>();
  for (let person = 0; person < problem.count; person++) {
    if (problem.slotStart[person + 1] === problem.slotStart[person]) {
      fixed.set(person, { reason: 'no-availability', message: 'gave no weekly hours when they are free' });
    }
  }
  const { groupSize } = problem.rules;
  const groupLimit = Math.max(1, Math.floor(problem.count / groupSize.min)) + problem.pinIds.length + 1;
  const state = new GroupingState(problem, groupLimit);
  placePinned(state, fixed);
  const plan = planGroups(state, fixed);
  const outcome = searchFromSeveralSeeds(state, plan, fixed, seed, effort, options.exact !== undefined);
  let exact: ExactPlacement | null = null;
  if (options.exact && needsExact(state)) {
    const placedBefore = state.placedCount;
    const random = createRandom(seed * 131 + 3);
    exact = completeExactly(
      state,
      plan,
      outcome.fixed,
      options.exact,
      random,
      exactPolishBudget(plan, effort),
    );
    // The exact model placed nobody more: the annealing the search held back is still owed.
    if (state.placedCount === placedBefore && outcome.deferredIterations > 0) {
      improve(state, plan, random, outcome.deferredIterations, 0.3);
    }
    // Small cohorts: the exact answer gets the same large-neighbourhood search as a construction.
    if (state.placedCount > placedBefore && effort > 0 && plan.placeableCount <= 300) {
      const start = captureOf(state, plan, outcome.fixed);
      const budget = searchBudget(plan, effort) * 0.6;
      const searched = searchNeighbourhoods(state, plan, start, random, budget);
      plan.isPlaceable.set(searched.best.isPlaceable);
      outcome.fixed = searched.best.fixed;
    }
  } else if (outcome.deferredIterations > 0) {
    improve(state, plan, createRandom(seed * 131 + 3), outcome.deferredIterations, 0.3);
  }
  if (effort > 0 && plan.placeableCount <= 100) {
    const random = createRandom(seed * 37 + 11);
    polishGroups(state, plan, random, effort);
    if (options.exact) diveAndPolish(state, plan, options.exact.solve, random, effort);
  }
  const { groups, unplaced } = finish(state, plan, outcome.fixed);
  const explained = explainUnplaced(problem, plan, outcome.fixed, unplaced, exact, options.exact);
  diagnoses.push(...explained.diagnoses);
  const score = sumScores(groups.map((group) => group.score));
  const members = groups.map((group) => group.memberIds.map((id) => problem.indexById.get(id) ?? 0));
  const levelMix = levelMixQuality(problem, members, score.level);
  return {
    groups,
    unplaced: [...explained.unplaced, ...duplicates],
    score,
    diagnoses,
    seed,
    search: { iterations: outcome.iterations, restarts: outcome.restarts },
    levelMix: { ...levelMix, message: describeLevelMix(levelMix) },
  };
}

/**
 * Annealing after the exact fallback: the full budget up to 300 people, where it measurably
 * lowers the penalty of the model's unpolished answer; a quarter above, where time matters more.
 */
function exactPolishBudget(plan: GroupPlan, effort: number): number {
  const budget = searchBudget(plan, effort);
  return plan.placeableCount <= 300 ? budget : budget / 2;
}

/**
 * The last polish for small cohorts (up to 100 people): pairs of groups, then triples (all of them, or
 * 120 × effort drawn at random), re-split exactly (resplit-pairs.ts), then steepest descent, until none
 * finds anything better.
 */
function polishGroups(state: GroupingState, plan: GroupPlan, random: Random, effort: number): void {
  const share = Math.min(effort, 1);
  const tripleLimit = Math.round(120 * share);
  for (let round = 0; round < 4; round++) {
    let improved = resplitPairs(state, 3, Math.round(200_000 * share));
    const groups = state.activeGroups().filter((group) => state.pinOfGroup[group]! < 0);
    const triples: number[][] = [];
    for (let first = 0; first < groups.length; first++)
      for (let second = first + 1; second < groups.length; second++)
        for (let third = second + 1; third < groups.length; third++)
          triples.push([groups[first]!, groups[second]!, groups[third]!]);
    const tries = Math.min(triples.length, tripleLimit);
    for (let attempt = 0; attempt < tries; attempt++) {
      const pick = triples.length > tripleLimit ? random.below(triples.length) : attempt;
      if (resplitGroups(state, triples[pick]!, Math.round(300_000 * share))) improved++;
    }
    if (improved === 0) return;
    descendAll(state, plan);
  }
}

/**
 * Small cohorts in groups of one exact size, with a solver at hand: set-partitioning dives
 * (partition-dive.ts) propose groupings at other hours; the lowest, polished the same way, replaces
 * the annealed grouping only if it ends lower. The dives differ in the first hour they settle (the relaxation's heaviest, its
 * second, …): on tight rosters the best grouping often starts from a less obvious hour (n = 60,
 * seed 5: the proven optimum came from the seventh). Eight dives at full effort up to 60 people,
 * one up to 100, fewer at lower effort; only the lowest is polished, since the polish seldom
 * changes a dive's grouping (measured). Only where everyone placeable is placed and nobody is pinned (the dives keep neither).
 */
function diveAndPolish(
  state: GroupingState,
  plan: GroupPlan,
  solve: MipSolver,
  random: Random,
  effort: number,
): void {
  const { problem } = state;
  const { groupSize } = problem.rules;
  if (groupSize.min !== groupSize.max || problem.pinIds.length > 0) return;
  if (state.placedCount < plan.placeableCount) return;
  const groups = state.activeGroups();
  const outside = Uint8Array.from(state.groupOf, (group) => (group < 0 ? 1 : 0));
  const start = groups.map((group) => state.membersOf(group));
  // A dive and its polish take about 1 s at 60 people and 5 s at 100 (measured): one above 60.
  const divesAtFullEffort = plan.placeableCount <= 60 ? 8 : 1;
  const diveCount = Math.max(1, Math.round(divesAtFullEffort * Math.min(effort, 1)));
  const target = experienceTargetOf(problem, start);
  let lowest: { grouping: number[][]; cost: number } | null = null;
  for (const grouping of diveForPartitions(problem, start, outside, solve, diveCount)) {
    const cost = grouping.reduce((sum, members) => sum + scoreGroup(problem, members, target).total, 0);
    if (!lowest || cost < lowest.cost) lowest = { grouping, cost };
  }
  if (!lowest) return;
  const before = snapshotOf(state);
  const totalBefore = state.total();
  const groupOf = new Int32Array(problem.count).fill(-1);
  lowest.grouping.forEach((members, index) => {
    for (const person of members) groupOf[person] = groups[index]!;
  });
  state.load(groupOf, before.isActive, before.pinOfGroup);
  polishGroups(state, plan, random, effort);
  if (state.total() >= totalBefore - 1e-9) state.load(before.groupOf, before.isActive, before.pinOfGroup);
}

/** Output groups (meeting hour, ids, scores, explanations) and the unplaced with reasons. */
function finish(
  state: GroupingState,
  plan: GroupPlan,
  fixed: Map<number, FixedReason>,
): { groups: FormedGroup[]; unplaced: UnplacedParticipant[] } {
  const { problem } = state;
  // Safety net: an independent from-scratch check; a group breaking any rule is dissolved.
  for (const group of state.activeGroups()) {
    const members = state.membersOf(group);
    const pin = state.pinOfGroup[group]!;
    const isPinBroken = members.some(
      (person) => problem.pinOf[person]! >= 0 && problem.pinOf[person] !== pin,
    );
    if (checkGroup(problem, '', members, null).violations.length === 0 && !isPinBroken) continue;
    for (const person of members) state.remove(person);
    state.closeGroup(group);
  }
  const active = state
    .activeGroups()
    .map((group) => {
      const members = state.membersOf(group);
      const commonSlots = commonSlotsOf(problem, members);
      return { group, members, commonSlots, slot: chooseSlot(problem, commonSlots) ?? 0 };
    })
    .sort((a, b) => a.slot - b.slot || Math.min(...a.members) - Math.min(...b.members));
  const ids = new Map<number, string>();
  const taken = new Set(problem.pinIds);
  let next = 1;
  for (const entry of active) {
    const pin = state.pinOfGroup[entry.group]!;
    if (pin >= 0) {
      ids.set(entry.group, problem.pinIds[pin] ?? '');
      continue;
    }
    while (taken.has(`group-${next}`)) next++;
    ids.set(entry.group, `group-${next++}`);
  }
  const target = experienceTargetOf(
    problem,
    active.map((entry) => entry.members),
  );
  const groups = active.map(({ group, members, commonSlots, slot }): FormedGroup => {
    const ordered = orderMembers(problem, members);
    return {
      id: ids.get(group) ?? '',
      slot: weeklySlotAt(slot),
      commonSlots: [slot, ...commonSlots.filter((other) => other !== slot)].map(weeklySlotAt),
      memberIds: ordered.map((person) => problem.participants[person]?.id ?? ''),
      facilitatorIds: ordered
        .filter((person) => problem.isFacilitator[person])
        .map((person) => problem.participants[person]?.id ?? ''),
      score: scoreGroup(problem, members, target),
      explanation: explainGroup(problem, ordered, slot, commonSlots),
    };
  });
  const unplaced = diagnoseUnplaced(state, plan, fixed, (group) => ids.get(group) ?? `group ${group}`);
  return { groups, unplaced };
}
