import type { AuditDetails } from '../../core/audit/describe-audit-event.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { auditEvents } from '../../db/schema.ts';

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
