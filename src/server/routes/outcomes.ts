import { z } from 'zod';
import { suppressionReasons } from '../../core/evaluation/describe-hidden-figure.ts';
import { breakdowns, outcomesToCsvRows } from '../../core/measurement/outcomes.ts';
import { formatCsv } from '../../core/text/format-csv.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { composeOutcomesReport, renderReportHtml, renderReportPdf } from '../reports/outcomes-report.ts';
import { describeOutcomes, type OutcomesQuery, requestOutcomePublication } from '../services/outcomes.ts';
import { errorResponses, fileResponse } from './schemas.ts';
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
  reason: z.enum(suppressionReasons),
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
    reliability: z.object({
      coefficient: z.number(),
      kind: z.enum(['cronbach-alpha', 'test-retest']),
      source: z.string(),
    }),
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
  publishedAt: z.string().nullable().describe('When these figures were published (null: not yet)'),
  isUpToDate: z.boolean().describe('False while a newly closed window is being published'),
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
              hedgesGav: z
                .number()
                .nullable()
                .describe('Hedges’ g_av (Lakens 2013): mean change over the average SD, corrected'),
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
  // Reads the latest publication; one out of date (a window just closed) is answered as it stands
  // while the next is worked out in the background — never on the request.
  const readOutcomes = async (
    organizationId: string,
    query: OutcomesQuery,
    log: (error: unknown) => void,
  ) => {
    const view = await describeOutcomes(db, organizationId, query, now());
    if (!view.isUpToDate) requestOutcomePublication(db, organizationId, query.instrumentId, now(), log);
    return view;
  };

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
      const view = await readOutcomes(requireMember(request).organizationId, request.query, (error) =>
        request.log.error({ err: error }, 'publishing outcomes failed'),
      );
      // The instrument is named in full below; its id alone is not repeated.
      const { instrumentId: _named, ...outcomes } = view.outcomes;
      return {
        ...outcomes,
        instrument: {
          id: view.instrument.id,
          name: view.instrument.name,
          shortName: view.instrument.shortName,
          attribution: [...view.instrument.licence.notices],
        },
        programTitle: view.programTitle,
        publishedAt: view.publishedAt?.toISOString() ?? null,
        isUpToDate: view.isUpToDate,
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
        response: {
          200: fileResponse('The report: HTML to print (format=html) or a PDF (format=pdf)', {
            'text/html': 'text',
            'application/pdf': 'binary',
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const view = await readOutcomes(requireMember(request).organizationId, query, (error) =>
        request.log.error({ err: error }, 'publishing outcomes failed'),
      );
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
        response: {
          200: fileResponse('One row per released figure', { 'text/csv': 'text' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const view = await readOutcomes(requireMember(request).organizationId, request.query, (error) =>
        request.log.error({ err: error }, 'publishing outcomes failed'),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tend-outcomes-${view.instrument.id}.csv"`)
        .send(formatCsv(outcomesToCsvRows(view.instrument, view.outcomes)));
    },
  );
}
