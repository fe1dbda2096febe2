/** Measurement: assessment windows, responses, reminders, and the released outcome snapshots. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StoredOutcomeSnapshot } from '../../core/measurement/outcome-publication.ts';
import { organizations, users } from './accounts.ts';
import { programs } from './programs.ts';

export const assessmentWindowKindValues = [
  'baseline-at-enrolment',
  'end-of-term',
  'every-3-months',
  'every-6-months',
] as const;

/** When an instrument is open to answer, for a program's people or the whole organisation. */
export const assessmentWindows = pgTable(
  'assessment_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Null: everyone in the organisation who takes part (participants and facilitators). */
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'cascade' }),
    instrumentId: text('instrument_id').notNull(),
    title: text('title').notNull(),
    /** The coordinator's word for the audience in place of ProQOL's [helper]. */
    helperTerm: text('helper_term'),
    kind: text('kind', { enum: assessmentWindowKindValues }).notNull(),
    /** Windows scheduled together (a repeating series) share it. */
    seriesId: uuid('series_id').notNull(),
    sequence: integer('sequence').notNull().default(1),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Set when a coordinator closes the window early. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    remindersEnabled: boolean('reminders_enabled').notNull().default(true),
    /** Days after the window opens for a person that the one reminder goes out. */
    reminderAfterDays: integer('reminder_after_days').notNull().default(3),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('assessment_windows_organization_idx').on(table.organizationId, table.instrumentId, table.opensAt),
    index('assessment_windows_program_idx').on(table.programId),
  ],
);

export const assessmentResponseStatuses = ['draft', 'submitted'] as const;

/** One person's answers to one window: a draft until submitted, then scored and frozen. */
export const assessmentResponses = pgTable(
  'assessment_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    windowId: uuid('window_id')
      .notNull()
      .references(() => assessmentWindows.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    instrumentId: text('instrument_id').notNull(),
    status: text('status', { enum: assessmentResponseStatuses }).notNull(),
    /** Item number → answer value; unanswered items are absent. */
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    /** Every subscale's result (complete with band, or incomplete with the missing items), at submit. */
    scores: jsonb('scores').$type<unknown[]>(),
    /** Subscale id → reported score, only when every subscale is complete: what outcomes read. */
    subscaleScores: jsonb('subscale_scores').$type<Record<string, number>>(),
    isComplete: boolean('is_complete').notNull().default(false),
    /** Snapshots at submit, so outcomes group people as they were then. */
    programId: uuid('program_id'),
    level: text('level'),
    discipline: text('discipline'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('assessment_responses_window_user_unique').on(table.windowId, table.userId),
    index('assessment_responses_user_idx').on(table.userId, table.instrumentId),
    index('assessment_responses_outcomes_idx')
      .on(table.windowId)
      .where(sql`${table.status} = 'submitted' and ${table.isComplete}`),
  ],
);

/** The one reminder each person gets per window: the primary key is what makes it exactly once. */
export const assessmentReminders = pgTable(
  'assessment_reminders',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    windowId: uuid('window_id')
      .notNull()
      .references(() => assessmentWindows.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.windowId, table.userId] })],
);

/**
 * One released outcome view per dashboard query, kept so a dashboard reads a row instead of working
 * the figures out again. `fingerprint` sums up everything the view depends on (the closed windows,
 * their responses' count and latest change, the minimum size, program names): a view whose
 * fingerprint no longer matches is worked out again and replaced, so none is ever stale.
 */
export const outcomeSnapshots = pgTable(
  'outcome_snapshots',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    viewKey: text('view_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    outcomes: jsonb('outcomes').$type<StoredOutcomeSnapshot>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.viewKey] })],
);
