import { z } from 'zod';
import { feedbackLimits } from '../../core/feedback/feedback-form.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import {
  describeFeedbackForm,
  listFeedbackResponses,
  postFeedbackResponse,
  saveFeedback,
} from '../services/feedback.ts';
import { describeProgramFeedback } from '../services/feedback-results.ts';
import {
  errorResponses,
  FoldedCommentReleaseSchema,
  MeetingIdParamsSchema,
  ProgramIdParamsSchema,
} from './schemas.ts';
import { LongTextSchema, ShortTextSchema } from './text-schemas.ts';

const RatingSchema = z
  .number('must be a number from 1 to 5')
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be from 1 to 5')
  .max(5, 'must be from 1 to 5')
  .transform((value) => value as 1 | 2 | 3 | 4 | 5);

const FeedbackBodySchema = z.object({
  usefulness: RatingSchema,
  feltSafe: RatingSchema,
  keep: LongTextSchema.max(
    feedbackLimits.textLength,
    `at most ${feedbackLimits.textLength} characters`,
  ).default(''),
  change: LongTextSchema.max(
    feedbackLimits.textLength,
    `at most ${feedbackLimits.textLength} characters`,
  ).default(''),
  topicsWanted: z
    .array(ShortTextSchema.max(100))
    .max(feedbackLimits.topicsWanted, `pick at most ${feedbackLimits.topicsWanted} topics`)
    .default([]),
  /** Weekly hours in `timeZone`, e.g. tue-12. */
  preferredTimes: z
    .array(ShortTextSchema.max(10))
    .max(feedbackLimits.preferredTimes, `tick at most ${feedbackLimits.preferredTimes} hours`)
    .default([]),
  /** The time zone of `preferredTimes` (the person's own); the organisation's when absent. */
  timeZone: ShortTextSchema.max(100).optional(),
});

const FeedbackFormSchema = z.object({
  meeting: z.object({
    id: z.string(),
    sequence: z.number(),
    startsAt: z.string(),
    groupName: z.string(),
    programId: z.string(),
    programTitle: z.string(),
    topicTitle: z.string().nullable(),
  }),
  isOpen: z.boolean(),
  closedReason: z.string().nullable().describe('Why the form is closed; null while it is open'),
  timeZone: z.string().describe('The time zone of preferredTimes'),
  topicChoices: z.array(z.object({ id: z.string(), title: z.string() })),
  feedback: z
    .object({
      usefulness: z.number(),
      feltSafe: z.number(),
      keep: z.string(),
      change: z.string(),
      topicsWanted: z.array(z.string()),
      preferredTimes: z.array(z.string()),
      updatedAt: z.string(),
    })
    .nullable()
    .describe('Your own answer; null before you give one'),
});

const released = <Figures extends z.ZodType>(figures: Figures) =>
  z.discriminatedUnion('status', [
    z.object({ status: z.literal('released'), people: z.number(), figures }),
    z.object({ status: z.literal('suppressed'), explanation: z.string() }),
  ]);
const RatingFiguresSchema = z.object({
  answers: z.number(),
  usefulnessMean: z.number(),
  feltSafeMean: z.number(),
});
const RatingBandSchema = z.object({
  rating: z.number(),
  figure: released(z.object({ answers: z.number() })),
});

const ProgramFeedbackSchema = z.object({
  minimumGroupSize: z.number(),
  overall: released(RatingFiguresSchema),
  usefulness: z.array(RatingBandSchema).describe('Answers per rating 1–5, each band its own cell'),
  feltSafe: z.array(RatingBandSchema),
  topics: z.array(
    z.object({ topicId: z.string(), title: z.string(), figure: released(RatingFiguresSchema) }),
  ),
  keep: FoldedCommentReleaseSchema,
  change: FoldedCommentReleaseSchema,
  recommendations: z.array(
    z.object({ kind: z.enum(['topic', 'time']), id: z.string(), label: z.string(), explanation: z.string() }),
  ),
  program: z.object({ id: z.string(), title: z.string() }),
  timeZone: z.string(),
  releasedAt: z
    .string()
    .nullable()
    .describe('When these figures were released; null before any meeting’s feedback period has closed'),
  nextReleaseAt: z
    .string()
    .nullable()
    .describe('When the next meeting’s feedback period closes and the figures are released again'),
});

const ResponseSchema = z.object({
  id: z.string(),
  youSaid: z.string(),
  weDid: z.string(),
  postedAt: z.string(),
});

export function feedbackRoutes(app: App, { db, now }: AppDependencies): void {
  app.get(
    '/api/meetings/:meetingId/feedback',
    {
      config: { action: 'feedback.read-own' },
      schema: {
        tags: ['feedback'],
        summary: 'The feedback form of a meeting you attended, with your own answer if you gave one',
        params: MeetingIdParamsSchema,
        querystring: z.object({
          timeZone: ShortTextSchema.max(100).optional().describe('show preferred times in this time zone'),
        }),
        response: { 200: FeedbackFormSchema, ...errorResponses },
      },
    },
    async (request) =>
      describeFeedbackForm(
        db,
        requireMember(request),
        request.params.meetingId,
        now(),
        request.query.timeZone,
      ),
  );

  app.put(
    '/api/meetings/:meetingId/feedback',
    {
      config: { action: 'feedback.give' },
      schema: {
        tags: ['feedback'],
        summary:
          'Give or change your feedback on a meeting you attended (until a week after it ends, or the program ends)',
        params: MeetingIdParamsSchema,
        body: FeedbackBodySchema,
        response: { 200: FeedbackFormSchema, ...errorResponses },
      },
    },
    async (request) =>
      saveFeedback(db, requireMember(request), request.params.meetingId, request.body, now()),
  );

  app.get(
    '/api/programs/:programId/feedback',
    {
      config: { action: 'feedback.results' },
      schema: {
        tags: ['feedback'],
        summary:
          "A program's feedback: means and distributions (small groups hidden), comments once enough people wrote, and recommended next topics and times; released as each meeting's feedback period (a week after it ends) closes, then frozen",
        params: ProgramIdParamsSchema,
        response: { 200: ProgramFeedbackSchema, ...errorResponses },
      },
    },
    async (request) => describeProgramFeedback(db, requireMember(request), request.params.programId, now()),
  );

  app.get(
    '/api/programs/:programId/feedback-responses',
    {
      config: { action: 'feedback-responses.list' },
      schema: {
        tags: ['feedback'],
        summary: '"You said, we did" notes posted to a program’s participants, newest first',
        params: ProgramIdParamsSchema,
        response: { 200: z.object({ responses: z.array(ResponseSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      responses: await listFeedbackResponses(db, requireMember(request), request.params.programId),
    }),
  );

  app.post(
    '/api/programs/:programId/feedback-responses',
    {
      config: { action: 'feedback-responses.create', sendingLimit: 'feedback-response' },
      schema: {
        tags: ['feedback'],
        summary: 'Post a "you said, we did" note; everyone enrolled gets a notice',
        params: ProgramIdParamsSchema,
        body: z.object({
          youSaid: LongTextSchema.trim()
            .min(1, 'say what participants said')
            .max(1000, 'at most 1000 characters'),
          weDid: LongTextSchema.trim()
            .min(1, 'say what was done about it')
            .max(1000, 'at most 1000 characters'),
        }),
        response: { 201: ResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const response = await postFeedbackResponse(
        db,
        requireMember(request),
        request.params.programId,
        request.body,
        now(),
      );
      return reply.status(201).send(response);
    },
  );
}
