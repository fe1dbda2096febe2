/**
 * Notes on the input as a whole (`diagnoses`) and the final word on each unplaced person. When
 * the exact check proved that no grouping places everyone, the blocker it found (diagnose-
 * blocker.ts) replaces the heuristic's guesses ("every group is full and no member could move"
 * was often false: the members could not move in the heuristic's grouping, not in every one).
 */

import { type Blocker, findBlocker, findObviousBlocker } from './diagnose-blocker.ts';
import { defaultExactTimeLimitSeconds, type ExactOptions } from './exact-fallback.ts';
import type { ExactPlacement } from './exact-placement.ts';
import type { FixedReason, GroupPlan } from './group-plan.ts';
import type { GroupingDiagnosis, UnplacedParticipant, UnplacedReason } from './model.ts';
import type { Problem } from './prepare.ts';

/**
 * Reasons the heuristic gives from its own grouping; a proven blocker is more exact. (A pin
 * that cannot hold is said about the person's own pin, and stays.)
 */
const guessedReasons = new Set<UnplacedReason>([
  'groups-full',
  'conflict',
  'too-many-facilitators',
  'not-enough-facilitators',
]);

export function explainUnplaced(
  problem: Problem,
  plan: GroupPlan,
  fixed: ReadonlyMap<number, FixedReason>,
  unplaced: UnplacedParticipant[],
  exact: ExactPlacement | null,
  options: ExactOptions | undefined,
): { unplaced: UnplacedParticipant[]; diagnoses: GroupingDiagnosis[] } {
  if (unplaced.length === 0) return { unplaced, diagnoses: [] };
  const limit = options?.timeLimitSeconds ?? defaultExactTimeLimitSeconds;
  let blocker: Blocker | null = findObviousBlocker(problem);
  const isProven = exact?.status === 'proven';
  if (!blocker && isProven && options && exact?.mostPlaceable !== null && exact) {
    const left = unplaced
      .filter((entry) => entry.reason !== 'no-availability')
      .map((entry) => problem.indexById.get(entry.id) ?? -1)
      .filter((person) => person >= 0);
    if (left.length > 0) blocker = findBlocker(problem, options.solve, limit, exact.mostPlaceable ?? 0, left);
  }
  const diagnoses = planDiagnoses(problem, plan, fixed, unplaced.length, blocker);
  if (exact && !isProven) diagnoses.push(incompleteNote(exact, unplaced.length, limit));
  if (!blocker) return { unplaced, diagnoses };
  const canTrust = isProven || findObviousBlocker(problem) !== null;
  return {
    unplaced: unplaced.map((entry) =>
      canTrust && (guessedReasons.has(entry.reason) || isFalseNoSlot(entry))
        ? { id: entry.id, reason: blocker.reason, message: blocker.message }
        : entry,
    ),
    diagnoses,
  };
}

/** "no group meets at any of their free hours" speaks about the heuristic's groups, not about every grouping. */
function isFalseNoSlot(entry: UnplacedParticipant): boolean {
  return entry.reason === 'no-shared-slot' && entry.message.includes('no group meets');
}

/** What the exact check could not settle: said, never hidden. */
function incompleteNote(exact: ExactPlacement, unplacedCount: number, limit: number): GroupingDiagnosis {
  const people = unplacedCount === 1 ? 'the 1 person' : `the ${unplacedCount} people`;
  const why =
    exact.status === 'time-limit'
      ? `the exact check stopped at its time limit (${limit} s)`
      : "the exact check could not split one hour's people into groups";
  return {
    code: 'EXACT_CHECK_INCOMPLETE',
    message: `could not prove that ${people} left out cannot be placed: ${why}`,
  };
}

function planDiagnoses(
  problem: Problem,
  plan: GroupPlan,
  fixed: ReadonlyMap<number, FixedReason>,
  unplacedCount: number,
  blocker: Blocker | null,
): GroupingDiagnosis[] {
  const diagnoses: GroupingDiagnosis[] = [];
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  if (blocker?.reason === 'no-shared-slot' && plan.placeableCount < groupSize.min) {
    diagnoses.push({ code: 'TOO_FEW_PEOPLE', message: blocker.message });
  } else if (blocker?.reason === 'pinned-group-infeasible') {
    diagnoses.push({ code: 'PINNED_GROUP_INFEASIBLE', message: blocker.message });
  } else if (blocker) {
    diagnoses.push({ code: 'NO_COMPLETE_GROUPING', message: blocker.message });
  }
  if (plan.facilitatorShortage && blocker?.reason !== 'pinned-group-infeasible') {
    const { needed, available } = plan.facilitatorShortage;
    diagnoses.push({
      code: 'NOT_ENOUGH_FACILITATORS',
      message: `not enough facilitators: ${needed} needed, ${available} available (each group needs at least ${facilitatorsPerGroup.min})`,
    });
  }
  if (plan.facilitatorSurplus) {
    const { capacity, available } = plan.facilitatorSurplus;
    diagnoses.push({
      code: 'TOO_MANY_FACILITATORS',
      message: `${available} facilitators but the groups take at most ${capacity} (${facilitatorsPerGroup.max} per group); the rest are not placed`,
    });
  }
  const pinned = [...fixed.entries()].filter(
    ([, fixedReason]) => fixedReason.reason === 'pinned-group-infeasible',
  );
  if (pinned.length > 0 && blocker?.reason !== 'pinned-group-infeasible') {
    diagnoses.push({
      code: 'PINNED_GROUP_INFEASIBLE',
      message: `${pinned.length} pinned ${pinned.length === 1 ? 'person' : 'people'} could not stay in their pinned group: ${pinned
        .slice(0, 3)
        .map(([person, fixedReason]) => `${problem.participants[person]?.id} (${fixedReason.message})`)
        .join('; ')}${pinned.length > 3 ? '; …' : ''}`,
    });
  }
  diagnoses.push({
    code: 'UNPLACED_PEOPLE',
    message: `${unplacedCount} of ${problem.count} ${problem.count === 1 ? 'person' : 'people'} could not be placed; each has a reason in the list of unplaced`,
  });
  return diagnoses;
}
