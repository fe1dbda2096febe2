import { GroupPenalties } from './group-penalty.ts';
import type { Problem } from './prepare.ts';
import { SharedHours } from './shared-hours.ts';

const noPerson = -1;

/**
 * The incremental state the solver works on: who is in which group, and per group the counts the
 * objective needs (levels, disciplines, topics, facilitators, experience, previous-groupmate
 * pairs — kept by `GroupPenalties`) plus the availability bitmask shared by all members (kept by
 * `SharedHours`). Every move and swap is scored by `moveDelta` / `swapDelta` in O(levels +
 * disciplines + topics + conflicts + mates), independent of the number of people. `slotGroups`
 * lists, per weekly hour, the groups whose members are all free then — the candidate destinations
 * for a person free at that hour.
 */
export class GroupingState {
  readonly problem: Problem;
  readonly capacity: number;
  readonly groupLimit: number;
  readonly groupOf: Int32Array;
  readonly memberPosition: Int32Array;
  readonly members: Int32Array;
  readonly size: Int32Array;
  readonly isActive: Uint8Array;
  /** Index into problem.pinIds for a pinned group, else -1. */
  readonly pinOfGroup: Int32Array;
  readonly facilitators: Int32Array;
  readonly experienceSum: Float64Array;
  readonly masks: Uint32Array;
  readonly slotGroups: Int32Array;
  readonly slotGroupCount: Int32Array;
  activeCount = 0;
  placedCount = 0;
  placedExperience = 0;

  private readonly penalties: GroupPenalties;
  private readonly hours: SharedHours;
  /** The penalties' per-group cache, experience excluded. */
  private readonly penalty: Float64Array;

  constructor(problem: Problem, groupLimit: number) {
    this.problem = problem;
    this.capacity = problem.rules.groupSize.max;
    this.groupLimit = groupLimit;
    this.groupOf = new Int32Array(problem.count).fill(-1);
    this.memberPosition = new Int32Array(problem.count).fill(-1);
    this.members = new Int32Array(groupLimit * this.capacity);
    this.size = new Int32Array(groupLimit);
    this.isActive = new Uint8Array(groupLimit);
    this.pinOfGroup = new Int32Array(groupLimit).fill(-1);
    this.facilitators = new Int32Array(groupLimit);
    this.experienceSum = new Float64Array(groupLimit);
    this.penalties = new GroupPenalties(problem, groupLimit, this.groupOf, this.size);
    this.penalty = this.penalties.penalty;
    this.hours = new SharedHours(problem, groupLimit, this.capacity, this.members, this.size);
    this.masks = this.hours.masks;
    this.slotGroups = this.hours.slotGroups;
    this.slotGroupCount = this.hours.slotGroupCount;
  }

  // ---- structure -------------------------------------------------------------------------

  openGroup(): number {
    for (let group = 0; group < this.groupLimit; group++) {
      if (this.isActive[group] || this.size[group]! > 0) continue;
      this.isActive[group] = 1;
      this.pinOfGroup[group] = -1;
      this.activeCount++;
      return group;
    }
    return -1;
  }

  /** Closes an empty group. */
  closeGroup(group: number): void {
    if (!this.isActive[group] || this.size[group]! > 0) return;
    this.isActive[group] = 0;
    this.pinOfGroup[group] = -1;
    this.activeCount--;
  }

  add(person: number, group: number): void {
    const { problem } = this;
    const position = this.size[group]!;
    this.members[group * this.capacity + position] = person;
    this.memberPosition[person] = position;
    this.size[group] = position + 1;
    this.penalties.join(person, group);
    this.groupOf[person] = group;
    this.placedCount++;
    if (problem.isFacilitator[person]) {
      this.facilitators[group]!++;
      this.experienceSum[group]! += problem.experience[person]!;
      this.placedExperience += problem.experience[person]!;
    }
    this.penalties.refresh(group);
    this.hours.join(person, group);
  }

  remove(person: number): void {
    const { problem } = this;
    const group = this.groupOf[person]!;
    if (group < 0) return;
    const last = this.size[group]! - 1;
    const position = this.memberPosition[person]!;
    const moved = this.members[group * this.capacity + last]!;
    this.members[group * this.capacity + position] = moved;
    this.memberPosition[moved] = position;
    this.size[group] = last;
    this.memberPosition[person] = -1;
    this.groupOf[person] = -1;
    this.placedCount--;
    this.penalties.leave(person, group);
    if (problem.isFacilitator[person]) {
      this.facilitators[group]!--;
      this.experienceSum[group]! -= problem.experience[person]!;
      this.placedExperience -= problem.experience[person]!;
    }
    this.penalties.refresh(group);
    this.hours.leave(group);
  }

  move(person: number, group: number): void {
    this.remove(person);
    this.add(person, group);
  }

  swap(first: number, second: number): void {
    const firstGroup = this.groupOf[first]!;
    const secondGroup = this.groupOf[second]!;
    this.remove(first);
    this.remove(second);
    this.add(first, secondGroup);
    this.add(second, firstGroup);
  }

  memberAt(group: number, position: number): number {
    return this.members[group * this.capacity + position]!;
  }

  membersOf(group: number): number[] {
    const start = group * this.capacity;
    return Array.from(this.members.subarray(start, start + this.size[group]!));
  }

  activeGroups(): number[] {
    const groups: number[] = [];
    for (let group = 0; group < this.groupLimit; group++) if (this.isActive[group]) groups.push(group);
    return groups;
  }

  /** Rebuilds the state from a saved `groupOf` (and the set of active groups). */
  load(groupOf: Int32Array, isActive: Uint8Array, pinOfGroup: Int32Array): void {
    for (let person = 0; person < this.problem.count; person++)
      if (this.groupOf[person]! >= 0) this.remove(person);
    for (let group = 0; group < this.groupLimit; group++) {
      if (this.isActive[group] && !isActive[group]) this.closeGroup(group);
      if (!this.isActive[group] && isActive[group]) {
        this.isActive[group] = 1;
        this.activeCount++;
      }
      this.pinOfGroup[group] = pinOfGroup[group]!;
    }
    for (let person = 0; person < this.problem.count; person++) {
      const group = groupOf[person]!;
      if (group >= 0) this.add(person, group);
    }
  }

  // ---- feasibility ------------------------------------------------------------------------

  isFree(person: number, group: number): boolean {
    return this.hours.isFree(person, group);
  }

  /** True when `person` has a conflict of interest with someone in `group` other than `except`. */
  hasConflictIn(person: number, group: number, except: number): boolean {
    const { conflictStart, conflictList } = this.problem;
    for (let at = conflictStart[person]!; at < conflictStart[person + 1]!; at++) {
      const other = conflictList[at]!;
      if (other !== except && this.groupOf[other] === group) return true;
    }
    return false;
  }

  /** Whether `person` (unplaced or elsewhere) may join `group` without breaking a hard rule there. */
  canJoin(person: number, group: number): boolean {
    if (this.size[group]! >= this.capacity) return false;
    if (
      this.problem.isFacilitator[person] &&
      this.facilitators[group]! >= this.problem.rules.facilitatorsPerGroup.max
    ) {
      return false;
    }
    return this.isFree(person, group) && !this.hasConflictIn(person, group, noPerson);
  }

  /** Whether `person` may leave its group without it dropping below a minimum. */
  canLeave(person: number): boolean {
    const group = this.groupOf[person]!;
    if (this.size[group]! <= this.problem.rules.groupSize.min) return false;
    return (
      !this.problem.isFacilitator[person] ||
      this.facilitators[group]! > this.problem.rules.facilitatorsPerGroup.min
    );
  }

  canSwap(first: number, second: number): boolean {
    const { problem } = this;
    const firstGroup = this.groupOf[first]!;
    const secondGroup = this.groupOf[second]!;
    if (firstGroup === secondGroup || firstGroup < 0 || secondGroup < 0) return false;
    const change = problem.isFacilitator[second]! - problem.isFacilitator[first]!;
    if (change !== 0) {
      const { min, max } = problem.rules.facilitatorsPerGroup;
      const firstCount = this.facilitators[firstGroup]! + change;
      const secondCount = this.facilitators[secondGroup]! - change;
      if (firstCount < min || firstCount > max || secondCount < min || secondCount > max) return false;
    }
    if (this.hasConflictIn(first, secondGroup, second) || this.hasConflictIn(second, firstGroup, first))
      return false;
    // Leaving only widens a group's shared hours, so being free at the current ones is enough (the fast path).
    return (
      (this.isFree(second, firstGroup) || this.isFreeWithout(second, firstGroup, first)) &&
      (this.isFree(first, secondGroup) || this.isFreeWithout(first, secondGroup, second))
    );
  }

  /** Whether `person` shares an hour with the members of `group` other than `except`. */
  isFreeWithout(person: number, group: number, except: number): boolean {
    return this.hours.isFreeWithout(person, group, except);
  }

  // ---- objective --------------------------------------------------------------------------

  experienceTarget(): number {
    return this.activeCount > 0 ? this.placedExperience / this.activeCount : 0;
  }

  experiencePenalty(experienceSum: number, target: number): number {
    const { meanExperience, weights } = this.problem;
    if (meanExperience <= 0 || weights.experience === 0) return 0;
    return (weights.experience * Math.abs(experienceSum - target)) / meanExperience;
  }

  groupPenalty(group: number): number {
    return this.penalty[group]! + this.experiencePenalty(this.experienceSum[group]!, this.experienceTarget());
  }

  total(): number {
    let total = 0;
    for (let group = 0; group < this.groupLimit; group++)
      if (this.isActive[group]) total += this.groupPenalty(group);
    return total;
  }

  /** Change in the objective if `person` moves to `group` (placed people only). */
  moveDelta(person: number, group: number): number {
    const from = this.groupOf[person]!;
    let delta =
      this.penaltyWith(from, person, noPerson) -
      this.penalty[from]! +
      this.penaltyWith(group, noPerson, person) -
      this.penalty[group]!;
    if (this.problem.isFacilitator[person]) {
      const target = this.experienceTarget();
      const experience = this.problem.experience[person]!;
      delta +=
        this.experiencePenalty(this.experienceSum[from]! - experience, target) +
        this.experiencePenalty(this.experienceSum[group]! + experience, target) -
        this.experiencePenalty(this.experienceSum[from]!, target) -
        this.experiencePenalty(this.experienceSum[group]!, target);
    }
    return delta;
  }

  /** Change in the objective if two placed people in different groups trade places. */
  swapDelta(first: number, second: number): number {
    const firstGroup = this.groupOf[first]!;
    const secondGroup = this.groupOf[second]!;
    let delta =
      this.penaltyWith(firstGroup, first, second) -
      this.penalty[firstGroup]! +
      this.penaltyWith(secondGroup, second, first) -
      this.penalty[secondGroup]!;
    const { isFacilitator, experience } = this.problem;
    if (isFacilitator[first] || isFacilitator[second]) {
      const target = this.experienceTarget();
      const change =
        (isFacilitator[second] ? experience[second]! : 0) - (isFacilitator[first] ? experience[first]! : 0);
      delta +=
        this.experiencePenalty(this.experienceSum[firstGroup]! + change, target) +
        this.experiencePenalty(this.experienceSum[secondGroup]! - change, target) -
        this.experiencePenalty(this.experienceSum[firstGroup]!, target) -
        this.experiencePenalty(this.experienceSum[secondGroup]!, target);
    }
    return delta;
  }

  /** Change in the objective if an unplaced person joins `group` (experience target shifts too). */
  insertDelta(person: number, group: number): number {
    let delta = this.penaltyWith(group, noPerson, person) - this.penalty[group]!;
    if (this.problem.isFacilitator[person] && this.problem.experience[person]! > 0) {
      const before = this.total();
      const experience = this.problem.experience[person]!;
      const target = (this.placedExperience + experience) / this.activeCount;
      let after = 0;
      for (let other = 0; other < this.groupLimit; other++) {
        if (!this.isActive[other]) continue;
        const sum = this.experienceSum[other]! + (other === group ? experience : 0);
        after += this.penalty[other]! + this.experiencePenalty(sum, target);
      }
      delta = after + (this.penaltyWith(group, noPerson, person) - this.penalty[group]!) - before;
    }
    return delta;
  }

  /** Change in the objective if unplaced `into` takes the place of `out` in its group (`out` leaves). */
  replaceDelta(out: number, into: number): number {
    const group = this.groupOf[out]!;
    const delta = this.penaltyWith(group, out, into) - this.penalty[group]!;
    const { isFacilitator, experience } = this.problem;
    const outExperience = isFacilitator[out] ? experience[out]! : 0;
    const intoExperience = isFacilitator[into] ? experience[into]! : 0;
    if (outExperience === intoExperience) {
      return delta;
    }
    const before = this.experienceTarget();
    const after = (this.placedExperience - outExperience + intoExperience) / this.activeCount;
    let change = 0;
    for (let other = 0; other < this.groupLimit; other++) {
      if (!this.isActive[other]) continue;
      const sum = this.experienceSum[other]!;
      const changed = other === group ? sum - outExperience + intoExperience : sum;
      change += this.experiencePenalty(changed, after) - this.experiencePenalty(sum, before);
    }
    return delta + change;
  }

  /** Whether unplaced `into` may take the place of `out` without breaking a hard rule. */
  canReplace(out: number, into: number): boolean {
    const group = this.groupOf[out]!;
    if (group < 0 || this.groupOf[into]! >= 0) return false;
    const change = this.problem.isFacilitator[into]! - this.problem.isFacilitator[out]!;
    if (change !== 0) {
      const count = this.facilitators[group]! + change;
      const { min, max } = this.problem.rules.facilitatorsPerGroup;
      if (count < min || count > max) return false;
    }
    return !this.hasConflictIn(into, group, out) && this.isFreeWithout(into, group, out);
  }

  /** The weighted penalty of `group` without its experience part, after removing `out` and adding `into`. */
  private penaltyWith(group: number, out: number, into: number): number {
    return this.penalties.penaltyWith(group, out, into);
  }
}
