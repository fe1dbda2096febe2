import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { evaluateGrouping } from '../../core/grouping/evaluate-grouping.ts';
import type { GroupAssignment } from '../../core/grouping/model.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { enrollments, groupBoards, groups, programs } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { describeUnplaced, findTold } from './group-placements.ts';
import { buildGroupingInput, nameGroupsIn, readAssignment } from './grouping-input.ts';
import type { ProgramRow } from './programs.ts';

/**
 * The coordinator's groups board is evaluated when something it depends on changes and kept in
 * `group_boards`, so reading it is one row instead of re-reading every enrolment and re-scoring the
 * grouping on each request. Whoever changes enrolments, groups, pins, slots, names, supervision or a
 * program's rules calls `refreshGroupBoards` after (or inside) the change.
 */

/** Evaluates a program's board now from the database: members, slot, score, explanation and every broken rule. */
export async function evaluateGroupBoard(db: Database | Transaction, program: ProgramRow) {
  const saved = await readAssignment(db, program.id);
  const { input, names } = await buildGroupingInput(db, program);
  const assignment: GroupAssignment = {
    groups: saved.map((group) => ({ id: group.id, memberIds: group.memberIds, slot: group.slot })),
  };
  const evaluation = evaluateGrouping(input, assignment);
  const levelOf = new Map(input.participants.map((person) => [person.id, person]));
  const describePerson = (id: string) => ({
    id,
    name: names.get(id) ?? 'Withdrawn person',
    level: levelOf.get(id)?.level ?? null,
    discipline: levelOf.get(id)?.discipline ?? null,
    isFacilitator: levelOf.get(id)?.isFacilitator ?? false,
  });
  const status: 'draft' | 'published' =
    saved.length > 0 && saved.every((group) => group.status === 'published') ? 'published' : 'draft';
  // Once groups meet, the unplaced are a list to act on: why, in the engine's words, and the group
  // that could take them now.
  const unplaced =
    status === 'published'
      ? await describeUnplaced(db, program, input, assignment, evaluation.unassignedIds)
      : new Map();
  const named = (message: string) => nameGroupsIn(message, saved);
  return {
    status,
    groups: evaluation.groups.map((group) => {
      const stored = saved.find((candidate) => candidate.id === group.id);
      return {
        id: group.id,
        name: stored?.name ?? '',
        slot: group.slot,
        commonSlots: group.commonSlots,
        members: group.memberIds.map(describePerson).map((person) => ({
          ...person,
          isPinned: stored?.pinnedIds.includes(person.id) ?? false,
        })),
        facilitatorCount: group.facilitatorIds.length,
        score: group.score,
        explanation: group.explanation,
        violations: group.violations.map((violation) => named(violation.message)),
      };
    }),
    unassigned: evaluation.unassignedIds.map((id) => {
      const placement = unplaced.get(id);
      return {
        ...describePerson(id),
        reason: named(
          placement?.reason ??
            program.lastGrouping?.unplaced.find((entry) => entry.id === id)?.message ??
            'Not in a group yet.',
        ),
        proposedGroupId: placement?.proposedGroupId ?? null,
        isTold: placement?.isTold ?? false,
      };
    }),
    score: evaluation.score,
    violations: evaluation.violations.map((violation) => named(violation.message)),
    isValid: evaluation.isValid,
    diagnoses: program.lastGrouping?.diagnoses ?? [],
    levelMix: program.lastGrouping?.levelMix ?? null,
  };
}

export type GroupBoard = Awaited<ReturnType<typeof evaluateGroupBoard>>;

/**
 * Re-evaluates and stores the boards a change touched: these programs, the programs these people are
 * enrolled in, and — since a program's score counts who already met whom in the organisation's other
 * published groups — every other program with groups that shares an enrolled person with them.
 * Programs are locked in id order while evaluating, so two changes at once store the later state.
 */
export async function refreshGroupBoards(
  db: Database | Transaction,
  changed: { programIds?: readonly string[]; userIds?: readonly string[] },
): Promise<void> {
  const direct = new Set(changed.programIds ?? []);
  if (changed.userIds && changed.userIds.length > 0) {
    const rows = await db
      .selectDistinct({ programId: enrollments.programId })
      .from(enrollments)
      .where(inArray(enrollments.userId, [...changed.userIds]));
    for (const row of rows) direct.add(row.programId);
  }
  if (direct.size === 0) return;
  const directIds = [...direct];
  const grouped = await db
    .selectDistinct({ programId: groups.programId })
    .from(groups)
    .where(inArray(groups.programId, directIds));
  if (grouped.length === 0) {
    // Nothing formed yet: nothing to score, and other programs' boards count only published
    // groupmates, which these programs do not have. Enrolments while a program is open stay cheap.
    await db.delete(groupBoards).where(inArray(groupBoards.programId, directIds));
    return;
  }
  const other = alias(enrollments, 'other_enrollments');
  const neighbours = await db
    .selectDistinct({ programId: other.programId })
    .from(enrollments)
    .innerJoin(other, and(eq(other.userId, enrollments.userId), ne(other.programId, enrollments.programId)))
    .innerJoin(groups, eq(groups.programId, other.programId))
    .where(inArray(enrollments.programId, [...direct]));
  const programIds = [...new Set([...direct, ...neighbours.map((row) => row.programId)])].sort();
  await db.transaction(async (tx) => {
    const locked = await tx
      .select()
      .from(programs)
      .where(inArray(programs.id, programIds))
      .orderBy(programs.id)
      .for('update');
    const grouped = new Set(
      (
        await tx
          .selectDistinct({ programId: groups.programId })
          .from(groups)
          .where(inArray(groups.programId, programIds))
      ).map((row) => row.programId),
    );
    for (const program of locked) {
      // Before forming there is nothing to score: such a board is cheap to read live, and every
      // enrolment of an open program would otherwise pay for a whole evaluation.
      if (!grouped.has(program.id)) {
        await tx
          .delete(groupBoards)
          .where(
            and(
              eq(groupBoards.organizationId, program.organizationId),
              eq(groupBoards.programId, program.id),
            ),
          );
        continue;
      }
      const board = await evaluateGroupBoard(tx, program);
      await tx
        .insert(groupBoards)
        .values({ organizationId: program.organizationId, programId: program.id, board })
        .onConflictDoUpdate({
          target: [groupBoards.organizationId, groupBoards.programId],
          set: { board, evaluatedAt: new Date() },
        });
    }
  });
}

const programWithBoard = preparedOnce((db: Database) =>
  db
    .select({ program: programs, board: groupBoards.board })
    .from(programs)
    .leftJoin(
      groupBoards,
      and(eq(groupBoards.organizationId, programs.organizationId), eq(groupBoards.programId, programs.id)),
    )
    .where(
      and(
        eq(programs.id, sql.placeholder('programId')),
        eq(programs.organizationId, sql.placeholder('organizationId')),
      ),
    )
    .prepare('tend_program_with_group_board'),
);

/** A program of the organisation and its board, read in one statement: the groups board's every request. */
export async function readProgramGroupBoard(
  db: Database,
  organizationId: string,
  programId: string,
): Promise<GroupBoard> {
  const [row] = await programWithBoard(db).execute({ programId, organizationId });
  if (!row) throw notFound('That program');
  return readGroupBoard(db, row.program, (row.board as GroupBoard | null) ?? undefined);
}

/** The stored board (evaluated and stored first if the program has none yet); who was told is read now. */
export async function readGroupBoard(
  db: Database,
  program: ProgramRow,
  stored?: GroupBoard,
): Promise<GroupBoard> {
  const read = async () =>
    (
      await db
        .select({ board: groupBoards.board })
        .from(groupBoards)
        .where(
          and(eq(groupBoards.organizationId, program.organizationId), eq(groupBoards.programId, program.id)),
        )
    )[0]?.board as GroupBoard | undefined;
  let board = stored ?? (await read());
  if (!board) {
    await refreshGroupBoards(db, { programIds: [program.id] });
    board = (await read()) ?? (await evaluateGroupBoard(db, program));
  }
  if (board.status !== 'published' || board.unassigned.length === 0) return board;
  const told = await findTold(
    db,
    program.id,
    board.unassigned.map((person) => person.id),
  );
  return {
    ...board,
    unassigned: board.unassigned.map((person) => ({ ...person, isTold: told.has(person.id) })),
  };
}
