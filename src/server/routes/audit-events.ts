import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { listAuditEvents } from '../services/audit.ts';
import { errorResponses, pageQuery, searchQuery } from './schemas.ts';

export function auditEventRoutes(app: App, { db }: AppDependencies): void {
  app.get(
    '/api/audit-events',
    {
      config: { action: 'audit-events.list' },
      schema: {
        tags: ['audit'],
        summary:
          'Changes to people, settings, programs, groups and meetings, newest first, a page at a time, each naming what was acted on, in words with old → new values; search by action or by who acted or was acted on',
        querystring: z.object({
          ...searchQuery('Part of an action (e.g. "role") or of the name of who acted or was acted on'),
          ...pageQuery({ sortedBy: 'time', limit: 100, maxLimit: 200 }),
        }),
        response: {
          200: z.object({
            events: z.array(
              z.object({
                id: z.string(),
                action: z.string(),
                actorName: z.string().nullable(),
                targetId: z.string().nullable(),
                targetName: z.string().nullable(),
                description: z.string(),
                createdAt: z.string(),
              }),
            ),
            nextCursor: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => listAuditEvents(db, requireMember(request).organizationId, request.query),
  );
}
