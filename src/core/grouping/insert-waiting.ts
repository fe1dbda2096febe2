/** Placing people still waiting where they fit best, making room by moving one member when none fits. */
import { placeByChain, placeByReplacingBlocker } from './augment.ts';
import type { GroupPlan } from './group-plan.ts';
import type { GroupingState } from './grouping-state.ts';
import { maskWords } from './prepare.ts';

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
