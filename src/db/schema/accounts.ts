/** Organisations, people and their memberships; sign-in sessions, invitations, password resets and the audit trail. */
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { roles } from '../../core/accounts/roles.ts';
import type { AuditDetails } from '../../core/audit/describe-audit-event.ts';

export type OrganizationSettings = {
  minimumReportingGroupSize: number;
  timeZone: string;
  locale: string;
  supportResources: { name: string; contact: string }[];
  /** Fewest people whose free text must exist before any is shown (default 10, never below 3). */
  commentMinimum?: number;
  /** Units a working-condition report can name; Tend's default list when absent. */
  units?: string[];
  /** Days after a meeting's end that attendance can still be taken (default 7). */
  attendanceWindowDays?: number;
  /** When true, only admins sign in with a password (their recovery path); everyone else uses single sign-on. */
  isPasswordSignInAdminOnly?: boolean;
};

/** What single logout needs to name a session to the provider that vouched for it. */
export type SsoSessionLink = {
  connectionId: string;
  /** SAML: the NameID and SessionIndex of the assertion; OIDC: the ID token's `sub` and `sid`. */
  subject: string;
  nameIdFormat?: string | null;
  sessionIndex?: string | null;
};

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  settings: jsonb('settings').$type<OrganizationSettings>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('users_email_unique').on(sql`lower(${table.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    level: text('level'),
    discipline: text('discipline'),
    /** The SCIM client's own id for this person (its `externalId`), unique in the organisation. */
    externalId: text('external_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('memberships_organization_user_unique').on(table.organizationId, table.userId),
    uniqueIndex('memberships_organization_external_id_unique')
      .on(table.organizationId, table.externalId)
      .where(sql`${table.externalId} is not null`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the opaque token, hex; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** Set when an identity provider vouched for this sign-in, for single logout; null for a password. */
    ssoLink: jsonb('sso_link').$type<SsoSessionLink>(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetId: text('target_id'),
    /** What changed, old → new, so the log can say it in words: `{ changes: [{ field, from, to }] }`. */
    details: jsonb('details').$type<AuditDetails>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Pages newest first on (created_at, id): the keyset of db/page-cursor.ts.
  (table) => [index('audit_events_organization_idx').on(table.organizationId, table.createdAt, table.id)],
);

export const invitations = pgTable(
  'invitations',
  {
    /** SHA-256 of the link's token, hex. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the reminder went out (with a fresh link of its own), so nobody is reminded twice. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (table) => [index('invitations_user_idx').on(table.userId)],
);

/** A "forgot password" link: single use, short-lived, only its hash stored. */
export const passwordResets = pgTable(
  'password_resets',
  {
    /** SHA-256 of the link's token, hex. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('password_resets_user_idx').on(table.userId)],
);
