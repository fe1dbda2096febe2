import { expect } from 'vitest';
import type { TestClient } from './test-app.ts';

/**
 * Reads a list that comes a page at a time (`after` = the previous page's nextCursor) to its end,
 * checking each page's size, and returns every item in the order the pages gave them.
 */
export async function readEveryPage<Item>(
  client: TestClient,
  path: string,
  listKey: string,
  limit: number,
): Promise<{ items: Item[]; pageCount: number }> {
  const items: Item[] = [];
  let after: string | null = null;
  let pageCount = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = `${path}${separator}limit=${limit}${after ? `&after=${after}` : ''}`;
    const response = await client.request('GET', url);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    expect(page[listKey].length).toBeLessThanOrEqual(limit);
    items.push(...page[listKey]);
    after = page.nextCursor;
    pageCount += 1;
  } while (after);
  return { items, pageCount };
}

/** A forged cursor and a limit out of range each answer 400 naming the field. */
export async function expectBadPageQueriesRefused(client: TestClient, path: string): Promise<void> {
  const separator = path.includes('?') ? '&' : '?';
  const forgedCursor = Buffer.from(JSON.stringify(['yesterday', 'not-an-id'])).toString('base64url');
  for (const after of ['not-a-cursor', forgedCursor]) {
    const forged = await client.request('GET', `${path}${separator}after=${after}`);
    expect(forged.statusCode, forged.body).toBe(400);
    expect(forged.json().error.fields).toHaveProperty(['querystring.after']);
  }
  for (const limit of ['0', '100000', 'many']) {
    const outOfRange = await client.request('GET', `${path}${separator}limit=${limit}`);
    expect(outOfRange.statusCode, outOfRange.body).toBe(400);
    expect(outOfRange.json().error.fields).toHaveProperty(['querystring.limit']);
  }
}
