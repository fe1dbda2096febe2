/** In-app notices, e-mail preferences and the outbox every e-mail passes through. */
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  // Pages newest first on (created_at, id): the keyset of db/page-cursor.ts.
  (table) => [index('notifications_user_idx').on(table.userId, table.createdAt, table.id)],
);

/** Every e-mail Tend sends; without SMTP settings it stays here for admins to read in development. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** An iCalendar invitation sent as an attachment, if any. */
    calendar: text('calendar'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** When a server took it to send; a claim long past means that server died mid-send. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** A mail carrying a sign-in link: admins see that it was sent, never its text. */
    isConfidential: boolean('is_confidential').notNull().default(false),
    /**
     * The kind of notice or account e-mail it tells of; a later notice of the same kind folds into it
     * while it waits. Null only in rows queued before migration 0009: admins see those as private.
     */
    kind: text('kind'),
  },
  (table) => [
    index('outbox_unsent_idx').on(table.sentAt, table.createdAt),
    // The admin's outbox, a page at a time newest first on (created_at, id): db/page-cursor.ts.
    index('outbox_organization_idx').on(table.organizationId, table.createdAt, table.id),
  ],
);

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isEmailEnabled: boolean('is_email_enabled').notNull().default(true),
    /** Push notifications on the person's devices, by what they are about; in-app notices stay either way. */
    isPushMeetingsEnabled: boolean('is_push_meetings_enabled').notNull().default(true),
    isPushFollowUpsEnabled: boolean('is_push_follow_ups_enabled').notNull().default(true),
    isPushActionsEnabled: boolean('is_push_actions_enabled').notNull().default(true),
  },
  // Per organisation: a person in two organisations chooses for each, and rows route by organisation.
  (table) => [primaryKey({ columns: [table.organizationId, table.userId] })],
);
