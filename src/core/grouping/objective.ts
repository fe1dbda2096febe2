import type { ScoreBreakdown } from './model.ts';
import type { Problem } from './prepare.ts';

/**
 * The objective, computed from scratch for one group (the search keeps the same numbers
 * incrementally; tests check the two agree). See ScoreBreakdown for what each part measures.
 * `experienceTarget` is the average facilitator experience per group: placed facilitators'
 * experience divided by the number of groups.
 */
export function scoreGroup(
  problem: Problem,
  members: readonly number[],
  experienceTarget: number,
): ScoreBreakdown {
  const { weights } = problem;
  const size = members.length;
  const levelCounts = new Float64Array(problem.levels.length);
  const disciplineCounts = new Float64Array(problem.disciplines.length);
  const topicCounts = new Int32Array(problem.topics.length);
  const inGroup = new Set(members);
  let interested = 0;
  let experienceSum = 0;
  let pairs = 0;
  let mateEnds = 0;
  for (const person of members) {
    levelCounts[problem.levelOf[person]!]!++;
    disciplineCounts[problem.disciplineOf[person]!]!++;
    interested += problem.hasInterests[person]!;
    for (let at = problem.topicStart[person]!; at < problem.topicStart[person + 1]!; at++) {
      topicCounts[problem.topicList[at]!]!++;
    }
    if (problem.isFacilitator[person]) experienceSum += problem.experience[person]!;
    const mateStart = problem.mateStart[person]!;
    const mateEnd = problem.mateStart[person + 1]!;
    mateEnds += mateEnd - mateStart;
    for (let at = mateStart; at < mateEnd; at++) if (inGroup.has(problem.mateList[at]!)) pairs++;
  }
  pairs /= 2;
  let levelDeviation = 0;
  for (let level = 0; level < levelCounts.length; level++) {
    levelDeviation += Math.abs(levelCounts[level]! - problem.levelShare[level]! * size);
  }
  let disciplineDeviation = 0;
  for (let discipline = 0; discipline < disciplineCounts.length; discipline++) {
    disciplineDeviation += Math.abs(
      disciplineCounts[discipline]! - problem.disciplineShare[discipline]! * size,
    );
  }
  let topTopic = 0;
  for (const topicCount of topicCounts) if (topicCount > topTopic) topTopic = topicCount;
  const history = problem.historyMode === 'stable' ? mateEnds / 2 - pairs : pairs;
  const experienceDeviation =
    problem.meanExperience > 0 ? Math.abs(experienceSum - experienceTarget) / problem.meanExperience : 0;
  const score = {
    level: weights.level * levelDeviation,
    discipline: weights.discipline * disciplineDeviation,
    interests: weights.interests * (interested - topTopic),
    experience: weights.experience * experienceDeviation,
    history: weights.history * history,
  };
  return {
    total: score.level + score.discipline + score.interests + score.experience + score.history,
    ...score,
  };
}

export function sumScores(scores: readonly ScoreBreakdown[]): ScoreBreakdown {
  const total: ScoreBreakdown = {
    total: 0,
    level: 0,
    discipline: 0,
    interests: 0,
    experience: 0,
    history: 0,
  };
  for (const score of scores) {
    total.total += score.total;
    total.level += score.level;
    total.discipline += score.discipline;
    total.interests += score.interests;
    total.experience += score.experience;
    total.history += score.history;
  }
  return total;
}

/** Average facilitator experience per group, the target each group's total is compared with. */
export function experienceTargetOf(problem: Problem, groups: readonly (readonly number[])[]): number {
  if (groups.length === 0) return 0;
  let placed = 0;
  for (const members of groups) {
    for (const person of members) if (problem.isFacilitator[person]) placed += problem.experience[person]!;
  }
  return placed / groups.length;
}
