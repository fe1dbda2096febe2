import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { previewGroupChanges, saveGroupChanges } from '../services/group-changes.ts';
import { proposePlacementFor, tellUnplacedNow } from '../services/group-placements.ts';
import { GroupsSchema } from './groups.ts';
import { errorResponses, ProgramIdParamsSchema } from './schemas.ts';

const MovesSchema = z.object({
  moves: z
    .array(
      z.object({
        userId: z.uuid('must be a person id'),
        toGroupId: z
          .uuid('must be a group id')
          .nullable()
          .describe('The group to move the person into; null takes them out of every group'),
      }),
    )
    .min(1, 'list at least one move')
    .max(200),
});

const ProblemSchema = z.object({
  groupId: z.string().nullable(),
  rule: z.string(),
  ruleLabel: z.string(),
  message: z.string(),
});

/** Changes to groups that already meet: moves, placements, facilitator swaps, and telling the unplaced. */
export function groupChangeRoutes(app: App, { db, now, organizer }: AppDependencies): void {
  app.post(
    '/api/programs/:programId/groups/changes/preview',
    {
      config: { action: 'groups.evaluate' },
      schema: {
        tags: ['groups'],
        summary: 'Check staged moves in published groups against the rules, without saving',
        params: ProgramIdParamsSchema,
        body: MovesSchema,
        response: {
          200: z.object({
            isAllowed: z.boolean(),
            problems: z.array(ProblemSchema),
            scoreChange: z.number().describe('Change of the penalty; negative is better'),
            groups: z.array(
              z.object({ id: z.string(), memberCount: z.number(), facilitatorCount: z.number() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      previewGroupChanges(db, requireMember(request), request.params.programId, request.body.moves),
  );

  app.post(
    '/api/programs/:programId/groups/changes',
    {
      config: { action: 'groups.change' },
      schema: {
        tags: ['groups'],
        summary:
          'Move people in published groups (place, fill a gap, swap a facilitator); refused when a rule would break; tells those affected',
        params: ProgramIdParamsSchema,
        body: MovesSchema,
        response: { 200: GroupsSchema, ...errorResponses },
      },
    },
    async (request) =>
      saveGroupChanges(
        db,
        requireMember(request),
        request.params.programId,
        request.body.moves,
        now(),
        organizer,
      ),
  );

  app.get(
    '/api/programs/:programId/groups/placements/:userId',
    {
      config: { action: 'groups.list' },
      schema: {
        tags: ['groups'],
        summary:
          'Every group a person in no group could join, with the rule check and penalty change, best first',
        params: ProgramIdParamsSchema.extend({ userId: z.uuid('must be a person id') }),
        response: {
          200: z.object({
            person: z.object({ id: z.string(), name: z.string() }),
            proposedGroupId: z.string().nullable(),
            reason: z.string().nullable(),
            candidates: z.array(
              z.object({
                groupId: z.string(),
                groupName: z.string(),
                slot: z.string().nullable(),
                memberCount: z.number(),
                facilitatorCount: z.number(),
                isLegal: z.boolean(),
                isFreeAtGroupHour: z.boolean(),
                violations: z.array(z.string()),
                scoreChange: z.number(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      proposePlacementFor(db, requireMember(request), request.params.programId, request.params.userId),
  );

  app.post(
    '/api/programs/:programId/groups/unplaced/notices',
    {
      config: { action: 'groups.tell-unplaced' },
      schema: {
        tags: ['groups'],
        summary: 'Tell everyone in no group, privately and once, why and what they can do',
        params: ProgramIdParamsSchema,
        response: { 200: z.object({ told: z.number() }), ...errorResponses },
      },
    },
    async (request) => tellUnplacedNow(db, requireMember(request), request.params.programId),
  );
}
