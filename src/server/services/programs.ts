import { and, asc, desc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import { listAuditChanges } from '../../core/audit/describe-audit-event.ts';
import { findTermProblems, overlaps } from '../../core/scheduling/term.ts';
import { utcToZoned } from '../../core/scheduling/time-zones.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { enrollments, programs } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { settingsFor } from './organization.ts';
import { resolveTopicIds } from './topics.ts';

export type ProgramInput = {
  title: string;
  description: string;
  audience: string;
  termStart: string;
  termEnd: string;
  enrolmentOpens: string;
  enrolmentCloses: string;
  capacity: number | null;
  groupSizeMin: number;
  groupSizeMax: number;
  meetingCount: number;
  meetingMinutes: number;
  cadenceWeeks: number;
  holidays: string[];
  topicIds: string[];
  reminderHours: number;
  followUpDays: number[];
};

export type ProgramRow = typeof programs.$inferSelect;

/** A program as people see it: its settings and counts, not who made it or how groups were last formed. */
export type ProgramSummary = Omit<
  ProgramRow,
  'organizationId' | 'lastGrouping' | 'createdBy' | 'createdAt'
> & {
  isEnrolmentOpen: boolean;
  myEnrollmentStatus: 'enrolled' | 'waitlisted' | 'withdrawn' | null;
};

/** The organisation's calendar date now, which decides whether enrolment is open. */
export function organizationToday(now: Date, timeZone: string): string {
  return utcToZoned(now, timeZone).date;
}

export function isEnrolmentOpen(
  program: Pick<ProgramRow, 'status' | 'enrolmentOpens' | 'enrolmentCloses'>,
  today: string,
): boolean {
  return (
    program.status === 'published' && program.enrolmentOpens <= today && today <= program.enrolmentCloses
  );
}

async function checkProgramInput(
  db: Database | Transaction,
  organizationId: string,
  input: ProgramInput,
  excludeProgramId: string | null,
): Promise<void> {
  const problems = findTermProblems(input);
  for (const holiday of input.holidays) {
    if (holiday < input.termStart || holiday > input.termEnd) {
      problems.push({ field: 'holidays', message: `The holiday ${holiday} is outside the term; remove it.` });
    }
  }
  if (problems.length > 0) {
    throw new AppError('TERM_INVALID', problems.map((problem) => problem.message).join(' '), {
      fields: Object.fromEntries(problems.map((problem) => [`body.${problem.field}`, problem.message])),
    });
  }
  await resolveTopicIds(db, organizationId, input.topicIds);
  const audience = input.audience.trim().toLowerCase();
  if (!audience) return;
  const sameAudience = await db
    .select({ title: programs.title, termStart: programs.termStart, termEnd: programs.termEnd })
    .from(programs)
    .where(
      and(
        eq(programs.organizationId, organizationId),
        ne(programs.status, 'closed'),
        sql`lower(trim(${programs.audience})) = ${audience}`,
        excludeProgramId ? ne(programs.id, excludeProgramId) : undefined,
      ),
    );
  const clash = sameAudience.find((other) =>
    overlaps({ start: input.termStart, end: input.termEnd }, { start: other.termStart, end: other.termEnd }),
  );
  if (clash) {
    const message =
      `"${clash.title}" for the same audience already runs ${clash.termStart} to ${clash.termEnd}; ` +
      'choose dates that do not overlap, or another audience.';
    throw new AppError('TERMS_OVERLAP', message, { fields: { 'body.termStart': message } });
  }
}

export async function createProgram(
  db: Database,
  member: SignedInMember,
  input: ProgramInput,
  /** Set when the program is a copy of another, for the audit log. */
  copiedFromId?: string,
): Promise<ProgramRow> {
  return db.transaction(async (tx) => {
    await checkProgramInput(tx, member.organizationId, input, null);
    const [program] = await tx
      .insert(programs)
      .values({ ...input, organizationId: member.organizationId, createdBy: member.userId })
      .returning();
    if (!program) throw new Error('insert returned no row');
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: copiedFromId ? 'program.copied' : 'program.created',
      targetId: program.id,
    });
    return program;
  });
}

export async function findProgram(
  db: Database | Transaction,
  organizationId: string,
  programId: string,
): Promise<ProgramRow> {
  const [program] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, organizationId)));
  if (!program) throw notFound('That program');
  return program;
}

export async function updateProgram(
  db: Database,
  member: SignedInMember,
  programId: string,
  changes: Partial<ProgramInput> & { status?: 'draft' | 'published' | 'closed' },
): Promise<ProgramRow> {
  return db.transaction(async (tx) => {
    const current = await findProgram(tx, member.organizationId, programId);
    const { status, ...fields } = changes;
    const next = { ...current, ...fields };
    await checkProgramInput(tx, member.organizationId, next, programId);
    const [updated] = await tx
      .update(programs)
      .set({ ...fields, ...(status ? { status } : {}) })
      .where(eq(programs.id, programId))
      .returning();
    if (!updated) throw notFound('That program');
    if (status && status !== current.status) {
      await recordAuditEvent(tx, {
        organizationId: member.organizationId,
        actorUserId: member.userId,
        action: `program.${status}`,
        targetId: programId,
        details: { subject: current.title, changes: [{ field: 'status', from: current.status, to: status }] },
      });
    }
    // Every other edit — the enrolment window opening or closing, dates, size — says old → new.
    const edited = listAuditChanges(current, fields);
    if (edited.length > 0) {
      await recordAuditEvent(tx, {
        organizationId: member.organizationId,
        actorUserId: member.userId,
        action: 'program.updated',
        targetId: programId,
        details: { subject: current.title, changes: edited },
      });
    }
    return updated;
  });
}

// What a summary shows: not the last grouping's report (kilobytes of JSON per formed program, parsed
// on every programs page and then dropped) nor who created it when.
const {
  organizationId: _organization,
  lastGrouping: _grouping,
  createdBy: _by,
  createdAt: _at,
  ...summaryColumns
} = getTableColumns(programs);

/**
 * Every program of the organisation with its counts and the reader's own status: each programs page.
 * The counts are kept on the program row (migration 0020), so a page no longer counts every
 * enrolment of the organisation; the reader's own enrolment is one index lookup.
 */
const programsWithCounts = preparedOnce((db) =>
  db
    .select({ program: summaryColumns, myEnrollmentStatus: enrollments.status })
    .from(programs)
    .leftJoin(
      enrollments,
      and(eq(enrollments.programId, programs.id), eq(enrollments.userId, sql.placeholder('userId'))),
    )
    .where(eq(programs.organizationId, sql.placeholder('organizationId')))
    .orderBy(desc(programs.termStart), asc(programs.title))
    .prepare('tend_programs_with_counts'),
);

/** Coordinators see every program; everyone else sees the published ones and those they joined. */
export async function listPrograms(
  db: Database,
  member: SignedInMember,
  now: Date,
): Promise<ProgramSummary[]> {
  const { timeZone } = await settingsFor(db, member);
  const today = organizationToday(now, timeZone);
  const rows = await programsWithCounts(db).execute({
    organizationId: member.organizationId,
    userId: member.userId,
  });
  return rows
    .filter(
      ({ program, myEnrollmentStatus }) =>
        member.role === 'coordinator' || program.status === 'published' || myEnrollmentStatus !== null,
    )
    .map(({ program, myEnrollmentStatus }) => ({
      ...program,
      myEnrollmentStatus,
      isEnrolmentOpen: isEnrolmentOpen(program, today),
    }));
}

export async function describeProgram(
  db: Database,
  member: SignedInMember,
  programId: string,
  now: Date,
): Promise<ProgramSummary> {
  const program = (await listPrograms(db, member, now)).find((candidate) => candidate.id === programId);
  if (!program) throw notFound('That program');
  return program;
}
