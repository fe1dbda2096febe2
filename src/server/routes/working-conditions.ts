import { z } from 'zod';
import { reportTextLimit, stressorCategories } from '../../core/working-conditions/report-form.ts';
import { leadershipActionStatuses } from '../../db/schema.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { createAnonymousReportLimiter } from '../services/anonymous-report-limiter.ts';
import {
  createLeadershipAction,
  describeReportForm,
  describeReportSummary,
  fileReport,
  listLeadershipActions,
  readReportComments,
  updateLeadershipAction,
} from '../services/working-conditions.ts';
import { errorResponses, IsoDateSchema } from './schemas.ts';
import { LongTextSchema, ShortTextSchema } from './text-schemas.ts';

const ActionSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  ownerName: z.string(),
  status: z.enum(leadershipActionStatuses),
  dueDate: z.string().nullable(),
  categories: z.array(z.string()),
  updatedAt: z.string(),
});

const ActionFieldsSchema = z.object({
  title: ShortTextSchema.min(1, 'give the action a title').max(200, 'at most 200 characters'),
  description: LongTextSchema.trim().max(2000, 'at most 2000 characters'),
  ownerName: ShortTextSchema.min(1, 'name who owns it').max(200, 'at most 200 characters'),
  status: z.enum(leadershipActionStatuses, 'must be planned, in-progress or done'),
  dueDate: IsoDateSchema.nullable(),
  categories: z.array(z.enum(stressorCategories, 'must be one of the report categories')).max(7),
});

// Defaults only when creating: a change must leave the fields it does not name alone.
const NewActionSchema = ActionFieldsSchema.extend({
  description: ActionFieldsSchema.shape.description.default(''),
  dueDate: ActionFieldsSchema.shape.dueDate.default(null),
  categories: ActionFieldsSchema.shape.categories.default([]),
});

const ReportCountSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('released'), reports: z.number() }),
  z.object({ status: z.literal('suppressed'), explanation: z.string() }),
]);

const CommentPageSchema = z.object({
  comments: z.array(z.string()).readonly(),
  commentCount: z.number().describe('How many comments the category has in this release'),
  nextOffset: z.number().nullable().describe('Pass as offset for the next page; null on the last one'),
});

/** A category's texts: its first page when released, or why none are shown. */
const ReportCommentsSchema = z.discriminatedUnion('status', [
  CommentPageSchema.extend({ status: z.literal('released'), respondentCount: z.number() }),
  z.object({ status: z.literal('withheld'), minimumRespondents: z.number(), message: z.string() }),
]);

const ReportSummarySchema = z.object({
  minimumGroupSize: z.number(),
  weeks: z.array(z.string()).describe('ISO week starts (Mondays), oldest first'),
  units: z.array(z.string()),
  total: ReportCountSchema,
  categories: z.array(
    z.object({
      category: z.enum(stressorCategories),
      label: z.string(),
      total: ReportCountSchema,
      byWeek: z.array(ReportCountSchema).describe('One count per entry of weeks'),
      byUnit: z.array(ReportCountSchema).describe('One count per entry of units'),
      comments: ReportCommentsSchema,
    }),
  ),
  unitTotals: z.array(ReportCountSchema),
  weekTotals: z.array(ReportCountSchema),
  releaseWeek: z.string().describe('The last week these figures cover: pass it to page through the comments'),
  releasedAt: z.string().describe('When these figures were released; they cover weeks that have ended'),
  nextReleaseAt: z.string().describe("When the current week's reports appear (the Monday after it)"),
});

/** Enough for a person with several real concerns in a day; a flood from one account stops here. */
const reportsPerPersonPerDay = 5;

export function workingConditionRoutes(app: App, { db, now }: AppDependencies): void {
  const limiter = createAnonymousReportLimiter({ limit: reportsPerPersonPerDay, windowMs: 86_400_000 });

  app.get(
    '/api/working-condition-reports/form',
    {
      config: { action: 'working-condition-reports.form' },
      schema: {
        tags: ['working conditions'],
        summary:
          'The categories and units a working-condition report can name, and the warning shown with the form',
        response: {
          200: z.object({
            categories: z.array(z.object({ value: z.string(), label: z.string() })),
            units: z.array(z.string()),
            warning: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => describeReportForm(db, requireMember(request)),
  );

  app.post(
    '/api/working-condition-reports',
    {
      config: { action: 'working-condition-reports.create' },
      schema: {
        tags: ['working conditions'],
        summary: 'Report a systemic stressor anonymously: stored with its week only, never with who sent it',
        body: z.object({
          category: ShortTextSchema.max(100),
          unit: ShortTextSchema.max(200),
          text: LongTextSchema.max(reportTextLimit, `at most ${reportTextLimit} characters`).default(''),
        }),
        response: { 201: z.object({ week: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fileReport(db, requireMember(request), request.body, now(), limiter)),
  );

  app.get(
    '/api/working-condition-reports/summary',
    {
      config: { action: 'working-condition-reports.summary' },
      schema: {
        tags: ['working conditions'],
        summary:
          'Report counts by category, unit and week for the 12 weeks up to the last one that ended (small counts hidden; released once a week has ended, then frozen), and free text for categories with enough reports',
        response: { 200: ReportSummarySchema, ...errorResponses },
      },
    },
    async (request) => describeReportSummary(db, requireMember(request), now()),
  );

  app.get(
    '/api/working-condition-reports/summary/comments',
    {
      config: { action: 'working-condition-reports.summary' },
      schema: {
        tags: ['working conditions'],
        summary:
          "A later page of one category's comments in the summary released for a week (the summary shows the first page)",
        querystring: z.object({
          week: IsoDateSchema.describe('releaseWeek of the summary'),
          category: z.enum(stressorCategories),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: CommentPageSchema, ...errorResponses },
      },
    },
    async (request) => readReportComments(db, requireMember(request), request.query),
  );

  app.get(
    '/api/leadership-actions',
    {
      config: { action: 'leadership-actions.list' },
      schema: {
        tags: ['working conditions'],
        summary: 'What leadership is doing about reported working conditions',
        response: { 200: z.object({ actions: z.array(ActionSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ actions: await listLeadershipActions(db, requireMember(request)) }),
  );

  app.post(
    '/api/leadership-actions',
    {
      config: { action: 'leadership-actions.create' },
      schema: {
        tags: ['working conditions'],
        summary: 'Answer reports with an action every member can see',
        body: NewActionSchema,
        response: { 201: ActionSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createLeadershipAction(db, requireMember(request), request.body, now())),
  );

  app.patch(
    '/api/leadership-actions/:actionId',
    {
      config: { action: 'leadership-actions.update' },
      schema: {
        tags: ['working conditions'],
        summary: 'Change an action: its status, owner, due date or wording',
        params: z.object({ actionId: z.uuid('must be an action id') }),
        body: ActionFieldsSchema.partial().refine(
          (changes) => Object.keys(changes).length > 0,
          'name at least one field to change',
        ),
        response: { 200: ActionSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateLeadershipAction(db, requireMember(request), request.params.actionId, request.body, now()),
  );
}
