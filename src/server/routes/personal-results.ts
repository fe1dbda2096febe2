/** A person's own results over time: scores, what they mean, and support when it may help. Only they see them. */
import { z } from 'zod';
import type { SubscaleScore } from '../../core/instruments/score-response.ts';
import {
  composeSupportMessage,
  describePersonalResults,
  type PersonalInstrumentResult,
} from '../../core/measurement/personal-results.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { requireInstrument } from '../services/assessment-windows.ts';
import { listOwnSubmittedResponses } from '../services/assessments.ts';
import { findOrganizationSettings } from '../services/organization.ts';
import { errorResponses } from './schemas.ts';

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

export function personalResultRoutes(app: App, { db }: AppDependencies): void {
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
