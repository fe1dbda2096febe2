/**
 * Changes to groups that already meet: moving one person, placing a late enrollee, filling a
 * gap, swapping a facilitator. A change may leave a rule broken that was already broken (a group
 * one short after a withdrawal), but never breaks one anew; and for a person in no group, the
 * engine proposes the group with room where they cost the least.
 */
import { evaluateGrouping } from './evaluate-grouping.ts';
import type { GroupAssignment, GroupingEvaluation, GroupingInput, HardRule, RuleViolation } from './model.ts';

export type GroupMove = { userId: string; toGroupId: string | null };

/** The rules in words a coordinator uses, for refusals that name the rule. */
export const ruleLabels: Record<HardRule, string> = {
  'group-size': 'group size',
  'facilitators-per-group': 'facilitators per group',
  'common-slot': 'one meeting hour all members are free',
  'conflict-of-interest': 'conflict of interest',
  'pinned-group': 'pinned group',
  'unknown-participant': 'enrolled people only',
  'placed-twice': 'one group per person',
};

/** The assignment after the moves: each moved person leaves their group and joins the new one (or none). */
export function applyMoves(assignment: GroupAssignment, moves: readonly GroupMove[]): GroupAssignment {
  const moved = new Set(moves.map((move) => move.userId));
  return {
    groups: assignment.groups.map((group) => ({
      ...group,
      memberIds: [
        ...group.memberIds.filter((id) => !moved.has(id)),
        ...moves.filter((move) => move.toGroupId === group.id).map((move) => move.userId),
      ],
    })),
  };
}

export type ChangeCheck = {
  /** Rules the change would break that were not broken before: any one refuses the change. */
  newViolations: RuleViolation[];
  /** Change of the total penalty (lower is better): negative means the groups get better. */
  scoreChange: number;
};

/** Compares the groups before and after a change: which rules break anew, and how the penalty moves. */
export function checkChange(
  input: GroupingInput,
  before: GroupAssignment,
  after: GroupAssignment,
  /** The evaluation of `before`, when the caller already has it (one per proposal, not one per group). */
  was: GroupingEvaluation = evaluateGrouping(input, before),
): ChangeCheck {
  const will = evaluateGrouping(input, after);
  // A message carries the rule, the group and the numbers or people involved, so "still 7 of 8" is
  // the same message and "now 6 of 8" a new one.
  const known = new Set(was.violations.map((violation) => violation.message));
  return {
    newViolations: will.violations.filter((violation) => !known.has(violation.message)),
    scoreChange: roundScore(will.score.total - was.score.total),
  };
}

export type PlacementCandidate = {
  groupId: string;
  isLegal: boolean;
  /** Rules placing the person here would break; empty when legal. */
  newViolations: RuleViolation[];
  scoreChange: number;
  /** The person is free at the hour the group meets. */
  isFreeAtGroupHour: boolean;
};

/** Why nobody could take a person, as a code the plain-words notice is chosen by. */
export type NoPlaceReason =
  | 'no-availability'
  | 'no-group-at-their-hours'
  | 'groups-full'
  | 'groups-cannot-take';

export type PlacementProposal = {
  candidates: PlacementCandidate[];
  /** The legal group where the person costs the least penalty; null when no group can take them. */
  proposedGroupId: string | null;
  reason: NoPlaceReason | null;
  /** For the coordinator: the rule that stops the nearest group, or null when a group can take them. */
  message: string | null;
};

/** Every group a person in no group could join, checked against the rules, best first. */
export function proposePlacement(
  input: GroupingInput,
  assignment: GroupAssignment,
  personId: string,
): PlacementProposal {
  const person = input.participants.find((participant) => participant.id === personId);
  const candidates = assignment.groups.map((group): PlacementCandidate => {
    const check = checkChange(
      input,
      assignment,
      applyMoves(assignment, [{ userId: personId, toGroupId: group.id }]),
    );
    return {
      groupId: group.id,
      isLegal: check.newViolations.length === 0,
      newViolations: check.newViolations,
      scoreChange: check.scoreChange,
      isFreeAtGroupHour: !check.newViolations.some(
        (violation) => violation.rule === 'common-slot' && violation.participantIds.includes(personId),
      ),
    };
  });
  candidates.sort(
    (a, b) =>
      Number(b.isLegal) - Number(a.isLegal) ||
      Number(b.isFreeAtGroupHour) - Number(a.isFreeAtGroupHour) ||
      a.newViolations.length - b.newViolations.length ||
      a.scoreChange - b.scoreChange,
  );
  const best = candidates[0];
  if (best?.isLegal) return { candidates, proposedGroupId: best.groupId, reason: null, message: null };
  const reason: NoPlaceReason =
    !person || person.availability.length === 0
      ? 'no-availability'
      : !candidates.some((candidate) => candidate.isFreeAtGroupHour)
        ? 'no-group-at-their-hours'
        : candidates
              .filter((candidate) => candidate.isFreeAtGroupHour)
              .every((candidate) =>
                candidate.newViolations.some((violation) => violation.rule === 'group-size'),
              )
          ? 'groups-full'
          : 'groups-cannot-take';
  return {
    candidates,
    proposedGroupId: null,
    reason,
    message:
      reason === 'no-availability'
        ? 'gave no weekly hours when they are free'
        : (best?.newViolations.map((violation) => violation.message).join('; ') ?? 'there are no groups'),
  };
}

function roundScore(value: number): number {
  return Math.round(value * 100) / 100;
}
