/**
 * Single sign-on and provisioning: each organisation's identity providers (OIDC, SAML), the
 * identities they vouch for, sign-ins sent to a provider and not yet back, assertions already
 * used, and the SCIM client's token.
 */
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Level, Role } from '../../core/accounts/roles.ts';
import { organizations, users } from './accounts.ts';

export const ssoProtocols = ['oidc', 'saml'] as const;
export type SsoProtocol = (typeof ssoProtocols)[number];

/** How a provider's claims (OIDC) or attributes (SAML) become a member's role, level and discipline. */
export type SsoAttributeMapping = {
  role?: { claim: string; values: Record<string, Role> };
  level?: { claim: string; values: Record<string, Level> };
  discipline?: { claim: string };
};

export type OidcConnectionSettings = { issuer: string; clientId: string };

export type SamlConnectionSettings = {
  /** Where the provider's metadata came from, when it was given as an address. */
  metadataUrl: string | null;
  /** The provider's entity ID: assertions must come from it. */
  idpEntityId: string;
  /** The provider's HTTP-Redirect single sign-on address. */
  entryPoint: string;
  /** The provider's single logout address, when it has one. */
  logoutUrl: string | null;
  /** PEM certificates any one of which must have signed each assertion. */
  certificates: string[];
};

export const ssoConnections = pgTable(
  'sso_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    protocol: text('protocol', { enum: ssoProtocols }).notNull(),
    /** Shown on the sign-in page: "Sign in with <display name>". */
    displayName: text('display_name').notNull(),
    settings: jsonb('settings').$type<OidcConnectionSettings | SamlConnectionSettings>().notNull(),
    /** The OIDC client secret sealed with SSO_ENCRYPTION_KEY (AES-256-GCM); never sent back out. */
    encryptedSecret: text('encrypted_secret'),
    /** Lower-case e-mail domains this provider may vouch for; its sign-in is offered to them. */
    emailDomains: jsonb('email_domains').$type<string[]>().notNull(),
    /** Whether someone the provider vouches for but Tend does not know yet joins as a participant. */
    createsUnknownPeople: text('creates_unknown_people', { enum: ['create', 'refuse'] })
      .notNull()
      .default('refuse'),
    mapping: jsonb('mapping').$type<SsoAttributeMapping>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('sso_connections_organization_protocol_unique').on(table.organizationId, table.protocol),
  ],
);

/** Who a provider's subject (OIDC `sub`, SAML NameID) is in Tend, so a changed e-mail still finds them. */
export const ssoIdentities = pgTable(
  'sso_identities',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.connectionId, table.subject] }),
    index('sso_identities_user_idx').on(table.userId),
  ],
);

/**
 * A sign-in sent to a provider and not back yet. OIDC: keyed by the SHA-256 of `state`, with the
 * nonce and PKCE verifier. SAML: keyed by the AuthnRequest ID the response must answer.
 */
export const ssoPendingSignIns = pgTable(
  'sso_pending_sign_ins',
  {
    id: text('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    nonce: text('nonce'),
    codeVerifier: text('code_verifier'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sso_pending_sign_ins_expires_idx').on(table.expiresAt)],
);

/** Assertion and ID-token identifiers already accepted, kept until they expire, so none works twice. */
export const ssoUsedAssertions = pgTable(
  'sso_used_assertions',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    assertionId: text('assertion_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.connectionId, table.assertionId] }),
    index('sso_used_assertions_expires_idx').on(table.expiresAt),
  ],
);

/** The SCIM client's bearer token: one per organisation, only its SHA-256 kept. */
export const scimTokens = pgTable('scim_tokens', {
  id: text('id').primaryKey(),
  organizationId: uuid('organization_id')
    .notNull()
    .unique()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});
