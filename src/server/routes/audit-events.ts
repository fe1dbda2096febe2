import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { describeAuditEvent } from '../../core/audit/describe-audit-event.ts';
import { auditEvents, memberships, users } from '../../db/schema.ts';
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
        summary:
          'Changes to people, settings, programs, groups and meetings, newest first (100 a page), each naming what was acted on, in words with old → new values',
        querystring: z.object({ before: z.iso.datetime({ message: 'must be an ISO date-time' }).optional() }),
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
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { organizationId } = requireMember(request);
      const before = request.query.before;
      const targets = alias(users, 'target_users');
      const targetMemberships = alias(memberships, 'target_memberships');
      const rows = await db
        .select({
          id: auditEvents.id,
          action: auditEvents.action,
          actorName: users.name,
          targetId: auditEvents.targetId,
          // Only a person of this organisation is named; other targets (a program, a group) stay ids.
          targetName: sql<
            string | null
          >`case when ${targetMemberships.userId} is null then null else ${targets.name} end`,
          details: auditEvents.details,
          createdAt: auditEvents.createdAt,
        })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .leftJoin(targets, sql`${targets.id}::text = ${auditEvents.targetId}`)
        .leftJoin(
          targetMemberships,
          and(eq(targetMemberships.userId, targets.id), eq(targetMemberships.organizationId, organizationId)),
        )
        .where(
          and(
            eq(auditEvents.organizationId, organizationId),
            before ? lt(auditEvents.createdAt, new Date(before)) : undefined,
          ),
        )
        .orderBy(desc(auditEvents.createdAt))
        .limit(100);
      return {
        events: rows.map(({ details, ...row }) => ({
          ...row,
          description: describeAuditEvent({ ...row, details }),
          createdAt: row.createdAt.toISOString(),
        })),
      };
    },
  );
}
