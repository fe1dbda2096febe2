import { eq, lt } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { ssoPendingSignIns, ssoUsedAssertions } from '../../db/schema.ts';
import type { SsoConnection } from './sso-connections.ts';

/** How long a person may take at their provider's sign-in page before the answer is refused. */
export const pendingSignInLifetimeMs = 10 * 60_000;

export type PendingSignIn = { nonce: string | null; codeVerifier: string | null };

/** Remembers a sign-in sent to the provider (OIDC: by the hash of `state`; SAML: by the request ID). */
export async function savePendingSignIn(
  db: Database,
  connection: Pick<SsoConnection, 'id' | 'organizationId'>,
  id: string,
  pending: PendingSignIn,
  now: Date,
): Promise<void> {
  await db.insert(ssoPendingSignIns).values({
    id,
    organizationId: connection.organizationId,
    connectionId: connection.id,
    ...pending,
    expiresAt: new Date(now.getTime() + pendingSignInLifetimeMs),
  });
}

/**
 * Takes back a pending sign-in exactly once: the row is deleted as it is read, so an answer replayed
 * from the browser's history (or by anyone who saw it) finds nothing. Null when unknown, used or
 * expired; the caller checks the connection it was started for is the one answering.
 */
export async function takePendingSignIn(
  db: Database,
  id: string,
  now: Date,
): Promise<(PendingSignIn & { connectionId: string }) | null> {
  const [row] = await db.delete(ssoPendingSignIns).where(eq(ssoPendingSignIns.id, id)).returning();
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return { connectionId: row.connectionId, nonce: row.nonce, codeVerifier: row.codeVerifier };
}

/**
 * Records an assertion (SAML assertion ID, OIDC ID token `jti` or hash) as used; false when it already
 * was, which means someone is replaying it.
 */
export async function useAssertionOnce(
  db: Database,
  connection: Pick<SsoConnection, 'id' | 'organizationId'>,
  assertionId: string,
  expiresAt: Date,
): Promise<boolean> {
  const inserted = await db
    .insert(ssoUsedAssertions)
    .values({
      organizationId: connection.organizationId,
      connectionId: connection.id,
      assertionId,
      expiresAt,
    })
    .onConflictDoNothing()
    .returning({ assertionId: ssoUsedAssertions.assertionId });
  return inserted.length === 1;
}

/** Drops pending sign-ins and used-assertion records that can no longer matter; how many went. */
export async function deleteExpiredSsoRecords(db: Database, now: Date): Promise<number> {
  const pending = await db
    .delete(ssoPendingSignIns)
    .where(lt(ssoPendingSignIns.expiresAt, now))
    .returning({ id: ssoPendingSignIns.id });
  const used = await db
    .delete(ssoUsedAssertions)
    .where(lt(ssoUsedAssertions.expiresAt, now))
    .returning({ id: ssoUsedAssertions.assertionId });
  return pending.length + used.length;
}
