import { maskWords, type Problem } from './prepare.ts';
import { weeklySlotCount } from './weekly-slot.ts';

const noPerson = -1;

/**
 * The incremental state the solver works on: who is in which group, and per group the counts the
 * objective needs (levels, disciplines, topics, facilitators, experience, previous-groupmate
 * pairs) plus the availability bitmask shared by all members. Every move and swap is scored by
 * `moveDelta` / `swapDelta` in O(levels + disciplines + topics + conflicts + mates), independent
 * of the number of people. `slotGroups` lists, per weekly hour, the groups whose members are
 * all free then — the candidate destinations for a person free at that hour.
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

  private readonly levelCounts: Int32Array;
  private readonly disciplineCounts: Int32Array;
  private readonly topicCounts: Int32Array;
  private readonly interested: Int32Array;
  private readonly pairs: Int32Array;
  private readonly mateEnds: Int32Array;
  private readonly penalty: Float64Array;
  private readonly levelDeviation: Float64Array;
  private readonly disciplineDeviation: Float64Array;
  private readonly listed: Uint32Array;
  private readonly slotGroupPosition: Int32Array;
  private readonly topicDelta: Int32Array;
  private readonly scratchMask: Uint32Array;
  private readonly levelCount: number;
  private readonly disciplineCount: number;
  private readonly topicCount: number;

  constructor(problem: Problem, groupLimit: number) {
    this.problem = problem;
    this.capacity = problem.rules.groupSize.max;
    this.groupLimit = groupLimit;
    this.levelCount = problem.levels.length;
    this.disciplineCount = problem.disciplines.length;
    this.topicCount = problem.topics.length;
    this.groupOf = new Int32Array(problem.count).fill(-1);
    this.memberPosition = new Int32Array(problem.count).fill(-1);
    this.members = new Int32Array(groupLimit * this.capacity);
    this.size = new Int32Array(groupLimit);
    this.isActive = new Uint8Array(groupLimit);
    this.pinOfGroup = new Int32Array(groupLimit).fill(-1);
    this.facilitators = new Int32Array(groupLimit);
    this.experienceSum = new Float64Array(groupLimit);
    this.masks = new Uint32Array(groupLimit * maskWords).fill(0xffffffff);
    this.listed = new Uint32Array(groupLimit * maskWords);
    this.slotGroups = new Int32Array(weeklySlotCount * groupLimit);
    this.slotGroupCount = new Int32Array(weeklySlotCount);
    this.slotGroupPosition = new Int32Array(weeklySlotCount * groupLimit).fill(-1);
    this.levelCounts = new Int32Array(groupLimit * this.levelCount);
    this.disciplineCounts = new Int32Array(groupLimit * this.disciplineCount);
    this.topicCounts = new Int32Array(groupLimit * this.topicCount);
    this.interested = new Int32Array(groupLimit);
    this.pairs = new Int32Array(groupLimit);
    this.mateEnds = new Int32Array(groupLimit);
    this.penalty = new Float64Array(groupLimit);
    this.levelDeviation = new Float64Array(groupLimit).fill(-1);
    this.disciplineDeviation = new Float64Array(groupLimit).fill(-1);
    this.topicDelta = new Int32Array(this.topicCount);
    this.scratchMask = new Uint32Array(maskWords);
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
    this.pairs[group]! += this.matesIn(person, group, noPerson);
    this.groupOf[person] = group;
    this.placedCount++;
    this.mateEnds[group]! += problem.mateStart[person + 1]! - problem.mateStart[person]!;
    this.levelCounts[group * this.levelCount + problem.levelOf[person]!]!++;
    this.disciplineCounts[group * this.disciplineCount + problem.disciplineOf[person]!]!++;
    for (let at = problem.topicStart[person]!; at < problem.topicStart[person + 1]!; at++) {
      this.topicCounts[group * this.topicCount + problem.topicList[at]!]!++;
    }
    this.interested[group]! += problem.hasInterests[person]!;
    if (problem.isFacilitator[person]) {
      this.facilitators[group]!++;
      this.experienceSum[group]! += problem.experience[person]!;
      this.placedExperience += problem.experience[person]!;
    }
    const base = group * maskWords;
    const personBase = person * maskWords;
    for (let word = 0; word < maskWords; word++)
      this.masks[base + word]! &= problem.availability[personBase + word]!;
    this.refreshPenalty(group);
    this.refreshSlotLists(group);
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
    this.pairs[group]! -= this.matesIn(person, group, noPerson);
    this.mateEnds[group]! -= problem.mateStart[person + 1]! - problem.mateStart[person]!;
    this.levelCounts[group * this.levelCount + problem.levelOf[person]!]!--;
    this.disciplineCounts[group * this.disciplineCount + problem.disciplineOf[person]!]!--;
    for (let at = problem.topicStart[person]!; at < problem.topicStart[person + 1]!; at++) {
      this.topicCounts[group * this.topicCount + problem.topicList[at]!]!--;
    }
    this.interested[group]! -= problem.hasInterests[person]!;
    if (problem.isFacilitator[person]) {
      this.facilitators[group]!--;
      this.experienceSum[group]! -= problem.experience[person]!;
      this.placedExperience -= problem.experience[person]!;
    }
    this.computeMaskWithout(group, noPerson, this.masks, group * maskWords);
    this.refreshPenalty(group);
    this.refreshSlotLists(group);
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
    const base = group * maskWords;
    const personBase = person * maskWords;
    for (let word = 0; word < maskWords; word++) {
      if ((this.masks[base + word]! & this.problem.availability[personBase + word]!) !== 0) return true;
    }
    return false;
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
    this.computeMaskWithout(group, except, this.scratchMask, 0);
    const personBase = person * maskWords;
    for (let word = 0; word < maskWords; word++) {
      if ((this.scratchMask[word]! & this.problem.availability[personBase + word]!) !== 0) return true;
    }
    return false;
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

  /**
   * Σ |count − share × size| over the categories of `group` after the change. A swap keeps the
   * size, so only the two categories involved change: O(1) from the cached deviation; otherwise
   * every target moves and the sum is recomputed.
   */
  private deviationWith(
    group: number,
    size: number,
    out: number,
    into: number,
    categoryOf: Int32Array,
    counts: Int32Array,
    categories: number,
    shares: Float64Array,
    cached: Float64Array,
  ): number {
    const base = group * categories;
    const outCategory = out >= 0 ? categoryOf[out]! : -1;
    const intoCategory = into >= 0 ? categoryOf[into]! : -1;
    if (out >= 0 && into >= 0 && cached[group]! >= 0) {
      if (outCategory === intoCategory) return cached[group]!;
      const outTarget = shares[outCategory]! * size;
      const intoTarget = shares[intoCategory]! * size;
      const outCount = counts[base + outCategory]!;
      const intoCount = counts[base + intoCategory]!;
      return (
        cached[group]! -
        Math.abs(outCount - outTarget) -
        Math.abs(intoCount - intoTarget) +
        Math.abs(outCount - 1 - outTarget) +
        Math.abs(intoCount + 1 - intoTarget)
      );
    }
    let deviation = 0;
    for (let category = 0; category < categories; category++) {
      const count =
        counts[base + category]! - (category === outCategory ? 1 : 0) + (category === intoCategory ? 1 : 0);
      deviation += Math.abs(count - shares[category]! * size);
    }
    return deviation;
  }

  /** Recomputes the cached deviations and penalty of `group` after a member joined or left. */
  private refreshPenalty(group: number): void {
    const { problem } = this;
    const size = this.size[group]!;
    this.levelDeviation[group] = -1;
    this.disciplineDeviation[group] = -1;
    this.levelDeviation[group] = this.deviationWith(
      group,
      size,
      noPerson,
      noPerson,
      problem.levelOf,
      this.levelCounts,
      this.levelCount,
      problem.levelShare,
      this.levelDeviation,
    );
    this.disciplineDeviation[group] = this.deviationWith(
      group,
      size,
      noPerson,
      noPerson,
      problem.disciplineOf,
      this.disciplineCounts,
      this.disciplineCount,
      problem.disciplineShare,
      this.disciplineDeviation,
    );
    this.penalty[group] = this.penaltyWith(group, noPerson, noPerson);
  }

  /** The weighted penalty of `group` without its experience part, after removing `out` and adding `into`. */
  private penaltyWith(group: number, out: number, into: number): number {
    const { problem } = this;
    const { weights } = problem;
    const size = this.size[group]! - (out >= 0 ? 1 : 0) + (into >= 0 ? 1 : 0);
    let total = 0;
    if (weights.level > 0) {
      total +=
        weights.level *
        this.deviationWith(
          group,
          size,
          out,
          into,
          problem.levelOf,
          this.levelCounts,
          this.levelCount,
          problem.levelShare,
          this.levelDeviation,
        );
    }
    if (weights.discipline > 0) {
      total +=
        weights.discipline *
        this.deviationWith(
          group,
          size,
          out,
          into,
          problem.disciplineOf,
          this.disciplineCounts,
          this.disciplineCount,
          problem.disciplineShare,
          this.disciplineDeviation,
        );
    }
    if (weights.interests > 0 && this.topicCount > 0) {
      const { topicStart, topicList } = problem;
      let interested = this.interested[group]!;
      if (out >= 0) {
        interested -= problem.hasInterests[out]!;
        for (let at = topicStart[out]!; at < topicStart[out + 1]!; at++) this.topicDelta[topicList[at]!]!--;
      }
      if (into >= 0) {
        interested += problem.hasInterests[into]!;
        for (let at = topicStart[into]!; at < topicStart[into + 1]!; at++) this.topicDelta[topicList[at]!]!++;
      }
      const base = group * this.topicCount;
      let top = 0;
      for (let topic = 0; topic < this.topicCount; topic++) {
        const count = this.topicCounts[base + topic]! + this.topicDelta[topic]!;
        if (count > top) top = count;
      }
      if (out >= 0)
        for (let at = topicStart[out]!; at < topicStart[out + 1]!; at++) this.topicDelta[topicList[at]!] = 0;
      if (into >= 0) {
        for (let at = topicStart[into]!; at < topicStart[into + 1]!; at++)
          this.topicDelta[topicList[at]!] = 0;
      }
      total += weights.interests * (interested - top);
    }
    if (weights.history > 0 && problem.mateList.length > 0) {
      let pairs = this.pairs[group]!;
      let mateEnds = this.mateEnds[group]!;
      if (out >= 0) {
        pairs -= this.matesIn(out, group, noPerson);
        mateEnds -= problem.mateStart[out + 1]! - problem.mateStart[out]!;
      }
      if (into >= 0) {
        pairs += this.matesIn(into, group, out);
        mateEnds += problem.mateStart[into + 1]! - problem.mateStart[into]!;
      }
      total += weights.history * (problem.historyMode === 'stable' ? mateEnds / 2 - pairs : pairs);
    }
    return total;
  }

  private matesIn(person: number, group: number, except: number): number {
    const { mateStart, mateList } = this.problem;
    let count = 0;
    for (let at = mateStart[person]!; at < mateStart[person + 1]!; at++) {
      const mate = mateList[at]!;
      if (mate !== except && this.groupOf[mate] === group) count++;
    }
    return count;
  }

  private computeMaskWithout(group: number, except: number, target: Uint32Array, offset: number): void {
    const { availability } = this.problem;
    for (let word = 0; word < maskWords; word++) target[offset + word] = 0xffffffff;
    const start = group * this.capacity;
    for (let position = 0; position < this.size[group]!; position++) {
      const member = this.members[start + position]!;
      if (member === except) continue;
      const memberBase = member * maskWords;
      for (let word = 0; word < maskWords; word++) target[offset + word]! &= availability[memberBase + word]!;
    }
  }

  private refreshSlotLists(group: number): void {
    const base = group * maskWords;
    const isListed = this.size[group]! > 0;
    for (let word = 0; word < maskWords; word++) {
      const wanted = isListed ? this.masks[base + word]! : 0;
      let changed = (wanted ^ this.listed[base + word]!) >>> 0;
      while (changed !== 0) {
        const bit = 31 - Math.clz32(changed);
        changed ^= 1 << bit;
        changed >>>= 0;
        const slot = word * 32 + bit;
        if (slot >= weeklySlotCount) continue;
        if ((wanted >>> bit) & 1) this.listSlotGroup(slot, group);
        else this.unlistSlotGroup(slot, group);
      }
      this.listed[base + word] = wanted;
    }
  }

  private listSlotGroup(slot: number, group: number): void {
    const key = slot * this.groupLimit;
    const count = this.slotGroupCount[slot]!;
    this.slotGroups[key + count] = group;
    this.slotGroupPosition[key + group] = count;
    this.slotGroupCount[slot] = count + 1;
  }

  private unlistSlotGroup(slot: number, group: number): void {
    const key = slot * this.groupLimit;
    const position = this.slotGroupPosition[key + group]!;
    const last = this.slotGroupCount[slot]! - 1;
    const moved = this.slotGroups[key + last]!;
    this.slotGroups[key + position] = moved;
    this.slotGroupPosition[key + moved] = position;
    this.slotGroupPosition[key + group] = -1;
    this.slotGroupCount[slot] = last;
  }
}
