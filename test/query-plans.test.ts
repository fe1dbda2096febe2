import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConnection } from '../src/db/connect.ts';
import { groupPosts } from '../src/db/schema.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  hoursFrom,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * Every statement the hot pages run has an index to read by. A test database is small, so the planner
 * would scan anyway; with sequential scans priced out (`enable_seqscan = off`) a plan that still scans
 * a table has no index it could use instead — what, at 50,000 people, reads the whole organisation
 * (the 111 ms freshness check had no index on `(window_id, updated_at)`).
 */
let context: TestContext;
let recording: { query: string; params: unknown[] }[] | null = null;
const clients: Record<string, TestClient> = {};
let groupId = '';
let programId = '';

beforeAll(async () => {
  context = await createTestApp({}, { onQuery: (query, params) => recording?.push({ query, params }) });
  for (const role of ['participant', 'facilitator', 'coordinator', 'admin'] as const)
    clients[role] = await signedInClient(context.app, role);
  const db = context.connection.db;
  const organizationId = await demoOrganizationId(db);
  const now = context.clock.now;
  const fixture = await createGroupWithMeetings(db, {
    organizationId,
    memberEmails: [
      'facilitator1@demo.tend.test',
      'participant1@demo.tend.test',
      'participant2@demo.tend.test',
    ],
    meetingStarts: [hoursFrom(now, -3), hoursFrom(now, 24), hoursFrom(now, 24 * 8)],
    programTitle: 'Plans',
    groupName: 'Plans circle',
  });
  ({ groupId, programId } = fixture);
  const authorId = await userIdOf(db, 'participant2@demo.tend.test');
  await db.insert(groupPosts).values(
    Array.from({ length: 5 }, (_, index) => ({
      organizationId,
      groupId,
      authorId,
      body: `Post ${index}`,
      createdAt: now,
    })),
  );
});
afterAll(() => context.close());

/** The statements one request runs, each with the values it ran with. */
async function statementsOf(role: string, url: string) {
  recording = [];
  const response = await clients[role]?.request('GET', url);
  const ran = recording;
  recording = null;
  expect(response?.statusCode, url).toBe(200);
  return ran.filter(({ query }) => /^\s*(select|with|insert|update|delete)\b/i.test(query));
}

type RawClient = { query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/** One connection to explain on: a pooled client of its own on PostgreSQL, the one connection on PGlite. */
async function withOneConnection<T>(connection: DatabaseConnection, use: (client: RawClient) => Promise<T>) {
  const raw = (connection.db as unknown as { $client: RawClient & { connect?: () => Promise<unknown> } })
    .$client;
  if (!raw.connect) return use(raw);
  const client = (await raw.connect()) as RawClient & { release(): void };
  try {
    return await use(client);
  } finally {
    client.release();
  }
}

/** The tables a statement's plan reads whole even with every index allowed to win. */
async function tablesScanned(client: RawClient, query: string, params: unknown[]): Promise<string[]> {
  const plan = await client.query(`explain ${query}`, params);
  const lines = plan.rows.map((row) => String(Object.values(row)[0]));
  return lines.flatMap((line) => /Seq Scan on (\w+)/.exec(line)?.[1] ?? []);
}

const hotReads: [role: string, url: () => string][] = [
  ['participant', () => '/api/dashboard'],
  ['facilitator', () => '/api/dashboard'],
  ['coordinator', () => '/api/dashboard'],
  ['participant', () => '/api/me/groups'],
  ['participant', () => '/api/notifications?limit=2'],
  ['participant', () => '/api/programs'],
  ['participant', () => `/api/groups/${groupId}/space?limit=2`],
  ['facilitator', () => `/api/groups/${groupId}/space`],
  ['coordinator', () => `/api/programs/${programId}/groups`],
  ['participant', () => '/api/colleagues?search=an'],
  ['admin', () => '/api/users?limit=5'],
  ['admin', () => '/api/users?search=demo&limit=5'],
  ['admin', () => '/api/audit-events?limit=5'],
  ['admin', () => '/api/outbox?limit=5'],
];

describe('query plans of the hot reads', () => {
  it('read every table by an index, on every page people open most', async () => {
    const scans: string[] = [];
    for (const [role, url] of hotReads) {
      // Twice: the second read is the one every later request repeats (the groups board is stored by the first).
      await statementsOf(role, url());
      const statements = await statementsOf(role, url());
      await withOneConnection(context.connection, async (client) => {
        await client.query('set enable_seqscan = off');
        try {
          for (const { query, params } of statements)
            for (const table of await tablesScanned(client, query, params))
              scans.push(`${role} ${url()}: ${table} in ${query.slice(0, 160)}`);
        } finally {
          await client.query('reset enable_seqscan');
        }
      });
    }
    expect(scans).toEqual([]);
  });
});
