import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/connect.ts';
import { organizations, type SsoProtocol, scimTokens, ssoConnections } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { findOrganizationSettings } from './organization.ts';
import { serviceProviderAddresses } from './sso-addresses.ts';
import { deleteSsoConnection, listSsoConnections } from './sso-connections.ts';

/** Everything an admin needs to connect Tend to the organisation's identity provider and SCIM client. */
export async function readSignInMethods(db: Database, organizationId: string, publicUrl: string) {
  const [settings, connections, [token]] = await Promise.all([
    findOrganizationSettings(db, organizationId),
    listSsoConnections(db, organizationId),
    db
      .select({ createdAt: scimTokens.createdAt, lastUsedAt: scimTokens.lastUsedAt })
      .from(scimTokens)
      .where(eq(scimTokens.organizationId, organizationId)),
  ]);
  return {
    isPasswordSignInAdminOnly: settings.isPasswordSignInAdminOnly ?? false,
    connections,
    serviceProvider: serviceProviderAddresses(publicUrl, organizationId),
    scimToken: token
      ? { createdAt: token.createdAt.toISOString(), lastUsedAt: token.lastUsedAt?.toISOString() ?? null }
      : null,
  };
}

/**
 * Turns password sign-in off (or on) for everyone but admins. Admins keep their password as the way
 * back in when the provider is down or misconfigured, so it cannot lock the organisation out.
 */
export async function setPasswordSignInAdminOnly(
  db: Database,
  actor: { organizationId: string; userId: string },
  isAdminOnly: boolean,
): Promise<void> {
  await db.transaction((tx) => writePasswordRule(tx, actor, isAdminOnly));
}

/**
 * Disconnects the provider of one protocol. Without any provider left, password-only-for-admins
 * would lock everyone else out, so passwords come back for everyone in the same transaction.
 */
export async function disconnectProvider(
  db: Database,
  actor: { organizationId: string; userId: string },
  protocol: SsoProtocol,
): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSsoConnection(tx, actor, protocol);
    const settings = await findOrganizationSettings(tx, actor.organizationId);
    if (settings.isPasswordSignInAdminOnly && !(await hasAnyConnection(tx, actor.organizationId))) {
      await writePasswordRule(tx, actor, false);
    }
  });
}

async function hasAnyConnection(tx: Transaction, organizationId: string): Promise<boolean> {
  const [connection] = await tx
    .select({ id: ssoConnections.id })
    .from(ssoConnections)
    .where(eq(ssoConnections.organizationId, organizationId))
    .limit(1);
  return connection !== undefined;
}

async function writePasswordRule(
  tx: Transaction,
  actor: { organizationId: string; userId: string },
  isAdminOnly: boolean,
): Promise<void> {
  if (isAdminOnly && !(await hasAnyConnection(tx, actor.organizationId))) {
    throw new AppError(
      'SSO_SETTINGS_INVALID',
      'Connect an identity provider before turning password sign-in off, or nobody but admins could sign in.',
      { fields: { 'body.isPasswordSignInAdminOnly': 'needs an identity provider first' } },
    );
  }
  const settings = await findOrganizationSettings(tx, actor.organizationId);
  const before = settings.isPasswordSignInAdminOnly ?? false;
  await tx
    .update(organizations)
    .set({
      settings: sql`${organizations.settings} || ${JSON.stringify({ isPasswordSignInAdminOnly: isAdminOnly })}::jsonb`,
    })
    .where(eq(organizations.id, actor.organizationId));
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: 'organization-settings.update',
    details: { changes: [{ field: 'isPasswordSignInAdminOnly', from: before, to: isAdminOnly }] },
  });
}
