/**
 * Answering assessments: which windows are a person's to answer, their questionnaire, saving and
 * submitting their response. Scheduling and closing windows is assessment-windows.ts.
 */
import { and, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Instrument } from '../../core/instruments/instrument.ts';
import { renderInstrument } from '../../core/instruments/render-instrument.ts';
import { type Answers, findAnswerProblems, scoreResponse } from '../../core/instruments/score-response.ts';
import { effectiveClosing, isOpenFor, personalOpening } from '../../core/measurement/assessment-windows.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { assessmentResponses, assessmentWindows, enrollments } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { findWindow, requireInstrument, type WindowRow } from './assessment-windows.ts';

type ResponseRow = typeof assessmentResponses.$inferSelect;

/** Roles asked to answer organisation-wide windows: the people programs are for. */
export const answeringRoles = ['participant', 'facilitator'] as const;

/** The instrument as the window's audience sees it: ProQOL's [helper] replaced by the chosen term. */
export function renderForWindow(window: Pick<WindowRow, 'instrumentId' | 'helperTerm'>): Instrument {
  const instrument = requireInstrument(window.instrumentId);
  return renderInstrument(instrument, window.helperTerm ? { helperTerm: window.helperTerm } : {});
}

/** The person's place in a window: null when it is not theirs to answer. */
type Eligibility = {
  enrolledAt: Date | null;
  programId: string | null;
  level: string | null;
  discipline: string | null;
};

async function findEligibility(
  db: Database | Transaction,
  member: SignedInMember,
  window: WindowRow,
): Promise<Eligibility | null> {
  if (window.programId !== null) {
    const [enrollment] = await db
      .select()
      .from(enrollments)
      .where(
        and(
          eq(enrollments.programId, window.programId),
          eq(enrollments.userId, member.userId),
          eq(enrollments.status, 'enrolled'),
        ),
      );
    if (!enrollment) return null;
    return {
      enrolledAt: enrollment.enrolledAt,
      programId: window.programId,
      level: enrollment.level,
      discipline: enrollment.discipline,
    };
  }
  if (!(answeringRoles as readonly string[]).includes(member.role)) return null;
  // Outcomes by program for an organisation-wide window use the person's latest program.
  const [latest] = await db
    .select({ programId: enrollments.programId })
    .from(enrollments)
    .where(and(eq(enrollments.userId, member.userId), eq(enrollments.status, 'enrolled')))
    .orderBy(desc(enrollments.enrolledAt))
    .limit(1);
  return {
    enrolledAt: null,
    programId: latest?.programId ?? null,
    level: member.level,
    discipline: member.discipline,
  };
}

export type OwnWindow = {
  window: WindowRow;
  opensAt: Date;
  closesAt: Date;
  isOpen: boolean;
  response: (Pick<ResponseRow, 'status' | 'submittedAt' | 'updatedAt'> & { answeredCount: number }) | null;
};

/**
 * Windows of the organisation, each with the person's enrolment in its program and their response:
 * one statement where three ran one after another on every home page.
 */
const windowsWithOwnResponses = preparedOnce((db) =>
  db
    .select({
      window: assessmentWindows,
      enrolledAt: enrollments.enrolledAt,
      response: {
        status: assessmentResponses.status,
        submittedAt: assessmentResponses.submittedAt,
        updatedAt: assessmentResponses.updatedAt,
        answers: assessmentResponses.answers,
      },
    })
    .from(assessmentWindows)
    .leftJoin(
      enrollments,
      and(
        eq(enrollments.programId, assessmentWindows.programId),
        eq(enrollments.userId, sql.placeholder('userId')),
        eq(enrollments.organizationId, sql.placeholder('organizationId')),
        eq(enrollments.status, 'enrolled'),
      ),
    )
    .leftJoin(
      assessmentResponses,
      and(
        eq(assessmentResponses.windowId, assessmentWindows.id),
        eq(assessmentResponses.userId, sql.placeholder('userId')),
        eq(assessmentResponses.organizationId, sql.placeholder('organizationId')),
      ),
    )
    .where(
      and(
        eq(assessmentWindows.organizationId, sql.placeholder('organizationId')),
        // Organisation-wide windows are kept for everyone here; below, only answering roles see them.
        or(isNull(assessmentWindows.programId), isNotNull(enrollments.enrolledAt)),
      ),
    )
    .orderBy(assessmentWindows.opensAt)
    .prepare('tend_own_windows'),
);

/** The windows that are the person's to answer, open or past, with where their response stands. */
export async function listOwnWindows(db: Database, member: SignedInMember, now: Date): Promise<OwnWindow[]> {
  const isOrganizationWideMember = (answeringRoles as readonly string[]).includes(member.role);
  const rows = await windowsWithOwnResponses(db).execute({
    userId: member.userId,
    organizationId: member.organizationId,
  });
  return rows.flatMap(({ window, enrolledAt, response }) => {
    if (window.programId === null && !isOrganizationWideMember) return [];
    const enrolled = window.programId === null ? null : enrolledAt;
    const opensAt = personalOpening(window, enrolled);
    if (opensAt.getTime() > now.getTime() && !response) return [];
    return [
      {
        window,
        opensAt,
        closesAt: effectiveClosing(window),
        isOpen: isOpenFor(window, enrolled, now),
        response: response
          ? {
              status: response.status,
              submittedAt: response.submittedAt,
              updatedAt: response.updatedAt,
              answeredCount: Object.keys(response.answers).length,
            }
          : null,
      },
    ];
  });
}

export type OwnQuestionnaire = {
  window: WindowRow;
  instrument: Instrument;
  isOpen: boolean;
  closesAt: Date;
  response: ResponseRow | null;
};

/** The questionnaire of one window as the person sees it, with their draft or submitted answers. */
export async function findOwnQuestionnaire(
  db: Database | Transaction,
  member: SignedInMember,
  windowId: string,
  now: Date,
): Promise<OwnQuestionnaire & { eligibility: Eligibility }> {
  const window = await findWindow(db, member.organizationId, windowId);
  const eligibility = await findEligibility(db, member, window);
  // Someone else's window answers 404, as if it did not exist.
  if (!eligibility) throw notFound('The assessment window');
  const [response] = await db
    .select()
    .from(assessmentResponses)
    .where(and(eq(assessmentResponses.windowId, window.id), eq(assessmentResponses.userId, member.userId)));
  return {
    window,
    instrument: renderForWindow(window),
    isOpen: isOpenFor(window, eligibility.enrolledAt, now),
    closesAt: effectiveClosing(window),
    response: response ?? null,
    eligibility,
  };
}

function checkAnswers(instrument: Instrument, answers: Answers): void {
  const problems = findAnswerProblems(instrument, answers);
  if (problems.length === 0) return;
  const fields: Record<string, string> = {};
  for (const problem of problems) {
    fields[`body.answers.${problem.code === 'UNKNOWN_ITEM' ? problem.item : problem.itemNumber}`] =
      problem.message;
  }
  throw new AppError('VALIDATION_FAILED', problems.map((problem) => problem.message).join(' '), { fields });
}

/** Saves answers as a draft (save and finish later) or submits them, scored, in one transaction. */
export async function saveResponse(
  db: Database,
  member: SignedInMember,
  windowId: string,
  answers: Record<string, number | null>,
  mode: 'draft' | 'submit',
  now: Date,
): Promise<ResponseRow> {
  return db.transaction(async (tx) => {
    const found = await findOwnQuestionnaire(tx, member, windowId, now);
    if (found.response?.status === 'submitted') {
      throw new AppError('RESPONSE_ALREADY_SUBMITTED', 'You have already submitted this questionnaire.');
    }
    if (!found.isOpen) {
      throw new AppError(
        'ASSESSMENT_WINDOW_CLOSED',
        now < found.window.opensAt ? 'This questionnaire is not open yet.' : 'This questionnaire has closed.',
      );
    }
    const instrument = found.instrument;
    checkAnswers(instrument, answers);
    const kept: Record<string, number> = {};
    for (const [key, value] of Object.entries(answers)) if (typeof value === 'number') kept[key] = value;
    const common = { answers: kept, updatedAt: now };
    let values: Omit<
      typeof assessmentResponses.$inferInsert,
      'organizationId' | 'windowId' | 'userId' | 'instrumentId' | 'startedAt'
    > = {
      ...common,
      status: 'draft',
    };
    if (mode === 'submit') {
      const scored = scoreResponse(instrument, kept);
      if (!scored.ok) throw new AppError('VALIDATION_FAILED', 'Some answers are not on the scale.');
      const subscaleScores: Record<string, number> = {};
      for (const score of scored.subscales)
        if (score.status === 'complete') subscaleScores[score.subscaleId] = score.score;
      values = {
        ...common,
        status: 'submitted',
        scores: [...scored.subscales],
        subscaleScores: scored.isComplete ? subscaleScores : null,
        isComplete: scored.isComplete,
        programId: found.eligibility.programId,
        level: found.eligibility.level,
        discipline: found.eligibility.discipline,
        submittedAt: now,
      };
    }
    const [saved] = await tx
      .insert(assessmentResponses)
      .values({
        organizationId: member.organizationId,
        windowId,
        userId: member.userId,
        instrumentId: instrument.id,
        startedAt: now,
        ...values,
      })
      .onConflictDoUpdate({ target: [assessmentResponses.windowId, assessmentResponses.userId], set: values })
      .returning();
    if (!saved) throw new Error('upsert returned no row');
    return saved;
  });
}

export async function listOwnSubmittedResponses(db: Database, member: SignedInMember) {
  return db
    .select({ response: assessmentResponses, window: assessmentWindows })
    .from(assessmentResponses)
    .innerJoin(assessmentWindows, eq(assessmentWindows.id, assessmentResponses.windowId))
    .where(
      and(
        eq(assessmentResponses.userId, member.userId),
        eq(assessmentResponses.organizationId, member.organizationId),
        eq(assessmentResponses.status, 'submitted'),
      ),
    )
    .orderBy(assessmentResponses.submittedAt);
}
