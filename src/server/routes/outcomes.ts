import { z } from 'zod';
import { breakdowns, formatCsv, outcomesToCsvRows } from '../../core/measurement/outcomes.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { composeOutcomesReport, renderReportHtml, renderReportPdf } from '../reports/outcomes-report.ts';
import { describeOutcomes } from '../services/outcomes.ts';
import { errorResponses } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

const OutcomesQuerySchema = z.object({
  instrumentId: ShortTextSchema.min(1).max(60),
  breakdown: z.enum(breakdowns).default('program'),
  programId: z.uuid('must be a program id').optional(),
  focusWindowId: z.uuid('must be a window id').optional().describe('Default: the latest closed window'),
  baselineWindowId: z.uuid('must be a window id').optional().describe('Default: the earliest closed window'),
});

const HiddenSchema = z.object({
  status: z.literal('hidden'),
  reason: z.enum(['below-minimum', 'reveals-small-group-by-subtraction']),
  explanation: z.string(),
});
const GroupSchema = z.object({ key: z.string(), label: z.string() }).nullable();
const SubscaleMeanSchema = z.object({
  subscaleId: z.string(),
  mean: z.number(),
  standardDeviation: z.number().nullable(),
});
const ReliableChangeSchema = z.union([
  z.object({
    status: z.literal('computed'),
    reliableChangeThreshold: z.number(),
    improved: z.number().nullable(),
    deteriorated: z.number().nullable(),
    noReliableChange: z.number().nullable(),
  }),
  z.object({ status: z.literal('not-computed'), message: z.string() }),
]);

const OutcomesSchema = z.object({
  instrument: z.object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    attribution: z.array(z.string()),
  }),
  programTitle: z.string().nullable(),
  openWindows: z.array(z.object({ id: z.string(), title: z.string(), closesAt: z.string() })),
  minimumGroupSize: z.number(),
  breakdown: z.enum(breakdowns),
  windows: z.array(z.object({ id: z.string(), title: z.string(), opensAt: z.string() })),
  focusWindowId: z.string().nullable(),
  baselineWindowId: z.string().nullable(),
  groups: z.array(z.object({ key: z.string(), label: z.string() })),
  trend: z.array(
    z.object({
      windowId: z.string(),
      group: GroupSchema,
      result: z.union([
        z.object({ status: z.literal('released'), n: z.number(), subscales: z.array(SubscaleMeanSchema) }),
        HiddenSchema,
      ]),
    }),
  ),
  distributions: z.array(
    z.object({
      group: GroupSchema,
      subscaleId: z.string(),
      result: z.union([
        z.object({
          status: z.literal('released'),
          n: z.number(),
          bands: z.array(z.object({ bandId: z.string(), label: z.string(), count: z.number().nullable() })),
        }),
        HiddenSchema,
      ]),
    }),
  ),
  change: z.array(
    z.object({
      group: GroupSchema,
      result: z.union([
        z.object({
          status: z.literal('released'),
          n: z.number(),
          subscales: z.array(
            z.object({
              subscaleId: z.string(),
              meanBefore: z.number(),
              meanAfter: z.number(),
              meanChange: z.number(),
              confidenceInterval: z
                .object({ level: z.number(), lower: z.number(), upper: z.number() })
                .nullable(),
              cohensDz: z.number().nullable(),
              hedgesGz: z.number().nullable(),
              reliableChange: ReliableChangeSchema,
            }),
          ),
        }),
        HiddenSchema,
      ]),
    }),
  ),
  hiddenCount: z.number(),
});

export function outcomeRoutes(app: App, { db, now }: AppDependencies): void {
  app.get(
    '/api/outcomes',
    {
      config: { action: 'outcomes.read' },
      schema: {
        tags: ['measurement'],
        summary:
          'Aggregate outcomes of one instrument: trends, distributions and pre/post change by program, level or discipline; small groups hidden',
        querystring: OutcomesQuerySchema,
        response: { 200: OutcomesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await describeOutcomes(db, requireMember(request).organizationId, request.query, now());
      return {
        ...view.outcomes,
        instrument: {
          id: view.instrument.id,
          name: view.instrument.name,
          shortName: view.instrument.shortName,
          attribution: [...view.instrument.licence.notices],
        },
        programTitle: view.programTitle,
        openWindows: view.openWindows.map((window) => ({
          ...window,
          closesAt: window.closesAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/outcomes/report',
    {
      config: { action: 'outcomes.report' },
      schema: {
        tags: ['measurement'],
        summary: 'The printable program-evaluation report, as HTML (format=html) or PDF (format=pdf)',
        querystring: OutcomesQuerySchema.extend({ format: z.enum(['html', 'pdf']).default('html') }),
        response: { 200: z.any().describe('text/html or application/pdf'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const view = await describeOutcomes(db, requireMember(request).organizationId, query, now());
      const report = composeOutcomesReport(view, now());
      if (format === 'pdf') {
        const pdf = await renderReportPdf(report);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="tend-outcomes-${view.instrument.id}.pdf"`)
          .send(Buffer.from(pdf));
      }
      return reply.type('text/html; charset=utf-8').send(renderReportHtml(report));
    },
  );

  app.get(
    '/api/outcomes/export.csv',
    {
      config: { action: 'outcomes.export' },
      schema: {
        tags: ['measurement'],
        summary: 'De-identified aggregate outcomes as CSV: released figures only, one row each',
        querystring: OutcomesQuerySchema,
        response: { 200: z.string().describe('text/csv'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await describeOutcomes(db, requireMember(request).organizationId, request.query, now());
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tend-outcomes-${view.instrument.id}.csv"`)
        .send(formatCsv(outcomesToCsvRows(view.instrument, view.outcomes)));
    },
  );
}
