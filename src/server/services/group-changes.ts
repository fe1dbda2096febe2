/**
 * Changing groups that already meet: move one person, place a late enrollee, fill a gap after a
 * withdrawal, swap or add a facilitator. All are moves ({ person, to group or none }); the web app
 * stages them with an undo and saves them together. A saved change never breaks a rule anew, and
 * tells only the people whose group or meeting changed, naming nobody else.
 */
import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import {
  applyMoves,
  checkChange,
  type GroupMove,
  ruleLabels,
} from '../../core/grouping/propose-placement.ts';
import { describeWeeklySlot, type WeeklySlot } from '../../core/grouping/weekly-slot.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { groupMembers, meetings, programs } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { buildMeetingInvitation, type InvitationOrganizer } from '../calendar/meeting-invitation.ts';
import { AppError } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { refreshGroupBoards } from './group-boards.ts';
import { tellUnplacedPeople } from './group-placements.ts';
import { buildGroupingInput, nameGroupsIn, readAssignment } from './grouping-input.ts';
import { describeGroups } from './groups.ts';
import { findProgram, type ProgramRow } from './programs.ts';

export type { GroupMove } from '../../core/grouping/propose-placement.ts';

type SavedGroup = Awaited<ReturnType<typeof readAssignment>>[number];

function nameOfGroup(saved: readonly SavedGroup[], groupId: string | null): string | null {
  return saved.find((group) => group.id === groupId)?.name ?? null;
}

/** Reads the program's published groups and checks the moves against them; refuses bad input by name. */
async function checkMoves(
  db: Database | Transaction,
  member: SignedInMember,
  programId: string,
  moves: readonly GroupMove[],
) {
  const program = await findProgram(db, member.organizationId, programId);
  const saved = await readAssignment(db, programId);
  if (!saved.some((group) => group.status === 'published')) {
    throw new AppError(
      'GROUPS_NOT_PUBLISHED',
      'These groups are drafts: edit them on the board and save; moves are for published groups.',
    );
  }
  const { input, names } = await buildGroupingInput(db, program);
  const enrolled = new Map(input.participants.map((person) => [person.id, person]));
  const seen = new Set<string>();
  for (const move of moves) {
    if (!enrolled.has(move.userId)) {
      throw new AppError('VALIDATION_FAILED', `moves: ${move.userId} is not enrolled in this program.`, {
        fields: { moves: 'a person who is not enrolled' },
      });
    }
    if (seen.has(move.userId)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `moves: ${names.get(move.userId)} is moved twice; move each person once.`,
      );
    }
    seen.add(move.userId);
    if (move.toGroupId !== null && !saved.some((group) => group.id === move.toGroupId)) {
      throw new AppError('VALIDATION_FAILED', `moves: ${move.toGroupId} is not a group of this program.`, {
        fields: { moves: 'an unknown group' },
      });
    }
  }
  const before = { groups: saved.map(({ id, memberIds, slot }) => ({ id, memberIds, slot })) };
  const after = applyMoves(before, moves);
  const check = checkChange(input, before, after);
  const groupOf = (id: string) => saved.find((group) => group.memberIds.includes(id))?.id ?? null;
  return {
    program,
    saved,
    names,
    isFacilitator: (id: string) => enrolled.get(id)?.isFacilitator ?? false,
    after,
    // A move to where the person already is changes nothing and tells nobody.
    changed: moves.filter((move) => groupOf(move.userId) !== move.toGroupId),
    groupOf,
    problems: check.newViolations.map((violation) => ({
      groupId: violation.groupId,
      rule: violation.rule,
      ruleLabel: ruleLabels[violation.rule],
      message: nameGroupsIn(violation.message, saved),
    })),
    scoreChange: check.scoreChange,
  };
}

/** The live check while a coordinator stages moves: rules broken anew, penalty change, each group's size. */
export async function previewGroupChanges(
  db: Database,
  member: SignedInMember,
  programId: string,
  moves: readonly GroupMove[],
) {
  const checked = await checkMoves(db, member, programId, moves);
  return {
    isAllowed: checked.problems.length === 0,
    problems: checked.problems,
    scoreChange: checked.scoreChange,
    groups: checked.after.groups.map((group) => ({
      id: group.id,
      memberCount: group.memberIds.length,
      facilitatorCount: group.memberIds.filter(checked.isFacilitator).length,
    })),
  };
}

/**
 * Saves the moves, or refuses them all, naming the rule, when one would break a rule anew. Moved
 * people stay where they were put when groups are re-formed (they are pinned). Tells the moved
 * people their new group (with its next meeting as a calendar invitation), people taken out why,
 * and members whose facilitator changed — each about their own group only.
 */
export async function saveGroupChanges(
  db: Database,
  member: SignedInMember,
  programId: string,
  moves: readonly GroupMove[],
  now: Date,
  organizer: InvitationOrganizer,
) {
  await db.transaction(async (tx) => {
    // One change at a time per program: two coordinators saving at once cannot both fill one place.
    await tx.execute(sql`select id from ${programs} where id = ${programId} for update`);
    const checked = await checkMoves(tx, member, programId, moves);
    const [problem] = checked.problems;
    if (problem) {
      throw new AppError(
        'GROUP_CHANGE_BREAKS_RULE',
        `Not saved: this change breaks the rule "${problem.ruleLabel}": ${checked.problems.map((entry) => entry.message).join('; ')}.`,
      );
    }
    if (checked.changed.length === 0) return;
    const programGroupIds = checked.saved.map((group) => group.id);
    for (const move of checked.changed) {
      await tx
        .delete(groupMembers)
        .where(and(eq(groupMembers.userId, move.userId), inArray(groupMembers.groupId, programGroupIds)));
      if (move.toGroupId) {
        await tx.insert(groupMembers).values({
          organizationId: member.organizationId,
          groupId: move.toGroupId,
          userId: move.userId,
          isFacilitator: checked.isFacilitator(move.userId),
          isPinned: true,
        });
      }
      await recordAuditEvent(tx, {
        organizationId: member.organizationId,
        actorUserId: member.userId,
        action: move.toGroupId ? 'groups.member-moved' : 'groups.member-taken-out',
        targetId: move.userId,
        details: {
          changes: [
            {
              field: 'group',
              from: nameOfGroup(checked.saved, checked.groupOf(move.userId)),
              to: nameOfGroup(checked.saved, move.toGroupId),
            },
          ],
        },
      });
    }
    await tellMoved(tx, checked.program, checked.saved, checked.changed, now, organizer);
    await tellFacilitatorChanges(
      tx,
      checked.program,
      checked.saved,
      checked.changed,
      checked.isFacilitator,
      checked.groupOf,
    );
    const takenOut = checked.changed.filter((move) => move.toGroupId === null).map((move) => move.userId);
    await tellUnplacedPeople(tx, checked.program, takenOut, { isRetold: true });
    await refreshGroupBoards(tx, { programIds: [programId] });
  });
  return describeGroups(db, member, programId);
}

async function tellMoved(
  tx: Transaction,
  program: ProgramRow,
  saved: readonly SavedGroup[],
  moves: readonly GroupMove[],
  now: Date,
  organizer: InvitationOrganizer,
) {
  for (const move of moves) {
    const group = saved.find((entry) => entry.id === move.toGroupId);
    if (!group) continue;
    const upcoming = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.groupId, group.id), gte(meetings.startsAt, now), isNull(meetings.cancelledAt)))
      .orderBy(asc(meetings.startsAt));
    const next = upcoming[0];
    await notify(tx, {
      organizationId: program.organizationId,
      userIds: [move.userId],
      kind: 'group-assignment',
      title: `Your group in ${program.title}`,
      body:
        `You are now in ${group.name}` +
        (group.slot
          ? `, which meets ${describeWeeklySlot(group.slot as WeeklySlot)} (organisation time)`
          : '') +
        `; ${upcoming.length} meeting${upcoming.length === 1 ? '' : 's'} to come. ` +
        'Your calendar subscription and My groups show them; your earlier group, if any, no longer does.',
      link: '/my-groups',
      calendar: next
        ? (recipient) => buildMeetingInvitation(next, group, program, organizer, recipient.email)
        : undefined,
    });
  }
}

/** Members whose group gained or lost a facilitator hear it, without names: who leads their meetings changed. */
async function tellFacilitatorChanges(
  tx: Transaction,
  program: ProgramRow,
  saved: readonly SavedGroup[],
  moves: readonly GroupMove[],
  isFacilitator: (id: string) => boolean,
  groupOf: (id: string) => string | null,
) {
  const facilitatorMoves = moves.filter((move) => isFacilitator(move.userId));
  const moved = new Set(moves.map((move) => move.userId));
  for (const group of saved) {
    const joined = facilitatorMoves.filter((move) => move.toGroupId === group.id).length;
    const left = facilitatorMoves.filter((move) => groupOf(move.userId) === group.id).length;
    if (joined === 0 && left === 0) continue;
    const stayed = group.memberIds.filter((id) => !moved.has(id));
    const body =
      joined > 0 && left > 0
        ? 'Your group has a new facilitator. Your meeting times stay the same.'
        : joined > 0
          ? 'Another facilitator joins your group. Your meeting times stay the same.'
          : 'A facilitator has left your group. Your meetings go on as planned.';
    await notify(tx, {
      organizationId: program.organizationId,
      userIds: stayed,
      kind: 'group-assignment',
      title: `A change in your group in ${program.title}`,
      body,
      link: '/my-groups',
    });
  }
}
