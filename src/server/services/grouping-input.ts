import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type {
  ConflictOfInterest,
  GroupingInput,
  GroupingWeights,
  HistoryMode,
  Participant,
} from '../../core/grouping/model.ts';
import type { WeeklySlot } from '../../core/grouping/weekly-slot.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { enrollments, groupMembers, groups, programs, supervisions, users } from '../../db/schema.ts';
import type { ProgramRow } from './programs.ts';

export type FormingOptions = {
  seed: number;
  weights: Partial<GroupingWeights>;
  historyMode: HistoryMode;
  facilitatorsPerGroup: { min: number; max: number };
};

/** The engine's input for a program: its enrolled people, their conflicts, pins and past groupmates. */
export async function buildGroupingInput(
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

export async function readAssignment(db: Database | Transaction, programId: string) {
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

/** The engine names groups by id; a coordinator knows them by name ("Group 2"). */
export function nameGroupsIn(message: string, namedGroups: readonly { id: string; name: string }[]): string {
  let named = message;
  for (const group of namedGroups) named = named.replaceAll(`group ${group.id}`, group.name);
  return named;
}
