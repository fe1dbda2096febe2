import { and, asc, eq, inArray, isNotNull, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import webPush from 'web-push';
import type { Database } from '../../db/connect.ts';
import { pushMessages, pushSubscriptions } from '../../db/schema.ts';
import { ensurePushKeys, vapidSubject } from './push-keys.ts';

/** After this many failed tries a message is dropped from the queue's work (it stays, with its error). */
export const maxPushAttempts = 5;
const claimBatchSize = 20;
const staleClaimMs = 10 * 60_000;
const maxMessagesPerRun = 500;
/** A notice about a meeting an hour from now is useless tomorrow: push services may drop it after a day. */
const timeToLiveSeconds = 24 * 3600;

export type PushDeliveryReport = { sent: number; failed: number; expired: number };

/**
 * Sends the queued push messages, each claimed first in one locking statement (as the e-mail outbox
 * does) so two servers never send the same one. A device the push service says is gone (404, 410) is
 * forgotten with everything queued for it.
 */
export async function deliverPushMessages(
  db: Database,
  options: { publicUrl: string; now: Date },
): Promise<PushDeliveryReport> {
  const report: PushDeliveryReport = { sent: 0, failed: 0, expired: 0 };
  const tried: string[] = [];
  let vapid: { subject: string; publicKey: string; privateKey: string } | undefined;
  while (tried.length < maxMessagesPerRun) {
    const claimed = await claimMessages(db, tried, options.now);
    if (claimed.length === 0) break;
    vapid ??= { subject: vapidSubject(options.publicUrl), ...(await ensurePushKeys(db)) };
    for (const message of claimed) {
      tried.push(message.id);
      try {
        await sendPush(message, vapid);
        await db.update(pushMessages).set({ sentAt: options.now }).where(eq(pushMessages.id, message.id));
        report.sent += 1;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 404 || status === 410) {
          await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, message.subscriptionId));
          report.expired += 1;
          continue;
        }
        await db
          .update(pushMessages)
          .set({ lastError: describeFailure(error, status) })
          .where(eq(pushMessages.id, message.id));
        report.failed += 1;
      }
    }
  }
  return report;
}

class PushRefused extends Error {
  readonly statusCode: number;
  constructor(statusCode: number) {
    super(`the push service answered ${statusCode}`);
    this.statusCode = statusCode;
  }
}

/**
 * Encrypts (RFC 8291, aes128gcm) and signs (VAPID) with web-push, and posts it ourselves: redirects are
 * not followed (the endpoint was checked, where it points next was not) and a slow service times out.
 */
async function sendPush(
  message: { endpoint: string; p256dh: string; auth: string; payload: string },
  vapid: { subject: string; publicKey: string; privateKey: string },
): Promise<void> {
  const request = webPush.generateRequestDetails(
    { endpoint: message.endpoint, keys: { p256dh: message.p256dh, auth: message.auth } },
    message.payload,
    { vapidDetails: vapid, TTL: timeToLiveSeconds, contentEncoding: 'aes128gcm' },
  );
  const response = await fetch(request.endpoint, {
    method: request.method,
    headers: request.headers as Record<string, string>,
    body: new Uint8Array(request.body as Buffer),
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  await response.body?.cancel();
  if (response.status < 200 || response.status > 299) throw new PushRefused(response.status);
}

function claimable(skippedIds: string[], now: Date) {
  return and(
    isNull(pushMessages.sentAt),
    lt(pushMessages.attempts, maxPushAttempts),
    or(
      eq(pushMessages.attempts, 0),
      isNotNull(pushMessages.lastError),
      lt(pushMessages.claimedAt, new Date(now.getTime() - staleClaimMs)),
    ),
    skippedIds.length > 0 ? notInArray(pushMessages.id, skippedIds) : undefined,
  );
}

async function claimMessages(db: Database, skippedIds: string[], now: Date) {
  const candidates = db
    .select({ id: pushMessages.id })
    .from(pushMessages)
    .where(claimable(skippedIds, now))
    .orderBy(asc(pushMessages.createdAt))
    .limit(claimBatchSize)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(pushMessages)
    .set({ attempts: sql`${pushMessages.attempts} + 1`, lastError: null, claimedAt: now })
    .where(and(inArray(pushMessages.id, candidates), claimable(skippedIds, now)))
    .returning({
      id: pushMessages.id,
      subscriptionId: pushMessages.subscriptionId,
      payload: pushMessages.payload,
    });
  if (claimed.length === 0) return [];
  const devices = await db
    .select()
    .from(pushSubscriptions)
    .where(
      inArray(
        pushSubscriptions.id,
        claimed.map((message) => message.subscriptionId),
      ),
    );
  const byId = new Map(devices.map((device) => [device.id, device]));
  return claimed.flatMap((message) => {
    const device = byId.get(message.subscriptionId);
    return device
      ? [{ ...message, endpoint: device.endpoint, p256dh: device.p256dh, auth: device.auth }]
      : [];
  });
}

/** The status and the push service's short reason; never the payload, which is the notice's text. */
function describeFailure(error: unknown, status: number | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${status ?? 'no response'}: ${message}`.slice(0, 300);
}
