import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { organizations, scimTokens, ssoConnections } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { findOrganizationSettings } from './organization.ts';
import { serviceProviderAddresses } from './sso-addresses.ts';
import { listSsoConnections } from './sso-connections.ts';

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
  await db.transaction(async (tx) => {
    const [connection] = await tx
      .select({ id: ssoConnections.id })
      .from(ssoConnections)
      .where(eq(ssoConnections.organizationId, actor.organizationId))
      .limit(1);
    if (isAdminOnly && !connection) {
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
  });
}
