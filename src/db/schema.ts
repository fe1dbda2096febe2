/** The database schema lives in src/db/schema/, one file per capability; this keeps `db/schema.ts` imports working. */
export * from './schema/index.ts';
