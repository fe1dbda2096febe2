/**
 * Proof of quality for the level mix (issue 13): a lower bound on the level part of the score
 * for groups of the given sizes, from the relaxation "each level's members split as evenly as
 * possible over the groups". When the engine's level part meets it, no grouping with those
 * sizes mixes levels better; otherwise the gap says at most how much better one could.
 *
 * Two relaxations, each a valid lower bound, so their maximum is one too:
 *  - per level: its placed members, spread over the groups, each group aiming at the level's
 *    cohort share × its size (integer counts summing to the level's members);
 *  - per group: integer counts summing to its size, each level aiming at its share.
 */
import type { Problem } from './prepare.ts';

/** Smallest Σ|c − share·size| over non-negative integer counts c summing to `size` (largest-remainder rounding). */
export function minimumDeviation(shares: ArrayLike<number>, size: number): number {
  const targets = Array.from(shares, (share) => share * size);
  return evenSplitDeviation(size, targets);
}

/**
 * Smallest Σ|x[g] − targets[g]| over non-negative integers x summing to `count`. The cost is
 * convex in each x[g], so it is reached greedily from the floors: first round up the largest
 * remainders (each costs 1 − 2·remainder), then every further unit costs 1; with fewer units
 * than the floors hold, each removed unit costs 1.
 */
export function evenSplitDeviation(count: number, targets: readonly number[]): number {
  let cost = 0;
  let units = count;
  const remainders: number[] = [];
  for (const target of targets) {
    const floor = Math.floor(target + 1e-9);
    const remainder = Math.max(0, target - floor);
    cost += remainder;
    units -= floor;
    remainders.push(remainder);
  }
  if (units < 0) return cost - units;
  remainders.sort((a, b) => b - a);
  for (const remainder of remainders) {
    if (units === 0) break;
    cost += 1 - 2 * remainder;
    units--;
  }
  return cost + units;
}

export type LevelMixQuality = {
  /** The level part of the score (weighted), as the groups are. */
  penalty: number;
  /** No grouping with these group sizes has a lower level part. */
  bound: number;
  isBestPossible: boolean;
};

/** The level part's bound for `groups` (members per group), weighted like the score. */
export function levelMixQuality(
  problem: Problem,
  groups: readonly (readonly number[])[],
  penalty: number,
): LevelMixQuality {
  const weight = problem.weights.level;
  const levelCount = problem.levels.length;
  const placedAtLevel = new Array<number>(levelCount).fill(0);
  for (const members of groups) for (const person of members) placedAtLevel[problem.levelOf[person]!]!++;
  let perLevel = 0;
  for (let level = 0; level < levelCount; level++) {
    const share = problem.levelShare[level]!;
    perLevel += evenSplitDeviation(
      placedAtLevel[level]!,
      groups.map((members) => share * members.length),
    );
  }
  let perGroup = 0;
  for (const members of groups) perGroup += minimumDeviation(problem.levelShare, members.length);
  const bound = weight * Math.max(perLevel, perGroup);
  return { penalty, bound, isBestPossible: penalty <= bound + 1e-6 };
}

/** "level mix: best possible", or the gap to the bound. */
export function describeLevelMix(quality: LevelMixQuality): string {
  if (quality.isBestPossible) return 'level mix: best possible';
  const gap = quality.penalty - quality.bound;
  return `level mix: ${quality.penalty.toFixed(1)}, at most ${gap.toFixed(1)} above the best possible for these group sizes (${quality.bound.toFixed(1)})`;
}
