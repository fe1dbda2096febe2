import { placeByChain, placeByReplacingBlocker } from './augment.ts';
import type { GroupingState } from './grouping-state.ts';
import type { UnplacedReason } from './model.ts';
import { maskWords, type Problem } from './prepare.ts';
import { type Random, shuffleInPlace } from './random.ts';
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

/**
 * Greedy construction. Repeatedly picks the weekly hour with the most unplaced demand (people
 * weighted by 1 / the number of hours they could meet at, so the hard-to-place count most),
 * opens a group there with a facilitator free then, and fills it with people free then — the
 * least flexible first, ties broken by the smallest increase of the objective. Pinned groups
 * are filled first. Leftovers are inserted where they fit best, then `repairGroups` fixes sizes.
 */
export function constructGroups(state: GroupingState, plan: GroupPlan, random: Random, greediness = 1): void {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const weight = new Float64Array(weeklySlotCount);
  const people = new Int32Array(weeklySlotCount);
  const facilitators = new Int32Array(weeklySlotCount);
  const isWaiting = (person: number) => plan.isPlaceable[person] === 1 && state.groupOf[person]! < 0;
  const track = (person: number, sign: number) => {
    const share = sign / Math.max(1, plan.viableSlots[person]!);
    for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
      const slot = problem.slotList[at]!;
      weight[slot]! += share;
      people[slot]! += sign;
      facilitators[slot]! += sign * problem.isFacilitator[person]!;
    }
  };
  for (let person = 0; person < problem.count; person++) if (isWaiting(person)) track(person, 1);
  const place = (person: number, group: number) => {
    state.add(person, group);
    track(person, -1);
  };

  const fillAt = (group: number, slot: number) => {
    const candidates: number[] = [];
    for (let at = plan.slotPeopleStart[slot]!; at < plan.slotPeopleStart[slot + 1]!; at++) {
      const person = plan.slotPeopleList[at]!;
      if (isWaiting(person)) candidates.push(person);
    }
    shuffleInPlace(candidates, random);
    const facilitatorCandidates = candidates
      .filter((person) => problem.isFacilitator[person])
      .sort((a, b) => plan.viableSlots[a]! - plan.viableSlots[b]!);
    for (const person of facilitatorCandidates) {
      if (state.facilitators[group]! >= facilitatorsPerGroup.min) break;
      if (state.canJoin(person, group)) place(person, group);
    }
    const bucket = (person: number) => Math.min(plan.viableSlots[person]!, 4);
    const pool = candidates
      .filter((person) => !problem.isFacilitator[person])
      .sort((a, b) => bucket(a) - bucket(b))
      .slice(0, Math.max(4 * plan.targetSize, 24));
    while (state.size[group]! < plan.targetSize) {
      let best = -1;
      let bestKey = Infinity;
      for (const person of pool) {
        if (state.groupOf[person]! >= 0 || !state.canJoin(person, group)) continue;
        const key = bucket(person) * 1e6 + state.insertDelta(person, group);
        if (key < bestKey) {
          bestKey = key;
          best = person;
        }
      }
      if (best < 0) break;
      place(best, group);
    }
  };

  // With greediness < 1 (randomised restarts), the hour is drawn among those within that share of the best demand.
  const bestSlot = (group: number, isStrict: boolean) => {
    let chosen = -1;
    const candidates: number[] = [];
    for (let slot = 0; slot < weeklySlotCount; slot++) {
      if (group >= 0 && !((state.masks[group * maskWords + (slot >>> 5)]! >>> (slot & 31)) & 1)) continue;
      const neededFacilitators = facilitatorsPerGroup.min - (group >= 0 ? state.facilitators[group]! : 0);
      const neededPeople = groupSize.min - (group >= 0 ? state.size[group]! : 0);
      if (isStrict && (facilitators[slot]! < neededFacilitators || people[slot]! < neededPeople)) continue;
      candidates.push(slot);
      if (chosen < 0 || weight[slot]! > weight[chosen]!) chosen = slot;
    }
    if (greediness >= 1 || chosen < 0) return chosen;
    const threshold = weight[chosen]! * greediness;
    const near = candidates.filter((slot) => weight[slot]! >= threshold);
    return near[random.below(near.length)] ?? chosen;
  };

  for (const group of state.activeGroups()) {
    const slot = bestSlot(group, true);
    const fallback = slot >= 0 ? slot : bestSlot(group, false);
    if (fallback >= 0) fillAt(group, fallback);
  }
  while (state.activeCount < plan.targetGroups) {
    const slot = bestSlot(-1, true);
    if (slot < 0) break;
    const group = state.openGroup();
    if (group < 0) break;
    fillAt(group, slot);
    if (state.size[group] === 0) {
      state.closeGroup(group);
      break;
    }
  }
  insertWaiting(state, plan);
}

/** Candidate groups for `person`: those whose members all share one of the person's free hours. */
export function compatibleGroups(
  state: GroupingState,
  person: number,
  stamp: Int32Array,
  mark: number,
): number[] {
  const { problem } = state;
  const groups: number[] = [];
  for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
    const slot = problem.slotList[at]!;
    const key = slot * state.groupLimit;
    for (let position = 0; position < state.slotGroupCount[slot]!; position++) {
      const group = state.slotGroups[key + position]!;
      if (stamp[group] === mark) continue;
      stamp[group] = mark;
      groups.push(group);
    }
  }
  return groups;
}

/** Puts waiting people where they fit best; then tries one-step ejection chains for the rest. */
export function insertWaiting(state: GroupingState, plan: GroupPlan): number {
  const { problem } = state;
  const waiting: number[] = [];
  for (let person = 0; person < problem.count; person++) {
    if (plan.isPlaceable[person] && state.groupOf[person]! < 0) waiting.push(person);
  }
  waiting.sort((a, b) => plan.viableSlots[a]! - plan.viableSlots[b]! || a - b);
  const stamp = new Int32Array(state.groupLimit).fill(-1);
  let mark = 0;
  let placed = 0;
  for (const person of waiting) {
    let best = -1;
    let bestDelta = Infinity;
    for (const group of compatibleGroups(state, person, stamp, mark++)) {
      if (!state.canJoin(person, group)) continue;
      const delta = state.insertDelta(person, group);
      if (delta < bestDelta) {
        bestDelta = delta;
        best = group;
      }
    }
    if (best >= 0) {
      state.add(person, best);
      placed++;
    } else if (
      ejectFor(state, person, stamp, mark++) ||
      placeByChain(state, person) ||
      placeByReplacingBlocker(state, person)
    ) {
      placed++;
    }
  }
  return placed;
}

/**
 * Makes room for `person` by moving one member of a group to another group: a member of a full
 * group, the one member not free at an hour the person shares with the rest, or the one member
 * they have a conflict with.
 */
function ejectFor(state: GroupingState, person: number, stamp: Int32Array, mark: number): boolean {
  const { problem } = state;
  const { facilitatorsPerGroup } = problem.rules;
  const isFacilitator = problem.isFacilitator[person] === 1;
  const innerStamp = new Int32Array(state.groupLimit).fill(-1);
  let innerMark = 0;
  const candidates: number[] = [];
  for (const group of state.activeGroups()) {
    stamp[group] = mark;
    candidates.length = 0;
    const isFree = state.isFree(person, group);
    const conflicts: number[] = [];
    for (let at = problem.conflictStart[person]!; at < problem.conflictStart[person + 1]!; at++) {
      if (state.groupOf[problem.conflictList[at]!] === group) conflicts.push(problem.conflictList[at]!);
    }
    if (conflicts.length > 1) continue;
    if (conflicts.length === 1) candidates.push(conflicts[0]!);
    else if (isFree) {
      for (let position = 0; position < state.size[group]!; position++)
        candidates.push(state.memberAt(group, position));
    } else {
      for (const blocker of soleBlockers(state, person, group)) candidates.push(blocker);
    }
    for (const member of candidates) {
      if (problem.pinOf[member]! >= 0) continue;
      const memberIsFacilitator = problem.isFacilitator[member] === 1;
      const facilitatorsAfter =
        state.facilitators[group]! - (memberIsFacilitator ? 1 : 0) + (isFacilitator ? 1 : 0);
      if (facilitatorsAfter < facilitatorsPerGroup.min || facilitatorsAfter > facilitatorsPerGroup.max)
        continue;
      if (state.hasConflictIn(person, group, member) || !state.isFreeWithout(person, group, member)) continue;
      for (const target of compatibleGroups(state, member, innerStamp, innerMark++)) {
        if (target === group || !state.canJoin(member, target)) continue;
        state.move(member, target);
        state.add(person, group);
        return true;
      }
    }
  }
  return false;
}

/** Members of `group` who alone keep `person` out: at some hour of the person's, everyone else is free. */
function soleBlockers(state: GroupingState, person: number, group: number): number[] {
  const { problem } = state;
  const blockers: number[] = [];
  for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
    const slot = problem.slotList[at]!;
    const word = slot >>> 5;
    const bit = slot & 31;
    let blocker = -1;
    let busy = 0;
    for (let position = 0; position < state.size[group]! && busy < 2; position++) {
      const member = state.memberAt(group, position);
      if (!((problem.availability[member * maskWords + word]! >>> bit) & 1)) {
        busy++;
        blocker = member;
      }
    }
    if (busy === 1 && !blockers.includes(blocker)) blockers.push(blocker);
  }
  return blockers;
}

/**
 * Starts extra groups for people still waiting: at an hour where waiting people, a facilitator
 * (waiting, or spare in a group with more than the minimum) and members that other groups can
 * spare add up to a legal group. Undone when it does not reach the minimums.
 */
export function openExtraGroups(state: GroupingState, plan: GroupPlan): void {
  const { problem } = state;
  const { groupSize } = problem.rules;
  for (let attempt = 0; attempt < state.groupLimit; attempt++) {
    const waitingBySlot = new Int32Array(weeklySlotCount);
    let anyWaiting = false;
    for (let person = 0; person < problem.count; person++) {
      if (!plan.isPlaceable[person] || state.groupOf[person]! >= 0) continue;
      anyWaiting = true;
      for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
        waitingBySlot[problem.slotList[at]!]!++;
      }
    }
    if (!anyWaiting) return;
    const slots = Array.from({ length: weeklySlotCount }, (_, slot) => slot)
      .filter((slot) => waitingBySlot[slot]! > 0 && problem.slotPopularity[slot]! >= groupSize.min)
      .sort((a, b) => waitingBySlot[b]! - waitingBySlot[a]! || a - b);
    let opened = false;
    for (const slot of slots) {
      if (tryOpenAt(state, plan, slot)) {
        opened = true;
        break;
      }
    }
    if (!opened) return;
  }
}

function tryOpenAt(state: GroupingState, plan: GroupPlan, slot: number): boolean {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const group = state.openGroup();
  if (group < 0) return false;
  const moves: { person: number; from: number }[] = [];
  const people: number[] = [];
  for (let at = plan.slotPeopleStart[slot]!; at < plan.slotPeopleStart[slot + 1]!; at++) {
    const person = plan.slotPeopleList[at]!;
    if (plan.isPlaceable[person] && problem.pinOf[person]! < 0) people.push(person);
  }
  const waitingFirst = (a: number, b: number) =>
    (state.groupOf[a]! >= 0 ? 1 : 0) - (state.groupOf[b]! >= 0 ? 1 : 0) ||
    (state.groupOf[a]! >= 0 ? state.size[state.groupOf[b]!]! - state.size[state.groupOf[a]!]! : 0) ||
    a - b;
  const take = (wantFacilitator: boolean, limit: number) => {
    for (const person of [...people].sort(waitingFirst)) {
      if (state.size[group]! >= limit) return;
      if (wantFacilitator !== (problem.isFacilitator[person] === 1)) continue;
      if (wantFacilitator && state.facilitators[group]! >= facilitatorsPerGroup.min) return;
      const from = state.groupOf[person]!;
      if (from === group || !state.canJoin(person, group)) continue;
      if (from >= 0 && !state.canLeave(person)) continue;
      moves.push({ person, from });
      if (from >= 0) state.move(person, group);
      else state.add(person, group);
    }
  };
  take(true, groupSize.max);
  take(false, groupSize.min);
  if (state.size[group]! >= groupSize.min && state.facilitators[group]! >= facilitatorsPerGroup.min) {
    insertWaiting(state, plan);
    return true;
  }
  for (const { person, from } of moves.reverse()) {
    if (from >= 0) state.move(person, from);
    else state.remove(person);
  }
  state.closeGroup(group);
  return false;
}

/**
 * Makes every group legal: groups below the minimum size or facilitator count pull people from
 * groups that can spare them; a group that still cannot be completed is dissolved and its
 * members are offered to the others. Pinned members of a dissolved group are set aside.
 */
export function repairGroups(state: GroupingState, plan: GroupPlan, fixed: Map<number, FixedReason>): void {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  for (let round = 0; round < state.groupLimit + 1; round++) {
    let worst = -1;
    for (const group of state.activeGroups()) {
      if (!completeGroup(state, plan, group)) {
        if (worst < 0 || state.size[group]! < state.size[worst]!) worst = group;
      }
    }
    if (worst < 0) return;
    const members = state.membersOf(worst);
    const pin = state.pinOfGroup[worst]!;
    for (const member of members) {
      state.remove(member);
      if (problem.pinOf[member] === pin && pin >= 0) {
        const shortOf =
          state.facilitators[worst]! < facilitatorsPerGroup.min
            ? `no facilitator is free at an hour its pinned members share`
            : `it could not be filled to ${groupSize.min} people who share a free hour`;
        fixed.set(member, {
          reason: 'pinned-group-infeasible',
          message: `pinned to group "${problem.pinIds[pin]}", but ${shortOf}`,
        });
        plan.isPlaceable[member] = 0;
      }
    }
    state.closeGroup(worst);
    insertWaiting(state, plan);
  }
}

function completeGroup(state: GroupingState, plan: GroupPlan, group: number): boolean {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const pull = (wantFacilitator: boolean, fromGroups: boolean): boolean => {
    for (let slot = 0; slot < weeklySlotCount; slot++) {
      if (!((state.masks[group * maskWords + (slot >>> 5)]! >>> (slot & 31)) & 1)) continue;
      for (let at = plan.slotPeopleStart[slot]!; at < plan.slotPeopleStart[slot + 1]!; at++) {
        const person = plan.slotPeopleList[at]!;
        if (!plan.isPlaceable[person] || (wantFacilitator && !problem.isFacilitator[person])) continue;
        const from = state.groupOf[person]!;
        if (from === group || from >= 0 !== fromGroups || problem.pinOf[person]! >= 0) continue;
        if (!state.canJoin(person, group) || (from >= 0 && !state.canLeave(person))) continue;
        if (from >= 0) state.move(person, group);
        else state.add(person, group);
        return true;
      }
    }
    return false;
  };
  while (state.facilitators[group]! < facilitatorsPerGroup.min) {
    if (!pull(true, false) && !pull(true, true)) return false;
  }
  while (state.size[group]! < groupSize.min) {
    if (!pull(false, false) && !pull(false, true)) return false;
  }
  return true;
}
