import type { GroupingState } from './grouping-state.ts';
import { maskWords } from './prepare.ts';
import { weeklySlotCount } from './weekly-slot.ts';

type Step = { fromSlot: number; group: number; mover: number };

/**
 * Places a waiting person through a chain of moves of any length, like an augmenting path in a
 * flow network whose nodes are weekly hours: the person joins a full group free at one of their
 * hours, one member of that group moves to a group free at one of *their* hours, and so on until
 * a group with room is reached. Breadth-first over the 168 hours, so one search costs about
 * (people × free hours). Only non-facilitators move along the chain, so sizes and facilitator
 * counts of the groups in between do not change; every step is re-checked when applied and the
 * chain is undone if one fails (e.g. a conflict of interest).
 */
export function placeByChain(state: GroupingState, person: number): boolean {
  const { problem } = state;
  const parent = new Array<Step | null>(weeklySlotCount).fill(null);
  const visited = new Uint8Array(weeklySlotCount);
  const queue: number[] = [];
  for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
    const slot = problem.slotList[at]!;
    if (state.slotGroupCount[slot]! > 0 && !visited[slot]) {
      visited[slot] = 1;
      queue.push(slot);
    }
  }
  const { max } = problem.rules.groupSize;
  for (let head = 0; head < queue.length; head++) {
    const slot = queue[head]!;
    const key = slot * state.groupLimit;
    for (let position = 0; position < state.slotGroupCount[slot]!; position++) {
      const group = state.slotGroups[key + position]!;
      if (state.size[group]! < max && applyChain(state, person, parent, slot, group)) return true;
    }
    for (let position = 0; position < state.slotGroupCount[slot]!; position++) {
      const group = state.slotGroups[key + position]!;
      for (let index = 0; index < state.size[group]!; index++) {
        const mover = state.memberAt(group, index);
        if (problem.isFacilitator[mover] || problem.pinOf[mover]! >= 0) continue;
        for (let at = problem.slotStart[mover]!; at < problem.slotStart[mover + 1]!; at++) {
          const next = problem.slotList[at]!;
          if (visited[next] || state.slotGroupCount[next] === 0) continue;
          visited[next] = 1;
          parent[next] = { fromSlot: slot, group, mover };
          queue.push(next);
        }
      }
    }
  }
  return false;
}

/** Applies the chain ending with a move into `lastGroup` (at `lastSlot`), from the end back to `person`. */
function applyChain(
  state: GroupingState,
  person: number,
  parent: readonly (Step | null)[],
  lastSlot: number,
  lastGroup: number,
): boolean {
  const done: { person: number; from: number }[] = [];
  const undo = () => {
    for (const { person: moved, from } of done.reverse()) {
      if (from >= 0) state.move(moved, from);
      else state.remove(moved);
    }
    return false;
  };
  let target = lastGroup;
  let slot = lastSlot;
  const seen = new Set<number>([lastGroup]);
  for (let step = parent[slot]; step; step = parent[slot]) {
    if (step.group === target || seen.has(step.group)) return undo();
    if (state.groupOf[step.mover] !== step.group || !state.canJoin(step.mover, target)) return undo();
    done.push({ person: step.mover, from: step.group });
    state.move(step.mover, target);
    seen.add(step.group);
    target = step.group;
    slot = step.fromSlot;
  }
  if (!state.canJoin(person, target)) return undo();
  done.push({ person, from: -1 });
  state.add(person, target);
  return true;
}

/**
 * Places a waiting person in a group where exactly one member is not free at an hour the person
 * shares with the rest: that member steps out, the person steps in, and the member is placed
 * through a chain (`placeByChain`). Undone exactly if the member cannot be placed.
 */
export function placeByReplacingBlocker(state: GroupingState, person: number, limit = 24): boolean {
  const { problem } = state;
  let tried = 0;
  for (const group of state.activeGroups()) {
    if (tried >= limit) return false;
    if (state.hasConflictIn(person, group, -1) && !hasSingleConflict(state, person, group)) continue;
    for (const blocker of blockersOf(state, person, group)) {
      if (problem.pinOf[blocker]! >= 0 || problem.isFacilitator[blocker] !== problem.isFacilitator[person])
        continue;
      if (state.hasConflictIn(person, group, blocker) || !state.isFreeWithout(person, group, blocker))
        continue;
      tried++;
      state.remove(blocker);
      state.add(person, group);
      if (placeByChain(state, blocker)) return true;
      state.remove(person);
      state.add(blocker, group);
    }
  }
  return false;
}

function hasSingleConflict(state: GroupingState, person: number, group: number): boolean {
  const { conflictStart, conflictList } = state.problem;
  let count = 0;
  for (let at = conflictStart[person]!; at < conflictStart[person + 1]!; at++) {
    if (state.groupOf[conflictList[at]!] === group) count++;
  }
  return count === 1;
}

/** Members who alone keep `person` out of `group`: the one conflict, or the one member busy at an hour all others share with the person. */
function blockersOf(state: GroupingState, person: number, group: number): number[] {
  const { problem } = state;
  const blockers: number[] = [];
  for (let at = problem.conflictStart[person]!; at < problem.conflictStart[person + 1]!; at++) {
    const other = problem.conflictList[at]!;
    if (state.groupOf[other] === group) blockers.push(other);
  }
  if (blockers.length > 0) return blockers.length === 1 ? blockers : [];
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
