import { z } from 'zod';
import { highestCommentMinimum } from '../../core/evaluation/comment-minimum.ts';
import { lowestMinimumGroupSize } from '../../core/evaluation/release-aggregates.ts';
import {
  defaultAttendanceWindowDays,
  longestAttendanceWindowDays,
} from '../../core/scheduling/attendance-window.ts';
import { describeSupport } from '../../core/support/support-contacts.ts';
import { unitListLimit, unitListProblems } from '../../core/working-conditions/unit-list.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { findOrganizationSettings } from '../services/organization.ts';
import { readReportingSettings, updateReportingSettings } from '../services/organization-settings.ts';
import { errorResponses } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

const SupportResourceSchema = z.object({
  name: ShortTextSchema.min(1, 'is required').max(200),
  contact: ShortTextSchema.min(1, 'is required')
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
  commentMinimum: z
    .number()
    .int('must be a whole number')
    .max(highestCommentMinimum, `must be at most ${highestCommentMinimum}`)
    .describe(
      'Fewest people (or working-condition reports) with free text before any of it is shown; ' +
        'at least the minimum reporting size and never below 3. Default 10.',
    ),
  units: z
    .array(ShortTextSchema)
    .min(1, 'list at least one unit')
    .max(unitListLimit, `list at most ${unitListLimit} units`)
    .superRefine((units, context) => {
      for (const [index, message] of unitListProblems(units))
        context.addIssue({ code: 'custom', message, path: [index] });
    })
    .describe('Units people choose from when reporting a working condition ("Not stated" is always added)'),
  attendanceWindowDays: z
    .number()
    .int('must be a whole number of days')
    .min(0, 'must be 0 or more days')
    .max(longestAttendanceWindowDays, `must be at most ${longestAttendanceWindowDays} days`)
    .describe(
      `Days after a meeting's end that its attendance can still be taken; default ${defaultAttendanceWindowDays}`,
    ),
});

const ContactActionSchema = z.object({
  kind: z.enum(['call', 'text', 'web', 'email']),
  href: z.string().describe('tel:, sms:, https: or mailto:'),
  label: z.string(),
});

const ReachableResourceSchema = SupportResourceSchema.extend({ actions: z.array(ContactActionSchema) });

export const SupportDirectorySchema = z.object({
  resources: z.array(ReachableResourceSchema),
  crisisLine: ReachableResourceSchema.nullable().describe(
    'The 9-8-8 line, for organisations in Canada and the United States whose list does not name it',
  ),
  emergency: z.object({ text: z.string(), action: ContactActionSchema.nullable() }),
});

export function organizationSettingsRoutes(app: App, { db }: AppDependencies): void {
  app.get(
    '/api/support-resources',
    {
      config: { action: 'support-resources.read' },
      schema: {
        tags: ['organization'],
        summary:
          'Where to get help now: the organisation’s support resources with tap-to-call and tap-to-text links, ' +
          'and the 9-8-8 line where it serves',
        response: { 200: SupportDirectorySchema, ...errorResponses },
      },
    },
    async (request) =>
      describeSupport(await findOrganizationSettings(db, requireMember(request).organizationId)),
  );

  app.get(
    '/api/organization/settings',
    {
      config: { action: 'organization-settings.read' },
      schema: {
        tags: ['organization'],
        summary:
          'The minimum reporting size, comment minimum, support resources, working-condition units and attendance window',
        response: { 200: ReportingSettingsSchema, ...errorResponses },
      },
    },
    async (request) => readReportingSettings(db, requireMember(request).organizationId),
  );

  app.put(
    '/api/organization/settings',
    {
      config: { action: 'organization-settings.update' },
      schema: {
        tags: ['organization'],
        summary: `Change the minimum reporting size (at least ${lowestMinimumGroupSize}), comment minimum, support resources, units or attendance window`,
        body: ReportingSettingsSchema.partial(),
        response: { 200: ReportingSettingsSchema, ...errorResponses },
      },
    },
    async (request) => updateReportingSettings(db, requireMember(request), request.body),
  );
}
