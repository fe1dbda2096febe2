import { and, count, eq, isNull, lte } from 'drizzle-orm';
import { evaluateGrouping } from '../../core/grouping/evaluate-grouping.ts';
import type { GroupAssignment, GroupingInput } from '../../core/grouping/model.ts';
import type { WeeklySlot } from '../../core/grouping/weekly-slot.ts';
import { planMeetings } from '../../core/scheduling/recurrence.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { groupMembers, groups, meetings, programs } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { buildMeetingInvitation, type InvitationOrganizer } from '../calendar/meeting-invitation.ts';
import { AppError } from '../errors.ts';
import { formGroupsInWorker } from '../grouping/form-groups-in-worker.ts';
import { recordAuditEvent } from './audit.ts';
import { evaluateGroupBoard, readProgramGroupBoard, refreshGroupBoards } from './group-boards.ts';
import { tellUnplacedPeople } from './group-placements.ts';
import { buildGroupingInput, type FormingOptions, readAssignment } from './grouping-input.ts';
import { findOrganizationSettings } from './organization.ts';
import { findProgram, type ProgramRow } from './programs.ts';
import { resolveTopicIds } from './topics.ts';

export type { FormingOptions } from './grouping-input.ts';

/** The program's groups as a coordinator sees them: members, slot, score, explanation and every broken rule. */
export async function describeGroups(db: Database, member: SignedInMember, programId: string) {
  return readProgramGroupBoard(db, member.organizationId, programId);
}

async function replaceGroups(
  tx: Transaction,
  program: ProgramRow,
  assignment: {
    id?: string;
    name?: string;
    slot: WeeklySlot | null;
    memberIds: string[];
    pinnedIds: string[];
    facilitatorIds: string[];
  }[],
  isReformConfirmed = false,
) {
  const existing = await readAssignment(tx, program.id);
  if (!isReformConfirmed && existing.some((group) => group.status === 'published')) {
    throw new AppError(
      'PROGRAM_NOT_DRAFT',
      'The groups are published: move, place or swap people one at a time, or re-form after confirming who would move (confirmMoves: true).',
    );
  }
  await tx.delete(groups).where(eq(groups.programId, program.id));
  for (const [index, group] of assignment.entries()) {
    const [row] = await tx
      .insert(groups)
      .values({
        ...(group.id ? { id: group.id } : {}),
        organizationId: program.organizationId,
        programId: program.id,
        name: group.name ?? `Group ${index + 1}`,
        slot: group.slot,
      })
      .returning({ id: groups.id });
    if (!row || group.memberIds.length === 0) continue;
    await tx.insert(groupMembers).values(
      group.memberIds.map((userId) => ({
        organizationId: program.organizationId,
        groupId: row.id,
        userId,
        isFacilitator: group.facilitatorIds.includes(userId),
        isPinned: group.pinnedIds.includes(userId),
      })),
    );
  }
}

/**
 * How many of the program's meetings have begun (cancelled ones never happened). Once one has,
 * the groups are what people met in: their meetings, attendance, feedback and follow-ups are
 * people's own records, so the groups are changed one move at a time, never replaced (decision 014).
 */
export async function countMeetingsHeld(
  db: Database | Transaction,
  programId: string,
  now: Date,
): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(and(eq(groups.programId, programId), lte(meetings.startsAt, now), isNull(meetings.cancelledAt)));
  return row?.count ?? 0;
}

async function refuseIfGroupsHaveMet(
  db: Database | Transaction,
  programId: string,
  now: Date,
  doing: string,
) {
  const held = await countMeetingsHeld(db, programId, now);
  if (held === 0) return;
  throw new AppError(
    'GROUPS_HAVE_MET',
    `${held} ${held === 1 ? 'meeting has' : 'meetings have'} already taken place, so ${doing} would erase ` +
      'them and who attended. Move, place or swap people one at a time on the published groups instead; ' +
      'past meetings stay with the group they happened in.',
  );
}

export type ReformingChoices = {
  /** Keep people where a coordinator put them by hand (their pins); false re-forms everyone. */
  keepManualMoves: boolean;
  /** Re-forming published groups moves people and replans meetings: only with this confirmation. */
  confirmMoves: boolean;
};

/**
 * Runs the engine (in a worker thread) over the program's enrolled people and keeps the result as
 * draft groups. Over published groups only when confirmed and before their first meeting: they
 * become drafts again, their planned meetings go with them, and publishing again replans them and
 * tells every member. Once a meeting has happened, re-forming is refused (decision 014).
 */
export async function formProgramGroups(
  db: Database,
  member: SignedInMember,
  programId: string,
  options: FormingOptions & ReformingChoices,
  now: Date,
) {
  const program = await findProgram(db, member.organizationId, programId);
  const input = await buildFormingInput(db, program, options);
  const result = await formGroupsInWorker(input);
  const pinned = new Set(
    input.participants.filter((person) => person.pinnedGroupId).map((person) => person.id),
  );
  await db.transaction(async (tx) => {
    await refuseIfGroupsHaveMet(tx, programId, now, 're-forming the groups');
    await replaceGroups(
      tx,
      program,
      result.groups.map((group) => ({
        id: isUuid(group.id) ? group.id : undefined,
        slot: group.slot,
        memberIds: group.memberIds,
        facilitatorIds: group.facilitatorIds,
        pinnedIds: group.memberIds.filter((id) => pinned.has(id)),
      })),
      options.confirmMoves,
    );
    await tx
      .update(programs)
      .set({
        lastGrouping: {
          seed: result.seed,
          formedAt: now.toISOString(),
          unplaced: result.unplaced,
          diagnoses: result.diagnoses,
          levelMix: result.levelMix.message,
        },
      })
      .where(eq(programs.id, programId));
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: `groups.formed:${result.groups.length}`,
      targetId: programId,
    });
    await refreshGroupBoards(tx, { programIds: [programId] });
  });
  return describeGroups(db, member, programId);
}

/** The engine's input for forming: saved manual moves stay as pins unless the coordinator lets them go. */
export async function buildFormingInput(
  db: Database,
  program: ProgramRow,
  options: FormingOptions & Pick<ReformingChoices, 'keepManualMoves'>,
): Promise<GroupingInput> {
  const { input } = await buildGroupingInput(db, program, options);
  if (options.keepManualMoves) return input;
  return {
    ...input,
    participants: input.participants.map(({ pinnedGroupId: _pin, ...person }) => person),
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

export type EditedGroup = {
  id: string;
  name: string;
  slot: WeeklySlot | null;
  memberIds: string[];
  pinnedIds: string[];
};

/** Scores an edited assignment without saving it: the live feedback while a coordinator drags people. */
export async function evaluateEditedGroups(
  db: Database,
  member: SignedInMember,
  programId: string,
  edited: EditedGroup[],
) {
  const program = await findProgram(db, member.organizationId, programId);
  const { input } = await buildGroupingInput(db, program);
  const assignment: GroupAssignment = {
    groups: edited.map(({ id, memberIds, slot }) => ({ id, memberIds, slot })),
  };
  const pinnedInput: GroupingInput = {
    ...input,
    participants: input.participants.map((person) => {
      const pinnedTo = edited.find((group) => group.pinnedIds.includes(person.id));
      const { pinnedGroupId: _previousPin, ...rest } = person;
      return pinnedTo ? { ...rest, pinnedGroupId: pinnedTo.id } : rest;
    }),
  };
  return evaluateGrouping(pinnedInput, assignment);
}

/** Saves hand-edited draft groups; the rules may be broken while editing, but publishing refuses that. */
export async function saveEditedGroups(
  db: Database,
  member: SignedInMember,
  programId: string,
  edited: EditedGroup[],
) {
  const evaluation = await evaluateEditedGroups(db, member, programId, edited);
  const unknown = evaluation.violations.filter(
    (violation) => violation.rule === 'unknown-participant' || violation.rule === 'placed-twice',
  );
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', unknown.map((violation) => violation.message).join(' '));
  }
  await db.transaction(async (tx) => {
    const program = await findProgram(tx, member.organizationId, programId);
    await replaceGroups(
      tx,
      program,
      edited.map((group) => ({
        ...group,
        facilitatorIds:
          evaluation.groups.find((candidate) => candidate.id === group.id)?.facilitatorIds ?? [],
      })),
    );
    await refreshGroupBoards(tx, { programIds: [programId] });
  });
  return describeGroups(db, member, programId);
}

/**
 * Publishes the draft groups: refuses groups that break a rule, plans each group's meetings at its
 * common hour for the program's cadence, and tells every member their group and time.
 */
export async function publishGroups(
  db: Database,
  member: SignedInMember,
  programId: string,
  now: Date,
  organizer: InvitationOrganizer,
) {
  // Evaluated now, not read from the stored board: publishing must judge exactly what it publishes.
  const described = await evaluateGroupBoard(db, await findProgram(db, member.organizationId, programId));
  if (described.groups.length === 0) {
    throw new AppError('GROUPS_BREAK_RULES', 'There are no groups to publish; form groups first.');
  }
  if (!described.isValid) {
    throw new AppError(
      'GROUPS_BREAK_RULES',
      `Fix these before publishing: ${described.violations.join(' ')}`,
    );
  }
  const settings = await findOrganizationSettings(db, member.organizationId);
  await db.transaction(async (tx) => {
    // Publishing again replans every meeting: not once people have met (decision 014).
    await refuseIfGroupsHaveMet(tx, programId, now, 'publishing again');
    const program = await findProgram(tx, member.organizationId, programId);
    const topicEntries = await resolveTopicIds(tx, member.organizationId, program.topicIds);
    for (const group of described.groups) {
      if (!group.slot) continue;
      const plan = planMeetings({
        slot: group.slot,
        timeZone: settings.timeZone,
        termStart: program.termStart,
        termEnd: program.termEnd,
        meetingCount: program.meetingCount,
        cadenceWeeks: program.cadenceWeeks,
        meetingMinutes: program.meetingMinutes,
        holidays: program.holidays,
        notBefore: now,
      });
      await tx.update(groups).set({ status: 'published' }).where(eq(groups.id, group.id));
      await tx.delete(meetings).where(eq(meetings.groupId, group.id));
      const planned =
        plan.meetings.length === 0
          ? []
          : await tx
              .insert(meetings)
              .values(
                plan.meetings.map((meeting, index) => ({
                  organizationId: member.organizationId,
                  groupId: group.id,
                  sequence: meeting.sequence,
                  topicId: topicEntries[index % Math.max(topicEntries.length, 1)]?.ref ?? null,
                  startsAt: meeting.startsAt,
                  endsAt: meeting.endsAt,
                })),
              )
              .returning();
      const first = plan.meetings[0];
      const firstMeeting = planned.find((meeting) => meeting.sequence === 1);
      await notify(tx, {
        organizationId: member.organizationId,
        userIds: group.members.map((person) => person.id),
        kind: 'group-assignment',
        title: `Your group in ${program.title}`,
        body:
          `You are in ${group.name}, meeting ${plan.meetings.length} times` +
          (first ? `, first on ${first.localDate}` : '') +
          '. Your calendar subscription shows every meeting.',
        link: '/my-groups',
        // The first meeting as a calendar invitation; the subscription feed carries the whole series.
        calendar: firstMeeting
          ? (recipient) => buildMeetingInvitation(firstMeeting, group, program, organizer, recipient.email)
          : undefined,
      });
    }
    // Everyone left out hears why, privately, at the moment the others hear their group.
    await tellUnplacedPeople(
      tx,
      program,
      described.unassigned.map((person) => person.id),
    );
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: 'groups.published',
      targetId: programId,
    });
    await refreshGroupBoards(tx, { programIds: [programId] });
  });
  return describeGroups(db, member, programId);
}
