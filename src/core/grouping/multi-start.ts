/**
 * The search from constructions (form-groups.ts step 3): several randomised constructions, each
 * repaired and annealed (GRASP), then large-neighbourhood rounds that dissolve and rebuild two
 * groups at a time; for small cohorts all of it from several seeds.
 */
import { constructGroups } from './construct.ts';
import { needsExact } from './exact-fallback.ts';
import type { FixedReason, GroupPlan } from './group-plan.ts';
import type { GroupingState } from './grouping-state.ts';
import { insertWaiting } from './insert-waiting.ts';
import { createRandom, type Random } from './random.ts';
import { relocateForWaiting } from './relocate-group.ts';
import { openExtraGroups, repairGroups } from './repair-groups.ts';
import { improve } from './search.ts';

/** Placing one more person outweighs any penalty difference when comparing runs. */
const placementValue = 1e6;

type Snapshot = { groupOf: Int32Array; isActive: Uint8Array; pinOfGroup: Int32Array };

export function snapshotOf(state: GroupingState): Snapshot {
  return {
    groupOf: state.groupOf.slice(),
    isActive: state.isActive.slice(),
    pinOfGroup: state.pinOfGroup.slice(),
  };
}

export type Candidate = {
  snapshot: Snapshot;
  fixed: Map<number, FixedReason>;
  isPlaceable: Uint8Array;
  value: number;
};

/**
 * Construct → repair → anneal → polish, from several randomised constructions for small cohorts
 * (GRASP), then — up to 600 people — large-neighbourhood search: dissolve two random groups,
 * rebuild them with the randomised construction (often at other hours, which annealing alone
 * rarely achieves: a whole group would have to move), re-anneal cool, keep the result if better.
 * Compares runs by people placed, then penalty. Leaves `state` at the best result.
 */
export function searchFromConstructions(
  state: GroupingState,
  plan: GroupPlan,
  fixed: Map<number, FixedReason>,
  seed: number,
  effort: number,
  hasExact: boolean,
): { fixed: Map<number, FixedReason>; iterations: number; restarts: number; deferredIterations: number } {
  const people = plan.placeableCount;
  const budget = searchBudget(plan, effort);
  const useNeighbourhoods = effort > 0 && people <= 300;
  const runs = effort === 0 ? 1 : people <= 300 ? 4 : people <= 600 ? 2 : 1;
  let runIterations = Math.round((useNeighbourhoods ? budget * 0.4 : budget) / runs);
  let deferredIterations = 0;
  // Moving whole groups to other hours to place the waiting is slow at this size (a snapshot and
  // a re-insertion per trial); with the exact fallback, its flows open the missing groups instead.
  const skipsRelocation = hasExact && people > 600;
  const pinned = snapshotOf(state);
  const placeable = plan.isPlaceable.slice();
  const capture = (runFixed: Map<number, FixedReason>): Candidate => captureOf(state, plan, runFixed);
  const restore = (candidate: Candidate) => {
    state.load(candidate.snapshot.groupOf, candidate.snapshot.isActive, candidate.snapshot.pinOfGroup);
    plan.isPlaceable.set(candidate.isPlaceable);
  };
  let best: Candidate | null = null;
  let done = 0;
  for (let run = 0; run < runs; run++) {
    if (run > 0) state.load(pinned.groupOf, pinned.isActive, pinned.pinOfGroup);
    plan.isPlaceable.set(placeable);
    const runFixed = new Map(fixed);
    const random = createRandom(seed * 7919 + run * 104729 + 17);
    constructGroups(state, plan, random, run === 0 ? 1 : 0.5);
    repairGroups(state, plan, runFixed);
    openExtraGroups(state, plan);
    if (!skipsRelocation) relocateForWaiting(state, plan, 40);
    if (runs === 1 && hasExact && people > 600 && needsExact(state)) {
      // Somebody usable is still waiting after construction: the exact fallback will most likely
      // replace these groups, so anneal only briefly here (insertions can still place people) and
      // leave the rest of the budget for the search that continues from the exact answer.
      deferredIterations = Math.round(runIterations * 0.85);
      runIterations -= deferredIterations;
    }
    done += improve(state, plan, random, runIterations, 0.6);
    if (insertWaiting(state, plan) > 0) repairGroups(state, plan, runFixed);
    if (!skipsRelocation) relocateForWaiting(state, plan, 40);
    const candidate = capture(runFixed);
    if (!best || candidate.value < best.value - 1e-9) best = candidate;
  }
  if (!best) return { fixed, iterations: done, restarts: runs, deferredIterations };
  if (runs > 1) restore(best);
  if (useNeighbourhoods) {
    const outcome = searchNeighbourhoods(state, plan, best, createRandom(seed * 31 + 5), budget * 0.6);
    best = outcome.best;
    done += outcome.iterations;
  }
  plan.isPlaceable.set(best.isPlaceable);
  return { fixed: best.fixed, iterations: done, restarts: runs, deferredIterations };
}

/**
 * Cohorts up to this many placeable people are searched from several seeds (`searchFromSeveralSeeds`).
 * The repeats cost time in proportion: measured on tight rosters under load (average 3–6), n = 60
 * went from 2.4 to 4.5 s (median, 8 seeds), n = 80 gained 1.4–3.7 s and n = 100 up to 8 s (2 seeds
 * each; penalty −1.8 % and −3.6 %), n = 150 from 1.3 to 8 s (penalty −4.4 %). 100 people (10 groups)
 * keeps the extra within a few seconds for a small program; above it each repeat costs more (about
 * 0.9 s at 150) for less.
 */
export const smallCohortLimit = 100;
const smallCohortRepeats = 8;

/**
 * The search from constructions, repeated from `smallCohortRepeats` seeds for small cohorts, the
 * best kept (people placed first, then penalty). On tight rosters (groups of exactly 10, one
 * facilitator each) the result depends mostly on the hours the groups end up meeting at, which a
 * search fixes early and rarely leaves: the same n = 60 roster ended anywhere between 51 and 68
 * depending on the search's random draws, while its best two- and three-group re-splits were
 * already reached (a HiGHS model of every three groups found nothing better). Independent
 * searches sample the hours; the first repeat is the single search of larger cohorts, so the
 * best is never worse than it. Deterministic: the repeats' seeds follow from `seed`.
 */
export function searchFromSeveralSeeds(
  state: GroupingState,
  plan: GroupPlan,
  fixed: Map<number, FixedReason>,
  seed: number,
  effort: number,
  hasExact: boolean,
): ReturnType<typeof searchFromConstructions> {
  // Only where every group has one exact size: there the hours decide most (the tight class above),
  // while a range of sizes leaves the search room to move people, and the program of 40 or 60 with
  // groups of 8–10 — most programs, the demo among them — keeps forming in a second or two.
  const { groupSize } = state.problem.rules;
  const isExactSize = groupSize.min === groupSize.max;
  if (effort === 0 || !isExactSize || plan.placeableCount > smallCohortLimit) {
    return searchFromConstructions(state, plan, fixed, seed, effort, hasExact);
  }
  const pinned = snapshotOf(state);
  const placeable = plan.isPlaceable.slice();
  let best: { candidate: Candidate; outcome: ReturnType<typeof searchFromConstructions> } | undefined;
  let iterations = 0;
  let restarts = 0;
  for (let repeat = 0; repeat < smallCohortRepeats; repeat++) {
    if (repeat > 0) {
      state.load(pinned.groupOf, pinned.isActive, pinned.pinOfGroup);
      plan.isPlaceable.set(placeable);
    }
    // A large odd step keeps the repeats' seeds apart from the next seeds a coordinator may try.
    const outcome = searchFromConstructions(state, plan, fixed, seed + repeat * 1_000_003, effort, hasExact);
    iterations += outcome.iterations;
    restarts += outcome.restarts;
    const candidate = captureOf(state, plan, outcome.fixed);
    if (!best || candidate.value < best.candidate.value - 1e-9) best = { candidate, outcome };
  }
  const { candidate, outcome } = best!;
  state.load(candidate.snapshot.groupOf, candidate.snapshot.isActive, candidate.snapshot.pinOfGroup);
  plan.isPlaceable.set(candidate.isPlaceable);
  return { ...outcome, iterations, restarts };
}

export function captureOf(state: GroupingState, plan: GroupPlan, fixed: Map<number, FixedReason>): Candidate {
  return {
    snapshot: snapshotOf(state),
    fixed,
    isPlaceable: plan.isPlaceable.slice(),
    value: state.total() - placementValue * state.placedCount,
  };
}

/**
 * Large-neighbourhood search from `best` (the current state): dissolve two random groups,
 * rebuild them with the randomised construction (often at other hours, which annealing alone
 * rarely achieves), re-anneal cool, keep the result if better (people placed first, then
 * penalty). Leaves `state` at the best result.
 */
export function searchNeighbourhoods(
  state: GroupingState,
  plan: GroupPlan,
  start: Candidate,
  random: Random,
  iterations: number,
): { best: Candidate; iterations: number } {
  const people = plan.placeableCount;
  const roundIterations = Math.max(5000, 60 * people);
  const rounds = Math.max(1, Math.round(iterations / roundIterations));
  let best = start;
  let done = 0;
  for (let round = 0; round < rounds; round++) {
    const roundFixed = new Map(best.fixed);
    dissolveRandomGroups(state, random, 2);
    constructGroups(state, plan, random, 0.5);
    repairGroups(state, plan, roundFixed);
    openExtraGroups(state, plan);
    insertWaiting(state, plan);
    done += improve(state, plan, random, roundIterations, 0.15, 2);
    const candidate = captureOf(state, plan, roundFixed);
    if (candidate.value < best.value - 1e-9) best = candidate;
    else {
      state.load(best.snapshot.groupOf, best.snapshot.isActive, best.snapshot.pinOfGroup);
      plan.isPlaceable.set(best.isPlaceable);
    }
  }
  return { best, iterations: done };
}

/** Annealing steps for the whole search: 2,500 per person, between 1.5 M and 16 M, times `effort`. */
export function searchBudget(plan: GroupPlan, effort: number): number {
  return effort * Math.min(Math.max(2500 * plan.placeableCount, 1_500_000), 16_000_000);
}

/** Empties `count` random groups (pinned members stay; a group left empty is closed). */
function dissolveRandomGroups(state: GroupingState, random: Random, count: number): void {
  const groups = state.activeGroups();
  for (let taken = 0; taken < count && groups.length > 0; taken++) {
    const index = random.below(groups.length);
    const group = groups[index]!;
    groups.splice(index, 1);
    for (const person of state.membersOf(group)) if (state.problem.pinOf[person]! < 0) state.remove(person);
    if (state.size[group] === 0) state.closeGroup(group);
  }
}
