import { z } from 'zod';
import { groupAgreements } from '../../core/curriculum/group-agreements.ts';
import { findFollowUpDaysProblems } from '../../core/reflection/plan-follow-ups.ts';
import { enrollmentStatuses, groupStatuses, programStatuses } from '../../db/schema.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import {
  enrol,
  findEnrolmentDefaults,
  findOwnEnrollment,
  listEnrollments,
  placeFacilitator,
} from '../services/enrollments.ts';
import { refreshGroupBoards } from '../services/group-boards.ts';
import { describeProgramOverview } from '../services/meetings.ts';
import { createProgram, describeProgram, listPrograms, updateProgram } from '../services/programs.ts';
import {
  sharedContentChoices,
  sharedContentStatements,
  withdraw,
  withdrawalStatement,
} from '../services/withdrawals.ts';
import { errorResponses, IsoDateSchema, LevelSchema, ProgramIdParamsSchema } from './schemas.ts';
import { LongTextSchema, ShortTextSchema } from './text-schemas.ts';

const ProgramShapeSchema = z.object({
  title: ShortTextSchema.min(1, 'is required').max(200),
  description: LongTextSchema.max(5000),
  audience: ShortTextSchema.max(200).describe('Who the program is for, e.g. "Residents"'),
  termStart: IsoDateSchema,
  termEnd: IsoDateSchema,
  enrolmentOpens: IsoDateSchema,
  enrolmentCloses: IsoDateSchema,
  capacity: z.number().int().min(1, 'must be at least 1').max(10_000).nullable(),
  groupSizeMin: z.number().int(),
  groupSizeMax: z.number().int(),
  meetingCount: z.number().int(),
  meetingMinutes: z.number().int(),
  cadenceWeeks: z.number().int().describe('Weeks between meetings: 1 weekly, 2 every two weeks'),
  holidays: z.array(IsoDateSchema).max(100),
  topicIds: z.array(ShortTextSchema.max(80)).max(52).describe('Topics in meeting order'),
  reminderHours: z.number().int().min(1).max(168),
  followUpDays: z
    .array(z.number())
    .max(20)
    .superRefine((days, context) => {
      for (const message of findFollowUpDaysProblems(days)) context.addIssue({ code: 'custom', message });
    })
    .describe('Days after each meeting ends that reflection prompts go out, e.g. [1, 7, 30]'),
});

const { shape } = ProgramShapeSchema;
const ProgramFieldsSchema = ProgramShapeSchema.extend({
  description: shape.description.default(''),
  audience: shape.audience.default(''),
  capacity: shape.capacity.default(null),
  groupSizeMin: shape.groupSizeMin.default(8),
  groupSizeMax: shape.groupSizeMax.default(10),
  holidays: shape.holidays.default([]),
  topicIds: shape.topicIds.default([]),
  reminderHours: shape.reminderHours.default(24),
  followUpDays: shape.followUpDays.default([1, 7, 30]),
});

// Without defaults: a change names only what changes, and nothing else is reset.
const ProgramChangesSchema = ProgramShapeSchema.partial().extend({
  status: z.enum(programStatuses).optional(),
});

const ProgramSchema = ProgramFieldsSchema.extend({
  id: z.string(),
  status: z.enum(programStatuses),
  enrolledCount: z.number(),
  waitlistedCount: z.number(),
  isEnrolmentOpen: z.boolean(),
  myEnrollmentStatus: z.enum(enrollmentStatuses).nullable(),
});

const EnrollmentInputSchema = z.object({
  level: LevelSchema.nullable().default(null),
  discipline: ShortTextSchema.max(100).nullable().default(null),
  availability: z
    .array(ShortTextSchema.max(20))
    .max(168)
    .describe('Weekly hours in timeZone, e.g. ["tue-12", "sat-09"]'),
  timeZone: ShortTextSchema.min(1).max(64).describe('IANA time zone the availability is given in'),
  interests: z.array(ShortTextSchema.min(1).max(60)).max(20).default([]),
  avoidUserIds: z.array(z.uuid()).max(20).default([]).describe('Private: people not to be grouped with'),
  agreesToGuidelines: z.boolean(),
});

const OwnEnrollmentSchema = z.object({
  enrollment: z
    .object({
      status: z.enum(enrollmentStatuses),
      level: z.string().nullable(),
      discipline: z.string().nullable(),
      timeZone: z.string(),
      availability: z.array(z.string()),
      interests: z.array(z.string()),
      avoidUserIds: z.array(z.string()),
      avoidPeople: z.array(z.object({ id: z.string(), name: z.string() })),
      isFacilitator: z.boolean(),
      enrolledAt: z.string(),
      withdrawnAt: z.string().nullable(),
    })
    .nullable(),
  defaults: z.object({
    level: z.string().nullable(),
    discipline: z.string().nullable(),
    timeZone: z
      .string()
      .describe("The organisation's time zone: availability is entered in it unless changed"),
  }),
  guidelines: z.array(z.string()),
  withdrawalStatement: z.string(),
  sharedContentChoices: z.array(z.object({ value: z.enum(sharedContentChoices), statement: z.string() })),
});

const ProgramOverviewSchema = z.object({
  program: z.object({ id: z.string(), title: z.string(), status: z.enum(programStatuses) }),
  enrolment: z.object({
    enrolled: z.number(),
    facilitators: z.number(),
    waitlisted: z.number(),
    withdrawn: z.number(),
    capacity: z.number().nullable().describe('Null: no limit'),
  }),
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(groupStatuses),
      slot: z.string().nullable(),
      memberCount: z.number(),
      attendanceRate: z.number().nullable().describe('Percent present of those recorded; null before any'),
      meetings: z.array(
        z.object({
          id: z.string(),
          sequence: z.number(),
          startsAt: z.string(),
          attendanceRate: z.number().nullable(),
        }),
      ),
    }),
  ),
  upcomingMeetings: z.array(
    z.object({ id: z.string(), groupName: z.string(), sequence: z.number(), startsAt: z.string() }),
  ),
});

export function programRoutes(app: App, { db, now }: AppDependencies): void {
  app.get(
    '/api/programs',
    {
      config: { action: 'programs.list' },
      schema: {
        tags: ['programs'],
        summary: 'Programs: all for coordinators; published and joined ones for everyone else',
        response: { 200: z.object({ programs: z.array(ProgramSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ programs: await listPrograms(db, requireMember(request), now()) }),
  );

  app.post(
    '/api/programs',
    {
      config: { action: 'programs.create' },
      schema: {
        tags: ['programs'],
        summary: 'Create a program (as a draft)',
        body: ProgramFieldsSchema,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const program = await createProgram(db, requireMember(request), request.body);
      return reply.status(201).send({ id: program.id });
    },
  );

  app.get(
    '/api/programs/:programId',
    {
      config: { action: 'programs.read' },
      schema: {
        tags: ['programs'],
        summary: 'One program',
        params: ProgramIdParamsSchema,
        response: { 200: ProgramSchema, ...errorResponses },
      },
    },
    async (request) => describeProgram(db, requireMember(request), request.params.programId, now()),
  );

  app.patch(
    '/api/programs/:programId',
    {
      config: { action: 'programs.update' },
      schema: {
        tags: ['programs'],
        summary: 'Change a program, its curriculum or holidays, or publish or close it',
        params: ProgramIdParamsSchema,
        body: ProgramChangesSchema,
        response: { 200: z.object({ id: z.string(), status: z.enum(programStatuses) }), ...errorResponses },
      },
    },
    async (request) => {
      const program = await updateProgram(db, requireMember(request), request.params.programId, request.body);
      // The group size and the rest of the rules are the groups board's too.
      await refreshGroupBoards(db, { programIds: [program.id] });
      return { id: program.id, status: program.status };
    },
  );

  app.get(
    '/api/programs/:programId/overview',
    {
      config: { action: 'programs.overview' },
      schema: {
        tags: ['programs'],
        summary: 'Enrolment, groups, upcoming meetings and attendance rates',
        params: ProgramIdParamsSchema,
        response: { 200: ProgramOverviewSchema, ...errorResponses },
      },
    },
    async (request) => describeProgramOverview(db, requireMember(request), request.params.programId, now()),
  );

  app.get(
    '/api/programs/:programId/enrollments',
    {
      config: { action: 'enrollments.list' },
      schema: {
        tags: ['programs'],
        summary: "The program's roster: who enrolled, waits or withdrew, at which level",
        params: ProgramIdParamsSchema,
        response: {
          200: z.object({
            enrollments: z.array(
              z.object({
                userId: z.string(),
                name: z.string(),
                email: z.string(),
                level: z.string().nullable(),
                discipline: z.string().nullable(),
                status: z.enum(enrollmentStatuses),
                isFacilitator: z.boolean(),
                availableHours: z.number(),
                interests: z.array(z.string()),
                enrolledAt: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      enrollments: await listEnrollments(db, requireMember(request), request.params.programId),
    }),
  );

  app.get(
    '/api/programs/:programId/enrollment',
    {
      config: { action: 'enrollment.read-own' },
      schema: {
        tags: ['enrolment'],
        summary: 'Your own enrolment in a program, the guidelines you agree to, and what withdrawing means',
        params: ProgramIdParamsSchema,
        response: { 200: OwnEnrollmentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      return {
        enrollment: await findOwnEnrollment(db, member, request.params.programId),
        defaults: await findEnrolmentDefaults(db, member),
        guidelines: [...groupAgreements],
        sharedContentChoices: sharedContentChoices.map((choice) => ({
          value: choice,
          statement: sharedContentStatements[choice],
        })),
        withdrawalStatement,
      };
    },
  );

  app.put(
    '/api/programs/:programId/enrollment',
    {
      config: { action: 'enrollment.enrol' },
      schema: {
        tags: ['enrolment'],
        summary: 'Join a program voluntarily, or update your availability and interests',
        params: ProgramIdParamsSchema,
        body: EnrollmentInputSchema,
        response: {
          200: z.object({ status: z.enum(['enrolled', 'waitlisted']), position: z.number().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) => enrol(db, requireMember(request), request.params.programId, request.body, now()),
  );

  app.delete(
    '/api/programs/:programId/enrollment',
    {
      config: { action: 'enrollment.withdraw' },
      schema: {
        tags: ['enrolment'],
        summary:
          'Withdraw from a program in one step, choosing whether your posts and shared reflections stay, stay anonymised, or go',
        params: ProgramIdParamsSchema,
        querystring: z.object({
          sharedContent: z
            .enum(sharedContentChoices, { error: 'must be keep, anonymise or remove' })
            .default('keep'),
        }),
        response: {
          200: z.object({ statement: z.string(), sharedContent: z.string() }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      withdraw(db, requireMember(request), request.params.programId, request.query.sharedContent, now()),
  );

  app.put(
    '/api/programs/:programId/facilitators/:userId',
    {
      config: { action: 'enrollments.place-facilitator' },
      schema: {
        tags: ['enrolment'],
        summary:
          'Place a facilitator in the program with the hours they can lead (e.g. one imported from a roster who has not signed in yet)',
        params: ProgramIdParamsSchema.extend({ userId: z.uuid('must be a person id') }),
        body: EnrollmentInputSchema.pick({
          level: true,
          discipline: true,
          availability: true,
          timeZone: true,
        }),
        response: {
          200: z.object({ status: z.enum(['enrolled', 'waitlisted']), position: z.number().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      placeFacilitator(
        db,
        requireMember(request),
        request.params.programId,
        request.params.userId,
        request.body,
        now(),
      ),
  );
}
