/** Recognition between colleagues and who accepts it publicly. */
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recognitionKinds, recognitionVisibilities } from '../../core/recognition/recognition-visibility.ts';
import { organizations, users } from './accounts.ts';
import { groups } from './groups.ts';

export const recognitions = pgTable(
  'recognitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: recognitionKinds }).notNull(),
    message: text('message').notNull(),
    visibility: text('visibility', { enum: recognitionVisibilities }).notNull(),
    /** The group it is shown to, when visibility is 'group'. */
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('recognitions_recipient_idx').on(table.recipientId, table.createdAt),
    index('recognitions_organization_idx').on(table.organizationId, table.createdAt),
  ],
);

/** A person who turned off public recognition receives private thanks only. */
export const recognitionPreferences = pgTable(
  'recognition_preferences',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    acceptsPublicRecognition: boolean('accepts_public_recognition').notNull().default(true),
  },
  // Per organisation: a person in two organisations chooses for each, and rows route by organisation.
  (table) => [primaryKey({ columns: [table.organizationId, table.userId] })],
);
