/**
 * Why no grouping places everyone (issue 13): the rule that really keeps people out, named in
 * plain words. Obvious causes are checked directly (too few people, a pinned group that breaks
 * its own limits); otherwise the exact model is solved again with one rule family dropped at a
 * time — pins, conflict pairs, facilitators per group, one person's availability, group size —
 * and the first whose removal places more people is the blocker, narrowed to the single pin
 * group or pair where possible. One person's hours come before the size bounds: when either
 * would do, the smaller change is the more useful thing to tell a coordinator.
 */
import type { MipSolver } from './mip.ts';
import type { UnplacedReason } from './model.ts';
import { buildSlotModel, conflictPairs, type Relaxation } from './placement-model.ts';
import { maskWords, type Problem } from './prepare.ts';
import { describeWeeklySlot, describeWeeklySlots, weeklySlotAt, weeklySlotCount } from './weekly-slot.ts';

export type Blocker = { reason: UnplacedReason; message: string };

function nameOf(problem: Problem, person: number): string {
  const participant = problem.participants[person];
  return participant?.name?.trim() || participant?.id || '?';
}

function isFree(problem: Problem, person: number, slot: number): boolean {
  return ((problem.availability[person * maskWords + (slot >>> 5)]! >>> (slot & 31)) & 1) === 1;
}

function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

/** Causes visible without a solver: fewer people than a group needs, or a pinned group breaking its own limits. */
export function findObviousBlocker(problem: Problem): Blocker | null {
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const withHours = problem.participants.filter(
    (_, person) => problem.slotStart[person + 1]! > problem.slotStart[person]!,
  ).length;
  if (withHours < groupSize.min) {
    return {
      reason: 'no-shared-slot',
      message: `a group needs ${groupSize.min} people; ${withHours} ${withHours === problem.count ? 'enrolled' : 'gave free hours'}`,
    };
  }
  let mostFree = 0;
  let busiest = 0;
  for (let slot = 0; slot < weeklySlotCount; slot++) {
    if (problem.slotPopularity[slot]! > mostFree) {
      mostFree = problem.slotPopularity[slot]!;
      busiest = slot;
    }
  }
  if (mostFree < groupSize.min) {
    return {
      reason: 'no-shared-slot',
      message: `a group needs ${groupSize.min} people free at the same hour; at most ${mostFree} are (${describeWeeklySlot(weeklySlotAt(busiest))})`,
    };
  }
  for (let pin = 0; pin < problem.pinIds.length; pin++) {
    const pinned: number[] = [];
    for (let person = 0; person < problem.count; person++)
      if (problem.pinOf[person] === pin) pinned.push(person);
    const group = problem.pinIds[pin];
    const facilitators = pinned.filter((person) => problem.isFacilitator[person]).length;
    if (facilitators > facilitatorsPerGroup.max) {
      return {
        reason: 'pinned-group-infeasible',
        message: `${facilitators} facilitators are pinned to ${group}, which allows ${facilitatorsPerGroup.max}`,
      };
    }
    if (pinned.length > groupSize.max) {
      return {
        reason: 'pinned-group-infeasible',
        message: `${pinned.length} people are pinned to ${group}, which allows ${groupSize.max}`,
      };
    }
    for (const person of pinned) {
      for (let at = problem.conflictStart[person]!; at < problem.conflictStart[person + 1]!; at++) {
        const other = problem.conflictList[at]!;
        if (other > person && problem.pinOf[other] === pin) {
          return {
            reason: 'pinned-group-infeasible',
            message: `${nameOf(problem, person)} and ${nameOf(problem, other)} are a conflict pair and both are pinned to ${group}`,
          };
        }
      }
    }
    let isShared = false;
    for (let slot = 0; slot < weeklySlotCount && !isShared; slot++) {
      isShared = pinned.every((person) => isFree(problem, person, slot));
    }
    if (!isShared) {
      return {
        reason: 'pinned-group-infeasible',
        message: `the ${people(pinned.length)} pinned to ${group} share no free hour`,
      };
    }
  }
  return null;
}

/**
 * The rule family keeping people out, given that the exact model proved at most `mostPlaceable`
 * can be placed. `limitSeconds` bounds each sub-problem; families whose sub-problem runs out of
 * time are skipped. Returns null when no single family explains it.
 */
export function findBlocker(
  problem: Problem,
  solve: MipSolver,
  limitSeconds: number,
  mostPlaceable: number,
  unplaced: readonly number[],
): Blocker | null {
  const obvious = findObviousBlocker(problem);
  if (obvious) return obvious;
  let budget = limitSeconds;
  const placeableWithout = (relaxation: Relaxation): number | null => {
    if (budget <= 0) return null;
    const slotModel = buildSlotModel(problem, relaxation, null);
    const answer = solve(slotModel.model, { timeLimitSeconds: Math.max(1, budget) });
    budget -= answer.seconds;
    if (answer.status !== 'optimal' || answer.objective === null) return null;
    return slotModel.people.length - Math.round(answer.objective);
  };
  const gains = (relaxation: Relaxation) => (placeableWithout(relaxation) ?? 0) > mostPlaceable;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const total = problem.count;

  if (problem.pinIds.length > 0 && gains({ kind: 'pins' })) {
    return {
      reason: 'pinned-group-infeasible',
      message: `the pins keep people out: with them at most ${mostPlaceable} of ${total} can be placed`,
    };
  }
  const pairs = conflictPairs(problem);
  if (pairs.length > 0 && gains({ kind: 'conflicts' })) {
    // Pairs with someone left out first: they are the likeliest blockers.
    const left = new Set(unplaced);
    const ordered = [...pairs].sort(
      (a, b) => Number(left.has(b[0]) || left.has(b[1])) - Number(left.has(a[0]) || left.has(a[1])),
    );
    for (const [first, second] of ordered.slice(0, 40)) {
      if (gains({ kind: 'conflict', first, second })) return describePair(problem, first, second);
    }
    return {
      reason: 'conflict',
      message: `conflict pairs keep people out: with them at most ${mostPlaceable} of ${total} can be placed`,
    };
  }
  if (facilitatorsPerGroup.min > 0 && gains({ kind: 'facilitators' })) {
    const facilitators = problem.facilitatorCount;
    return {
      reason: 'not-enough-facilitators',
      message: `each group needs ${facilitatorsPerGroup.min === facilitatorsPerGroup.max ? `exactly ${facilitatorsPerGroup.min}` : `${facilitatorsPerGroup.min}–${facilitatorsPerGroup.max}`} facilitator${facilitatorsPerGroup.max === 1 ? '' : 's'}, and with the ${facilitators} facilitator${facilitators === 1 ? '' : 's'} at the hours they are free at most ${mostPlaceable} of ${total} people can be placed`,
    };
  }
  for (const person of unplaced.slice(0, 12)) {
    if (gains({ kind: 'availability', person })) {
      const hours: string[] = [];
      for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
        hours.push(weeklySlotAt(problem.slotList[at]!));
      }
      return {
        reason: 'no-shared-slot',
        message: `${nameOf(problem, person)} is free only ${describeWeeklySlots(hours as ReturnType<typeof weeklySlotAt>[])}, when no legal group can meet with them; free at another hour, more people could be placed`,
      };
    }
  }
  if (gains({ kind: 'size' })) {
    return {
      reason: 'no-shared-slot',
      message: `groups of ${groupSize.min === groupSize.max ? groupSize.min : `${groupSize.min}–${groupSize.max}`} cannot be made from the people free at the same hours: at most ${mostPlaceable} of ${total} can be placed`,
    };
  }
  return null;
}

/** "Ana and Ben are a conflict pair and the only 10 people free at Tuesdays 12:00–13:00 include both". */
function describePair(problem: Problem, first: number, second: number): Blocker {
  const names = `${nameOf(problem, first)} and ${nameOf(problem, second)}`;
  let tightest = -1;
  for (let slot = 0; slot < weeklySlotCount; slot++) {
    if (!isFree(problem, first, slot) || !isFree(problem, second, slot)) continue;
    if (problem.slotPopularity[slot]! < problem.rules.groupSize.min) continue;
    if (tightest < 0 || problem.slotPopularity[slot]! < problem.slotPopularity[tightest]!) tightest = slot;
  }
  if (tightest >= 0 && problem.slotPopularity[tightest]! <= problem.rules.groupSize.max) {
    return {
      reason: 'conflict',
      message: `${names} are a conflict pair and the only ${problem.slotPopularity[tightest]} people free at ${describeWeeklySlot(weeklySlotAt(tightest))} include both`,
    };
  }
  return {
    reason: 'conflict',
    message: `${names} are a conflict pair; without that rule more people could be placed`,
  };
}
