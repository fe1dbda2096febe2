import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { parseWeeklySlot, type WeeklySlot } from '../../core/grouping/weekly-slot.ts';
import { convertWeeklySlots } from '../../core/scheduling/availability.ts';
import { isValidTimeZone } from '../../core/scheduling/time-zones.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { enrollments, memberships, programs, users } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { refreshGroupBoards } from './group-boards.ts';
import { tellLateEnrolleeIfNoGroupCanTake } from './group-placements.ts';
import { findOrganizationSettings } from './organization.ts';
import { findProgram, isEnrolmentOpen, organizationToday } from './programs.ts';

export type EnrollmentInput = {
  level: string | null;
  discipline: string | null;
  /** Weekly slots in `timeZone`, the person's own. */
  availability: string[];
  timeZone: string;
  interests: string[];
  avoidUserIds: string[];
  agreesToGuidelines: boolean;
};

/**
 * Converts the person's hours to the organisation's time zone using the term's first week, so the
 * offsets (and daylight saving) are the ones that hold when the group meets.
 */
function checkAvailability(
  input: EnrollmentInput,
  organizationTimeZone: string,
  referenceDate: string,
): WeeklySlot[] {
  if (!isValidTimeZone(input.timeZone)) {
    throw new AppError(
      'AVAILABILITY_INVALID',
      `"${input.timeZone}" is not a time zone such as America/Toronto.`,
      {
        fields: { 'body.timeZone': 'is not a known time zone' },
      },
    );
  }
  const slots: WeeklySlot[] = [];
  input.availability.forEach((text, index) => {
    const slot = parseWeeklySlot(text);
    if (!slot) {
      const message = `"${text}" is not an hour of the week; use day-hour such as tue-12 (Tuesdays 12:00–13:00).`;
      throw new AppError('AVAILABILITY_INVALID', message, {
        fields: { [`body.availability.${index}`]: message },
      });
    }
    slots.push(slot);
  });
  if (slots.length === 0) {
    throw new AppError('AVAILABILITY_INVALID', 'Mark at least one hour of the week when you could meet.', {
      fields: { 'body.availability': 'mark at least one hour' },
    });
  }
  return convertWeeklySlots(slots, input.timeZone, organizationTimeZone, referenceDate);
}

export async function countEnrolled(tx: Transaction, programId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.programId, programId),
        eq(enrollments.status, 'enrolled'),
        eq(enrollments.isFacilitator, false),
      ),
    );
  return row?.count ?? 0;
}

/** Joins a program (or updates one's answers); a full program puts newcomers on the waiting list. */
export async function enrol(
  db: Database,
  member: Pick<SignedInMember, 'organizationId' | 'userId' | 'role'>,
  programId: string,
  input: EnrollmentInput,
  now: Date,
  options: { isPlacedByCoordinator?: boolean } = {},
): Promise<{ status: 'enrolled' | 'waitlisted'; position: number | null }> {
  if (!input.agreesToGuidelines) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Please agree to the group’s confidentiality guidelines to join.',
      {
        fields: { 'body.agreesToGuidelines': 'must be accepted to join' },
      },
    );
  }
  const settings = await findOrganizationSettings(db, member.organizationId);
  const result = await db.transaction(async (tx) => {
    // Locking the program serialises enrolments in it, so two people cannot both take the last place.
    const [program] = await tx
      .select()
      .from(programs)
      .where(and(eq(programs.id, programId), eq(programs.organizationId, member.organizationId)))
      .for('update');
    if (!program) throw notFound('That program');
    const availability = checkAvailability(input, settings.timeZone, program.termStart);
    const isOpen = options.isPlacedByCoordinator
      ? program.status !== 'closed'
      : isEnrolmentOpen(program, organizationToday(now, settings.timeZone));
    if (!isOpen) {
      throw new AppError(
        'ENROLMENT_CLOSED',
        program.status !== 'published'
          ? 'This program is not open for enrolment.'
          : `Enrolment is open from ${program.enrolmentOpens} to ${program.enrolmentCloses}.`,
      );
    }
    const [existing] = await tx
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.programId, programId), eq(enrollments.userId, member.userId)));
    const isFacilitator = member.role === 'facilitator';
    const hasPlace = existing?.status === 'enrolled' || existing?.status === 'waitlisted';
    const isFull = program.capacity !== null && (await countEnrolled(tx, programId)) >= program.capacity;
    const status = hasPlace ? existing.status : isFacilitator || !isFull ? 'enrolled' : 'waitlisted';
    // Level and discipline left out mean "as in my profile".
    const profile = input.level && input.discipline ? null : await findMembershipDefaults(tx, member);
    const values = {
      level: input.level ?? profile?.level ?? null,
      discipline: input.discipline ?? profile?.discipline ?? null,
      availability,
      timeZone: input.timeZone,
      interests: input.interests,
      avoidUserIds: input.avoidUserIds.filter((id) => id !== member.userId),
      isFacilitator,
      agreedToGuidelinesAt: now,
      status: status as 'enrolled' | 'waitlisted',
    };
    if (existing) {
      await tx
        .update(enrollments)
        .set({ ...values, ...(hasPlace ? {} : { enrolledAt: now, withdrawnAt: null }) })
        .where(eq(enrollments.id, existing.id));
    } else {
      await tx.insert(enrollments).values({
        ...values,
        organizationId: member.organizationId,
        programId,
        userId: member.userId,
        enrolledAt: now,
      });
    }
    if (!hasPlace) {
      await notify(tx, {
        organizationId: member.organizationId,
        userIds: [member.userId],
        kind: status === 'enrolled' ? 'enrolment' : 'waitlist',
        title:
          status === 'enrolled'
            ? `You joined ${program.title}`
            : `You are on the waiting list for ${program.title}`,
        body:
          status === 'enrolled'
            ? 'You will hear when your group and its meeting time are set. You can withdraw at any time.'
            : 'The program is full. If a place opens you will get it automatically, in the order people asked.',
        link: `/programs/${programId}`,
      });
    }
    if (status === 'enrolled') await tellLateEnrolleeIfNoGroupCanTake(tx, program, member.userId);
    const position = status === 'waitlisted' ? await waitlistPosition(tx, programId, member.userId) : null;
    return { status: status as 'enrolled' | 'waitlisted', position };
  });
  // Who is enrolled, and when they are free, is what the groups board is made of.
  await refreshGroupBoards(db, { programIds: [programId] });
  return result;
}

async function waitlistPosition(tx: Transaction, programId: string, userId: string): Promise<number> {
  const waiting = await tx
    .select({ userId: enrollments.userId })
    .from(enrollments)
    .where(and(eq(enrollments.programId, programId), eq(enrollments.status, 'waitlisted')))
    .orderBy(asc(enrollments.enrolledAt));
  return waiting.findIndex((row) => row.userId === userId) + 1;
}

export async function findOwnEnrollment(db: Database, member: SignedInMember, programId: string) {
  const { termStart } = await findProgram(db, member.organizationId, programId);
  const [row] = await db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.programId, programId), eq(enrollments.userId, member.userId)));
  if (!row) return null;
  const settings = await findOrganizationSettings(db, member.organizationId);
  return {
    status: row.status,
    level: row.level,
    discipline: row.discipline,
    timeZone: row.timeZone,
    // Shown back in the time zone the person entered it in.
    availability: convertWeeklySlots(
      row.availability as WeeklySlot[],
      settings.timeZone,
      row.timeZone,
      termStart,
    ),
    interests: row.interests,
    avoidUserIds: row.avoidUserIds,
    // Their own private choice, named back to them only, so they can see and change it.
    avoidPeople: row.avoidUserIds.length
      ? await db
          .select({ id: users.id, name: users.name })
          .from(users)
          .innerJoin(memberships, eq(memberships.userId, users.id))
          .where(
            and(inArray(users.id, row.avoidUserIds), eq(memberships.organizationId, member.organizationId)),
          )
      : [],
    isFacilitator: row.isFacilitator,
    enrolledAt: row.enrolledAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  };
}

/** The program's roster for its coordinator: who is in, at which level; never their private requests. */
export async function listEnrollments(db: Database, member: SignedInMember, programId: string) {
  await findProgram(db, member.organizationId, programId);
  const rows = await db
    .select({
      userId: enrollments.userId,
      name: users.name,
      email: users.email,
      level: enrollments.level,
      discipline: enrollments.discipline,
      status: enrollments.status,
      isFacilitator: enrollments.isFacilitator,
      availableHours: sql<number>`jsonb_array_length(${enrollments.availability})::int`,
      interests: enrollments.interests,
      enrolledAt: enrollments.enrolledAt,
    })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(eq(enrollments.programId, programId))
    .orderBy(asc(enrollments.status), asc(users.name));
  return rows.map((row) => ({ ...row, enrolledAt: row.enrolledAt.toISOString() }));
}

/** Level and discipline to prefill the enrolment form with. */
export async function findMembershipDefaults(
  db: Database | Transaction,
  member: Pick<SignedInMember, 'organizationId' | 'userId'>,
) {
  const [row] = await db
    .select({ level: memberships.level, discipline: memberships.discipline })
    .from(memberships)
    .where(and(eq(memberships.userId, member.userId), eq(memberships.organizationId, member.organizationId)));
  return row ?? { level: null, discipline: null };
}

/**
 * What the enrolment form starts from: the person's level and discipline, and the organisation's time
 * zone — availability is entered in it unless the person chooses their own, and it says so.
 */
export async function findEnrolmentDefaults(db: Database, member: SignedInMember) {
  const profile = await findMembershipDefaults(db, member);
  const { timeZone } = await findOrganizationSettings(db, member.organizationId);
  return { level: profile.level, discipline: profile.discipline, timeZone };
}

/**
 * A coordinator places a facilitator in a program (e.g. one just imported from a roster), with the
 * hours they can lead, so groups can be formed before that facilitator ever signs in. Facilitating
 * is their role, so no waiting list and no enrolment window apply.
 */
export async function placeFacilitator(
  db: Database,
  actor: { organizationId: string },
  programId: string,
  userId: string,
  input: Omit<EnrollmentInput, 'agreesToGuidelines' | 'interests' | 'avoidUserIds'>,
  now: Date,
): Promise<{ status: 'enrolled' | 'waitlisted'; position: number | null }> {
  const [membership] = await db
    .select({ role: memberships.role, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, actor.organizationId), eq(memberships.userId, userId)));
  if (!membership) throw notFound('That person');
  if (membership.role !== 'facilitator') {
    throw new AppError(
      'VALIDATION_FAILED',
      `${membership.name} is not a facilitator; an admin can change their role on People first.`,
    );
  }
  return enrol(
    db,
    { organizationId: actor.organizationId, userId, role: 'facilitator' },
    programId,
    { ...input, interests: [], avoidUserIds: [], agreesToGuidelines: true },
    now,
    { isPlacedByCoordinator: true },
  );
}
