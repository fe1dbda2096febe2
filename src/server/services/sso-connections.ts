import { and, eq, ne, sql } from 'drizzle-orm';
import type { AttributeMapping } from '../../core/accounts/sso-identity.ts';
import { emailDomainOf } from '../../core/accounts/sso-identity.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import {
  type OidcConnectionSettings,
  organizations,
  type SamlConnectionSettings,
  type SsoProtocol,
  ssoConnections,
} from '../../db/schema.ts';
import { openSecret, sealSecret } from '../auth/secret-box.ts';
import { AppError } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { startPath } from './sso-addresses.ts';

export type SsoConnection = typeof ssoConnections.$inferSelect;

/** What is common to every protocol's connection, as an admin sets it. */
export type SsoConnectionCommon = {
  displayName: string;
  emailDomains: string[];
  createsUnknownPeople: 'create' | 'refuse';
  mapping: AttributeMapping;
};

/** A connection as admins see it: everything but the secret, of which only its presence shows. */
export type SsoConnectionView = SsoConnectionCommon & {
  id: string;
  protocol: SsoProtocol;
  oidc: (OidcConnectionSettings & { hasClientSecret: boolean }) | null;
  saml: SamlConnectionSettings | null;
  updatedAt: string;
};

export function toConnectionView(row: SsoConnection): SsoConnectionView {
  return {
    id: row.id,
    protocol: row.protocol,
    displayName: row.displayName,
    emailDomains: row.emailDomains,
    createsUnknownPeople: row.createsUnknownPeople,
    mapping: row.mapping,
    oidc:
      row.protocol === 'oidc'
        ? { ...(row.settings as OidcConnectionSettings), hasClientSecret: row.encryptedSecret !== null }
        : null,
    saml: row.protocol === 'saml' ? (row.settings as SamlConnectionSettings) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listSsoConnections(db: Database, organizationId: string): Promise<SsoConnectionView[]> {
  const rows = await db
    .select()
    .from(ssoConnections)
    .where(eq(ssoConnections.organizationId, organizationId))
    .orderBy(ssoConnections.protocol);
  return rows.map(toConnectionView);
}

export async function findSsoConnection(
  db: Database | Transaction,
  where: { id: string } | { organizationId: string; protocol: SsoProtocol },
): Promise<SsoConnection | null> {
  const [row] = await db
    .select()
    .from(ssoConnections)
    .where(
      'id' in where
        ? eq(ssoConnections.id, where.id)
        : and(
            eq(ssoConnections.organizationId, where.organizationId),
            eq(ssoConnections.protocol, where.protocol),
          ),
    );
  return row ?? null;
}

/** A domain vouched for by two organisations' providers would let one sign in the other's people. */
async function refuseDomainsOfOthers(
  tx: Transaction,
  organizationId: string,
  domains: string[],
): Promise<void> {
  const others = await tx
    .select({ domains: ssoConnections.emailDomains })
    .from(ssoConnections)
    .where(ne(ssoConnections.organizationId, organizationId));
  const taken = domains.filter((domain) => others.some((other) => other.domains.includes(domain)));
  if (taken.length > 0) {
    throw new AppError(
      'SSO_DOMAIN_TAKEN',
      `${taken.join(', ')} ${taken.length === 1 ? 'is' : 'are'} already signed in by another organisation's provider.`,
      { fields: { 'body.emailDomains': 'belongs to another organisation' } },
    );
  }
}

/**
 * Creates or replaces the organisation's connection for one protocol. `secret`: a new client secret
 * to seal, `undefined` to keep the stored one, `null` to remove it.
 */
export async function saveSsoConnection(
  db: Database,
  actor: { organizationId: string; userId: string },
  input: SsoConnectionCommon &
    (
      | { protocol: 'oidc'; settings: OidcConnectionSettings }
      | { protocol: 'saml'; settings: SamlConnectionSettings }
    ),
  options: { secret?: string | null; encryptionKey: Buffer | null; now: Date },
): Promise<SsoConnectionView> {
  if (typeof options.secret === 'string' && !options.encryptionKey) {
    throw new AppError(
      'SSO_SETTINGS_INVALID',
      'Tend cannot store a client secret until SSO_ENCRYPTION_KEY is set on the server (64 hex digits, e.g. `openssl rand -hex 32`).',
      { fields: { 'body.clientSecret': 'needs SSO_ENCRYPTION_KEY on the server' } },
    );
  }
  const emailDomains = [...new Set(input.emailDomains.map((domain) => domain.trim().toLowerCase()))];
  return db.transaction(async (tx) => {
    await refuseDomainsOfOthers(tx, actor.organizationId, emailDomains);
    const sealed =
      typeof options.secret === 'string' && options.encryptionKey
        ? sealSecret(options.encryptionKey, options.secret)
        : options.secret;
    const values = {
      displayName: input.displayName,
      settings: input.settings,
      emailDomains,
      createsUnknownPeople: input.createsUnknownPeople,
      mapping: input.mapping,
      updatedAt: options.now,
      ...(sealed !== undefined ? { encryptedSecret: sealed } : {}),
    };
    const [row] = await tx
      .insert(ssoConnections)
      .values({ organizationId: actor.organizationId, protocol: input.protocol, ...values })
      .onConflictDoUpdate({ target: [ssoConnections.organizationId, ssoConnections.protocol], set: values })
      .returning();
    if (!row) throw new Error('saving the connection returned no row');
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: `sso-connection.saved:${input.protocol}`,
      details: { subject: input.displayName },
    });
    return toConnectionView(row);
  });
}

/** Removes the organisation's connection for one protocol, inside the caller's transaction. */
export async function deleteSsoConnection(
  tx: Transaction,
  actor: { organizationId: string; userId: string },
  protocol: SsoProtocol,
): Promise<void> {
  const removed = await tx
    .delete(ssoConnections)
    .where(
      and(eq(ssoConnections.organizationId, actor.organizationId), eq(ssoConnections.protocol, protocol)),
    )
    .returning({ displayName: ssoConnections.displayName });
  if (removed.length === 0) return;
  await recordAuditEvent(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: `sso-connection.deleted:${protocol}`,
    details: { subject: removed[0]?.displayName ?? protocol },
  });
}

/** The OIDC client secret in clear, for the token request only. */
export function clientSecretOf(connection: SsoConnection, encryptionKey: Buffer | null): string | undefined {
  if (!connection.encryptedSecret) return undefined;
  if (!encryptionKey) {
    throw new AppError(
      'SSO_PROVIDER_UNAVAILABLE',
      'Single sign-on is not available: the server lost its SSO_ENCRYPTION_KEY. Ask your administrator.',
    );
  }
  return openSecret(encryptionKey, connection.encryptedSecret);
}

export type SignInOption = {
  protocol: SsoProtocol;
  displayName: string;
  organizationName: string;
  /** Where the browser goes to start: a same-site path. */
  startPath: string;
};

/** med.hospital.example → itself, hospital.example, example: a provider listed for any of them signs it in. */
function parentDomains(domain: string): string[] {
  const labels = domain.split('.');
  return labels.map((_label, index) => labels.slice(index).join('.'));
}

/** The providers that sign in this address (by its domain) or this organisation (by its address). */
export async function findSignInOptions(
  db: Database,
  where: { email: string } | { organizationSlug: string },
): Promise<SignInOption[]> {
  const rows = await db
    .select({
      organizationId: ssoConnections.organizationId,
      protocol: ssoConnections.protocol,
      displayName: ssoConnections.displayName,
      organizationName: organizations.name,
    })
    .from(ssoConnections)
    .innerJoin(organizations, eq(organizations.id, ssoConnections.organizationId))
    .where(
      'email' in where
        ? sql`${ssoConnections.emailDomains} ?| array[${sql.join(
            parentDomains(emailDomainOf(where.email)).map((domain) => sql`${domain}`),
            sql`, `,
          )}]::text[]`
        : eq(organizations.slug, where.organizationSlug),
    );
  return rows.map((row) => ({
    protocol: row.protocol,
    displayName: row.displayName,
    organizationName: row.organizationName,
    startPath: startPath(row.protocol, row.organizationId),
  }));
}
