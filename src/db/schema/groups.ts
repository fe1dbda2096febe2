/** Small groups formed for a program and their members. */
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts.ts';
import { programs } from './programs.ts';

export const groupStatuses = ['draft', 'published'] as const;

export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The weekly slot every member is free, in the organisation's time zone. */
    slot: text('slot'),
    /** Where the group meets, for members only; a meeting's own place or link overrides it. */
    place: text('place'),
    /** An https link to the group's video call; a meeting's own link overrides it. */
    videoUrl: text('video_url'),
    explanation: text('explanation').notNull().default(''),
    score: jsonb('score').$type<Record<string, number>>(),
    status: text('status', { enum: groupStatuses }).notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('groups_program_idx').on(table.programId)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isFacilitator: boolean('is_facilitator').notNull().default(false),
    isPinned: boolean('is_pinned').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.groupId, table.userId] }),
    index('group_members_user_idx').on(table.userId),
  ],
);

/**
 * The coordinator's groups board for a program, evaluated when anything it depends on changes (forming,
 * publishing, moves, pins, enrolment, availability, group times, names, supervision, earlier groups) so
 * that reading it costs one row, not a whole re-evaluation. `refreshGroupBoards` writes it.
 */
export const groupBoards = pgTable(
  'group_boards',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    /** The board as `describeGroups` evaluates it; whether each unplaced person was told is read live. */
    board: jsonb('board').notNull(),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.programId] })],
);
