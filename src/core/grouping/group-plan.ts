/** Before groups are formed: pinned people placed first, then how many groups of what size, and who can be placed at all. */
import type { GroupingState } from './grouping-state.ts';
import type { UnplacedReason } from './model.ts';
import type { Problem } from './prepare.ts';
import { weeklySlotCount } from './weekly-slot.ts';

export type FixedReason = { reason: UnplacedReason; message: string };

/** What the construction needs to know about the cohort before forming groups. */
export type GroupPlan = {
  /** People who could be in some group: free at an hour at least `min` people share. */
  isPlaceable: Uint8Array;
  placeableCount: number;
  placeableFacilitators: number;
  /** Per person: how many of their free hours are shared by at least `min` people and `min` facilitators. */
  viableSlots: Int32Array;
  /** Per hour: placeable people free then. */
  slotPeopleStart: Int32Array;
  slotPeopleList: Int32Array;
  targetGroups: number;
  targetSize: number;
  facilitatorShortage: { needed: number; available: number } | null;
  facilitatorSurplus: { capacity: number; available: number } | null;
};

function labelOf(problem: Problem, person: number): string {
  const participant = problem.participants[person];
  return participant?.name ? `${participant.name} (${participant.id})` : `"${participant?.id}"`;
}

/** Pinned people go first into their groups; anyone whose pin cannot hold is set aside with the reason. */
export function placePinned(state: GroupingState, fixed: Map<number, FixedReason>): void {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  problem.pinIds.forEach((pinId, pin) => {
    let group = -1;
    for (let person = 0; person < problem.count; person++) {
      if (problem.pinOf[person] !== pin || fixed.has(person)) continue;
      if (group < 0) {
        group = state.openGroup();
        state.pinOfGroup[group] = pin;
      }
      const refuse = (message: string) =>
        fixed.set(person, {
          reason: 'pinned-group-infeasible',
          message: `pinned to group "${pinId}", but ${message}`,
        });
      if (state.size[group]! >= groupSize.max)
        refuse(`${groupSize.max} people are already pinned there (the maximum)`);
      else if (problem.isFacilitator[person] && state.facilitators[group]! >= facilitatorsPerGroup.max) {
        refuse(`${facilitatorsPerGroup.max} facilitator(s) are already pinned there (the maximum)`);
      } else if (state.hasConflictIn(person, group, -1)) {
        const other = state.membersOf(group).find((member) => isConflict(problem, person, member)) ?? -1;
        refuse(`${labelOf(problem, other)} is pinned there too and the two have a conflict of interest`);
      } else if (state.size[group]! > 0 && !state.isFree(person, group)) {
        refuse('they share no free hour with the others pinned there');
      } else state.add(person, group);
    }
  });
}

export function isConflict(problem: Problem, first: number, second: number): boolean {
  for (let at = problem.conflictStart[first]!; at < problem.conflictStart[first + 1]!; at++) {
    if (problem.conflictList[at] === second) return true;
  }
  return false;
}

/** Decides how many groups to aim for and of what size, and who can be placed at all. */
export function planGroups(state: GroupingState, fixed: Map<number, FixedReason>): GroupPlan {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const popularity = new Int32Array(weeklySlotCount);
  const facilitatorPopularity = new Int32Array(weeklySlotCount);
  for (let person = 0; person < problem.count; person++) {
    if (fixed.has(person)) continue;
    for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
      popularity[problem.slotList[at]!]!++;
      facilitatorPopularity[problem.slotList[at]!]! += problem.isFacilitator[person]!;
    }
  }
  const isViable = (slot: number) =>
    popularity[slot]! >= groupSize.min && facilitatorPopularity[slot]! >= facilitatorsPerGroup.min;
  const viableSlots = new Int32Array(problem.count);
  const isPlaceable = new Uint8Array(problem.count);
  let placeableCount = 0;
  let placeableFacilitators = 0;
  const slotCounts = new Int32Array(weeklySlotCount + 1);
  for (let person = 0; person < problem.count; person++) {
    if (fixed.has(person)) continue;
    let viable = 0;
    for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
      if (isViable(problem.slotList[at]!)) viable++;
    }
    viableSlots[person] = viable;
    if (viable === 0 && state.groupOf[person]! < 0) continue;
    isPlaceable[person] = 1;
    placeableCount++;
    placeableFacilitators += problem.isFacilitator[person]!;
    for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
      slotCounts[problem.slotList[at]! + 1]!++;
    }
  }
  const slotPeopleStart = new Int32Array(weeklySlotCount + 1);
  for (let slot = 0; slot < weeklySlotCount; slot++) {
    slotPeopleStart[slot + 1] = slotPeopleStart[slot]! + slotCounts[slot + 1]!;
  }
  const slotPeopleList = new Int32Array(slotPeopleStart[weeklySlotCount]!);
  const fill = slotPeopleStart.slice(0, weeklySlotCount);
  for (let person = 0; person < problem.count; person++) {
    if (!isPlaceable[person]) continue;
    for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
      const slot = problem.slotList[at]!;
      slotPeopleList[fill[slot]!++] = person;
    }
  }

  const fewestGroups = Math.ceil(placeableCount / groupSize.max);
  const mostGroups = Math.floor(placeableCount / groupSize.min);
  const facilitatorLimit =
    facilitatorsPerGroup.min > 0 ? Math.floor(placeableFacilitators / facilitatorsPerGroup.min) : Infinity;
  let targetGroups = Math.round(placeableCount / ((groupSize.min + groupSize.max) / 2));
  if (facilitatorsPerGroup.max > 0)
    targetGroups = Math.max(targetGroups, Math.ceil(placeableFacilitators / facilitatorsPerGroup.max));
  targetGroups = Math.min(Math.max(targetGroups, fewestGroups), mostGroups, facilitatorLimit);
  const facilitatorShortage =
    facilitatorLimit < fewestGroups && mostGroups > 0
      ? { needed: fewestGroups * facilitatorsPerGroup.min, available: placeableFacilitators }
      : null;
  const capacity = targetGroups * facilitatorsPerGroup.max;
  const facilitatorSurplus =
    placeableFacilitators > capacity && mostGroups > 0
      ? { capacity, available: placeableFacilitators }
      : null;
  const targetSize =
    targetGroups > 0
      ? Math.min(groupSize.max, Math.max(groupSize.min, Math.floor(placeableCount / targetGroups)))
      : groupSize.min;
  return {
    isPlaceable,
    placeableCount,
    placeableFacilitators,
    viableSlots,
    slotPeopleStart,
    slotPeopleList,
    targetGroups,
    targetSize,
    facilitatorShortage,
    facilitatorSurplus,
  };
}
