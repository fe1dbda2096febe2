import type { Database, Transaction } from './connect.ts';

/**
 * A statement built once per database and named, for queries every request runs: drizzle then skips
 * assembling its SQL each time, and PostgreSQL parses it once per connection and can keep its plan.
 * Values go in as placeholders (sql.placeholder) when the statement is executed.
 */
export function preparedOnce<Handle extends Database | Transaction, Statement>(
  build: (db: Handle) => Statement,
): (db: Handle) => Statement {
  // A transaction gets its own, built once for it: its statements must run on its connection.
  const built = new WeakMap<Handle, Statement>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
