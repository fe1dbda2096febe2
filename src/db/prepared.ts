import type { Database } from './connect.ts';

/**
 * A statement built once per database and named, for queries every request runs: drizzle then skips
 * assembling its SQL each time, and PostgreSQL parses it once per connection and can keep its plan.
 * Values go in as placeholders (sql.placeholder) when the statement is executed.
 */
export function preparedOnce<Statement>(build: (db: Database) => Statement): (db: Database) => Statement {
  const built = new WeakMap<Database, Statement>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
