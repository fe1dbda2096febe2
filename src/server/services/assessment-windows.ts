/**
 * Assessment windows: when an instrument is open to whom. Coordinators schedule and close them;
 * answering them is assessments.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { findInstrument } from '../../core/instruments/catalog.ts';
import type { Instrument } from '../../core/instruments/instrument.ts';
import { findAudienceTermProblem } from '../../core/instruments/render-instrument.ts';
import {
  type AssessmentWindowKind,
  effectiveClosing,
  planWindowSeries,
} from '../../core/measurement/assessment-windows.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { assessmentWindows, programs } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';

export type WindowRow = typeof assessmentWindows.$inferSelect;

export function requireInstrument(instrumentId: string): Instrument {
  const instrument = findInstrument(instrumentId);
  if (!instrument) {
    throw new AppError('VALIDATION_FAILED', `There is no instrument "${instrumentId}".`, {
      fields: { instrumentId: 'must be one of the instruments Tend ships' },
    });
  }
  return instrument;
}

export type ScheduleInput = {
  instrumentId: string;
  programId: string | null;
  title: string;
  helperTerm: string | null;
  kind: AssessmentWindowKind;
  opensAt: Date;
  closesAt: Date;
  occurrences: number;
  remindersEnabled: boolean;
  reminderAfterDays: number;
};

export async function scheduleWindows(
  db: Database,
  member: SignedInMember,
  input: ScheduleInput,
): Promise<WindowRow[]> {
  const instrument = requireInstrument(input.instrumentId);
  if (input.helperTerm !== null) {
    const problem = findAudienceTermProblem(input.helperTerm);
    if (problem)
      throw new AppError('VALIDATION_FAILED', `Helper term: ${problem}`, { fields: { helperTerm: problem } });
  }
  if (input.kind === 'baseline-at-enrolment' && input.programId === null) {
    throw new AppError('VALIDATION_FAILED', 'A baseline at enrolment belongs to a program: choose one.', {
      fields: { programId: 'is required for a baseline at enrolment' },
    });
  }
  const plan = planWindowSeries(input);
  if ('problem' in plan) {
    throw new AppError('VALIDATION_FAILED', plan.problem, { fields: { [plan.field]: plan.problem } });
  }
  return db.transaction(async (tx) => {
    if (input.programId !== null) {
      const [program] = await tx
        .select({ id: programs.id })
        .from(programs)
        .where(and(eq(programs.id, input.programId), eq(programs.organizationId, member.organizationId)));
      if (!program) throw notFound('The program');
    }
    const seriesId = randomUUID();
    const rows = await tx
      .insert(assessmentWindows)
      .values(
        plan.map((planned) => ({
          organizationId: member.organizationId,
          programId: input.programId,
          instrumentId: instrument.id,
          title: plan.length > 1 ? `${input.title} (${planned.sequence} of ${plan.length})` : input.title,
          helperTerm: input.helperTerm?.trim() || null,
          kind: input.kind,
          seriesId,
          sequence: planned.sequence,
          opensAt: planned.opensAt,
          closesAt: planned.closesAt,
          remindersEnabled: input.remindersEnabled,
          reminderAfterDays: input.reminderAfterDays,
          createdBy: member.userId,
        })),
      )
      .returning();
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: 'assessment-windows.create',
      targetId: seriesId,
    });
    return rows;
  });
}

export async function listWindows(db: Database | Transaction, organizationId: string): Promise<WindowRow[]> {
  return db
    .select()
    .from(assessmentWindows)
    .where(eq(assessmentWindows.organizationId, organizationId))
    .orderBy(assessmentWindows.opensAt, assessmentWindows.title);
}

export async function findWindow(
  db: Database | Transaction,
  organizationId: string,
  windowId: string,
): Promise<WindowRow> {
  const [window] = await db
    .select()
    .from(assessmentWindows)
    .where(and(eq(assessmentWindows.id, windowId), eq(assessmentWindows.organizationId, organizationId)));
  if (!window) throw notFound('The assessment window');
  return window;
}

export async function closeWindow(
  db: Database,
  member: SignedInMember,
  windowId: string,
  now: Date,
): Promise<WindowRow> {
  return db.transaction(async (tx) => {
    const window = await findWindow(tx, member.organizationId, windowId);
    if (effectiveClosing(window).getTime() <= now.getTime()) return window;
    const [closed] = await tx
      .update(assessmentWindows)
      .set({ closedAt: now })
      .where(eq(assessmentWindows.id, window.id))
      .returning();
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: 'assessment-windows.close',
      targetId: window.id,
    });
    return closed ?? window;
  });
}
