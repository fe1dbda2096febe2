import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { evaluateGrouping } from '../../core/grouping/evaluate-grouping.ts';
import type {
  ConflictOfInterest,
  GroupAssignment,
  GroupingInput,
  GroupingWeights,
  HistoryMode,
  Participant,
} from '../../core/grouping/model.ts';
import type { WeeklySlot } from '../../core/grouping/weekly-slot.ts';
import { planMeetings } from '../../core/scheduling/recurrence.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import {
  enrollments,
  groupMembers,
  groups,
  meetings,
  programs,
  supervisions,
  users,
} from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { buildMeetingInvitation, type InvitationOrganizer } from '../calendar/meeting-invitation.ts';
import { AppError } from '../errors.ts';
import { formGroupsInWorker } from '../grouping/form-groups-in-worker.ts';
import { recordAuditEvent } from './audit.ts';
import { findOrganizationSettings } from './organization.ts';
import { findProgram, type ProgramRow } from './programs.ts';
import { resolveTopicIds } from './topics.ts';

export type FormingOptions = {
  seed: number;
  weights: Partial<GroupingWeights>;
  historyMode: HistoryMode;
  facilitatorsPerGroup: { min: number; max: number };
};

/** The engine's input for a program: its enrolled people, their conflicts, pins and past groupmates. */
async function buildGroupingInput(
  db: Database | Transaction,
  program: ProgramRow,
  options: Partial<FormingOptions> = {},
): Promise<{ input: GroupingInput; names: Map<string, string> }> {
  const people = await db
    .select({
      userId: enrollments.userId,
      name: users.name,
      level: enrollments.level,
      discipline: enrollments.discipline,
      availability: enrollments.availability,
      interests: enrollments.interests,
      isFacilitator: enrollments.isFacilitator,
      avoidUserIds: enrollments.avoidUserIds,
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(and(eq(enrollments.programId, program.id), eq(enrollments.status, 'enrolled')))
    .orderBy(asc(users.name));
  const ids = people.map((person) => person.userId);
  const pins =
    ids.length === 0
      ? []
      : await db
          .select({ userId: groupMembers.userId, groupId: groupMembers.groupId })
          .from(groupMembers)
          .innerJoin(groups, eq(groups.id, groupMembers.groupId))
          .where(and(eq(groups.programId, program.id), eq(groupMembers.isPinned, true)));
  const pinnedGroup = new Map(pins.map((pin) => [pin.userId, pin.groupId]));
  const previousGroupmates = await findPreviousGroupmates(db, program, ids);

  const conflicts: ConflictOfInterest[] = [];
  if (ids.length > 0) {
    const supervising = await db
      .select({ supervisorId: supervisions.supervisorId, superviseeId: supervisions.superviseeId })
      .from(supervisions)
      .where(and(inArray(supervisions.supervisorId, ids), inArray(supervisions.superviseeId, ids)));
    for (const pair of supervising) {
      conflicts.push({ participantIds: [pair.supervisorId, pair.superviseeId], kind: 'supervision' });
    }
  }
  const enrolled = new Set(ids);
  for (const person of people) {
    for (const other of person.avoidUserIds) {
      if (enrolled.has(other)) conflicts.push({ participantIds: [person.userId, other], kind: 'request' });
    }
  }

  const participants: Participant[] = people.map((person) => ({
    id: person.userId,
    name: person.name,
    level: person.level ?? (person.isFacilitator ? 'faculty' : 'practitioner'),
    ...(person.discipline ? { discipline: person.discipline } : {}),
    availability: person.availability as WeeklySlot[],
    interests: person.interests,
    isFacilitator: person.isFacilitator,
    ...(pinnedGroup.has(person.userId) ? { pinnedGroupId: pinnedGroup.get(person.userId) } : {}),
    previousGroupmateIds: previousGroupmates.get(person.userId) ?? [],
  }));
  return {
    input: {
      participants,
      conflicts,
      rules: {
        groupSize: { min: program.groupSizeMin, max: program.groupSizeMax },
        ...(options.facilitatorsPerGroup ? { facilitatorsPerGroup: options.facilitatorsPerGroup } : {}),
      },
      ...(options.weights ? { weights: options.weights } : {}),
      ...(options.historyMode ? { historyMode: options.historyMode } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    },
    names: new Map(people.map((person) => [person.userId, person.name])),
  };
}

/** Who shared a published group with whom in the organisation's earlier programs. */
async function findPreviousGroupmates(
  db: Database | Transaction,
  program: ProgramRow,
  ids: string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (ids.length === 0) return result;
  const rows = await db
    .select({ groupId: groupMembers.groupId, userId: groupMembers.userId })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .where(
      and(
        eq(programs.organizationId, program.organizationId),
        ne(programs.id, program.id),
        eq(groups.status, 'published'),
        inArray(groupMembers.userId, ids),
      ),
    );
  const byGroup = new Map<string, string[]>();
  for (const row of rows) byGroup.set(row.groupId, [...(byGroup.get(row.groupId) ?? []), row.userId]);
  for (const members of byGroup.values()) {
    for (const member of members) {
      result.set(member, [...(result.get(member) ?? []), ...members.filter((other) => other !== member)]);
    }
  }
  return result;
}

async function readAssignment(db: Database | Transaction, programId: string) {
  const rows = await db
    .select({
      id: groups.id,
      name: groups.name,
      slot: groups.slot,
      status: groups.status,
      userId: groupMembers.userId,
      isPinned: groupMembers.isPinned,
    })
    .from(groups)
    .leftJoin(groupMembers, eq(groupMembers.groupId, groups.id))
    .where(eq(groups.programId, programId))
    .orderBy(asc(groups.name));
  const byId = new Map<
    string,
    {
      id: string;
      name: string;
      slot: WeeklySlot | null;
      status: string;
      memberIds: string[];
      pinnedIds: string[];
    }
  >();
  for (const row of rows) {
    const group = byId.get(row.id) ?? {
      id: row.id,
      name: row.name,
      slot: row.slot as WeeklySlot | null,
      status: row.status,
      memberIds: [],
      pinnedIds: [],
    };
    if (row.userId) group.memberIds.push(row.userId);
    if (row.userId && row.isPinned) group.pinnedIds.push(row.userId);
    byId.set(row.id, group);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** The program's groups as a coordinator sees them: members, slot, score, explanation and every broken rule. */
export async function describeGroups(db: Database, member: SignedInMember, programId: string) {
  const program = await findProgram(db, member.organizationId, programId);
  const saved = await readAssignment(db, programId);
  const { input, names } = await buildGroupingInput(db, program);
  const evaluation = evaluateGrouping(input, {
    groups: saved.map((group) => ({ id: group.id, memberIds: group.memberIds, slot: group.slot })),
  });
  const levelOf = new Map(input.participants.map((person) => [person.id, person]));
  const describePerson = (id: string) => ({
    id,
    name: names.get(id) ?? 'Withdrawn person',
    level: levelOf.get(id)?.level ?? null,
    discipline: levelOf.get(id)?.discipline ?? null,
    isFacilitator: levelOf.get(id)?.isFacilitator ?? false,
  });
  return {
    status: (saved.length > 0 && saved.every((group) => group.status === 'published')
      ? 'published'
      : 'draft') as 'draft' | 'published',
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
        score: group.score,
        explanation: group.explanation,
        violations: group.violations.map((violation) => violation.message),
      };
    }),
    unassigned: evaluation.unassignedIds.map((id) => ({
      ...describePerson(id),
      reason:
        program.lastGrouping?.unplaced.find((entry) => entry.id === id)?.message ?? 'Not in a group yet.',
    })),
    score: evaluation.score,
    violations: evaluation.violations.map((violation) => violation.message),
    isValid: evaluation.isValid,
    diagnoses: program.lastGrouping?.diagnoses ?? [],
    levelMix: program.lastGrouping?.levelMix ?? null,
  };
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
) {
  const existing = await readAssignment(tx, program.id);
  if (existing.some((group) => group.status === 'published')) {
    throw new AppError(
      'PROGRAM_NOT_DRAFT',
      'The groups are published; move people one at a time instead of re-forming.',
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
        groupId: row.id,
        userId,
        isFacilitator: group.facilitatorIds.includes(userId),
        isPinned: group.pinnedIds.includes(userId),
      })),
    );
  }
}

/** Runs the engine (in a worker thread) over the program's enrolled people and keeps the result as draft groups. */
export async function formProgramGroups(
  db: Database,
  member: SignedInMember,
  programId: string,
  options: FormingOptions,
  now: Date,
) {
  const program = await findProgram(db, member.organizationId, programId);
  const { input } = await buildGroupingInput(db, program, options);
  const result = await formGroupsInWorker(input);
  const pinned = new Set(
    input.participants.filter((person) => person.pinnedGroupId).map((person) => person.id),
  );
  await db.transaction(async (tx) => {
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
  });
  return describeGroups(db, member, programId);
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
  const described = await describeGroups(db, member, programId);
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
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: 'groups.published',
      targetId: programId,
    });
  });
  return describeGroups(db, member, programId);
}
