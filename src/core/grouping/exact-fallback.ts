/**
 * The exact fallback (issue 13): when the heuristic leaves anyone out who gave availability,
 * the exact placement model decides whether a legal grouping places more people. If it does,
 * the search continues from that grouping (annealing never un-places anyone), so nobody is
 * reported unplaced while a legal grouping that places them exists — unless the solver ran
 * out of time, which the caller then says.
 */
import { chooseSlot, commonSlotsOf } from './check-rules.ts';
import { type ExactPlacement, placeExactly } from './exact-placement.ts';
import type { FixedReason, GroupPlan } from './group-plan.ts';
import type { GroupingState } from './grouping-state.ts';
import type { MipSolver } from './mip.ts';
import type { PlacedGroup } from './placement-model.ts';
import type { Random } from './random.ts';
import { improve } from './search.ts';
import { weeklySlotCount } from './weekly-slot.ts';

export type ExactOptions = {
  /** A MIP solver (HiGHS in the grouping worker and the CLI). */
  solve: MipSolver;
  /** Solver time for the fallback; the diagnosis gets as much again. Default 20 s. */
  timeLimitSeconds?: number;
};

export const defaultExactTimeLimitSeconds = 20;

/**
 * Somebody is left out who some grouping might place: only then is the exact model worth its
 * time. People free only at hours fewer than `min` people, or fewer than the facilitators a
 * group needs, are free at are out in every grouping (at 10,000 people these are the only ones
 * left out, and the exact model would be slow there for nothing).
 */
export function needsExact(state: GroupingState): boolean {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const facilitatorsFree = new Int32Array(weeklySlotCount);
  for (let person = 0; person < problem.count; person++) {
    if (!problem.isFacilitator[person]) continue;
    for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
      facilitatorsFree[problem.slotList[at]!]!++;
    }
  }
  for (let person = 0; person < problem.count; person++) {
    if (state.groupOf[person]! >= 0) continue;
    for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
      const slot = problem.slotList[at]!;
      const isUsable =
        problem.slotPopularity[slot]! >= groupSize.min && facilitatorsFree[slot]! >= facilitatorsPerGroup.min;
      if (isUsable) return true;
    }
  }
  return false;
}

/** The state's groups as the exact model sees them. */
export function placedGroupsOf(state: GroupingState): PlacedGroup[] {
  return state.activeGroups().map((group) => {
    const members = state.membersOf(group);
    return {
      members,
      slot: chooseSlot(state.problem, commonSlotsOf(state.problem, members)) ?? -1,
      pin: state.pinOfGroup[group]!,
    };
  });
}

/**
 * Runs the exact placement seeded with the state's groups; when it places more people, loads
 * its grouping into `state` and improves it with `iterations` annealing steps. Returns what the
 * solver proved.
 */
export function completeExactly(
  state: GroupingState,
  plan: GroupPlan,
  fixed: Map<number, FixedReason>,
  exact: ExactOptions,
  random: Random,
  iterations: number,
): ExactPlacement {
  const limit = exact.timeLimitSeconds ?? defaultExactTimeLimitSeconds;
  const outcome = placeExactly(state.problem, { kind: 'none' }, exact.solve, limit, placedGroupsOf(state));
  if (!outcome.groups || outcome.placedCount <= state.placedCount) return outcome;
  const groupOf = new Int32Array(state.problem.count).fill(-1);
  const isActive = new Uint8Array(state.groupLimit);
  const pinOfGroup = new Int32Array(state.groupLimit).fill(-1);
  outcome.groups.forEach((group, index) => {
    isActive[index] = 1;
    pinOfGroup[index] = group.pin;
    for (const person of group.members) {
      groupOf[person] = index;
      plan.isPlaceable[person] = 1;
      fixed.delete(person);
    }
  });
  state.load(groupOf, isActive, pinOfGroup);
  // The exact answer is legal but unpolished (the model ignores the soft goals). Up to 300
  // people anneal it as hot as a fresh construction (on tight rosters of 60, with the full
  // budget: 4 % lower penalty than a quarter of it at heat 0.3); above, time matters more.
  improve(state, plan, random, iterations, plan.placeableCount <= 300 ? 0.6 : 0.3);
  return outcome;
}
