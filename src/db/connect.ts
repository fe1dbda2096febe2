import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDirectory } from './data-directory-lock.ts';
import * as schema from './schema.ts';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseConnection = {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
};

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type ConnectOptions = (
  | { databaseUrl: string }
  /** dataDirectory undefined means in memory (tests). */
  | { dataDirectory?: string }
) & {
  /**
   * Called with every statement and its values, for tests only (they count statements per request and
   * explain their plans); nothing a server runs passes it, so values are never logged.
   */
  onQuery?: (query: string, params: unknown[]) => void;
};

/** Opens the database the configuration names and brings its schema up to date. */
export async function connect(options: ConnectOptions): Promise<DatabaseConnection> {
  const { onQuery } = options;
  const logger = onQuery ? { logQuery: (query: string, params: unknown[]) => onQuery(query, params) } : false;
  // Each driver is loaded only when chosen: a PostgreSQL server never loads PGlite, nor PGlite pg.
  if ('databaseUrl' in options) {
    const [{ default: pg }, { drizzle: drizzlePostgres }, { migrate: migratePostgres }] = await Promise.all([
      import('pg'),
      import('drizzle-orm/node-postgres'),
      import('drizzle-orm/node-postgres/migrator'),
    ]);
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server ends (a restart, a failover, an administrator) is dropped and
    // replaced on next use; without a listener, its error event would stop the whole process.
    pool.on('error', (error: Error & { code?: string }) => {
      process.emitWarning(`A PostgreSQL connection ended: ${error.code ?? error.name}`);
    });
    const db = drizzlePostgres(pool, { schema, logger });
    await migratePostgres(db, { migrationsFolder });
    return { db: db as unknown as Database, kind: 'postgres', close: () => pool.end() };
  }
  const unlock = options.dataDirectory ? lockDataDirectory(options.dataDirectory) : () => {};
  try {
    const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] =
      await Promise.all([
        import('@electric-sql/pglite'),
        import('@electric-sql/pglite/contrib/pg_trgm'),
        import('drizzle-orm/pglite'),
        import('drizzle-orm/pglite/migrator'),
      ]);
    // pg_trgm, as on PostgreSQL, so name search uses the same trigram index on both.
    const client = await PGlite.create(options.dataDirectory, { extensions: { pg_trgm } });
    const db = drizzlePglite(client, { schema, logger });
    await migratePglite(db, { migrationsFolder });
    return {
      db: db as unknown as Database,
      kind: 'pglite',
      async close() {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
