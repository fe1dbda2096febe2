import type { GroupPlan } from './group-plan.ts';
import type { GroupingState } from './grouping-state.ts';
import { insertWaiting } from './insert-waiting.ts';
import { maskWords } from './prepare.ts';
import { weeklySlotCount } from './weekly-slot.ts';

/**
 * Moves a whole group to another hour when that places more people: for an hour where waiting
 * people are free but no group meets, take a group whose facilitator is free then, refill it
 * with people free at that hour (the least flexible first) and re-place its former members
 * elsewhere. Kept only if more people end up placed; otherwise undone exactly.
 */
export function relocateForWaiting(state: GroupingState, plan: GroupPlan, maxTrials: number): void {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  let trials = 0;
  const failed = new Set<string>();
  while (trials < maxTrials) {
    const waitingBySlot = new Int32Array(weeklySlotCount);
    for (let person = 0; person < problem.count; person++) {
      if (!plan.isPlaceable[person] || state.groupOf[person]! >= 0) continue;
      for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
        waitingBySlot[problem.slotList[at]!]!++;
      }
    }
    const slots = Array.from({ length: weeklySlotCount }, (_, slot) => slot)
      .filter(
        (slot) =>
          waitingBySlot[slot]! > 0 &&
          problem.slotPopularity[slot]! >= groupSize.min &&
          (facilitatorsPerGroup.min === 0 || hasFacilitatorFree(state, plan, slot)),
      )
      .sort((a, b) => waitingBySlot[b]! - waitingBySlot[a]! || a - b)
      .slice(0, 4);
    let improved = false;
    for (const slot of slots) {
      const hosts = state
        .activeGroups()
        .filter((group) => state.pinOfGroup[group]! < 0 && !failed.has(`${slot}:${group}`))
        .filter((group) =>
          state
            .membersOf(group)
            .some((member) => problem.isFacilitator[member] && isFreeAt(state, member, slot)),
        )
        .slice(0, 3);
      for (const host of hosts) {
        if (trials++ >= maxTrials) return;
        if (moveGroupTo(state, plan, host, slot)) {
          improved = true;
          break;
        }
        failed.add(`${slot}:${host}`);
      }
      if (improved) break;
    }
    if (!improved) return;
  }
}

function moveGroupTo(state: GroupingState, plan: GroupPlan, group: number, slot: number): boolean {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const before = {
    groupOf: state.groupOf.slice(),
    isActive: state.isActive.slice(),
    pinOfGroup: state.pinOfGroup.slice(),
  };
  const placedBefore = state.placedCount;
  const former = state.membersOf(group);
  for (const member of former) state.remove(member);
  const candidates: number[] = [];
  for (let at = plan.slotPeopleStart[slot]!; at < plan.slotPeopleStart[slot + 1]!; at++) {
    const person = plan.slotPeopleList[at]!;
    if (plan.isPlaceable[person] && state.groupOf[person]! < 0 && problem.pinOf[person]! < 0)
      candidates.push(person);
  }
  const wasMember = new Set(former);
  candidates.sort(
    (a, b) =>
      problem.isFacilitator[b]! - problem.isFacilitator[a]! ||
      (wasMember.has(a) ? 1 : 0) - (wasMember.has(b) ? 1 : 0) ||
      plan.viableSlots[a]! - plan.viableSlots[b]! ||
      a - b,
  );
  const target = Math.max(groupSize.min, Math.min(groupSize.max, plan.targetSize));
  for (const person of candidates) {
    if (state.size[group]! >= target) break;
    if (problem.isFacilitator[person] && state.facilitators[group]! >= facilitatorsPerGroup.min) continue;
    if (state.canJoin(person, group)) state.add(person, group);
  }
  // Still short: borrow people free then from groups that can spare them.
  for (
    let at = plan.slotPeopleStart[slot]!;
    at < plan.slotPeopleStart[slot + 1]! && state.size[group]! < groupSize.min;
    at++
  ) {
    const person = plan.slotPeopleList[at]!;
    const from = state.groupOf[person]!;
    if (from < 0 || from === group || problem.pinOf[person]! >= 0 || problem.isFacilitator[person]) continue;
    if (state.canLeave(person) && state.canJoin(person, group)) state.move(person, group);
  }
  if (state.size[group]! >= groupSize.min && state.facilitators[group]! >= facilitatorsPerGroup.min) {
    insertWaiting(state, plan);
    if (state.placedCount > placedBefore) return true;
  }
  state.load(before.groupOf, before.isActive, before.pinOfGroup);
  return false;
}

function isFreeAt(state: GroupingState, person: number, slot: number): boolean {
  return ((state.problem.availability[person * maskWords + (slot >>> 5)]! >>> (slot & 31)) & 1) === 1;
}

function hasFacilitatorFree(state: GroupingState, plan: GroupPlan, slot: number): boolean {
  const { problem } = state;
  for (let at = plan.slotPeopleStart[slot]!; at < plan.slotPeopleStart[slot + 1]!; at++) {
    const person = plan.slotPeopleList[at]!;
    if (problem.isFacilitator[person] && problem.pinOf[person]! < 0) return true;
  }
  return false;
}
