/** A group's private space: posts, replies and members' reports about them. */
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts.ts';
import { groups } from './groups.ts';

/** A post in a group's private space, or a reply to one (parentId). */
export const groupPosts = pgTable(
  'group_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    /** The post a reply answers; null for a post. */
    parentId: uuid('parent_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Shown to the group as "A group member"; the author id never leaves the server for others. */
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
  },
  (table) => [
    // A page of posts newest first on (created_at, id): the keyset of db/page-cursor.ts.
    index('group_posts_group_idx').on(table.groupId, table.createdAt, table.id),
    index('group_posts_parent_idx').on(table.parentId),
  ],
);

/** A member's concern about a post, for the group's facilitators; open until they act on it. */
export const groupPostReports = pgTable(
  'group_post_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    postId: uuid('post_id')
      .notNull()
      .references(() => groupPosts.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('group_post_reports_post_reporter_unique').on(table.postId, table.reporterId)],
);
