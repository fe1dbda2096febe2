import { and, eq, sql } from 'drizzle-orm';
import type { GroupAssignment, GroupingInput } from '../../core/grouping/model.ts';
import { type PlacementProposal, proposePlacement } from '../../core/grouping/propose-placement.ts';
import { tellUnplaced, type UnplacedCause } from '../../core/grouping/tell-unplaced.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { notifications } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { buildGroupingInput, nameGroupsIn, readAssignment } from './grouping-input.ts';
import { findProgram, type ProgramRow } from './programs.ts';

/** The notice to a person in no group links here; it also marks that they were told. */
export function notInAGroupLink(programId: string): string {
  return `/programs/${programId}#not-in-a-group`;
}

type SavedGroup = Awaited<ReturnType<typeof readAssignment>>[number];

function toAssignment(saved: readonly SavedGroup[]): GroupAssignment {
  return { groups: saved.map((group) => ({ id: group.id, memberIds: group.memberIds, slot: group.slot })) };
}

/** Why a person is in no group: the engine's reason from the last forming, else what blocks them now. */
function causeOf(program: ProgramRow, proposal: PlacementProposal, userId: string): UnplacedCause | null {
  const formed = program.lastGrouping?.unplaced.find((entry) => entry.id === userId);
  return proposal.reason ?? (formed?.reason as UnplacedCause | undefined) ?? null;
}

/** For each person in no group: why (the engine's words), the group that could take them now, and whether they were told. */
export async function describeUnplaced(
  db: Database | Transaction,
  program: ProgramRow,
  input: GroupingInput,
  assignment: GroupAssignment,
  unassignedIds: readonly string[],
): Promise<Map<string, { reason: string; proposedGroupId: string | null; isTold: boolean }>> {
  const told = await findTold(db, program.id, unassignedIds);
  const result = new Map<string, { reason: string; proposedGroupId: string | null; isTold: boolean }>();
  for (const id of unassignedIds) {
    const proposal = proposePlacement(input, assignment, id);
    const formed = program.lastGrouping?.unplaced.find((entry) => entry.id === id)?.message;
    result.set(id, {
      reason: proposal.proposedGroupId
        ? 'A group has room for them now: offer them the place.'
        : (proposal.message ?? formed ?? 'Not in a group yet.'),
      proposedGroupId: proposal.proposedGroupId,
      isTold: told.has(id),
    });
  }
  return result;
}

export async function findTold(db: Database | Transaction, programId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await toldAmong(db).execute({ userIds: [...userIds], link: notInAGroupLink(programId) });
  return new Set(rows.map((row) => row.userId));
}

/** Read on every request for a published board with people unplaced. */
const toldAmong = preparedOnce((db: Database | Transaction) =>
  db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        sql`${notifications.userId} = any(${sql.placeholder('userIds')}::uuid[])`,
        eq(notifications.link, sql.placeholder('link')),
      ),
    )
    .prepare('tend_told_not_in_a_group'),
);

/**
 * Tells each of these people, privately and once, why they are in no group and what they can do.
 * Each hears only about themselves: the reason is the engine's, put in words that name nobody.
 */
export async function tellUnplacedPeople(
  tx: Database | Transaction,
  program: ProgramRow,
  userIds: readonly string[],
  options: { isRetold?: boolean } = {},
): Promise<number> {
  // Someone taken out of their group hears it even if they heard "not in a group" once before.
  const told = options.isRetold ? new Set<string>() : await findTold(tx, program.id, userIds);
  const untold = userIds.filter((id) => !told.has(id));
  if (untold.length === 0) return 0;
  const { input } = await buildGroupingInput(tx, program);
  const assignment = toAssignment(await readAssignment(tx, program.id));
  for (const userId of untold) {
    const cause = causeOf(program, proposePlacement(input, assignment, userId), userId);
    await notify(tx, {
      organizationId: program.organizationId,
      userIds: [userId],
      kind: 'group-assignment',
      title: `Not in a group yet: ${program.title}`,
      body: tellUnplaced(cause, program.title).body,
      link: notInAGroupLink(program.id),
    });
  }
  return untold.length;
}

/**
 * A person enrolling after the groups were published is in no group; when no group can take them
 * either, they hear why at once instead of waiting for a group that will not come.
 */
export async function tellLateEnrolleeIfNoGroupCanTake(
  tx: Transaction,
  program: ProgramRow,
  userId: string,
): Promise<void> {
  const saved = await readAssignment(tx, program.id);
  if (!saved.some((group) => group.status === 'published')) return;
  if (saved.some((group) => group.memberIds.includes(userId))) return;
  const { input } = await buildGroupingInput(tx, program);
  if (proposePlacement(input, toAssignment(saved), userId).proposedGroupId !== null) return;
  await tellUnplacedPeople(tx, program, [userId]);
}

/** Tells everyone now in no group who has not heard yet (late enrollees, people a coordinator took out). */
export async function tellUnplacedNow(db: Database, member: SignedInMember, programId: string) {
  return db.transaction(async (tx) => {
    const program = await findProgram(tx, member.organizationId, programId);
    const saved = await readAssignment(tx, programId);
    if (!saved.some((group) => group.status === 'published')) {
      throw new AppError('GROUPS_NOT_PUBLISHED', 'Publish the groups first; the unplaced are told then.');
    }
    const placed = new Set(saved.flatMap((group) => group.memberIds));
    const { input } = await buildGroupingInput(tx, program);
    const unplaced = input.participants.map((person) => person.id).filter((id) => !placed.has(id));
    return { told: await tellUnplacedPeople(tx, program, unplaced) };
  });
}

/**
 * Every group a person in no group could join, with the rule check and the change of the penalty
 * (lower is better) each would bring, best first: the engine's proposal for a late enrollee.
 */
export async function proposePlacementFor(
  db: Database,
  member: SignedInMember,
  programId: string,
  userId: string,
) {
  const program = await findProgram(db, member.organizationId, programId);
  const saved = await readAssignment(db, programId);
  const { input, names } = await buildGroupingInput(db, program);
  if (!input.participants.some((person) => person.id === userId)) throw notFound('That enrolled person');
  if (saved.some((group) => group.memberIds.includes(userId))) {
    throw new AppError('VALIDATION_FAILED', `${names.get(userId)} is already in a group; move them instead.`);
  }
  const proposal = proposePlacement(input, toAssignment(saved), userId);
  const facilitators = new Set(input.participants.filter((p) => p.isFacilitator).map((p) => p.id));
  return {
    person: { id: userId, name: names.get(userId) ?? '' },
    proposedGroupId: proposal.proposedGroupId,
    reason: proposal.message === null ? null : nameGroupsIn(proposal.message, saved),
    candidates: proposal.candidates.map((candidate) => {
      const group = saved.find((entry) => entry.id === candidate.groupId);
      return {
        groupId: candidate.groupId,
        groupName: group?.name ?? '',
        slot: group?.slot ?? null,
        memberCount: group?.memberIds.length ?? 0,
        facilitatorCount: group?.memberIds.filter((id) => facilitators.has(id)).length ?? 0,
        isLegal: candidate.isLegal,
        isFreeAtGroupHour: candidate.isFreeAtGroupHour,
        violations: candidate.newViolations.map((violation) => nameGroupsIn(violation.message, saved)),
        scoreChange: candidate.scoreChange,
      };
    }),
  };
}
