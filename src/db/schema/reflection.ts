/** Follow-up reflection: scheduled prompts and catch-ups, the answers, nudge preferences. */
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts.ts';
import { meetings } from './meetings.ts';

export const followUpKinds = ['prompt', 'catch-up'] as const;
export const followUpSkipReasons = [
  'answered',
  'withdrawn',
  'paused',
  'opted-out',
  'fewer',
  'superseded',
] as const;

/**
 * One scheduled follow-up for one person after one meeting: a reflection prompt for those who
 * attended (one row per step of the program's schedule), a catch-up summary for those who missed it.
 * The unique key makes planning idempotent; `sent_at` or `skipped_at`, set under a row lock, make
 * sending happen at most once.
 */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    step: integer('step').notNull(),
    kind: text('kind', { enum: followUpKinds }).notNull(),
    /** The reflection prompt, or the catch-up summary, as it stood when planned. */
    prompt: text('prompt').notNull(),
    topicTitle: text('topic_title').notNull(),
    skill: text('skill').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    skippedAt: timestamp('skipped_at', { withTimezone: true }),
    skipReason: text('skip_reason', { enum: followUpSkipReasons }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('follow_ups_meeting_user_step_unique').on(table.meetingId, table.userId, table.step),
    index('follow_ups_pending_idx').on(table.dueAt),
    index('follow_ups_user_idx').on(table.userId, table.dueAt),
  ],
);

export const skillUses = ['yes', 'tried', 'not-yet'] as const;

/** A person's answer to one follow-up: private to them unless they share it with their group. */
export const reflections = pgTable(
  'reflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followUpId: uuid('follow_up_id')
      .notNull()
      .references(() => followUps.id, { onDelete: 'cascade' })
      .unique(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    topicTitle: text('topic_title').notNull(),
    skill: text('skill').notNull(),
    prompt: text('prompt').notNull(),
    answer: text('answer').notNull(),
    skillUsed: text('skill_used', { enum: skillUses }).notNull(),
    intention: text('intention'),
    isSharedWithGroup: boolean('is_shared_with_group').notNull().default(false),
    isSharedAnonymously: boolean('is_shared_anonymously').notNull().default(false),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('reflections_user_idx').on(table.userId, table.createdAt),
    index('reflections_meeting_idx').on(table.meetingId),
  ],
);

export const nudgeFrequencies = ['every', 'fewer', 'none'] as const;

/** How often a person wants follow-up nudges; no row means every follow-up, not paused. */
export const nudgePreferences = pgTable(
  'nudge_preferences',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    frequency: text('frequency', { enum: nudgeFrequencies }).notNull().default('every'),
    pausedUntil: timestamp('paused_until', { withTimezone: true }),
  },
  // Per organisation: a person in two organisations chooses for each, and rows route by organisation.
  (table) => [primaryKey({ columns: [table.organizationId, table.userId] })],
);
