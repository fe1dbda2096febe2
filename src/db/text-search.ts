import { or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** An ILIKE pattern for text containing `search` as typed: a %, _ or \ in it matches only itself. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Rows where any of `columns` contains `search` (case-insensitively); no condition without a search.
 * On PostgreSQL the pg_trgm indexes (migration 0010) serve the people lists' searches; the other lists
 * search within one person's, group's or organisation's rows, which their own indexes already narrow.
 */
export function containsText(columns: (AnyPgColumn | SQL)[], search: string | undefined): SQL | undefined {
  if (!search) return undefined;
  const pattern = containsPattern(search);
  return or(...columns.map((column) => sql`${column} ilike ${pattern}`));
}
