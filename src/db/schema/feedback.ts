/** Session feedback and "you said, we did" answers. */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts.ts';
import { meetings } from './meetings.ts';
import { programs } from './programs.ts';

/** One attendee's feedback on one meeting; edited in place until the program's term ends. */
export const meetingFeedback = pgTable(
  'meeting_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    usefulness: integer('usefulness').notNull(),
    feltSafe: integer('felt_safe').notNull(),
    keep: text('keep').notNull().default(''),
    change: text('change').notNull().default(''),
    /** Topic ids wanted next. */
    topicsWanted: jsonb('topics_wanted').$type<string[]>().notNull().default([]),
    /** Weekly slots in the organisation's time zone. */
    preferredTimes: jsonb('preferred_times').$type<string[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('meeting_feedback_meeting_user_unique').on(table.meetingId, table.userId),
    index('meeting_feedback_program_idx').on(table.programId),
  ],
);

/** A coordinator's answer to a program's feedback, shown on the program page and sent as a notice. */
export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    youSaid: text('you_said').notNull(),
    weDid: text('we_did').notNull(),
    postedBy: uuid('posted_by').references(() => users.id, { onDelete: 'set null' }),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('feedback_responses_program_idx').on(table.programId, table.postedAt)],
);
