/** Anonymous working-condition reports and what leadership does about them. */
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from './accounts.ts';

/**
 * An anonymous report of a systemic stressor. Deliberately no user id, no timestamp and no
 * address: only the ISO week it was filed in (docs/decisions/007-feedback-and-working-condition-reports.md).
 */
export const workingConditionReports = pgTable(
  'working_condition_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    unit: text('unit').notNull(),
    text: text('text').notNull().default(''),
    /** Monday of the ISO week it was filed, in the organisation's time zone. */
    week: date('week').notNull(),
  },
  (table) => [index('working_condition_reports_organization_idx').on(table.organizationId, table.week)],
);

export const leadershipActionStatuses = ['planned', 'in-progress', 'done'] as const;

/** What leadership is doing about reported working conditions; every member can read these. */
export const leadershipActions = pgTable(
  'leadership_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerName: text('owner_name').notNull(),
    status: text('status', { enum: leadershipActionStatuses }).notNull(),
    dueDate: date('due_date'),
    categories: jsonb('categories').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('leadership_actions_organization_idx').on(table.organizationId, table.updatedAt)],
);
