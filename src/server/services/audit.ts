import type { Database, Transaction } from '../../db/connect.ts';
import { auditEvents } from '../../db/schema.ts';

export async function recordAuditEvent(
  db: Database | Transaction,
  event: { organizationId: string; actorUserId: string | null; action: string; targetId?: string },
): Promise<void> {
  await db.insert(auditEvents).values(event);
}
