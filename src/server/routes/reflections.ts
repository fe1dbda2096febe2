import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { readNudgePreference, saveNudgePreference } from '../services/nudge-preferences.ts';
import { describeEngagement } from '../services/reflection-engagement.ts';
import {
  changeReflectionSharing,
  describeFollowUp,
  describeJournal,
  exportJournal,
  listDueFollowUps,
  listSharedReflections,
  writeReflection,
} from '../services/reflections.ts';
import { ErrorSchema, errorResponses, fileResponse, ProgramIdParamsSchema } from './schemas.ts';
import { LongTextSchema, ShortTextSchema } from './text-schemas.ts';

const FollowUpIdParamsSchema = z.object({ followUpId: z.uuid('must be a follow-up id') });
const ReflectionIdParamsSchema = z.object({ reflectionId: z.uuid('must be a reflection id') });
const GroupIdParamsSchema = z.object({ groupId: z.uuid('must be a group id') });
const SkillUseSchema = z.enum(['yes', 'tried', 'not-yet'], { message: 'must be yes, tried or not-yet' });
const TimeZoneQuerySchema = z.object({
  timeZone: ShortTextSchema.max(64)
    .optional()
    .describe('IANA time zone for weeks and dates; the organisation’s by default'),
});

const ReflectionSchema = z.object({
  id: z.string(),
  followUpId: z.string(),
  meetingId: z.string(),
  topicTitle: z.string(),
  skill: z.string(),
  prompt: z.string(),
  answer: z.string(),
  skillUsed: SkillUseSchema,
  intention: z.string().nullable(),
  isSharedWithGroup: z.boolean(),
  isSharedAnonymously: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const NudgePreferenceSchema = z.object({
  frequency: z
    .enum(['every', 'fewer', 'none'], { message: 'must be every, fewer or none' })
    .describe('every follow-up; fewer: at most one a week; none'),
  pausedUntil: z.iso
    .datetime({ offset: true, message: 'must be a date-time such as 2027-02-01T00:00:00Z' })
    .nullable()
    .describe('No nudges before this time; null: not paused'),
});

const FollowUpKindSchema = z
  .enum(['prompt', 'catch-up'])
  .describe('prompt: a reflection to write; catch-up: a summary of a meeting you missed');

const DueFollowUpSchema = z.object({
  id: z.string(),
  kind: FollowUpKindSchema,
  topicTitle: z.string(),
  prompt: z.string(),
  groupName: z.string(),
  dueAt: z.string(),
});

const FollowUpSchema = z.object({
  id: z.string(),
  kind: FollowUpKindSchema,
  meetingId: z.string(),
  meetingStartsAt: z.string(),
  groupName: z.string(),
  topicTitle: z.string(),
  skill: z.string(),
  prompt: z.string(),
  dueAt: z.string(),
  reflection: ReflectionSchema.nullable().describe('Your answer so far; null before you write one'),
});

const JournalSchema = z.object({
  timeZone: z.string(),
  reflections: z.array(ReflectionSchema),
  skillsPractised: z.array(z.object({ skill: z.string(), count: z.number() })),
  habit: z.object({
    weeks: z
      .array(
        z.object({
          weekStart: z.string().describe('The Monday the week starts on, yyyy-mm-dd'),
          reflectionCount: z.number(),
          isPractised: z.boolean(),
        }),
      )
      .describe('Oldest first, ending with the current week'),
    currentStreak: z.number(),
    longestStreak: z.number(),
  }),
});

const SharedReflectionSchema = z.object({
  id: z.string(),
  authorName: z.string().nullable().describe('Null: shared anonymously'),
  topicTitle: z.string(),
  prompt: z.string(),
  answer: z.string(),
  skillUsed: SkillUseSchema,
  intention: z.string().nullable(),
  sharedAt: z.string(),
});

// Examples, typed by what the services return: test/response-examples.test.ts sends each through its schema.
const exampleReflection = {
  id: '5b0d2f43-7c1e-4b8e-9a55-0f3b8c2d9e11',
  followUpId: '0c9e6c1a-2f4b-4d7e-8a3c-6b5f1e2d3c4b',
  meetingId: '8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  topicTitle: 'Self-care and boundaries',
  skill: 'Saying no kindly',
  prompt: 'When did you hold a boundary this week?',
  answer: 'I left on time on Thursday and told the team why.',
  skillUsed: 'tried' as const,
  intention: 'Leave on time twice next week',
  isSharedWithGroup: false,
  isSharedAnonymously: false,
  createdAt: '2027-02-03T18:20:00.000Z',
  updatedAt: '2027-02-03T18:20:00.000Z',
};
const exampleFollowUp = {
  id: exampleReflection.followUpId,
  kind: 'prompt',
  meetingId: exampleReflection.meetingId,
  meetingStartsAt: '2027-02-02T17:00:00.000Z',
  groupName: 'Group 3',
  topicTitle: exampleReflection.topicTitle,
  skill: exampleReflection.skill,
  prompt: exampleReflection.prompt,
  dueAt: '2027-02-03T18:00:00.000Z',
  reflection: exampleReflection,
} satisfies Awaited<ReturnType<typeof describeFollowUp>>;
const exampleDueFollowUps = {
  followUps: [
    {
      id: exampleFollowUp.id,
      kind: 'prompt',
      topicTitle: exampleFollowUp.topicTitle,
      prompt: exampleFollowUp.prompt,
      groupName: exampleFollowUp.groupName,
      dueAt: exampleFollowUp.dueAt,
    },
  ],
} satisfies Awaited<ReturnType<typeof listDueFollowUps>>;
const exampleJournal = {
  timeZone: 'America/Toronto',
  reflections: [exampleReflection],
  skillsPractised: [{ skill: exampleReflection.skill, count: 1 }],
  habit: {
    weeks: [
      { weekStart: '2027-01-25', reflectionCount: 0, isPractised: false },
      { weekStart: '2027-02-01', reflectionCount: 1, isPractised: true },
    ],
    currentStreak: 1,
    longestStreak: 1,
  },
} satisfies Awaited<ReturnType<typeof describeJournal>>;
const exampleSharedReflections = {
  reflections: [
    {
      id: exampleReflection.id,
      authorName: null,
      topicTitle: exampleReflection.topicTitle,
      prompt: exampleReflection.prompt,
      answer: exampleReflection.answer,
      skillUsed: exampleReflection.skillUsed,
      intention: exampleReflection.intention,
      sharedAt: '2027-02-04T08:00:00.000Z',
    },
  ],
} satisfies Awaited<ReturnType<typeof listSharedReflections>>;

const ShownShareSchema = z.union([
  z.object({ isShown: z.literal(true), share: z.number(), peopleCount: z.number() }),
  z.object({ isShown: z.literal(false), explanation: z.string() }),
]);

export function reflectionRoutes(app: App, { db, now }: AppDependencies): void {
  app.get(
    '/api/me/follow-ups',
    {
      config: { action: 'follow-ups.list-own' },
      schema: {
        tags: ['reflections'],
        summary: 'Your follow-ups that are due: reflection prompts not yet answered, and catch-up summaries',
        response: {
          200: z.object({ followUps: z.array(DueFollowUpSchema) }).meta({ example: exampleDueFollowUps }),
          ...errorResponses,
        },
      },
    },
    async (request) => listDueFollowUps(db, requireMember(request), now()),
  );

  app.get(
    '/api/me/follow-ups/:followUpId',
    {
      config: { action: 'follow-ups.read-own' },
      schema: {
        tags: ['reflections'],
        summary: 'One of your follow-ups with its prompt (or catch-up summary) and your answer so far',
        params: FollowUpIdParamsSchema,
        response: { 200: FollowUpSchema.meta({ example: exampleFollowUp }), ...errorResponses },
      },
    },
    async (request) => describeFollowUp(db, requireMember(request), request.params.followUpId),
  );

  app.put(
    '/api/me/follow-ups/:followUpId/reflection',
    {
      config: { action: 'reflections.write-own' },
      schema: {
        tags: ['reflections'],
        summary: 'Write or rewrite your reflection on a follow-up; it stays private unless you share it',
        params: FollowUpIdParamsSchema,
        body: z.object({
          answer: LongTextSchema.trim()
            .min(1, 'write a few words')
            .max(4000, 'keep it under 4000 characters'),
          skillUsed: SkillUseSchema,
          intention: ShortTextSchema.max(200, 'keep the intention to one line').nullable().default(null),
        }),
        response: { 200: ReflectionSchema, ...errorResponses },
      },
    },
    async (request) =>
      writeReflection(db, requireMember(request), request.params.followUpId, request.body, now()),
  );

  app.get(
    '/api/me/journal',
    {
      config: { action: 'journal.read-own' },
      schema: {
        tags: ['reflections'],
        summary: 'Your journal: every reflection, the skills you practised, your habit over recent weeks',
        querystring: TimeZoneQuerySchema,
        response: { 200: JournalSchema.meta({ example: exampleJournal }), ...errorResponses },
      },
    },
    async (request) => describeJournal(db, requireMember(request), now(), request.query.timeZone),
  );

  for (const format of ['markdown', 'pdf'] as const) {
    app.get(
      `/api/me/journal/${format}`,
      {
        config: { action: 'journal.export-own' },
        schema: {
          tags: ['reflections'],
          summary: `Your journal as a ${format === 'pdf' ? 'PDF' : 'Markdown'} file to keep`,
          querystring: TimeZoneQuerySchema,
          response: {
            200:
              format === 'pdf'
                ? fileResponse('Your journal as a PDF', { 'application/pdf': 'binary' })
                : fileResponse('Your journal as Markdown', { 'text/markdown': 'text' }),
            401: ErrorSchema,
            403: ErrorSchema,
          },
        },
      },
      async (request, reply) => {
        const file = await exportJournal(db, requireMember(request), now(), request.query.timeZone, format);
        return reply
          .type(format === 'pdf' ? 'application/pdf' : 'text/markdown; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
      },
    );
  }

  app.put(
    '/api/me/reflections/:reflectionId/sharing',
    {
      config: { action: 'reflections.share-own' },
      schema: {
        tags: ['reflections'],
        summary: 'Share one of your reflections with your group (named or anonymous), or stop sharing it',
        params: ReflectionIdParamsSchema,
        body: z.object({
          isShared: z.boolean(),
          isAnonymous: z.boolean().default(false).describe('Shown as "A group member" instead of your name'),
        }),
        response: { 200: ReflectionSchema, ...errorResponses },
      },
    },
    async (request) =>
      changeReflectionSharing(db, requireMember(request), request.params.reflectionId, request.body, now()),
  );

  app.get(
    '/api/groups/:groupId/shared-reflections',
    {
      config: { action: 'shared-reflections.read' },
      schema: {
        tags: ['reflections'],
        summary: "Reflections the group's members chose to share with it; for its members and facilitator",
        params: GroupIdParamsSchema,
        response: {
          200: z
            .object({ reflections: z.array(SharedReflectionSchema) })
            .meta({ example: exampleSharedReflections }),
          ...errorResponses,
        },
      },
    },
    async (request) => listSharedReflections(db, requireMember(request), request.params.groupId),
  );

  app.get(
    '/api/programs/:programId/engagement',
    {
      config: { action: 'reflection-engagement.read' },
      schema: {
        tags: ['reflections'],
        summary:
          'Per meeting: share of attendees who reflected and share who practised the skill, below the minimum group size hidden; released once the meeting’s reflection period has closed, then frozen',
        params: ProgramIdParamsSchema,
        response: {
          200: z.object({
            minimumGroupSize: z.number(),
            meetings: z.array(
              z.object({
                meetingId: z.string(),
                groupName: z.string(),
                sequence: z.number(),
                startsAt: z.string(),
                appearsOn: z
                  .string()
                  .describe("When the meeting's reflection period closes and its figures are released"),
                releasedAt: z
                  .string()
                  .nullable()
                  .describe('When the frozen figures were released; null while they are not yet'),
                reflected: ShownShareSchema,
                practised: ShownShareSchema,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => describeEngagement(db, requireMember(request), request.params.programId, now()),
  );

  app.get(
    '/api/me/nudge-preferences',
    {
      config: { action: 'nudge-preferences.read' },
      schema: {
        tags: ['reflections'],
        summary: 'How often you want follow-up nudges, and whether they are paused',
        response: { 200: NudgePreferenceSchema, ...errorResponses },
      },
    },
    async (request) => readNudgePreference(db, requireMember(request)),
  );

  app.put(
    '/api/me/nudge-preferences',
    {
      config: { action: 'nudge-preferences.update' },
      schema: {
        tags: ['reflections'],
        summary: 'Choose how often you are nudged to reflect, or pause nudges until a date',
        body: NudgePreferenceSchema,
        response: { 200: NudgePreferenceSchema, ...errorResponses },
      },
    },
    async (request) =>
      saveNudgePreference(db, requireMember(request), {
        frequency: request.body.frequency,
        pausedUntil: request.body.pausedUntil ? new Date(request.body.pausedUntil) : null,
      }),
  );
}
