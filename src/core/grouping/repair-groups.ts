/** Making every group legal: extra groups for people still waiting, groups below the minimums completed or dissolved. */
import type { FixedReason, GroupPlan } from './group-plan.ts';
import type { GroupingState } from './grouping-state.ts';
import { insertWaiting } from './insert-waiting.ts';
import { maskWords } from './prepare.ts';
import { weeklySlotCount } from './weekly-slot.ts';

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
