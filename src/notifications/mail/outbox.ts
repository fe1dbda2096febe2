import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { exactTime, olderThan, type Page, type PageKey, toPage } from '../../db/page-cursor.ts';
import { outbox } from '../../db/schema.ts';
import { containsText } from '../../db/text-search.ts';
import { accountEmailKinds, type NotificationKind, notificationKinds } from '../notify.ts';
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

/**
 * The kinds an admin may read whole: every notice kind not listed above, and e-mails about the account
 * itself. Anything else shows its delivery status only — a private kind, a kind this version does not
 * know, and no kind at all (rows queued before the outbox recorded kinds, migration 0009, may be about
 * one person's attendance as well as anything else).
 */
const readableKinds = new Set<string>([
  ...notificationKinds.filter((kind) => !privateNotificationKinds.includes(kind)),
  ...accountEmailKinds,
]);
const privateKinds = new Set<string>(privateNotificationKinds);

export type OutboxMailView = {
  id: string;
  /**
   * True when the mail is about one person's attendance, reflections or results, or its kind is not
   * known (so it may be): details hidden.
   */
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

const confidentialText =
  'This e-mail carries a personal sign-in link, so only its recipient can read it. (On a development server, NODE_ENV unset, the outbox shows it.)';

/**
 * One page of the organisation's e-mails, newest first: the dev outbox an admin reads. A mail with a
 * sign-in link shows only its status, or an admin could open it and become its recipient; only a
 * development server, whose outbox is the developer's own inbox, shows it whole.
 */
export async function listOutbox(
  db: Database,
  organizationId: string,
  options: {
    showsConfidentialText: boolean;
    search?: string | undefined;
    after?: PageKey | undefined;
    limit: number;
  },
): Promise<Page<OutboxMailView>> {
  const rows = await db
    .select({ mail: outbox, sortTime: exactTime(outbox.createdAt) })
    .from(outbox)
    .where(
      and(
        eq(outbox.organizationId, organizationId),
        // A search reads only what the list shows: a personal notice is never found by its recipient,
        // or searching a name would tell whom a notice about attendance went to.
        options.search
          ? and(
              inArray(outbox.kind, [...readableKinds]),
              containsText([outbox.to, outbox.subject], options.search),
            )
          : undefined,
        olderThan(outbox.createdAt, outbox.id, options.after),
      ),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(options.limit + 1);
  return toPage(
    rows,
    options.limit,
    (row) => [row.sortTime, row.mail.id],
    ({ mail: row }): OutboxMailView =>
      row.kind === null || !readableKinds.has(row.kind)
        ? {
            id: row.id,
            isPrivate: true,
            to: 'hidden',
            subject: privateKinds.has(row.kind ?? '')
              ? 'A personal notice (about attendance, reflection or a questionnaire)'
              : 'An e-mail of no known kind (it may be a personal notice)',
            text: '',
            calendar: null,
            status: statusOf(row),
            attempts: row.attempts,
            lastError: row.lastError
              ? 'Delivery failed (details hidden: a personal notice, or maybe one).'
              : null,
            createdAt: row.createdAt.toISOString(),
            sentAt: row.sentAt?.toISOString() ?? null,
          }
        : {
            id: row.id,
            isPrivate: false,
            to: row.to,
            subject: row.subject,
            text: row.isConfidential && !options.showsConfidentialText ? confidentialText : row.text,
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
