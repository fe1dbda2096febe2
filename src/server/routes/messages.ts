import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { sendMessage } from '../services/messages.ts';
import { errorResponses, ProgramIdParamsSchema } from './schemas.ts';
import { LongTextSchema, ShortTextSchema } from './text-schemas.ts';

const AudienceSchema = z.object({
  kind: z
    .enum(['group', 'enrolled', 'unplaced'], 'must be group, enrolled or unplaced')
    .describe('One group (name it in groupId), everyone enrolled, or the enrolled not yet in a group'),
  groupId: z.uuid('must be a group id').optional().describe('The group, when kind is group'),
});

export function messageRoutes(app: App, { db }: AppDependencies): void {
  app.post(
    '/api/programs/:programId/messages',
    {
      config: { action: 'messages.send', sendingLimit: 'group-message' },
      schema: {
        tags: ['programs'],
        summary:
          'Message a group (its facilitator or a coordinator), everyone enrolled or the enrolled not yet in a group (a coordinator): each gets their own notice and e-mail, recipients never shown to each other',
        params: ProgramIdParamsSchema,
        body: z.object({
          audience: AudienceSchema,
          subject: ShortTextSchema.trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
          body: LongTextSchema.trim().min(1, 'is required').max(5000, 'must be at most 5000 characters'),
        }),
        response: { 200: z.object({ recipients: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => sendMessage(db, requireMember(request), request.params.programId, request.body),
  );
}
