import { eq } from 'drizzle-orm';
import webPush from 'web-push';
import type { Database } from '../../db/connect.ts';
import { pushKeys } from '../../db/schema.ts';

export type VapidKeys = { publicKey: string; privateKey: string };

const keyId = 'vapid';

/**
 * The server's VAPID keys, made and stored the first time they are needed. Two servers starting at once
 * both try to insert; the primary key keeps the first, and both then read that one.
 */
export async function ensurePushKeys(db: Database): Promise<VapidKeys> {
  const existing = await readPushKeys(db);
  if (existing) return existing;
  const made = webPush.generateVAPIDKeys();
  await db
    .insert(pushKeys)
    .values({ id: keyId, ...made })
    .onConflictDoNothing();
  const stored = await readPushKeys(db);
  if (!stored) throw new Error('the VAPID keys could not be stored');
  return stored;
}

async function readPushKeys(db: Database): Promise<VapidKeys | undefined> {
  const [row] = await db
    .select({ publicKey: pushKeys.publicKey, privateKey: pushKeys.privateKey })
    .from(pushKeys)
    .where(eq(pushKeys.id, keyId));
  return row;
}

/** Who push services should contact about this server's messages: its https address, or a mailto. */
export function vapidSubject(publicUrl: string): string {
  return publicUrl.startsWith('https://') ? publicUrl : 'mailto:tend@localhost';
}
