import { z } from 'zod';
import { isWeeklySlot, type WeeklySlot } from '../../core/grouping/weekly-slot.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { setGroupTime } from '../services/group-times.ts';
import { errorResponses, GroupIdParamsSchema } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

export function groupTimeRoutes(app: App, { db, now, organizer }: AppDependencies): void {
  app.put(
    '/api/groups/:groupId/time',
    {
      config: { action: 'group-time.update', sendingLimit: 'meeting-change' },
      schema: {
        tags: ['meetings'],
        summary:
          'Move a published group to a weekly time (organisation time), e.g. one the feedback recommends: meetings still ahead move within their week and members are told',
        params: GroupIdParamsSchema,
        body: z.object({
          slot: ShortTextSchema.refine(isWeeklySlot, 'must be a weekly hour such as "thu-18"').transform(
            (slot) => slot as WeeklySlot,
          ),
        }),
        response: {
          200: z.object({
            groupId: z.string(),
            slot: z.string(),
            movedCount: z.number(),
            keptCount: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      setGroupTime(db, requireMember(request), request.params.groupId, request.body.slot, now(), organizer),
  );
}
