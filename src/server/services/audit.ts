import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type AuditDetails, describeAuditEvent } from '../../core/audit/describe-audit-event.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { exactTime, olderThan, type PageKey, toPage } from '../../db/page-cursor.ts';
import { auditEvents, memberships, users } from '../../db/schema.ts';
import { containsText } from '../../db/text-search.ts';

export async function recordAuditEvent(
  db: Database | Transaction,
  event: {
    organizationId: string;
    actorUserId: string | null;
    action: string;
    targetId?: string;
    details?: AuditDetails;
  },
): Promise<void> {
  await db.insert(auditEvents).values(event);
}

/**
 * One page of the organisation's audit log, newest first, each event naming what was acted on in
 * words with old → new values: a page costs the same however long the log grows.
 */
export async function listAuditEvents(
  db: Database,
  organizationId: string,
  options: { search?: string | undefined; after?: PageKey | undefined; limit: number },
) {
  const targets = alias(users, 'target_users');
  const targetMemberships = alias(memberships, 'target_memberships');
  // Only a person of this organisation is named; other targets (a program, a group) stay ids.
  const targetName = sql<
    string | null
  >`case when ${targetMemberships.userId} is null then null else ${targets.name} end`;
  const rows = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      actorName: users.name,
      targetId: auditEvents.targetId,
      targetName,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
      sortTime: exactTime(auditEvents.createdAt),
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
        // Searched as shown: a target by name only when it is a person of this organisation.
        containsText([auditEvents.action, users.name, targetName], options.search),
        olderThan(auditEvents.createdAt, auditEvents.id, options.after),
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(options.limit + 1);
  const page = toPage(
    rows,
    options.limit,
    (row) => [row.sortTime, row.id],
    ({ details, sortTime: _, ...row }) => ({
      ...row,
      description: describeAuditEvent({ ...row, details }),
      createdAt: row.createdAt.toISOString(),
    }),
  );
  return { events: page.items, nextCursor: page.nextCursor };
}
