import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../src/db/schema.ts';

/**
 * Tables that belong to no one organisation, each with its reason (decision 012). Anything else is a
 * tenant table: it must carry organization_id, and a natural (composite) key must include it, or the
 * data could not be distributed by organisation when one PostgreSQL is no longer enough.
 */
const globalTables: Record<string, string> = {
  organizations: 'the tenants themselves (distributed by their own id)',
  users: 'a person may belong to several organisations and signs in before one is known (reference table)',
  push_keys: "the deployment's one VAPID key pair, which every browser subscription names",
};

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => value instanceof PgTable)
  .map((table) => getTableConfig(table));

describe('every tenant table can be routed by organisation', () => {
  it('finds the schema’s tables', () => {
    expect(tables.length).toBeGreaterThan(30);
  });

  for (const table of tables.filter((config) => !(config.name in globalTables))) {
    it(`${table.name} carries organization_id, in its key when the key is natural`, () => {
      const columns = table.columns.map((column) => column.name);
      expect(
        columns,
        `${table.name} lacks organization_id; add it or list the table as global with a reason`,
      ).toContain('organization_id');
      for (const key of table.primaryKeys) {
        expect(key.columns.map((column) => column.name)).toContain('organization_id');
      }
    });
  }
});
