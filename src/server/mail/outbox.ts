import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { outbox } from '../../db/schema.ts';
import { maxDeliveryAttempts } from './deliver-outbox.ts';

export type OutboxStatus = 'waiting' | 'sending' | 'sent' | 'failed';

export type OutboxMailView = {
  id: string;
  to: string;
  subject: string;
  text: string;
  calendar: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

const listLimit = 100;

/** The organisation's latest 100 e-mails, newest first: the dev outbox an admin reads. */
export async function listOutbox(db: Database, organizationId: string): Promise<OutboxMailView[]> {
  const rows = await db
    .select()
    .from(outbox)
    .where(eq(outbox.organizationId, organizationId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(listLimit);
  return rows.map((row) => ({
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    calendar: row.calendar,
    status: statusOf(row),
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}

function statusOf(row: typeof outbox.$inferSelect): OutboxStatus {
  if (row.sentAt) return 'sent';
  if (row.attempts >= maxDeliveryAttempts && row.lastError) return 'failed';
  if (row.attempts > 0 && !row.lastError) return 'sending';
  return 'waiting';
}
