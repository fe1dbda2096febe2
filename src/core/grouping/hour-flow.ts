/**
 * Exact placement's first try, without the solver: who meets at which hour, by flows. When the
 * heuristic falls short it is usually by whole groups (on tight rosters, 10 of 1,000 people: one
 * group with its facilitator). Keeping its groups' hours and opening the missing groups at one
 * or two hours, placing everyone is two assignment problems — facilitators to the hours' group
 * places, everyone else to the hours' seats — each a bipartite flow solved by augmenting paths
 * from the heuristic's own assignment (only the few people still waiting need a path). The
 * hours' people are then split into their groups (split-hour.ts).
 *
 * It only ever answers with a grouping that places everyone who has a usable hour — which needs
 * no further proof — or with null, and then the slot model on HiGHS decides as before. Groups
 * with a size range (not one exact size) are checked against the lower limits afterwards and
 * fall back to the model when the flow misses them; pinned groups always fall back.
 */
import { type PlacedGroup, relaxRules, usableSlots } from './placement-model.ts';
import type { Problem } from './prepare.ts';
import { weeklySlotCount } from './weekly-slot.ts';

export type HourAssignment = { slot: number; groups: number; members: number[] }[];

/** At most this many groups are opened at hours the heuristic did not choose (hours^extra tries). */
const maxExtraGroups = 2;

export function assignHoursByFlow(problem: Problem, start: readonly PlacedGroup[]): HourAssignment | null {
  if (problem.pinIds.length > 0 || start.some((group) => group.pin >= 0 || group.slot < 0)) return null;
  // Usable hours and people exactly as the slot model has them, with every rule kept.
  const rules = relaxRules(problem, { kind: 'none' });
  const { size, facilitators, freeAt } = rules;
  const slots = usableSlots(problem, rules);
  const slotIndex = new Int32Array(weeklySlotCount).fill(-1);
  slots.forEach((slot, index) => {
    slotIndex[slot] = index;
  });
  const hoursOf: number[][] = [];
  const facilitatorList: number[] = [];
  const otherList: number[] = [];
  for (let person = 0; person < problem.count; person++) {
    const hours = slots.flatMap((slot, index) => (freeAt(person, slot) ? [index] : []));
    hoursOf.push(hours);
    if (hours.length === 0) continue;
    (problem.isFacilitator[person] ? facilitatorList : otherList).push(person);
  }
  const people = facilitatorList.length + otherList.length;
  const kept = new Int32Array(slots.length);
  const hourOf = new Int32Array(problem.count).fill(-1);
  for (const group of start) {
    const index = slotIndex[group.slot]!;
    if (index < 0) return null;
    kept[index]!++;
    for (const person of group.members) hourOf[person] = index;
  }
  // The fewest groups, from the heuristic's count up, in which everyone fits.
  const startCount = start.length;
  let groupCount = startCount;
  const fits = (count: number) =>
    size.min * count <= people &&
    people <= size.max * count &&
    facilitators.min * count <= facilitatorList.length &&
    facilitatorList.length <= facilitators.max * count;
  while (groupCount <= startCount + maxExtraGroups && !fits(groupCount)) groupCount++;
  if (!fits(groupCount)) return null;

  for (const extra of extraHourChoices(slots.length, groupCount - startCount)) {
    const groups = Int32Array.from(kept);
    for (const index of extra) groups[index]!++;
    const facilitatorHour = assign(
      facilitatorList,
      hoursOf,
      hourOf,
      slots.map((_, index) => facilitators.max * groups[index]!),
    );
    if (!facilitatorHour) continue;
    const facilitatorsAt = new Int32Array(slots.length);
    for (const person of facilitatorList) facilitatorsAt[facilitatorHour.get(person)!]!++;
    if (slots.some((_, index) => facilitatorsAt[index]! < facilitators.min * groups[index]!)) continue;
    const seats = slots.map((_, index) => size.max * groups[index]! - facilitatorsAt[index]!);
    const otherHour = assign(otherList, hoursOf, hourOf, seats);
    if (!otherHour) continue;
    const members: number[][] = slots.map(() => []);
    for (const [person, index] of facilitatorHour) members[index]!.push(person);
    for (const [person, index] of otherHour) members[index]!.push(person);
    const isLegal = slots.every(
      (_, index) =>
        members[index]!.length >= size.min * groups[index]! &&
        (groups[index]! !== 1 || !hasConflictWithin(problem, members[index]!)),
    );
    if (!isLegal) continue;
    return slots
      .map((slot, index) => ({ slot, groups: groups[index]!, members: members[index]! }))
      .filter((entry) => entry.groups > 0);
  }
  return null;
}

/** Every way to open `extra` more groups over `hours` hours (as hour indices, non-decreasing). */
function* extraHourChoices(hours: number, extra: number): Generator<number[]> {
  if (extra === 0) {
    yield [];
    return;
  }
  if (extra === 1) {
    for (let first = 0; first < hours; first++) yield [first];
    return;
  }
  for (let first = 0; first < hours; first++) {
    for (let second = first; second < hours; second++) yield [first, second];
  }
}

/**
 * Everyone in `list` to one of their hours within `capacity` per hour, starting from `startHour`
 * (kept where it fits) and placing the rest by augmenting paths: breadth-first over hours, a
 * person takes a seat at a full hour and someone seated there moves on to another of their
 * hours, until an hour with a free seat. Null when someone cannot be seated.
 */
function assign(
  list: readonly number[],
  hoursOf: readonly number[][],
  startHour: Int32Array,
  capacity: readonly number[],
): Map<number, number> | null {
  const hourCount = capacity.length;
  const seated: number[][] = capacity.map(() => []);
  const hourOf = new Map<number, number>();
  const waiting: number[] = [];
  for (const person of list) {
    const hour = startHour[person]!;
    if (hour >= 0 && seated[hour]!.length < capacity[hour]! && hoursOf[person]!.includes(hour)) {
      seated[hour]!.push(person);
      hourOf.set(person, hour);
    } else waiting.push(person);
  }
  const parentPerson = new Int32Array(hourCount);
  const parentHour = new Int32Array(hourCount);
  const visited = new Uint8Array(hourCount);
  for (const person of waiting) {
    visited.fill(0);
    const queue: number[] = [];
    for (const hour of hoursOf[person]!) {
      visited[hour] = 1;
      parentPerson[hour] = person;
      parentHour[hour] = -1;
      queue.push(hour);
    }
    let end = -1;
    for (let head = 0; head < queue.length && end < 0; head++) {
      const hour = queue[head]!;
      if (seated[hour]!.length < capacity[hour]!) {
        end = hour;
        break;
      }
      for (const other of seated[hour]!) {
        for (const next of hoursOf[other]!) {
          if (visited[next]) continue;
          visited[next] = 1;
          parentPerson[next] = other;
          parentHour[next] = hour;
          queue.push(next);
        }
      }
    }
    if (end < 0) return null;
    for (let hour = end; hour >= 0; ) {
      const mover = parentPerson[hour]!;
      const from = parentHour[hour]!;
      if (from >= 0) {
        const seats = seated[from]!;
        seats.splice(seats.indexOf(mover), 1);
      }
      seated[hour]!.push(mover);
      hourOf.set(mover, hour);
      hour = from;
    }
  }
  return hourOf;
}

function hasConflictWithin(problem: Problem, members: readonly number[]): boolean {
  const inHour = new Set(members);
  return members.some((person) => {
    for (let at = problem.conflictStart[person]!; at < problem.conflictStart[person + 1]!; at++) {
      if (inHour.has(problem.conflictList[at]!)) return true;
    }
    return false;
  });
}
