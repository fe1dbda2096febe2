import { checkGroup } from './check-rules.ts';
import { explainGroup, orderMembers } from './explain.ts';
import type {
  EvaluatedGroup,
  GroupAssignment,
  GroupingEvaluation,
  GroupingInput,
  RuleViolation,
} from './model.ts';
import { experienceTargetOf, scoreGroup, sumScores } from './objective.ts';
import { prepareProblem } from './prepare.ts';
import { weeklySlotAt, weeklySlotIndex } from './weekly-slot.ts';

/**
 * Scores any assignment — e.g. groups a coordinator edited by hand — with the engine's objective
 * and lists every hard rule it breaks, per group and overall. Pure and fast (a few ms for
 * hundreds of people), so the UI can call it on every drag.
 */
export function evaluateGrouping(input: GroupingInput, assignment: GroupAssignment): GroupingEvaluation {
  const problem = prepareProblem(input);
  const violations: RuleViolation[] = [];
  const groupOf = new Map<number, string>();
  const memberLists: number[][] = [];
  const readingViolations: RuleViolation[][] = [];
  for (const group of assignment.groups) {
    const members: number[] = [];
    const violations: RuleViolation[] = [];
    readingViolations.push(violations);
    for (const id of group.memberIds) {
      const person = problem.indexById.get(id);
      if (person === undefined) {
        violations.push({
          rule: 'unknown-participant',
          groupId: group.id,
          participantIds: [id],
          message: `group ${group.id} lists "${id}", who is not in the roster`,
        });
        continue;
      }
      const earlier = groupOf.get(person);
      if (earlier !== undefined) {
        violations.push({
          rule: 'placed-twice',
          groupId: group.id,
          participantIds: [id],
          message: `"${id}" is in group ${earlier} and again in group ${group.id}`,
        });
        continue;
      }
      groupOf.set(person, group.id);
      members.push(person);
    }
    memberLists.push(members);
  }

  const target = experienceTargetOf(
    problem,
    memberLists.filter((members) => members.length > 0),
  );
  const groups = assignment.groups.map((group, index): EvaluatedGroup => {
    const members = orderMembers(problem, memberLists[index] ?? []);
    const givenSlot = group.slot ? weeklySlotIndex(group.slot) : -1;
    const check = checkGroup(problem, group.id, members, givenSlot >= 0 ? givenSlot : null);
    const groupViolations = [...(readingViolations[index] ?? []), ...check.violations];
    for (const person of members) {
      const pinnedGroupId = problem.participants[person]?.pinnedGroupId;
      if (pinnedGroupId && pinnedGroupId !== group.id) {
        groupViolations.push({
          rule: 'pinned-group',
          groupId: group.id,
          participantIds: [problem.participants[person]?.id ?? ''],
          message: `"${problem.participants[person]?.id}" is pinned to group ${pinnedGroupId} but is in group ${group.id}`,
        });
      }
    }
    violations.push(...groupViolations);
    return {
      id: group.id,
      slot: check.slot === null ? null : weeklySlotAt(check.slot),
      commonSlots: check.commonSlots.map(weeklySlotAt),
      memberIds: members.map((person) => problem.participants[person]?.id ?? ''),
      facilitatorIds: members
        .filter((person) => problem.isFacilitator[person])
        .map((person) => problem.participants[person]?.id ?? ''),
      score: members.length > 0 ? scoreGroup(problem, members, target) : scoreGroup(problem, [], 0),
      violations: groupViolations,
      explanation:
        members.length > 0 ? explainGroup(problem, members, check.slot, check.commonSlots) : 'no members',
    };
  });

  const unassignedIds: string[] = [];
  // A pinned person in no group is listed as unassigned, not as a broken rule: the engine itself
  // leaves a pinned person out (with the reason) when their pinned group cannot be formed legally.
  problem.participants.forEach((participant, person) => {
    if (!groupOf.has(person)) unassignedIds.push(participant.id);
  });
  return {
    groups,
    unassignedIds,
    score: sumScores(groups.map((group) => group.score)),
    violations,
    isValid: violations.length === 0,
  };
}
