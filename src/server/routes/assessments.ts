/** A person's own questionnaires: the open ones, answering them (draft or submit), and a FHIR copy. */
import { z } from 'zod';
import { toFhirQuestionnaireResponse } from '../../core/instruments/fhir-questionnaire.ts';
import type { Instrument } from '../../core/instruments/instrument.ts';
import type { SubscaleScore } from '../../core/instruments/score-response.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { notFound } from '../errors.ts';
import { requireMember } from '../plugins/authentication.ts';
import { findOwnQuestionnaire, listOwnWindows, saveResponse } from '../services/assessments.ts';
import { presentWindow, WindowIdParamsSchema, WindowSchema } from './assessment-windows.ts';
import { FhirQuestionnaireResponseSchema, fhirResponse } from './fhir-schemas.ts';
import { errorResponses } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

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
    suggestsSupport: z
      .boolean()
      .describe('High burnout or secondary traumatic stress, low well-being: support is offered, privately'),
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
              suggestsSupport: score.suggestsSupport ?? false,
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
        response: {
          200: fhirResponse('Your QuestionnaireResponse', FhirQuestionnaireResponseSchema),
          ...errorResponses,
        },
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
}
