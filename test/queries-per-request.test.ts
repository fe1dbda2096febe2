import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * The hot lists answer in a fixed number of statements however many rows they return: a query per
 * row found (N+1) is what made colleague search take 23 queries.
 */
let context: TestContext;
let queries = 0;
let participant: TestClient;
let admin: TestClient;
beforeAll(async () => {
  context = await createTestApp({}, { onQuery: () => queries++ });
  participant = await signedInClient(context.app, 'participant');
  admin = await signedInClient(context.app, 'admin');
});
afterAll(() => context.close());

async function countQueries(client: TestClient, url: string): Promise<{ count: number; body: unknown }> {
  queries = 0;
  const response = await client.request('GET', url);
  expect(response.statusCode, url).toBe(200);
  return { count: queries, body: response.json() };
}

describe('queries per request', () => {
  it('searches colleagues in the same number of statements for one match or twenty', async () => {
    const one = await countQueries(participant, '/api/colleagues?search=Bilal');
    const many = await countQueries(participant, '/api/colleagues?search=an');
    expect((one.body as { colleagues: unknown[] }).colleagues).toHaveLength(1);
    expect((many.body as { colleagues: unknown[] }).colleagues.length).toBeGreaterThan(3);
    expect(many.count).toBe(one.count);
  });

  it('lists people in the same number of statements however many there are', async () => {
    const before = await countQueries(admin, '/api/users');
    await admin.request('POST', '/api/users/import', {
      csv: [
        'name,email,role',
        ...Array.from({ length: 30 }, (_, i) => `P ${i},p${i}@example.org,participant`),
      ].join('\n'),
    });
    const after = await countQueries(admin, '/api/users');
    expect(after.count).toBe(before.count);
  });
});
