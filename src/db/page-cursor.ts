import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Keyset pagination, shared by every list that comes a page at a time: a page ends on its last
 * row's sort value and id, and the next page starts right after that key, however rows are added
 * or removed meanwhile — a page costs the same at the first page or the thousandth.
 */
export type PageKey = readonly [sortValue: string, id: string];

/** A page's answer: its items and, unless it is the last, the cursor to pass as `after`. */
export type Page<Item> = { items: Item[]; nextCursor: string | null };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const exactTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodePageCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key inside a cursor Tend gave out, or null for anything else. */
export function decodePageCursor(cursor: string): PageKey | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [sortValue, id] = value;
    return typeof sortValue === 'string' && typeof id === 'string' && uuidPattern.test(id)
      ? [sortValue, id]
      : null;
  } catch {
    return null;
  }
}

/** Whether a key's sort value is a time as `exactTime` writes it. */
export function isExactTime(sortValue: string): boolean {
  return exactTimePattern.test(sortValue) && !Number.isNaN(Date.parse(sortValue));
}

/**
 * A stored time to the microsecond, as ISO text in UTC: the sort value of a list by time. A Date
 * would round it to the millisecond, and the next page would skip rows within that millisecond.
 */
export function exactTime(column: AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** For a list newest first: the rows after the key, i.e. older than it (ties broken by id). */
export function olderThan(time: AnyPgColumn, id: AnyPgColumn, key: PageKey | undefined): SQL | undefined {
  return key ? sql`(${time}, ${id}) < (${key[0]}::timestamptz, ${key[1]}::uuid)` : undefined;
}

/**
 * olderThan for a statement prepared once: the key arrives as the placeholders afterTime and afterId
 * (pageKeyParameters). A list prepares its first page and its later pages as two statements.
 */
export function olderThanPlaceholders(time: AnyPgColumn, id: AnyPgColumn): SQL {
  return sql`(${time}, ${id}) < (${sql.placeholder('afterTime')}::timestamptz, ${sql.placeholder('afterId')}::uuid)`;
}

export function pageKeyParameters(key: PageKey): { afterTime: string; afterId: string } {
  return { afterTime: key[0], afterId: key[1] };
}

/**
 * Cuts the rows of a query that asked for `limit + 1` into a page: the extra row only tells that
 * another page follows, and the cursor is the last kept row's key.
 */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  keyOf: (row: Row) => PageKey,
  present: (row: Row) => Item,
): Page<Item> {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    items: kept.map((row) => present(row)),
    nextCursor: rows.length > limit && last ? encodePageCursor(keyOf(last)) : null,
  };
}
