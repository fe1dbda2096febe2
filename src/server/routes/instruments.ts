import { z } from 'zod';
import { instruments } from '../../core/instruments/catalog.ts';
import { toFhirQuestionnaire } from '../../core/instruments/fhir-questionnaire.ts';
import { findAudienceTermProblem, renderInstrument } from '../../core/instruments/render-instrument.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { AppError } from '../errors.ts';
import { requireInstrument } from '../services/assessment-windows.ts';
import { FhirQuestionnaireSchema, fhirResponse } from './fhir-schemas.ts';
import { errorResponses } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

export function instrumentRoutes(app: App, { config }: AppDependencies): void {
  app.get(
    '/api/instruments',
    {
      config: { action: 'instruments.list' },
      schema: {
        tags: ['measurement'],
        summary: 'The validated instruments Tend ships, with their licence terms',
        response: {
          200: z.object({
            instruments: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                shortName: z.string(),
                itemCount: z.number(),
                hasHelperTerm: z.boolean(),
                subscales: z.array(
                  z.object({
                    id: z.string(),
                    name: z.string(),
                    direction: z.enum(['higher-is-better', 'lower-is-better']),
                    range: z.object({ min: z.number(), max: z.number() }),
                    bands: z.array(
                      z.object({ id: z.string(), label: z.string(), min: z.number(), max: z.number() }),
                    ),
                    reliability: z
                      .discriminatedUnion('status', [
                        z.object({
                          status: z.literal('published'),
                          coefficient: z.number(),
                          kind: z.enum(['cronbach-alpha', 'test-retest']),
                          source: z.string(),
                        }),
                        z.object({ status: z.literal('unknown'), note: z.string() }),
                      ])
                      .describe(
                        'The reliability the reliable change index uses, with where it was published',
                      ),
                  }),
                ),
                licenceSummary: z.string(),
                useCondition: z.string().nullable(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      instruments: instruments.map((instrument) => ({
        id: instrument.id,
        name: instrument.name,
        shortName: instrument.shortName,
        itemCount: instrument.items.length,
        hasHelperTerm: instrument.replaceableWords.some((word) => word.term === 'helper'),
        subscales: instrument.subscales.map((subscale) => ({
          id: subscale.id,
          name: subscale.name,
          direction: subscale.direction,
          range: subscale.range,
          bands: subscale.bands.map((band) => ({
            id: band.id,
            label: band.label,
            min: band.min,
            max: band.max,
          })),
          reliability: subscale.reliability,
        })),
        licenceSummary: instrument.licence.summary,
        useCondition: instrument.licence.useCondition?.text ?? null,
      })),
    }),
  );

  app.get(
    '/api/instruments/:instrumentId/fhir',
    {
      config: { action: 'instruments.export-fhir' },
      schema: {
        tags: ['measurement'],
        summary:
          'An instrument as a FHIR R4 Questionnaire: itemWeight for scoring, SDC calculatedExpression for subscales',
        params: z.object({ instrumentId: ShortTextSchema.max(60) }),
        querystring: z.object({ helperTerm: ShortTextSchema.max(60).optional() }),
        response: { 200: fhirResponse('The Questionnaire', FhirQuestionnaireSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const instrument = requireInstrument(request.params.instrumentId);
      const { helperTerm } = request.query;
      if (helperTerm !== undefined) {
        const problem = findAudienceTermProblem(helperTerm);
        if (problem)
          throw new AppError('VALIDATION_FAILED', `Helper term: ${problem}`, {
            fields: { helperTerm: problem },
          });
      }
      const rendered = renderInstrument(instrument, helperTerm ? { helperTerm } : {});
      return reply
        .type('application/fhir+json; charset=utf-8')
        .send(toFhirQuestionnaire(rendered, { baseUrl: config.publicUrl, helperTerm }));
    },
  );
}
