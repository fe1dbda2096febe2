import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { scimTokens } from '../../db/schema.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import { recordAuditEvent } from './audit.ts';

/** How stale "last used" may be: writing it on every provisioning request would double the writes. */
const lastUsedWriteIntervalMs = 60_000;

/**
 * Issues the organisation's SCIM token, replacing any earlier one in the same transaction so the old
 * token stops working at once. The token is returned this once; only its SHA-256 is kept.
 */
export async function issueScimToken(
  db: Database,
  actor: { organizationId: string; userId: string },
  now: Date,
): Promise<{ token: string; createdAt: Date }> {
  const token = generateToken();
  await db.transaction(async (tx) => {
    await tx.delete(scimTokens).where(eq(scimTokens.organizationId, actor.organizationId));
    await tx
      .insert(scimTokens)
      .values({ id: hashToken(token), organizationId: actor.organizationId, createdAt: now });
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'scim-token.created',
    });
  });
  return { token, createdAt: now };
}

/** Revokes the organisation's SCIM token; saying so again when there is none changes nothing. */
export async function revokeScimToken(
  db: Database,
  actor: { organizationId: string; userId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(scimTokens)
      .where(eq(scimTokens.organizationId, actor.organizationId))
      .returning({ id: scimTokens.id });
    if (deleted.length === 0) return;
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'scim-token.deleted',
    });
  });
}

/**
 * The organisation a bearer token provisions, or null. The token is looked up by its hash, so the
 * comparison never runs over the secret itself and takes no longer for a nearly right guess.
 */
export async function authenticateScimToken(db: Database, token: string, now: Date): Promise<string | null> {
  const id = hashToken(token);
  const [row] = await db
    .select({ organizationId: scimTokens.organizationId })
    .from(scimTokens)
    .where(eq(scimTokens.id, id));
  if (!row) return null;
  await db
    .update(scimTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(scimTokens.id, id),
        or(
          isNull(scimTokens.lastUsedAt),
          lt(scimTokens.lastUsedAt, new Date(now.getTime() - lastUsedWriteIntervalMs)),
        ),
      ),
    );
  return row.organizationId;
}
