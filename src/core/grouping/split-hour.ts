/**
 * Exact placement, stage 2 without the solver: split the people the slot model put at one hour
 * into that hour's groups by matching. Sizes as even as the count allows, facilitators spread the
 * same way, then each other person joins a group with room and nobody they conflict with —
 * through a chain of moves when every such group is full (an augmenting path: the person takes a
 * place, a member of that group moves on to another group, … until a group with room). On
 * rosters like the tight class (conflicts only between a supervisor and those they supervise)
 * this always succeeds and costs microseconds, where a partition MIP per hour cost HiGHS a large
 * part of the exact fallback. When it does not succeed it says so (null), and the caller solves
 * the partition model (partition-model.ts) instead, so nothing is lost. Given the groups people
 * were in before (the heuristic's), each goes back to the group of their former facilitator
 * where they can, so the search that continues from the split starts close to where it was.
 */
import type { RelaxedRules } from './placement-model.ts';
import type { Problem } from './prepare.ts';

export function splitByMatching(
  problem: Problem,
  rules: RelaxedRules,
  members: readonly number[],
  groupCount: number,
  previousGroupOf: Int32Array | null = null,
): number[][] | null {
  const { size, facilitators } = rules;
  const total = members.length;
  if (groupCount <= 0 || total < size.min * groupCount || total > size.max * groupCount) return null;
  const facilitatorList = members.filter((person) => problem.isFacilitator[person]);
  const others = members.filter((person) => !problem.isFacilitator[person]);
  const facilitatorCount = facilitatorList.length;
  if (facilitatorCount < facilitators.min * groupCount || facilitatorCount > facilitators.max * groupCount) {
    return null;
  }
  const inHour = new Set(members);
  const conflicts = new Map<number, number[]>();
  for (const person of members) {
    const list: number[] = [];
    for (let at = problem.conflictStart[person]!; at < problem.conflictStart[person + 1]!; at++) {
      const other = problem.conflictList[at]!;
      if (inHour.has(other) && rules.isConflictKept(person, other)) list.push(other);
    }
    conflicts.set(person, list);
  }
  const conflictsOf = (person: number) => conflicts.get(person) ?? [];
  const groupOf = new Map<number, number>();
  const groups: number[][] = Array.from({ length: groupCount }, () => []);
  const facilitatorQuota = evenSplit(facilitatorCount, groupCount);
  const sizes = evenSplit(total, groupCount);
  const isFreeOfConflicts = (person: number, group: number) =>
    conflictsOf(person).every((other) => groupOf.get(other) !== group);
  const join = (person: number, group: number) => {
    groups[group]!.push(person);
    groupOf.set(person, group);
  };

  // Each group inherits the earlier group of its first facilitator; the others go back to it first.
  const anchor = new Int32Array(groupCount).fill(-1);
  for (const person of facilitatorList) {
    const previous = previousGroupOf?.[person] ?? -1;
    let chosen = -1;
    for (let group = 0; group < groupCount; group++) {
      if (groups[group]!.length >= facilitatorQuota[group]! || !isFreeOfConflicts(person, group)) continue;
      // Co-facilitators of one earlier group stay together; otherwise the emptiest group.
      if (previous >= 0 && anchor[group] === previous) {
        chosen = group;
        break;
      }
      if (chosen < 0 || groups[group]!.length < groups[chosen]!.length) chosen = group;
    }
    if (chosen < 0) return null;
    if (groups[chosen]!.length === 0) anchor[chosen] = previousGroupOf?.[person] ?? -1;
    join(person, chosen);
  }
  if (sizes.some((groupSize, group) => groupSize < groups[group]!.length)) return null;

  // The most constrained first, so the chains are needed as rarely as possible.
  const order = [...others].sort((a, b) => conflictsOf(b).length - conflictsOf(a).length || a - b);
  for (const person of order) {
    const previous = previousGroupOf?.[person] ?? -1;
    const preferred = previous < 0 ? -1 : anchor.indexOf(previous);
    if (
      !placeThroughChain(person, preferred, groups, sizes, groupOf, problem.isFacilitator, isFreeOfConflicts)
    ) {
      return null;
    }
  }
  return groups;
}

/** Sizes as even as possible: `count` split over `parts`, the larger ones first. */
function evenSplit(count: number, parts: number): number[] {
  const base = Math.floor(count / parts);
  return Array.from({ length: parts }, (_, part) => base + (part < count % parts ? 1 : 0));
}

/**
 * Breadth-first over groups: `person` enters a group they have no conflict in; if it is full, one
 * of its non-facilitator members moves on to another such group, and so on until a group has room.
 */
function placeThroughChain(
  person: number,
  preferred: number,
  groups: number[][],
  sizes: readonly number[],
  groupOf: Map<number, number>,
  isFacilitator: Uint8Array,
  isFreeOfConflicts: (person: number, group: number) => boolean,
): boolean {
  const groupCount = groups.length;
  // parent[g] = the person who enters g on the path, and the group they leave (-1: the newcomer).
  const enteringPerson = new Int32Array(groupCount).fill(-1);
  const leftGroup = new Int32Array(groupCount).fill(-1);
  const visited = new Uint8Array(groupCount);
  const queue: number[] = [];
  // The preferred group (the person's earlier one) is tried first.
  for (let step = -1; step < groupCount; step++) {
    const group = step < 0 ? preferred : step;
    if (group < 0 || visited[group] || !isFreeOfConflicts(person, group)) continue;
    visited[group] = 1;
    enteringPerson[group] = person;
    queue.push(group);
  }
  for (let head = 0; head < queue.length; head++) {
    const group = queue[head]!;
    if (groups[group]!.length < sizes[group]!) {
      // Walk back: each entering person leaves the group before it on the path.
      let target = group;
      while (target >= 0) {
        const mover = enteringPerson[target]!;
        const from = leftGroup[target]!;
        if (from >= 0) {
          const list = groups[from]!;
          list.splice(list.indexOf(mover), 1);
        }
        groups[target]!.push(mover);
        groupOf.set(mover, target);
        target = from;
      }
      return true;
    }
    for (const member of groups[group]!) {
      // Facilitators stay: moving them would change the groups' facilitator counts.
      if (isFacilitator[member]) continue;
      for (let next = 0; next < groupCount; next++) {
        if (visited[next] || !isFreeOfConflicts(member, next)) continue;
        visited[next] = 1;
        enteringPerson[next] = member;
        leftGroup[next] = group;
        queue.push(next);
      }
    }
  }
  return false;
}
