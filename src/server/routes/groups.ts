import { z } from 'zod';
import { parseWeeklySlot, type WeeklySlot } from '../../core/grouping/weekly-slot.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { previewReform } from '../services/group-reform.ts';
import {
  describeGroups,
  evaluateEditedGroups,
  formProgramGroups,
  publishGroups,
  saveEditedGroups,
} from '../services/groups.ts';
import { errorResponses, ProgramIdParamsSchema } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

const SlotSchema = ShortTextSchema.transform((text, context) => {
  const slot = parseWeeklySlot(text);
  if (!slot)
    context.addIssue({ code: 'custom', message: `"${text}" is not an hour of the week such as tue-12` });
  return slot as WeeklySlot;
}).nullable();

const EditedGroupsSchema = z.object({
  groups: z
    .array(
      z.object({
        id: z.uuid('must be a group id'),
        name: ShortTextSchema.min(1).max(80),
        slot: SlotSchema.default(null),
        memberIds: z.array(z.uuid()).max(50),
        pinnedIds: z.array(z.uuid()).max(50).default([]),
      }),
    )
    .max(2000),
});

/** Penalty points per weighted part, lower is better and 0 ideal; `total` is their weighted sum. */
const ScoreBreakdownSchema = z.object({
  total: z.number(),
  level: z.number(),
  discipline: z.number(),
  interests: z.number(),
  experience: z.number(),
  history: z.number(),
});
const PersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.string().nullable(),
  discipline: z.string().nullable(),
  isFacilitator: z.boolean(),
});
export const GroupsSchema = z.object({
  status: z.enum(['draft', 'published']),
  groups: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      slot: z.string().nullable(),
      commonSlots: z.array(z.string()),
      members: z.array(PersonSchema.extend({ isPinned: z.boolean() })),
      facilitatorCount: z.number().describe('Facilitators among the members (members counts them)'),
      score: ScoreBreakdownSchema.describe('Penalty points: lower is better, 0 is ideal'),
      explanation: z.string(),
      violations: z.array(z.string()),
    }),
  ),
  unassigned: z.array(
    PersonSchema.extend({
      reason: z.string(),
      proposedGroupId: z.string().nullable().describe('A published group that can take them now'),
      isTold: z.boolean().describe('They were told privately why they are in no group'),
    }),
  ),
  score: ScoreBreakdownSchema,
  violations: z.array(z.string()),
  isValid: z.boolean(),
  diagnoses: z.array(z.object({ code: z.string(), message: z.string() })),
  levelMix: z
    .string()
    .nullable()
    .describe('How close the last formed grouping came to the best possible level mix'),
});

const RuleViolationSchema = z.object({
  rule: z.enum([
    'group-size',
    'facilitators-per-group',
    'common-slot',
    'conflict-of-interest',
    'pinned-group',
    'unknown-participant',
    'placed-twice',
  ]),
  groupId: z.string().nullable().describe('Null: a rule about the assignment as a whole'),
  participantIds: z.array(z.string()),
  message: z.string(),
});
const EvaluationSchema = z.object({
  groups: z.array(
    z.object({
      id: z.string(),
      slot: z
        .string()
        .nullable()
        .describe('The given hour, else the best common one; null when none is shared'),
      commonSlots: z.array(z.string()),
      memberIds: z.array(z.string()),
      facilitatorIds: z.array(z.string()),
      score: ScoreBreakdownSchema,
      violations: z.array(RuleViolationSchema),
      explanation: z.string(),
    }),
  ),
  unassignedIds: z.array(z.string()).describe('People in no group'),
  score: ScoreBreakdownSchema,
  violations: z.array(RuleViolationSchema).describe('Every broken hard rule, per group and overall'),
  isValid: z.boolean(),
});

const WeightsSchema = z
  .object({
    level: z.number().min(0).max(100),
    discipline: z.number().min(0).max(100),
    interests: z.number().min(0).max(100),
    experience: z.number().min(0).max(100),
    history: z.number().min(0).max(100),
  })
  .partial();

const FormingBodySchema = z.object({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  weights: WeightsSchema.default({}),
  historyMode: z.enum(['new-combinations', 'stable']).default('new-combinations'),
  facilitatorsPerGroup: z
    .object({ min: z.number().int().min(0).max(5), max: z.number().int().min(1).max(5) })
    .refine((range) => range.min <= range.max, 'min must not exceed max')
    .default({ min: 1, max: 2 }),
  keepManualMoves: z
    .boolean()
    .default(true)
    .describe('Keep people where a coordinator put them by hand; false re-forms everyone'),
});

export function groupRoutes(app: App, { db, now, organizer }: AppDependencies): void {
  app.get(
    '/api/programs/:programId/groups',
    {
      config: { action: 'groups.list' },
      schema: {
        tags: ['groups'],
        summary: "The program's groups with score, explanation and any broken rule",
        params: ProgramIdParamsSchema,
        response: { 200: GroupsSchema, ...errorResponses },
      },
    },
    async (request) => describeGroups(db, requireMember(request), request.params.programId),
  );

  app.post(
    '/api/programs/:programId/groups/form',
    {
      config: { action: 'groups.form' },
      schema: {
        tags: ['groups'],
        summary: 'Form draft groups from the enrolled people (pinned people stay in their groups)',
        params: ProgramIdParamsSchema,
        body: FormingBodySchema.extend({
          confirmMoves: z
            .boolean()
            .default(false)
            .describe(
              'Required to re-form published groups before their first meeting: people move and meetings are replanned',
            ),
        }),
        response: { 200: GroupsSchema, ...errorResponses },
      },
    },
    async (request) =>
      formProgramGroups(db, requireMember(request), request.params.programId, request.body, now()),
  );

  app.post(
    '/api/programs/:programId/groups/form/preview',
    {
      config: { action: 'groups.form' },
      schema: {
        tags: ['groups'],
        summary: 'Who would move if the groups were re-formed with these options (nothing is saved)',
        params: ProgramIdParamsSchema,
        body: FormingBodySchema,
        response: {
          200: z.object({
            isPublished: z.boolean(),
            meetingsHeld: z
              .number()
              .describe('Meetings that have begun; once one has, the groups cannot be re-formed'),
            canReform: z
              .boolean()
              .describe('False once the groups have met: move people one at a time instead (moves is empty)'),
            moves: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                from: z.string().nullable(),
                to: z.string().nullable(),
              }),
            ),
            unplacedCount: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      previewReform(db, requireMember(request), request.params.programId, request.body, now()),
  );
  app.post(
    '/api/programs/:programId/groups/evaluate',
    {
      config: { action: 'groups.evaluate' },
      schema: {
        tags: ['groups'],
        summary: 'Score an edited assignment and list broken rules, without saving',
        params: ProgramIdParamsSchema,
        body: EditedGroupsSchema,
        response: { 200: EvaluationSchema, ...errorResponses },
      },
    },
    async (request) =>
      evaluateEditedGroups(db, requireMember(request), request.params.programId, request.body.groups),
  );

  app.put(
    '/api/programs/:programId/groups',
    {
      config: { action: 'groups.save' },
      schema: {
        tags: ['groups'],
        summary: 'Save hand-edited draft groups (moves and pins)',
        params: ProgramIdParamsSchema,
        body: EditedGroupsSchema,
        response: { 200: GroupsSchema, ...errorResponses },
      },
    },
    async (request) =>
      saveEditedGroups(db, requireMember(request), request.params.programId, request.body.groups),
  );

  app.post(
    '/api/programs/:programId/groups/publish',
    {
      config: { action: 'groups.publish' },
      schema: {
        tags: ['groups'],
        summary: 'Publish the groups: plan their meetings and tell every member',
        params: ProgramIdParamsSchema,
        response: { 200: GroupsSchema, ...errorResponses },
      },
    },
    async (request) => publishGroups(db, requireMember(request), request.params.programId, now(), organizer),
  );
}
