import { z } from 'zod';
import { effectiveMinimumGroupSize, releaseAggregates } from '../../core/evaluation/release-aggregates.ts';
import { toFhirQuestionnaireResponse } from '../../core/instruments/fhir-questionnaire.ts';
import type { Instrument } from '../../core/instruments/instrument.ts';
import type { SubscaleScore } from '../../core/instruments/score-response.ts';
import { assessmentWindowKinds, maximumOccurrences } from '../../core/measurement/assessment-windows.ts';
import {
  composeSupportMessage,
  describePersonalResults,
  type PersonalInstrumentResult,
} from '../../core/measurement/personal-results.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { notFound } from '../errors.ts';
import { requireMember } from '../plugins/authentication.ts';
import {
  closeWindow,
  findOwnQuestionnaire,
  listOwnSubmittedResponses,
  listOwnWindows,
  listWindows,
  requireInstrument,
  saveResponse,
  scheduleWindows,
  type WindowRow,
} from '../services/assessments.ts';
import { findOrganizationSettings } from '../services/organization.ts';
import { requestOutcomePublication } from '../services/outcomes.ts';
import { errorResponses } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

const WindowIdParamsSchema = z.object({ windowId: z.uuid('must be an assessment window id') });

const WindowSchema = z.object({
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

const AnswersSchema = z
  .record(ShortTextSchema.max(4), z.number().nullable())
  .describe('Item number → answer value; null or absent when unanswered');

const SubscaleScoreSchema = z.union([
  z.object({
    subscaleId: z.string(),
    name: z.string(),
    status: z.literal('complete'),
    score: z.number(),
    band: z.object({ id: z.string(), label: z.string(), meaning: z.string() }),
  }),
  z.object({
    subscaleId: z.string(),
    name: z.string(),
    status: z.literal('incomplete'),
    missingItems: z.array(z.number()),
  }),
]);

const QuestionnaireSchema = z.object({
  window: WindowSchema,
  isOpen: z.boolean(),
  status: z.enum(['not-started', 'draft', 'submitted']),
  instrument: z.object({
    id: z.string(),
    name: z.string(),
    instructions: z.string(),
    recallPeriod: z.string().nullable(),
    items: z.array(
      z.object({
        number: z.number(),
        text: z.string(),
        options: z.array(z.object({ value: z.number(), label: z.string() })),
      }),
    ),
    attribution: z.array(z.string()),
    citation: z.string(),
    links: z.array(z.object({ label: z.string(), url: z.string() })),
    alteredWording: z.string().nullable(),
  }),
  answers: z.record(z.string(), z.number()),
  scores: z.array(SubscaleScoreSchema).nullable(),
});

const TrendPointSchema = z.object({
  windowId: z.string(),
  windowTitle: z.string(),
  submittedAt: z.string(),
  score: z.number(),
});

const PersonalResultSchema = z.object({
  instrumentId: z.string(),
  name: z.string(),
  attribution: z.array(z.string()),
  bandsNote: z.string(),
  subscales: z.array(
    z.object({
      subscaleId: z.string(),
      name: z.string(),
      description: z.string(),
      direction: z.enum(['higher-is-better', 'lower-is-better']),
      range: z.object({ min: z.number(), max: z.number() }),
      latest: z
        .union([
          z.object({
            status: z.literal('complete'),
            score: z.number(),
            bandLabel: z.string(),
            meaning: z.string(),
            suggestsSupport: z.boolean(),
          }),
          z.object({ status: z.literal('incomplete'), missingItems: z.array(z.number()) }),
        ])
        .nullable(),
      trend: z.array(TrendPointSchema),
    }),
  ),
});

const SupportMessageSchema = z.object({
  title: z.string(),
  body: z.string(),
  reasons: z.array(z.string()),
  resources: z.array(z.object({ name: z.string(), contact: z.string() })),
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

function presentInstrument(instrument: Instrument) {
  return {
    id: instrument.id,
    name: instrument.name,
    instructions: instrument.instructions,
    recallPeriod: instrument.recallPeriod,
    items: instrument.items.map((item) => ({
      number: item.number,
      text: item.text,
      options: [
        ...(instrument.responseScales.find((scale) => scale.id === item.responseScaleId)?.options ?? []),
      ],
    })),
    attribution: [...instrument.licence.notices],
    citation: instrument.citation,
    links: [...instrument.licence.links],
    alteredWording: instrument.wording.isAltered ? instrument.wording.description : null,
  };
}

function presentScores(scores: unknown[] | null) {
  return scores
    ? (scores as SubscaleScore[]).map((score) =>
        score.status === 'complete'
          ? {
              subscaleId: score.subscaleId,
              name: score.name,
              status: score.status,
              score: score.score,
              band: score.band,
            }
          : {
              subscaleId: score.subscaleId,
              name: score.name,
              status: score.status,
              missingItems: [...score.missingItems],
            },
      )
    : null;
}

export function assessmentRoutes(app: App, { db, config, now }: AppDependencies): void {
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
                submittedCount: z.number().nullable().describe('Null: fewer than the minimum — hidden'),
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
      return {
        windows: windows.map((window) => ({
          ...presentWindow(window, now()),
          submittedCount: counts.get(window.id) ?? null,
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

  app.get(
    '/api/me/assessments',
    {
      config: { action: 'my-assessments.list' },
      schema: {
        tags: ['measurement'],
        summary: 'Your questionnaires: open ones to answer and the ones you answered',
        response: {
          200: z.object({
            assessments: z.array(
              z.object({
                window: WindowSchema,
                opensAt: z.string(),
                closesAt: z.string(),
                isOpen: z.boolean(),
                status: z.enum(['not-started', 'draft', 'submitted']),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const own = await listOwnWindows(db, requireMember(request), now());
      return {
        assessments: own.map((entry) => ({
          window: presentWindow(entry.window, now()),
          opensAt: entry.opensAt.toISOString(),
          closesAt: entry.closesAt.toISOString(),
          isOpen: entry.isOpen,
          status: entry.response?.status ?? ('not-started' as const),
        })),
      };
    },
  );

  app.get(
    '/api/me/assessments/:windowId',
    {
      config: { action: 'my-assessments.read' },
      schema: {
        tags: ['measurement'],
        summary:
          'A questionnaire as you answer it: wording with your audience term, attribution, your answers',
        params: WindowIdParamsSchema,
        response: { 200: QuestionnaireSchema, ...errorResponses },
      },
    },
    async (request) => {
      const found = await findOwnQuestionnaire(db, requireMember(request), request.params.windowId, now());
      return {
        window: presentWindow(found.window, now()),
        isOpen: found.isOpen,
        status: found.response?.status ?? ('not-started' as const),
        instrument: presentInstrument(found.instrument),
        answers: found.response?.answers ?? {},
        scores: presentScores(found.response?.scores ?? null),
      };
    },
  );

  const saveRoute = (mode: 'draft' | 'submit') =>
    ({
      config: { action: mode === 'draft' ? 'my-assessments.save-draft' : 'my-assessments.submit' },
      schema: {
        tags: ['measurement'],
        summary:
          mode === 'draft'
            ? 'Save your answers so far and finish later'
            : 'Submit your answers; items left out make their subscale incomplete',
        params: WindowIdParamsSchema,
        body: z.object({ answers: AnswersSchema }),
        response: {
          200: z.object({
            status: z.enum(['draft', 'submitted']),
            scores: z.array(SubscaleScoreSchema).nullable(),
          }),
          ...errorResponses,
        },
      },
    }) as const;

  app.put('/api/me/assessments/:windowId/draft', saveRoute('draft'), async (request) => {
    const saved = await saveResponse(
      db,
      requireMember(request),
      request.params.windowId,
      request.body.answers,
      'draft',
      now(),
    );
    return { status: saved.status, scores: null };
  });

  app.post('/api/me/assessments/:windowId/submit', saveRoute('submit'), async (request) => {
    const saved = await saveResponse(
      db,
      requireMember(request),
      request.params.windowId,
      request.body.answers,
      'submit',
      now(),
    );
    return { status: saved.status, scores: presentScores(saved.scores) };
  });

  app.get(
    '/api/me/assessments/:windowId/fhir',
    {
      config: { action: 'my-results.export-fhir' },
      schema: {
        tags: ['measurement'],
        summary: 'Your own response as a FHIR R4 QuestionnaireResponse',
        params: WindowIdParamsSchema,
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (request, reply) => {
      const found = await findOwnQuestionnaire(db, requireMember(request), request.params.windowId, now());
      if (!found.response) throw notFound('Your response');
      const resource = toFhirQuestionnaireResponse(found.instrument, found.response.answers, {
        baseUrl: config.publicUrl,
        authored: (found.response.submittedAt ?? found.response.updatedAt).toISOString(),
        isComplete: found.response.status === 'submitted',
        helperTerm: found.window.helperTerm,
      });
      return reply.type('application/fhir+json; charset=utf-8').send(resource);
    },
  );

  app.get(
    '/api/me/results',
    {
      config: { action: 'my-results.read' },
      schema: {
        tags: ['measurement'],
        summary:
          'Your own results: scores, what they mean, your trend, and support if it may help. Only you see them.',
        response: {
          200: z.object({ results: z.array(PersonalResultSchema), support: SupportMessageSchema.nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const member = requireMember(request);
      const rows = await listOwnSubmittedResponses(db, member);
      const byInstrument = new Map<string, typeof rows>();
      for (const row of rows) {
        const list = byInstrument.get(row.response.instrumentId) ?? [];
        list.push(row);
        byInstrument.set(row.response.instrumentId, list);
      }
      const results: PersonalInstrumentResult[] = [...byInstrument].map(([instrumentId, list]) =>
        describePersonalResults(
          requireInstrument(instrumentId),
          list.map(({ response, window }) => ({
            windowId: window.id,
            windowTitle: window.title,
            submittedAt: (response.submittedAt ?? response.updatedAt).toISOString(),
            subscales: (response.scores ?? []) as SubscaleScore[],
          })),
        ),
      );
      const settings = await findOrganizationSettings(db, member.organizationId);
      return { results, support: composeSupportMessage(results, settings.supportResources) };
    },
  );
}
