import { and, asc, eq, inArray, isNotNull, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { outbox } from '../../db/schema.ts';
import type { MailTransport, OutgoingMail } from './transport.ts';

/** After this many failed tries an e-mail is left in the outbox, with its last error, for an admin to see. */
export const maxDeliveryAttempts = 5;

const claimBatchSize = 10;
/** A claim older than this belongs to a server that stopped mid-send; the e-mail may be taken again. */
export const staleClaimMs = 10 * 60_000;
const maxMailsPerRun = 200;

export type DeliveryReport = { sent: number; failed: number };

type OutboxRow = typeof outbox.$inferSelect;

/**
 * Sends the outbox's unsent e-mails. Each one is claimed first — in one statement that locks it and
 * counts the attempt — so two servers (or two runs) never send the same e-mail: a claimed e-mail is
 * not claimable again until its attempt has failed. A failed e-mail is tried again by a later run, at
 * most `maxDeliveryAttempts` times in all. One run tries each e-mail at most once.
 */
export async function deliverOutbox(
  db: Database,
  transport: MailTransport,
  now: Date,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0 };
  const tried: string[] = [];
  while (tried.length < maxMailsPerRun) {
    const claimed = await claimMails(db, tried, now);
    if (claimed.length === 0) break;
    for (const mail of claimed) {
      tried.push(mail.id);
      try {
        await transport.sendMail(composeMail(mail));
        await db.update(outbox).set({ sentAt: now }).where(eq(outbox.id, mail.id));
        report.sent += 1;
      } catch (error) {
        await db
          .update(outbox)
          .set({ lastError: describeFailure(error) })
          .where(eq(outbox.id, mail.id));
        report.failed += 1;
      }
    }
  }
  return report;
}

/**
 * Claimable: unsent, tries left, and either never tried, or its last try failed, or its claim is so
 * old that the server holding it must have stopped (an e-mail being sent right now has a recent claim
 * and no error yet).
 */
function claimable(skippedIds: string[], now: Date) {
  return and(
    isNull(outbox.sentAt),
    lt(outbox.attempts, maxDeliveryAttempts),
    or(
      eq(outbox.attempts, 0),
      isNotNull(outbox.lastError),
      lt(outbox.claimedAt, new Date(now.getTime() - staleClaimMs)),
    ),
    skippedIds.length > 0 ? notInArray(outbox.id, skippedIds) : undefined,
  );
}

async function claimMails(db: Database, skippedIds: string[], now: Date): Promise<OutboxRow[]> {
  const candidates = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(claimable(skippedIds, now))
    .orderBy(asc(outbox.createdAt))
    .limit(claimBatchSize)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: null, claimedAt: now })
    .where(and(inArray(outbox.id, candidates), claimable(skippedIds, now)))
    .returning();
}

function composeMail(mail: OutboxRow): OutgoingMail {
  const message: OutgoingMail = { to: mail.to, subject: mail.subject, text: mail.text };
  if (mail.calendar) {
    const method = /^METHOD:([A-Z-]+)\s*$/m.exec(mail.calendar)?.[1] ?? 'REQUEST';
    // nodemailer sends it both as a text/calendar; method=… alternative and as an .ics attachment.
    message.icalEvent = { method, filename: 'invitation.ics', content: mail.calendar };
  }
  return message;
}

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500) || 'sending failed';
}
