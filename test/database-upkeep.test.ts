import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/embedded-upkeep.ts';
import { startJobs } from '../src/jobs/start-jobs.ts';
import { createTestApp, type TestContext } from './helpers/test-app.ts';

let context: TestContext;

beforeAll(async () => {
  context = await createTestApp();
});
afterAll(() => context.close());

/** Whether some table has never been measured: the planner then guesses every size. */
async function lacksStatistics(): Promise<boolean> {
  const [row] = await rowsOf<{ missing: boolean }>(
    context.connection.db,
    sql`select exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' and c.reltuples < 0) as missing`,
  );
  return row?.missing === true;
}

/** The planner's idea of how many rows a table holds (−1: never measured, so it guesses). */
async function plannedRows(table: string): Promise<number> {
  const [row] = await rowsOf<{ rows: number }>(
    context.connection.db,
    sql`select reltuples::float8 as rows from pg_class where oid = ${`public.${table}`}::regclass`,
  );
  return Number(row?.rows);
}

describe('database upkeep', () => {
  it('gives the planner real table sizes on the embedded database, which has no autovacuum to', async () => {
    const jobs = await startJobs({
      db: context.connection.db,
      connection: context.connection,
      config: context.config,
      transport: null,
      log: { info() {}, error() {} },
    });
    try {
      const isEmbedded = context.connection.kind === 'pglite';
      if (isEmbedded) expect(await lacksStatistics()).toBe(true);
      const result = await jobs.runNow('database-upkeep');
      if (isEmbedded) {
        expect(result.tables).toBeGreaterThan(40);
        expect(await lacksStatistics()).toBe(false);
        // The demo organisation's people, counted as the planner now sees them.
        const [people] = await rowsOf<{ count: number }>(
          context.connection.db,
          sql`select count(*)::int as count from users`,
        );
        expect(await plannedRows('users')).toBe(people?.count);
      } else {
        // PostgreSQL's autovacuum keeps statistics there; the job leaves it alone.
        expect(result).toEqual({ tables: 0 });
      }
    } finally {
      await jobs.stop();
    }
  });
});
