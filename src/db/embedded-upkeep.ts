import { sql } from 'drizzle-orm';
import type { Database } from './connect.ts';

/** Both drivers answer a raw statement with its rows under `rows`. */
export async function rowsOf<Row>(db: Database, statement: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await db.execute(statement)) as unknown as { rows: Row[] }).rows;
}

/**
 * PGlite runs no autovacuum: nothing ever gathers the planner's statistics or clears dead rows. Without
 * statistics every table looks empty to the planner, which then picks scans and joins for a handful
 * of rows (measured on 2,000 people: the programs list 11 ms a read without them, 5 ms with them; a
 * participant's home 20–32 ms against 17–19 ms). This does what autovacuum would, one table per
 * statement so requests waiting for the one connection go between them (about 0.1 s the largest
 * table at 2,000 people, 1 s all 60). PostgreSQL's own autovacuum does it there.
 */
export async function upkeepEmbeddedDatabase(db: Database): Promise<{ tables: number }> {
  const tables = await rowsOf<{ name: string }>(
    db,
    sql`select format('%I.%I', schemaname, tablename) as name from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by schemaname, tablename`,
  );
  const names = tables.map((row) => row.name);
  for (const name of names) await db.execute(sql.raw(`vacuum (analyze) ${name}`));
  return { tables: names.length };
}
