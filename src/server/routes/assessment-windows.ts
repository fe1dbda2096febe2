/** Assessment windows, as coordinators schedule and close them: when an instrument is open to answer. */
import { z } from 'zod';
import { suppressionReasons } from '../../core/evaluation/describe-hidden-figure.ts';
import { effectiveMinimumGroupSize, releaseAggregates } from '../../core/evaluation/release-aggregates.ts';
import { assessmentWindowKinds, maximumOccurrences } from '../../core/measurement/assessment-windows.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import {
  closeWindow,
  listWindows,
  requireInstrument,
  scheduleWindows,
  type WindowRow,
} from '../services/assessment-windows.ts';
import { findOrganizationSettings } from '../services/organization.ts';
import { requestOutcomePublication } from '../services/outcomes.ts';
import { errorResponses } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

export const WindowIdParamsSchema = z.object({ windowId: z.uuid('must be an assessment window id') });

export const WindowSchema = z.object({
  id: z.string(),
  programId: z.string().nullable(),
  instrumentId: z.string(),
  instrumentName: z.string(),
  title: z.string(),
  helperTerm: z.string().nullable(),
  kind: z.enum(assessmentWindowKinds),
  sequence: z.number(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  isClosed: z.boolean(),
  remindersEnabled: z.boolean(),
  reminderAfterDays: z.number(),
});

const ScheduleSchema = z.object({
  instrumentId: ShortTextSchema.min(1).max(60),
  programId: z.uuid('must be a program id').nullable().describe('Null: the whole organisation'),
  title: ShortTextSchema.min(1, 'is required').max(200),
  helperTerm: ShortTextSchema.max(60)
    .nullable()
    .default(null)
    .describe('Replaces ProQOL’s [helper], e.g. "nurse"'),
  kind: z.enum(assessmentWindowKinds),
  opensAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
  closesAt: z.iso.datetime({ offset: true, message: 'must be a date and time' }),
  occurrences: z.number().int().min(1).max(maximumOccurrences).default(1).describe('Repeating kinds only'),
  remindersEnabled: z.boolean().default(true),
  reminderAfterDays: z.number().int().min(0).max(90).default(3),
});

export function presentWindow(window: WindowRow, now: Date): z.infer<typeof WindowSchema> {
  const closing = window.closedAt && window.closedAt < window.closesAt ? window.closedAt : window.closesAt;
  return {
    id: window.id,
    programId: window.programId,
    instrumentId: window.instrumentId,
    instrumentName: requireInstrument(window.instrumentId).shortName,
    title: window.title,
    helperTerm: window.helperTerm,
    kind: window.kind,
    sequence: window.sequence,
    opensAt: window.opensAt.toISOString(),
    closesAt: window.closesAt.toISOString(),
    closedAt: window.closedAt?.toISOString() ?? null,
    isClosed: closing.getTime() <= now.getTime(),
    remindersEnabled: window.remindersEnabled,
    reminderAfterDays: window.reminderAfterDays,
  };
}

export function assessmentWindowRoutes(app: App, { db, now }: AppDependencies): void {
  app.get(
    '/api/assessment-windows',
    {
      config: { action: 'assessment-windows.list' },
      schema: {
        tags: ['measurement'],
        summary: 'Every assessment window of the organisation, with responses counted only above the minimum',
        response: {
          200: z.object({
            windows: z.array(
              WindowSchema.extend({
                submittedCount: z
                  .number()
                  .nullable()
                  .describe('Null: hidden, for submittedCountHiddenReason'),
                submittedCountHiddenReason: z
                  .enum(suppressionReasons)
                  .nullable()
                  .describe(
                    'Why the count is hidden (null when it is shown): too few people, or so that counts cannot be subtracted',
                  ),
              }),
            ),
            minimumGroupSize: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const member = requireMember(request);
      const windows = await listWindows(db, member.organizationId);
      const settings = await findOrganizationSettings(db, member.organizationId);
      const respondents = await db.query.assessmentResponses.findMany({
        columns: { windowId: true, userId: true },
        where: (response, { and, eq }) =>
          and(eq(response.organizationId, member.organizationId), eq(response.status, 'submitted')),
      });
      // Response counts describe who answered: they pass the same gate as every other figure.
      const release = releaseAggregates({
        cells: windows.map((window) => ({
          id: window.id,
          memberIds: respondents.filter((row) => row.windowId === window.id).map((row) => row.userId),
          figures: null,
        })),
        minimumGroupSize: effectiveMinimumGroupSize(settings.minimumReportingGroupSize),
      });
      const counts = new Map(release.released.map((cell) => [cell.id, cell.memberCount]));
      const hiddenReasons = new Map(release.suppressed.map((cell) => [cell.id, cell.reason]));
      return {
        windows: windows.map((window) => ({
          ...presentWindow(window, now()),
          submittedCount: counts.get(window.id) ?? null,
          submittedCountHiddenReason: hiddenReasons.get(window.id) ?? null,
        })),
        minimumGroupSize: release.minimumGroupSize,
      };
    },
  );

  app.post(
    '/api/assessment-windows',
    {
      config: { action: 'assessment-windows.create' },
      schema: {
        tags: ['measurement'],
        summary: 'Schedule an instrument: one window, or a series for repeating kinds',
        body: ScheduleSchema,
        response: { 201: z.object({ windows: z.array(WindowSchema) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const windows = await scheduleWindows(db, requireMember(request), {
        ...body,
        opensAt: new Date(body.opensAt),
        closesAt: new Date(body.closesAt),
      });
      return reply.status(201).send({ windows: windows.map((window) => presentWindow(window, now())) });
    },
  );

  app.post(
    '/api/assessment-windows/:windowId/close',
    {
      config: { action: 'assessment-windows.close' },
      schema: {
        tags: ['measurement'],
        summary: 'Close a window now: no more answers, and its outcomes can be shown',
        params: WindowIdParamsSchema,
        response: { 200: WindowSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      const window = await closeWindow(db, member, request.params.windowId, now());
      // Its outcomes are published in the background, so the dashboard shows them shortly.
      requestOutcomePublication(db, member.organizationId, window.instrumentId, now(), (error) =>
        request.log.error({ err: error }, 'publishing outcomes failed'),
      );
      return presentWindow(window, now());
    },
  );
}
