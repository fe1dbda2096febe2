import type { Problem } from './prepare.ts';

const noPerson = -1;

/**
 * The part of the objective that depends on who is in each group — level mix, discipline mix,
 * shared interests and previous groupmates — kept as per-group counts so that a move or swap is
 * scored in O(levels + disciplines + topics + mates), independent of the number of people.
 * Facilitator experience, which depends on every group at once, is scored by `GroupingState`.
 * Reads the state's `groupOf` and `size` (shared arrays) and is told of every join and leave.
 */
export class GroupPenalties {
  /** The cached penalty of each group, experience excluded. */
  readonly penalty: Float64Array;

  private readonly problem: Problem;
  private readonly groupOf: Int32Array;
  private readonly size: Int32Array;
  private readonly levelCounts: Int32Array;
  private readonly disciplineCounts: Int32Array;
  private readonly topicCounts: Int32Array;
  private readonly interested: Int32Array;
  private readonly pairs: Int32Array;
  private readonly mateEnds: Int32Array;
  private readonly levelDeviation: Float64Array;
  private readonly disciplineDeviation: Float64Array;
  private readonly topicDelta: Int32Array;
  private readonly levelCount: number;
  private readonly disciplineCount: number;
  private readonly topicCount: number;

  constructor(problem: Problem, groupLimit: number, groupOf: Int32Array, size: Int32Array) {
    this.problem = problem;
    this.groupOf = groupOf;
    this.size = size;
    this.levelCount = problem.levels.length;
    this.disciplineCount = problem.disciplines.length;
    this.topicCount = problem.topics.length;
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
  }

  /** Counts `person` into `group` (its size already includes them; `groupOf` not yet). */
  join(person: number, group: number): void {
    const { problem } = this;
    this.pairs[group]! += this.matesIn(person, group, noPerson);
    this.mateEnds[group]! += problem.mateStart[person + 1]! - problem.mateStart[person]!;
    this.levelCounts[group * this.levelCount + problem.levelOf[person]!]!++;
    this.disciplineCounts[group * this.disciplineCount + problem.disciplineOf[person]!]!++;
    for (let at = problem.topicStart[person]!; at < problem.topicStart[person + 1]!; at++) {
      this.topicCounts[group * this.topicCount + problem.topicList[at]!]!++;
    }
    this.interested[group]! += problem.hasInterests[person]!;
  }

  /** Counts `person` out of `group` (its size and `groupOf` already updated). */
  leave(person: number, group: number): void {
    const { problem } = this;
    this.pairs[group]! -= this.matesIn(person, group, noPerson);
    this.mateEnds[group]! -= problem.mateStart[person + 1]! - problem.mateStart[person]!;
    this.levelCounts[group * this.levelCount + problem.levelOf[person]!]!--;
    this.disciplineCounts[group * this.disciplineCount + problem.disciplineOf[person]!]!--;
    for (let at = problem.topicStart[person]!; at < problem.topicStart[person + 1]!; at++) {
      this.topicCounts[group * this.topicCount + problem.topicList[at]!]!--;
    }
    this.interested[group]! -= problem.hasInterests[person]!;
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
  refresh(group: number): void {
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
  penaltyWith(group: number, out: number, into: number): number {
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
}
