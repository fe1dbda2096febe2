import { and, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from './connect.ts';
import { olderThanPlaceholders, type PageKey, pageKeyParameters } from './page-cursor.ts';
import { preparedOnce } from './prepared.ts';
import { containsPattern } from './text-search.ts';

/** In a searchable list's condition, the searched text (a pattern from containsPattern). */
export const searchPattern = sql.placeholder('pattern');

/**
 * The statements of a list, newest first, that comes a page at a time and can be searched: the first
 * page or the page after a key, each with or without the search's condition (`matching`, written with
 * searchPattern). A search is a placeholder like the key, so all four are prepared once. `build` makes
 * one of them from the condition it adds and its name.
 */
export function searchablePages<Statement>(
  build: (db: Database, condition: SQL | undefined, name: string) => Statement,
  list: { name: string; time: AnyPgColumn; id: AnyPgColumn; matching: SQL },
) {
  const afterKey = () => olderThanPlaceholders(list.time, list.id);
  const newest = preparedOnce((db: Database) => build(db, undefined, list.name));
  const older = preparedOnce((db: Database) => build(db, afterKey(), `${list.name}_older`));
  const newestMatching = preparedOnce((db: Database) => build(db, list.matching, `${list.name}_matching`));
  const olderMatching = preparedOnce((db: Database) =>
    build(db, and(list.matching, afterKey()), `${list.name}_older_matching`),
  );
  /** The statement of one page, and the values its search and key take besides the list's own. */
  return (db: Database, page: { search?: string | undefined; after?: PageKey | undefined }) => {
    const { search, after } = page;
    return {
      statement: (search ? (after ? olderMatching : newestMatching) : after ? older : newest)(db),
      values: {
        ...(search ? { pattern: containsPattern(search) } : {}),
        ...(after ? pageKeyParameters(after) : {}),
      },
    };
  };
}
