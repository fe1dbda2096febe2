/**
 * Exact two-group polish: for a pair of groups, try every legal way to split their members
 * into two groups (sizes, facilitators, conflicts, a shared hour for each) and keep the best.
 * Swaps alone cannot get there when the groups are full and only a change of several members
 * at once lets both groups meet at other hours — the usual case on tight rosters (groups of
 * exactly 10 with one facilitator each), where annealing stops short of the optimum.
 *
 * A depth-first search assigns members one at a time to either side, pruning as soon as a side
 * has no shared hour left, breaks a size or facilitator limit, or holds a conflict pair; the
 * objective of a complete split comes from per-side counts kept on the way. The number of search
 * nodes per pair is capped, so the cost is bounded and, like everything else, deterministic.
 */
import type { GroupingState } from './grouping-state.ts';
import { maskWords } from './prepare.ts';

const maxMembers = 31;

/**
 * Re-splits every pair of groups (pinned groups excepted) until a sweep finds nothing better or
 * `maxSweeps` sweeps are done. Returns the number of pairs improved.
 */
export function resplitPairs(state: GroupingState, maxSweeps: number, nodeLimit = 200_000): number {
  let improved = 0;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    const groups = state.activeGroups().filter((group) => state.pinOfGroup[group]! < 0);
    let sweepImproved = 0;
    for (let first = 0; first < groups.length; first++) {
      for (let second = first + 1; second < groups.length; second++) {
        if (resplitPair(state, groups[first]!, groups[second]!, nodeLimit)) sweepImproved++;
      }
    }
    improved += sweepImproved;
    if (sweepImproved === 0) break;
  }
  return improved;
}

/** Re-splits one pair of groups; true when a better legal split was found (and applied). */
function resplitPair(
  state: GroupingState,
  firstGroup: number,
  secondGroup: number,
  nodeLimit: number,
): boolean {
  return resplitGroups(state, [firstGroup, secondGroup], nodeLimit);
}

/**
 * Re-splits the members of `groups` (unpinned, at most 31 people) over the same number of
 * groups; true when a better legal split was found (and applied).
 */
export function resplitGroups(state: GroupingState, groups: readonly number[], nodeLimit: number): boolean {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const sideCount = groups.length;
  const members = groups.flatMap((group) => state.membersOf(group));
  const count = members.length;
  if (count > maxMembers || members.some((person) => problem.pinOf[person]! >= 0)) return false;
  // Facilitators first: they are the most constrained, so the search prunes early.
  members.sort((a, b) => problem.isFacilitator[b]! - problem.isFacilitator[a]! || a - b);
  const conflictBits = new Int32Array(count);
  const mateBits = new Int32Array(count);
  const position = new Map(members.map((person, index) => [person, index]));
  members.forEach((person, index) => {
    for (let at = problem.conflictStart[person]!; at < problem.conflictStart[person + 1]!; at++) {
      const other = position.get(problem.conflictList[at]!);
      if (other !== undefined) conflictBits[index]! |= 1 << other;
    }
    for (let at = problem.mateStart[person]!; at < problem.mateStart[person + 1]!; at++) {
      const other = position.get(problem.mateList[at]!);
      if (other !== undefined) mateBits[index]! |= 1 << other;
    }
  });
  // Without previous groupmates among them, no split puts any together: skip counting pairs.
  const hasMates = mateBits.some((bits) => bits !== 0);
  let facilitatorsLeft = 0;
  for (const person of members) facilitatorsLeft += problem.isFacilitator[person]!;

  const { weights } = problem;
  const levels = problem.levels.length;
  const disciplines = problem.disciplines.length;
  const topics = problem.topics.length;
  const target = state.experienceTarget();
  const isStable = problem.historyMode === 'stable';
  // Per side: counts and running sums; masks[side] holds the shared hours after each member joined.
  const levelCounts = groups.map(() => new Int32Array(levels));
  const disciplineCounts = groups.map(() => new Int32Array(disciplines));
  const topicCounts = groups.map(() => new Int32Array(topics));
  const masks = groups.map(() => new Uint32Array((count + 1) * maskWords).fill(0xffffffff, 0, maskWords));
  // Only the words of the week in which some member is free can hold a shared hour (a cohort free
  // at a handful of hours uses one or two of them): the search intersects just those.
  const liveWords: number[] = [];
  for (let word = 0; word < maskWords; word++) {
    if (members.some((person) => problem.availability[person * maskWords + word]! !== 0))
      liveWords.push(word);
  }
  const sizes = groups.map(() => 0);
  const facilitators = groups.map(() => 0);
  const interested = groups.map(() => 0);
  const experience = groups.map(() => 0);
  const memberBits = groups.map(() => 0);
  const mateEnds = groups.map(() => 0);
  const side = new Int8Array(count);
  const bestSide = new Int8Array(count);

  const sideScore = (which: number): number => {
    const size = sizes[which]!;
    let total = 0;
    if (weights.level > 0) {
      let deviation = 0;
      const counts = levelCounts[which]!;
      for (let level = 0; level < levels; level++) {
        deviation += Math.abs(counts[level]! - problem.levelShare[level]! * size);
      }
      total += weights.level * deviation;
    }
    if (weights.discipline > 0) {
      let deviation = 0;
      const counts = disciplineCounts[which]!;
      for (let discipline = 0; discipline < disciplines; discipline++) {
        deviation += Math.abs(counts[discipline]! - problem.disciplineShare[discipline]! * size);
      }
      total += weights.discipline * deviation;
    }
    if (weights.interests > 0 && topics > 0) {
      let top = 0;
      const counts = topicCounts[which]!;
      for (let topic = 0; topic < topics; topic++) if (counts[topic]! > top) top = counts[topic]!;
      total += weights.interests * (interested[which]! - top);
    }
    if (weights.experience > 0 && problem.meanExperience > 0) {
      total += (weights.experience * Math.abs(experience[which]! - target)) / problem.meanExperience;
    }
    if (weights.history > 0) {
      let pairs = 0;
      const bits = hasMates ? memberBits[which]! : 0;
      for (let index = 0; bits !== 0 && index < count; index++) {
        if ((bits >>> index) & 1) pairs += bitCount(mateBits[index]! & bits);
      }
      pairs /= 2;
      total += weights.history * (isStable ? mateEnds[which]! / 2 - pairs : pairs);
    }
    return total;
  };

  let current = 0;
  for (const group of groups) current += state.groupPenalty(group);
  let best = current - 1e-9;
  let found = false;
  let nodes = 0;

  const place = (index: number, which: number, sign: number) => {
    const person = members[index]!;
    sizes[which]! += sign;
    levelCounts[which]![problem.levelOf[person]!]! += sign;
    disciplineCounts[which]![problem.disciplineOf[person]!]! += sign;
    interested[which]! += sign * problem.hasInterests[person]!;
    for (let at = problem.topicStart[person]!; at < problem.topicStart[person + 1]!; at++) {
      topicCounts[which]![problem.topicList[at]!]! += sign;
    }
    if (problem.isFacilitator[person]) {
      facilitators[which]! += sign;
      experience[which]! += sign * problem.experience[person]!;
    }
    memberBits[which]! ^= 1 << index;
    mateEnds[which]! += sign * (problem.mateStart[person + 1]! - problem.mateStart[person]!);
  };

  const visit = (index: number, facilitatorsRemaining: number, usedSides: number) => {
    if (nodes++ > nodeLimit) return;
    if (index === count) {
      let score = 0;
      for (let which = 0; which < sideCount; which++) {
        if (sizes[which]! < groupSize.min || facilitators[which]! < facilitatorsPerGroup.min) return;
        score += sideScore(which);
      }
      if (score < best) {
        best = score;
        found = true;
        bestSide.set(side);
      }
      return;
    }
    const person = members[index]!;
    const isFacilitator = problem.isFacilitator[person]!;
    const remaining = count - index - 1;
    let shortfall = 0;
    let facilitatorShortfall = 0;
    for (let which = 0; which < sideCount; which++) {
      shortfall += Math.max(0, groupSize.min - sizes[which]!);
      facilitatorShortfall += Math.max(0, facilitatorsPerGroup.min - facilitators[which]!);
    }
    // The sides are interchangeable: a member opens at most the next unused side.
    const sideLimit = Math.min(sideCount, usedSides + 1);
    for (let which = 0; which < sideLimit; which++) {
      if (sizes[which]! + 1 > groupSize.max) continue;
      // Everyone still to come (and this member) must be able to bring every side up to its minimum.
      const neededAfter = shortfall - (sizes[which]! < groupSize.min ? 1 : 0);
      if (neededAfter > remaining) continue;
      if (isFacilitator && facilitators[which]! + 1 > facilitatorsPerGroup.max) continue;
      const facilitatorsNeeded =
        facilitatorShortfall - (isFacilitator && facilitators[which]! < facilitatorsPerGroup.min ? 1 : 0);
      if (facilitatorsNeeded > facilitatorsRemaining - isFacilitator) continue;
      if (conflictBits[index]! & memberBits[which]!) continue;
      const sideMasks = masks[which]!;
      const from = sizes[which]! * maskWords;
      const to = from + maskWords;
      let shared = 0;
      for (const word of liveWords) {
        const bits = sideMasks[from + word]! & problem.availability[person * maskWords + word]!;
        sideMasks[to + word] = bits;
        shared |= bits;
      }
      if (shared === 0) continue;
      side[index] = which;
      place(index, which, 1);
      visit(index + 1, facilitatorsRemaining - isFacilitator, Math.max(usedSides, which + 1));
      place(index, which, -1);
    }
  };
  visit(0, facilitatorsLeft, 0);
  if (!found) return false;
  for (const person of members) state.remove(person);
  members.forEach((person, index) => {
    state.add(person, groups[bestSide[index]!]!);
  });
  return true;
}

function bitCount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
