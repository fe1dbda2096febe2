import type { GroupPerson, GroupsOverview } from '../api/groups.ts';
import type { ChangeProblem, GroupMove } from '../api/published-groups.ts';
import { type BoardView, savedView } from './edited-groups.ts';

/** Where each person is in the saved groups (null: in none). */
function savedGroupOf(overview: GroupsOverview): Map<string, string | null> {
  const result = new Map<string, string | null>();
  for (const group of overview.groups) for (const member of group.members) result.set(member.id, group.id);
  for (const person of overview.unassigned) result.set(person.id, null);
  return result;
}

/**
 * The staged moves as the server should see them: the last move of each person wins, and a person
 * moved back where they started is no move at all.
 */
export function netMoves(overview: GroupsOverview, staged: readonly GroupMove[]): GroupMove[] {
  const saved = savedGroupOf(overview);
  const last = new Map<string, GroupMove>();
  for (const move of staged) {
    last.delete(move.userId);
    last.set(move.userId, move);
  }
  return [...last.values()].filter((move) => saved.get(move.userId) !== move.toGroupId);
}

/** The board with the staged moves applied; groups they touch show the rules they would break. */
export function stagedView(
  overview: GroupsOverview,
  moves: readonly GroupMove[],
  problems: readonly ChangeProblem[],
): BoardView {
  const view = savedView(overview);
  if (moves.length === 0) return view;
  const people = new Map<string, GroupPerson & { reason?: string }>();
  for (const group of view.groups) for (const member of group.members) people.set(member.id, member);
  for (const person of view.unassigned) people.set(person.id, person);
  const moved = new Set(moves.map((move) => move.userId));
  const touched = new Set<string | null>(moves.map((move) => move.toGroupId));
  for (const group of view.groups) {
    if (group.members.some((member) => moved.has(member.id))) touched.add(group.id);
  }
  return {
    ...view,
    groups: view.groups.map((group) => {
      if (!touched.has(group.id)) return group;
      const members = [
        ...group.members.filter((member) => !moved.has(member.id)),
        ...moves
          .filter((move) => move.toGroupId === group.id)
          .map((move) => people.get(move.userId))
          .filter((person) => person !== undefined)
          .map((person) => ({ ...person, isPinned: true })),
      ];
      return {
        ...group,
        members,
        explanation: 'Changed: the explanation and score are updated when you save.',
        violations: [
          ...group.violations,
          ...problems.filter((problem) => problem.groupId === group.id).map((problem) => problem.message),
        ],
      };
    }),
    unassigned: [
      ...view.unassigned.filter((person) => !moved.has(person.id)),
      ...moves
        .filter((move) => move.toGroupId === null)
        .map((move) => people.get(move.userId))
        .filter((person) => person !== undefined)
        .map((person) => ({ ...person, reason: 'Taken out of their group (not saved yet).' })),
    ],
  };
}

/** Who a save would tell, in the coordinator's words; the notices themselves name nobody. */
export function describeWhoIsTold(overview: GroupsOverview, moves: readonly GroupMove[]): string[] {
  const nameOf = new Map<string, GroupPerson>();
  for (const group of overview.groups) for (const member of group.members) nameOf.set(member.id, member);
  for (const person of overview.unassigned) nameOf.set(person.id, person);
  const groupName = (id: string | null) =>
    overview.groups.find((group) => group.id === id)?.name ?? 'no group';
  const lines = moves.map((move) =>
    move.toGroupId
      ? `${nameOf.get(move.userId)?.name ?? 'Someone'} is told they are now in ${groupName(move.toGroupId)}.`
      : `${nameOf.get(move.userId)?.name ?? 'Someone'} is told, privately, why they are in no group.`,
  );
  const saved = savedGroupOf(overview);
  const facilitatorGroups = new Set<string>();
  for (const move of moves) {
    if (!nameOf.get(move.userId)?.isFacilitator) continue;
    const from = saved.get(move.userId);
    if (from) facilitatorGroups.add(from);
    if (move.toGroupId) facilitatorGroups.add(move.toGroupId);
  }
  for (const id of facilitatorGroups) {
    lines.push(`The other members of ${groupName(id)} are told their facilitator changed, without names.`);
  }
  return lines;
}

export function describeMove(overview: GroupsOverview, move: GroupMove): string {
  const person =
    [...overview.groups.flatMap((group) => group.members), ...overview.unassigned].find(
      (candidate) => candidate.id === move.userId,
    )?.name ?? 'Someone';
  const to = overview.groups.find((group) => group.id === move.toGroupId)?.name;
  return to ? `${person} to ${to}` : `${person} out of every group`;
}
