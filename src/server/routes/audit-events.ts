import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { auditEvents, users } from '../../db/schema.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { errorResponses } from './schemas.ts';

export function auditEventRoutes(app: App, { db }: AppDependencies): void {
  app.get(
    '/api/audit-events',
    {
      config: { action: 'audit-events.list' },
      schema: {
        tags: ['audit'],
        summary: 'Account and role changes, newest first (100 a page)',
        querystring: z.object({ before: z.iso.datetime({ message: 'must be an ISO date-time' }).optional() }),
        response: {
          200: z.object({
            events: z.array(
              z.object({
                id: z.string(),
                action: z.string(),
                actorName: z.string().nullable(),
                targetId: z.string().nullable(),
                createdAt: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { organizationId } = requireMember(request);
      const before = request.query.before;
      const rows = await db
        .select({
          id: auditEvents.id,
          action: auditEvents.action,
          actorName: users.name,
          targetId: auditEvents.targetId,
          createdAt: auditEvents.createdAt,
        })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(
          and(
            eq(auditEvents.organizationId, organizationId),
            before ? lt(auditEvents.createdAt, new Date(before)) : undefined,
          ),
        )
        .orderBy(desc(auditEvents.createdAt))
        .limit(100);
      return { events: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
    },
  );
}
