import type {
  EditedGroup,
  GroupingEvaluation,
  GroupPerson,
  GroupsOverview,
  ScoreBreakdown,
} from '../api/groups.ts';

/** One group as the board shows it, saved or edited. */
export type BoardGroup = {
  id: string;
  name: string;
  slot: string | null;
  members: (GroupPerson & { isPinned: boolean })[];
  score: ScoreBreakdown | null;
  explanation: string | null;
  violations: string[];
};

export type BoardView = {
  groups: BoardGroup[];
  unassigned: (GroupPerson & { reason: string })[];
  score: ScoreBreakdown | null;
  /** Broken rules that belong to no single group. */
  violations: string[];
  isValid: boolean;
};

/** The saved groups as an editable assignment. */
export function editableFrom(overview: GroupsOverview): EditedGroup[] {
  return overview.groups.map((group) => ({
    id: group.id,
    name: group.name,
    slot: group.slot,
    memberIds: group.members.map((member) => member.id),
    pinnedIds: group.members.filter((member) => member.isPinned).map((member) => member.id),
  }));
}

/** Moves a person into a group, or out of every group when `toGroupId` is null; a pin moves with them. */
export function movePerson(groups: EditedGroup[], personId: string, toGroupId: string | null): EditedGroup[] {
  const wasPinned = groups.some((group) => group.pinnedIds.includes(personId));
  return groups.map((group) => {
    const memberIds = group.memberIds.filter((id) => id !== personId);
    const pinnedIds = group.pinnedIds.filter((id) => id !== personId);
    if (group.id !== toGroupId) return { ...group, memberIds, pinnedIds };
    return {
      ...group,
      memberIds: [...memberIds, personId],
      pinnedIds: wasPinned ? [...pinnedIds, personId] : pinnedIds,
    };
  });
}

export function togglePin(groups: EditedGroup[], personId: string): EditedGroup[] {
  return groups.map((group) => {
    if (!group.memberIds.includes(personId)) return group;
    const isPinned = group.pinnedIds.includes(personId);
    return {
      ...group,
      pinnedIds: isPinned ? group.pinnedIds.filter((id) => id !== personId) : [...group.pinnedIds, personId],
    };
  });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

function hasSameMembers(group: EditedGroup, saved: EditedGroup | undefined): boolean {
  return saved !== undefined && sameSet(group.memberIds, saved.memberIds);
}

/** True when the edited assignment differs from the saved one (moving someone back undoes the edit). */
export function hasEdits(edited: EditedGroup[], saved: EditedGroup[]): boolean {
  return edited.some((group) => {
    const before = saved.find((candidate) => candidate.id === group.id);
    return !hasSameMembers(group, before) || !sameSet(group.pinnedIds, before?.pinnedIds ?? []);
  });
}

/**
 * What to ask the server to score: a group whose members changed gets no slot, so the server
 * finds the best hour they all share; an unchanged group keeps its hour.
 */
export function evaluationRequest(edited: EditedGroup[], saved: EditedGroup[]): EditedGroup[] {
  return edited.map((group) =>
    hasSameMembers(
      group,
      saved.find((candidate) => candidate.id === group.id),
    )
      ? group
      : { ...group, slot: null },
  );
}

/** The hour a group meets: its saved hour while everyone is still free then, otherwise the best shared one. */
function slotAfterEdit(
  group: EditedGroup,
  saved: EditedGroup | undefined,
  evaluated: GroupingEvaluation['groups'][number] | undefined,
): string | null {
  if (hasSameMembers(group, saved) || !evaluated) return group.slot;
  if (group.slot && evaluated.commonSlots.includes(group.slot)) return group.slot;
  return evaluated.slot;
}

/** The edited assignment as it would be saved, with each group's meeting hour. */
export function assignmentToSave(
  edited: EditedGroup[],
  saved: EditedGroup[],
  evaluation: GroupingEvaluation | undefined,
): EditedGroup[] {
  return edited.map((group) => ({
    ...group,
    slot: slotAfterEdit(
      group,
      saved.find((candidate) => candidate.id === group.id),
      evaluation?.groups.find((candidate) => candidate.id === group.id),
    ),
  }));
}

/** Everyone the board knows, by id. */
export function directoryOf(overview: GroupsOverview): Map<string, GroupPerson> {
  const people = new Map<string, GroupPerson>();
  for (const group of overview.groups) {
    for (const { isPinned: _isPinned, ...person } of group.members) people.set(person.id, person);
  }
  for (const { reason: _reason, ...person } of overview.unassigned) people.set(person.id, person);
  return people;
}

/** Rule messages name groups and people by id ("group 5f0c…"); show their names ("Group 2") instead. */
export function nameIds(message: string, names: ReadonlyMap<string, string>): string {
  return message.replace(
    /(\bgroup )?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi,
    (_match, prefix: string | undefined, id: string) => {
      const name = names.get(id) ?? 'someone';
      return prefix && !/^group\b/i.test(name) ? `${prefix}${name}` : name;
    },
  );
}

function namesOf(overview: GroupsOverview, directory: Map<string, GroupPerson>): Map<string, string> {
  const names = new Map<string, string>();
  for (const [id, person] of directory) names.set(id, person.name);
  for (const group of overview.groups) names.set(group.id, group.name);
  return names;
}

function unique(messages: string[]): string[] {
  return [...new Set(messages)];
}

function facilitatorsFirst<T extends { isFacilitator: boolean }>(people: T[]): T[] {
  return [
    ...people.filter((person) => person.isFacilitator),
    ...people.filter((person) => !person.isFacilitator),
  ];
}

/** The saved groups, as the server described them. */
export function savedView(overview: GroupsOverview): BoardView {
  const names = namesOf(overview, directoryOf(overview));
  const inGroups = new Set(overview.groups.flatMap((group) => group.violations));
  return {
    groups: overview.groups.map((group) => ({
      id: group.id,
      name: group.name,
      slot: group.slot,
      members: facilitatorsFirst(group.members),
      score: group.score,
      explanation: group.explanation,
      violations: unique(group.violations.map((message) => nameIds(message, names))),
    })),
    unassigned: overview.unassigned,
    score: overview.score,
    violations: unique(
      overview.violations
        .filter((message) => !inGroups.has(message))
        .map((message) => nameIds(message, names)),
    ),
    isValid: overview.isValid,
  };
}

/**
 * The edited groups: membership straight from the local edits (so a move shows at once), and
 * score, explanation and broken rules from the latest evaluation of them.
 */
export function editedView(
  overview: GroupsOverview,
  edited: EditedGroup[],
  evaluation: GroupingEvaluation | undefined,
): BoardView {
  const directory = directoryOf(overview);
  const names = namesOf(overview, directory);
  const saved = editableFrom(overview);
  const placed = new Set(edited.flatMap((group) => group.memberIds));
  const personOf = (id: string): GroupPerson =>
    directory.get(id) ?? { id, name: 'Unknown person', level: null, discipline: null, isFacilitator: false };
  return {
    groups: edited.map((group) => {
      const evaluated = evaluation?.groups.find((candidate) => candidate.id === group.id);
      const before = saved.find((candidate) => candidate.id === group.id);
      return {
        id: group.id,
        name: group.name,
        slot: slotAfterEdit(group, before, evaluated),
        members: facilitatorsFirst(
          group.memberIds.map((id) => ({ ...personOf(id), isPinned: group.pinnedIds.includes(id) })),
        ),
        score: evaluated?.score ?? null,
        explanation: evaluated
          ? group.memberIds.length === 0
            ? 'No members.'
            : evaluated.explanation
          : null,
        violations: unique(
          (evaluated?.violations ?? []).map((violation) => nameIds(violation.message, names)),
        ),
      };
    }),
    unassigned: [...directory.values()]
      .filter((person) => !placed.has(person.id))
      .map((person) => ({
        ...person,
        reason:
          overview.unassigned.find((entry) => entry.id === person.id)?.reason ??
          'Moved out of the groups by hand (not saved yet).',
      })),
    score: evaluation?.score ?? null,
    violations: unique(
      (evaluation?.violations ?? [])
        .filter((violation) => violation.groupId === null)
        .map((violation) => nameIds(violation.message, names)),
    ),
    isValid: evaluation?.isValid ?? false,
  };
}

/** Penalty points with one decimal: "12.5". */
export function formatScore(points: number): string {
  return (Math.round(points * 10) / 10).toFixed(1);
}

/** "2.0 points worse than saved", "1.5 points better than saved", "same as saved". */
export function describeScoreChange(now: number, saved: number): string {
  const change = Math.round((now - saved) * 10) / 10;
  if (change === 0) return 'same as saved';
  return `${change > 0 ? '+' : '−'}${formatScore(Math.abs(change))}, ${change > 0 ? 'worse' : 'better'} than saved`;
}
