import { z } from 'zod';
import { lowestMinimumGroupSize } from '../../core/evaluation/release-aggregates.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { findOrganizationSettings } from '../services/organization.ts';
import { updateReportingSettings } from '../services/organization-settings.ts';
import { errorResponses } from './schemas.ts';

const SupportResourceSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  contact: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(300)
    .describe('Phone, text line or address, e.g. "Call or text 9-8-8"'),
});

const ReportingSettingsSchema = z.object({
  minimumReportingGroupSize: z
    .number()
    .int('must be a whole number')
    .max(100)
    .describe(`Smallest group any aggregate figure may describe; never below ${lowestMinimumGroupSize}`),
  supportResources: z.array(SupportResourceSchema).max(20),
});

export function organizationSettingsRoutes(app: App, { db }: AppDependencies): void {
  app.get(
    '/api/organization/settings',
    {
      config: { action: 'organization-settings.read' },
      schema: {
        tags: ['organization'],
        summary: 'The minimum reporting size and the support resources people are shown',
        response: { 200: ReportingSettingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const settings = await findOrganizationSettings(db, requireMember(request).organizationId);
      return {
        minimumReportingGroupSize: settings.minimumReportingGroupSize,
        supportResources: settings.supportResources,
      };
    },
  );

  app.put(
    '/api/organization/settings',
    {
      config: { action: 'organization-settings.update' },
      schema: {
        tags: ['organization'],
        summary: `Change the minimum reporting size (at least ${lowestMinimumGroupSize}) or the support resources`,
        body: ReportingSettingsSchema.partial(),
        response: { 200: ReportingSettingsSchema, ...errorResponses },
      },
    },
    async (request) => updateReportingSettings(db, requireMember(request), request.body),
  );
}
