import { randomUUID } from 'node:crypto';
import { count, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { textProblemMessages } from '../src/core/text/plain-text.ts';
import * as schema from '../src/db/schema.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * Every string any /api route takes — body, query string, path — is walked from the routes' own
 * schemas, so a route added tomorrow is checked too. Each gets a NUL and must answer 400 naming the
 * field; free-text fields must say it is the control character that is wrong.
 */
type Leaf = { context: 'body' | 'querystring' | 'params'; path: (string | number)[]; isFreeText: boolean };
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
};

/**
 * Strings that may hold any character: passwords are never stored or shown (only their hash), and a
 * roster file is checked cell by cell, rejecting a row with its number (see the roster test below).
 */
const exempt = new Set(['password', 'currentPassword', 'newPassword', 'csv']);

function stringLeaves(node: JsonSchema, path: (string | number)[], found: Omit<Leaf, 'context'>[]) {
  for (const option of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])]) {
    stringLeaves(option, path, found);
  }
  const types = [node.type ?? []].flat();
  if (types.includes('object')) {
    for (const [key, child] of Object.entries(node.properties ?? {}))
      stringLeaves(child, [...path, key], found);
  }
  if (types.includes('array') && node.items) stringLeaves(node.items, [...path, 0], found);
  if (types.includes('string') && !exempt.has(String(path.at(-1)))) {
    const isFreeText = !node.format && !node.pattern && !node.enum && node.const === undefined;
    found.push({ path, isFreeText });
  }
}

function leavesOf(routeSchema: Record<string, unknown> | undefined): Leaf[] {
  const leaves: Leaf[] = [];
  for (const context of ['body', 'querystring', 'params'] as const) {
    const part = routeSchema?.[context];
    if (!(part instanceof z.ZodType)) continue;
    const found: Omit<Leaf, 'context'>[] = [];
    stringLeaves(z.toJSONSchema(part, { io: 'input', unrepresentable: 'any' }) as JsonSchema, [], found);
    // A field reachable through two options of a union is tried once.
    const unique = new Map(found.map((leaf) => [leaf.path.join('.'), leaf]));
    leaves.push(...[...unique.values()].map((leaf) => ({ ...leaf, context })));
  }
  return leaves;
}

function nest(path: (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const inner = nest(rest, value);
  return typeof head === 'number' ? [inner] : { [head]: inner };
}

const nul = 'Ab\u0000cd';

let context: TestContext;
let clients: TestClient[];

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const [row] = await context.connection.db.select({ rows: count() }).from(table);
    counts[getTableName(table)] = row?.rows ?? 0;
  }
  return counts;
}

beforeAll(async () => {
  context = await createTestApp();
  const anonymous = new TestClient(context.app, '10.60.0.1');
  await anonymous.loadSession();
  clients = [anonymous];
  for (const role of ['participant', 'facilitator', 'coordinator', 'admin', 'leader'] as const) {
    clients.push(await signedInClient(context.app, role));
  }
});
afterAll(() => context.close());

describe('text input', () => {
  it('answers a NUL in any string of any route with a 400 naming the field, and writes nothing', async () => {
    const before = await rowCounts();
    const checked: string[] = [];
    const problems: string[] = [];
    for (const route of context.app.apiRoutes) {
      for (const leaf of leavesOf(route.schema as Record<string, unknown> | undefined)) {
        const field = [leaf.context, ...leaf.path].join('.');
        let url = route.url.replace(/:(\w+)/g, (_, name: string) =>
          leaf.context === 'params' && leaf.path[0] === name ? encodeURIComponent(nul) : randomUUID(),
        );
        if (leaf.context === 'querystring') url += `?${String(leaf.path[0])}=${encodeURIComponent(nul)}`;
        const body = leaf.context === 'body' ? nest(leaf.path, nul) : undefined;
        let response: Awaited<ReturnType<TestClient['request']>> | undefined;
        for (const client of clients) {
          response = await client.request(
            route.method,
            url,
            body ?? (route.method === 'GET' ? undefined : {}),
          );
          if (response.statusCode !== 401 && response.statusCode !== 403) break;
        }
        checked.push(`${route.method} ${route.url} ${field}`);
        const error = response?.headers['content-type']?.toString().includes('json')
          ? response.json().error
          : undefined;
        const message: string | undefined = error?.fields?.[field];
        if (response?.statusCode !== 400 || !message) {
          problems.push(
            `${route.method} ${route.url} ${field}: ${response?.statusCode} ${response?.body.slice(0, 200)}`,
          );
        } else if (leaf.isFreeText && message !== textProblemMessages['control-character']) {
          problems.push(`${route.method} ${route.url} ${field}: says "${message}"`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The walk really reached the fields people type into.
    for (const expected of [
      'POST /api/recognitions body.message',
      'GET /api/colleagues querystring.search',
      'POST /api/groups/:groupId/posts body.body',
      'POST /api/programs body.title',
      'POST /api/users body.name',
      'PUT /api/me/follow-ups/:followUpId/reflection body.answer',
      'POST /api/working-condition-reports body.text',
    ]) {
      expect(checked).toContain(expected);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a control character anywhere in a topic, naming where', async () => {
    const coordinator = clients[3] as TestClient;
    const response = await coordinator.request('POST', '/api/topics', {
      topic: { title: 'Boundaries', prompts: ['Fine', `Not ${nul}`] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      'body.topic.prompts.1': textProblemMessages['control-character'],
    });
  });

  it('refuses a control character in the name of a questionnaire answer', async () => {
    const participant = clients[1] as TestClient;
    const response = await participant.request('PUT', `/api/me/assessments/${randomUUID()}/draft`, {
      answers: { [`q${nul}`]: 3 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      'body.answers': `a key ${textProblemMessages['control-character']}`,
    });
  });

  it('imports a roster, rejecting the row with a control character by its number and reason', async () => {
    const admin = clients[4] as TestClient;
    const response = await admin.request('POST', '/api/users/import', {
      csv: `name,email,role\nNia Okafor,nia.okafor@roster.test,participant\nL${nul},l.nul@roster.test,participant\n`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      created: [{ row: 2, email: 'nia.okafor@roster.test', name: 'Nia Okafor' }],
      rejected: [
        {
          row: 3,
          email: 'l.nul@roster.test',
          reasons: ['name contains a control character such as NUL; retype the cell'],
        },
      ],
    });
  });
});
