import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { setGroupPlace } from '../services/group-places.ts';
import { errorResponses, GroupIdParamsSchema, VideoUrlSchema } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

export function groupPlaceRoutes(app: App, { db }: AppDependencies): void {
  app.put(
    '/api/groups/:groupId/place',
    {
      config: { action: 'group-place.update', sendingLimit: 'meeting-change' },
      schema: {
        tags: ['meetings'],
        summary:
          "Where a group meets (a room, an https video link, or both), shown to its members and carried in invitations and calendar feeds; a meeting's own place overrides it",
        params: GroupIdParamsSchema,
        body: z.object({
          place: ShortTextSchema.trim()
            .min(1, 'must not be empty; send null for no room')
            .max(200)
            .nullable(),
          videoUrl: VideoUrlSchema.nullable(),
        }),
        response: {
          200: z.object({
            groupId: z.string(),
            place: z.string().nullable(),
            videoUrl: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => setGroupPlace(db, requireMember(request), request.params.groupId, request.body),
  );
}
