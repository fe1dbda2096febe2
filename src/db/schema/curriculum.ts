/** An organisation's own topics (the shipped library lives in src/core/curriculum). */
import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts.ts';

/** An organisation's own topics: written by a coordinator, or an edited copy of a shipped one. */
export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The shipped topic this one was adapted from, if any. */
    basedOn: text('based_on'),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    /** Shared topics are offered to other organisations' coordinators. */
    isShared: boolean('is_shared').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('topics_organization_idx').on(table.organizationId)],
);
