import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { pushSubscriptions } from '../../db/schema.ts';

type Owner = { userId: string; organizationId: string };

export type PushSubscriptionInput = { endpoint: string; keys: { p256dh: string; auth: string } };

/**
 * Keeps one device's subscription for this person. The endpoint identifies the browser: subscribing
 * again from it replaces the keys, and a shared device that someone else signs in on notifies them
 * from then on, never both.
 */
export async function savePushSubscription(
  db: Database,
  owner: Owner,
  subscription: PushSubscriptionInput,
): Promise<{ id: string }> {
  const values = {
    userId: owner.userId,
    organizationId: owner.organizationId,
    endpoint: subscription.endpoint,
    p256dh: subscription.keys.p256dh,
    auth: subscription.keys.auth,
  };
  const [row] = await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values })
    .returning({ id: pushSubscriptions.id });
  if (!row) throw new Error('upsert returned no row');
  return row;
}

/** Forgets one of the person's own devices; another person's endpoint is left alone. True when one was removed. */
export async function removePushSubscription(db: Database, owner: Owner, endpoint: string): Promise<boolean> {
  const removed = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, owner.userId)))
    .returning({ id: pushSubscriptions.id });
  return removed.length > 0;
}

export async function countPushSubscriptions(db: Database, owner: Owner): Promise<number> {
  const rows = await db
    .select({ id: pushSubscriptions.id })
    .from(pushSubscriptions)
    .where(
      and(
        eq(pushSubscriptions.userId, owner.userId),
        eq(pushSubscriptions.organizationId, owner.organizationId),
      ),
    );
  return rows.length;
}
