import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { notifications, outbox, users } from '../../db/schema.ts';
import type { NotificationKind } from '../notifications/notify.ts';
import { maxDeliveryAttempts } from './deliver-outbox.ts';

export type OutboxStatus = 'waiting' | 'sending' | 'sent' | 'failed';

/**
 * Notices sent to some people because of what they did or did not do — attend a meeting, reflect,
 * answer a questionnaire: who got one says something about that person (issue 11). Admins see
 * their delivery status only, never the recipient, the subject or the text.
 */
export const privateNotificationKinds: readonly NotificationKind[] = [
  'feedback-request',
  'reflection-follow-up',
  'reflection-catch-up',
  'assessment-reminder',
];

export type OutboxMailView = {
  id: string;
  /** True when the mail is about one person's attendance, reflections or results: details hidden. */
  isPrivate: boolean;
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
  // An e-mail and its in-app notice are written in one transaction (notify), so they share the
  // recipient, the title and the transaction's timestamp: that is how the mail's kind is found.
  const privateRows =
    rows.length === 0
      ? []
      : await db
          .select({ id: outbox.id })
          .from(outbox)
          .innerJoin(users, sql`lower(${users.email}) = lower(${outbox.to})`)
          .innerJoin(
            notifications,
            and(
              eq(notifications.userId, users.id),
              eq(notifications.title, outbox.subject),
              eq(notifications.createdAt, outbox.createdAt),
            ),
          )
          .where(
            and(
              inArray(
                outbox.id,
                rows.map((row) => row.id),
              ),
              inArray(notifications.kind, [...privateNotificationKinds]),
            ),
          );
  const isPrivate = new Set(privateRows.map((row) => row.id));
  return rows.map((row) =>
    isPrivate.has(row.id)
      ? {
          id: row.id,
          isPrivate: true,
          to: 'hidden',
          subject: 'A personal notice (about attendance, reflection or a questionnaire)',
          text: '',
          calendar: null,
          status: statusOf(row),
          attempts: row.attempts,
          lastError: row.lastError ? 'Delivery failed (details hidden: a personal notice).' : null,
          createdAt: row.createdAt.toISOString(),
          sentAt: row.sentAt?.toISOString() ?? null,
        }
      : {
          id: row.id,
          isPrivate: false,
          to: row.to,
          subject: row.subject,
          text: row.text,
          calendar: row.calendar,
          status: statusOf(row),
          attempts: row.attempts,
          lastError: row.lastError,
          createdAt: row.createdAt.toISOString(),
          sentAt: row.sentAt?.toISOString() ?? null,
        },
  );
}

function statusOf(row: typeof outbox.$inferSelect): OutboxStatus {
  if (row.sentAt) return 'sent';
  if (row.attempts >= maxDeliveryAttempts && row.lastError) return 'failed';
  if (row.attempts > 0 && !row.lastError) return 'sending';
  return 'waiting';
}
