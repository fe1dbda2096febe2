/** Programs and enrolment: who takes part in which term, with what availability and wishes. */
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts.ts';

export type LastGrouping = {
  seed: number;
  formedAt: string;
  unplaced: { id: string; reason: string; message: string }[];
  diagnoses: { code: string; message: string }[];
  /** "level mix: best possible", or how far the level mix is from its bound. */
  levelMix?: string;
};

export const programStatuses = ['draft', 'published', 'closed'] as const;

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    audience: text('audience').notNull().default(''),
    termStart: date('term_start').notNull(),
    termEnd: date('term_end').notNull(),
    enrolmentOpens: date('enrolment_opens').notNull(),
    enrolmentCloses: date('enrolment_closes').notNull(),
    /** Most people who can enrol; later enrolments join the waiting list. Null: no limit. */
    capacity: integer('capacity'),
    groupSizeMin: integer('group_size_min').notNull().default(8),
    groupSizeMax: integer('group_size_max').notNull().default(10),
    meetingCount: integer('meeting_count').notNull(),
    meetingMinutes: integer('meeting_minutes').notNull(),
    cadenceWeeks: integer('cadence_weeks').notNull(),
    /** ISO dates (yyyy-mm-dd) on which no meeting is held. */
    holidays: jsonb('holidays').$type<string[]>().notNull().default([]),
    /** The program's topics in meeting order: ids of shipped topics or of the organisation's own. */
    topicIds: jsonb('topic_ids').$type<string[]>().notNull().default([]),
    /** Hours before a meeting that reminders go out. */
    reminderHours: integer('reminder_hours').notNull().default(24),
    /** Days after a meeting ends that its follow-up reflection prompts go out, in order. */
    followUpDays: jsonb('follow_up_days').$type<number[]>().notNull().default([1, 7, 30]),
    status: text('status', { enum: programStatuses }).notNull().default('draft'),
    /** What the grouping engine could not do at its last run: unplaced people and diagnoses, with reasons. */
    lastGrouping: jsonb('last_grouping').$type<LastGrouping>(),
    /**
     * Participants enrolled (facilitators not counted) and people waiting. Kept by a trigger on
     * enrollments (migration 0020), so the programs list reads them instead of counting every
     * enrolment of the organisation on each request.
     */
    enrolledCount: integer('enrolled_count').notNull().default(0),
    waitlistedCount: integer('waitlisted_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('programs_organization_idx').on(table.organizationId)],
);

export const enrollmentStatuses = ['enrolled', 'waitlisted', 'withdrawn'] as const;

export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    level: text('level'),
    discipline: text('discipline'),
    /** Weekly slots (e.g. "tue-12") in the organisation's time zone. */
    availability: jsonb('availability').$type<string[]>().notNull().default([]),
    /** The time zone the person entered their availability in. */
    timeZone: text('time_zone').notNull(),
    interests: jsonb('interests').$type<string[]>().notNull().default([]),
    /** Takes part as a facilitator rather than as a participant. */
    isFacilitator: boolean('is_facilitator').notNull().default(false),
    /** People this person privately asked not to be grouped with; only the grouping engine reads it. */
    avoidUserIds: jsonb('avoid_user_ids').$type<string[]>().notNull().default([]),
    agreedToGuidelinesAt: timestamp('agreed_to_guidelines_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: enrollmentStatuses }).notNull(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('enrollments_program_user_unique').on(table.programId, table.userId),
    index('enrollments_organization_idx').on(table.organizationId),
    // A person's own pages (home, questionnaires, programs) find their enrolments by person.
    index('enrollments_user_idx').on(table.userId),
  ],
);
