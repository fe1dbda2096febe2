/** Aggregates released per closed period and frozen (decisions 003 and 007). */
import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from './accounts.ts';

export const aggregateReleaseKinds = ['reflection-engagement', 'feedback', 'working-conditions'] as const;
export type AggregateReleaseKind = (typeof aggregateReleaseKinds)[number];

/**
 * One release of figures for a closed period: a meeting's engagement once its reflection period has
 * closed, a program's feedback as of a meeting's feedback period, the leaders' summary as of an ISO
 * week. Written once (the key makes two concurrent first reads store one row) and read unchanged,
 * so reading at two moments gives nothing to subtract.
 */
export const aggregateReleases = pgTable(
  'aggregate_releases',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: aggregateReleaseKinds }).notNull(),
    /** The program (engagement, feedback) or the organisation (working conditions). */
    scopeId: uuid('scope_id').notNull(),
    /** The period: a meeting id, or the date its figures cover up to. */
    periodKey: text('period_key').notNull(),
    periodClosedAt: timestamp('period_closed_at', { withTimezone: true }).notNull(),
    contents: jsonb('contents').$type<unknown>().notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.kind, table.scopeId, table.periodKey] })],
);
