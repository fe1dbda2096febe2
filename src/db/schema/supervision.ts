/** Reflective supervision: pairings, their conversations, and the supervisor relation grouping treats as a conflict. */
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts.ts';

/** Supervisor and supervisee never share a group (a conflict of interest). */
export const supervisions = pgTable(
  'supervisions',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    superviseeId: uuid('supervisee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.supervisorId, table.superviseeId] })],
);

export const supervisionPairingStatuses = ['proposed', 'active', 'declined', 'ended', 'withdrawn'] as const;

/**
 * A reflective-supervision arrangement between two members: proposed by either, active once the
 * other accepts. An accepted one also records the relation in `supervisions` (a grouping conflict).
 */
export const supervisionPairings = pgTable(
  'supervision_pairings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    superviseeId: uuid('supervisee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: supervisionPairingStatuses }).notNull(),
    cadenceWeeks: integer('cadence_weeks').notNull(),
    conversationCount: integer('conversation_count').notNull(),
    minutes: integer('minutes').notNull(),
    place: text('place'),
    videoUrl: text('video_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** When either person ended it (status ended) or the proposer withdrew it (status withdrawn). */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('supervision_pairings_supervisor_idx').on(table.supervisorId),
    index('supervision_pairings_supervisee_idx').on(table.superviseeId),
  ],
);

/** One supervision conversation and the pair's shared notes on it (structured template). */
export const supervisionConversations = pgTable(
  'supervision_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    pairingId: uuid('pairing_id')
      .notNull()
      .references(() => supervisionPairings.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    experiences: text('experiences').notNull().default(''),
    reactions: text('reactions').notNull().default(''),
    whatHelped: text('what_helped').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    notesUpdatedAt: timestamp('notes_updated_at', { withTimezone: true }),
    notesUpdatedBy: uuid('notes_updated_by').references(() => users.id, { onDelete: 'set null' }),
    /** Calendar SEQUENCE: raised on every move or cancellation so calendars replace their copy. */
    revision: integer('revision').notNull().default(0),
    /** Set for the conversations still ahead when the supervision ended; their notes are kept. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (table) => [index('supervision_conversations_pairing_idx').on(table.pairingId, table.sequence)],
);
