import { and, eq, inArray, isNull } from 'drizzle-orm';
import { type PushCategory, pushCategoryOf } from '../../core/push/push-categories.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { notificationPreferences, pushMessages, pushSubscriptions, users } from '../../db/schema.ts';

/** What a device shows; the notice's own title and body, which never name another member. */
export type PushPayload = { kind: string; title: string; body: string; link: string | null };

type PushedNotice = { kind: string; title: string; body: string; link?: string | undefined };

const listeners = new Set<() => void>();

/** Calls `listener` each time push messages are queued (startJobs delivers them soon after). */
export function onPushQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function isCategoryEnabled(
  category: PushCategory,
  preferences: { meetings: boolean | null; followUps: boolean | null; actions: boolean | null },
): boolean {
  const chosen = {
    meetings: preferences.meetings,
    'follow-ups': preferences.followUps,
    actions: preferences.actions,
  };
  return chosen[category] !== false;
}

/**
 * Queues one push message per subscribed device of each recipient, in the caller's transaction, for
 * the kinds of notice that are pushed and only to people who left that kind switched on. Disabled
 * accounts get none. Sending happens later (deliverPushMessages), never inside the transaction. One
 * read finds the devices of every recipient of every notice of the organisation.
 */
export async function queuePushMessages(
  tx: Database | Transaction,
  organizationId: string,
  deliveries: readonly { notice: PushedNotice; userId: string }[],
): Promise<void> {
  const pushed = deliveries.flatMap((delivery) => {
    const category = pushCategoryOf(delivery.notice.kind);
    return category ? [{ ...delivery, category }] : [];
  });
  if (pushed.length === 0) return;
  const devices = await tx
    .select({
      subscriptionId: pushSubscriptions.id,
      userId: pushSubscriptions.userId,
      meetings: notificationPreferences.isPushMeetingsEnabled,
      followUps: notificationPreferences.isPushFollowUpsEnabled,
      actions: notificationPreferences.isPushActionsEnabled,
    })
    .from(pushSubscriptions)
    .innerJoin(users, eq(users.id, pushSubscriptions.userId))
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.organizationId, pushSubscriptions.organizationId),
        eq(notificationPreferences.userId, pushSubscriptions.userId),
      ),
    )
    .where(
      and(
        inArray(pushSubscriptions.userId, [...new Set(pushed.map((delivery) => delivery.userId))]),
        eq(pushSubscriptions.organizationId, organizationId),
        isNull(users.disabledAt),
      ),
    );
  // One notice can reach thousands: devices are found by person, and each payload is written once.
  const devicesOf = new Map<string, typeof devices>();
  for (const device of devices) {
    const ofPerson = devicesOf.get(device.userId);
    if (ofPerson) ofPerson.push(device);
    else devicesOf.set(device.userId, [device]);
  }
  const payloads = new Map<PushedNotice, string>();
  const payloadOf = (notice: PushedNotice) => {
    let payload = payloads.get(notice);
    if (payload === undefined) {
      const shown: PushPayload = {
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        link: notice.link ?? null,
      };
      payload = JSON.stringify(shown);
      payloads.set(notice, payload);
    }
    return payload;
  };
  const messages = pushed.flatMap(({ notice, userId, category }) =>
    (devicesOf.get(userId) ?? [])
      .filter((device) => isCategoryEnabled(category, device))
      .map((device) => ({
        organizationId,
        subscriptionId: device.subscriptionId,
        payload: payloadOf(notice),
      })),
  );
  if (messages.length === 0) return;
  await tx.insert(pushMessages).values(messages);
  for (const listener of listeners) {
    try {
      listener();
    } catch {
      // A listener only speeds delivery up; the scheduled run still sends the message.
    }
  }
}
