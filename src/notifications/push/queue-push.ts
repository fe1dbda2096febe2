import { and, eq, inArray, isNull } from 'drizzle-orm';
import { type PushCategory, pushCategoryOf } from '../../core/push/push-categories.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { notificationPreferences, pushMessages, pushSubscriptions, users } from '../../db/schema.ts';

/** What a device shows; the notice's own title and body, which never name another member. */
export type PushPayload = { kind: string; title: string; body: string; link: string | null };

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
 * accounts get none. Sending happens later (deliverPushMessages), never inside the transaction.
 */
export async function queuePushMessages(
  tx: Database | Transaction,
  notice: { organizationId: string; kind: string; title: string; body: string; link?: string | undefined },
  userIds: readonly string[],
): Promise<void> {
  const category = pushCategoryOf(notice.kind);
  if (!category || userIds.length === 0) return;
  const devices = await tx
    .select({
      subscriptionId: pushSubscriptions.id,
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
        inArray(pushSubscriptions.userId, [...userIds]),
        eq(pushSubscriptions.organizationId, notice.organizationId),
        isNull(users.disabledAt),
      ),
    );
  const chosen = devices.filter((device) => isCategoryEnabled(category, device));
  if (chosen.length === 0) return;
  const payload: PushPayload = {
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    link: notice.link ?? null,
  };
  await tx.insert(pushMessages).values(
    chosen.map((device) => ({
      organizationId: notice.organizationId,
      subscriptionId: device.subscriptionId,
      payload: JSON.stringify(payload),
    })),
  );
  for (const listener of listeners) {
    try {
      listener();
    } catch {
      // A listener only speeds delivery up; the scheduled run still sends the message.
    }
  }
}
