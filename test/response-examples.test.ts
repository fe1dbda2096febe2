import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalRegistry, type ZodType } from 'zod';
import type { Database } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/app-types.ts';
import { loadConfig } from '../src/server/config.ts';
import { answerDrift, jsonAnswerOf, routeName } from './helpers/answer-contract.ts';
import { openSeededApp, rolesInTurn, type SeededApp } from './helpers/seeded-app.ts';

/**
 * Every example a route documents for its answer goes through that answer's schema the way a
 * response does (zod encode), and must come out whole: nothing refused, nothing dropped. The
 * examples are typed by what the services return, so a service and its schema cannot drift apart.
 */
let app: App;

beforeAll(async () => {
  app = await buildApp({ db: {} as Database, config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }) });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

type Documented = { route: string; status: string; schema: ZodType; example: unknown };

function documentedExamples(): Documented[] {
  const found: Documented[] = [];
  for (const route of app.apiRoutes) {
    const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
    for (const [status, entry] of Object.entries(responses)) {
      const schemas =
        entry && typeof entry === 'object' && 'content' in entry
          ? Object.values((entry as { content: Record<string, { schema: ZodType }> }).content).map(
              (content) => content.schema,
            )
          : [entry as ZodType];
      for (const schema of schemas) {
        const meta = globalRegistry.get(schema) as { example?: unknown; examples?: unknown[] } | undefined;
        const examples = [...(meta?.example === undefined ? [] : [meta.example]), ...(meta?.examples ?? [])];
        for (const example of examples) {
          found.push({ route: routeName(route), status, schema, example });
        }
      }
    }
  }
  return found;
}

/** Routes that document an example; a route taken off this list has lost its example. */
const routesWithExamples = [
  'GET /api/me/follow-ups',
  'GET /api/me/follow-ups/:followUpId',
  'GET /api/me/journal',
  'GET /api/groups/:groupId/shared-reflections',
];

describe('documented response examples', () => {
  it('every documented example passes its response schema whole', () => {
    const examples = documentedExamples();
    expect(examples.length).toBeGreaterThan(0);
    for (const { route, status, schema, example } of examples) {
      const result = schema.safeEncode(example);
      expect(result.success, `${route} ${status}: ${result.error?.message}`).toBe(true);
      expect(result.data, `${route} ${status}: a key the schema does not declare would be dropped`).toEqual(
        example,
      );
    }
  });

  it('the routes that document an example still do', () => {
    const documented = new Set(documentedExamples().map((entry) => entry.route));
    for (const route of routesWithExamples) expect(documented, route).toContain(route);
  });
});

/**
 * Every GET route that answers JSON is called on a seeded organisation by the first role it lets in,
 * and what its service returned goes through its response schema: refused (the route answers 500)
 * or with a key the schema would drop, the schema has drifted from the service.
 */
describe('real answers of every GET route', () => {
  /** Routes whose path names something the seed does not make; each says why. */
  const notReached: Record<string, string> = {};
  /** The query a route needs to answer at all. */
  const queries: Record<string, string> = {
    '/api/colleagues': '?search=an',
    '/api/sso/discover': '?email=someone%40demo.tend.test',
    '/api/outcomes': '?instrumentId=brief-resilience-scale&breakdown=program',
  };
  let seeded: SeededApp;

  beforeAll(async () => {
    seeded = await openSeededApp();
    // The comments of a working-condition summary are paged within a release the summary read makes.
    const summary = await seeded.clients
      .get('leader')
      ?.request('GET', '/api/working-condition-reports/summary');
    queries['/api/working-condition-reports/summary/comments'] =
      `?week=${summary?.json().releaseWeek}&category=scheduling`;
  }, 60_000);

  afterAll(async () => {
    await seeded?.close();
  });

  it('lists as not reached only routes that exist', () => {
    const registered = seeded.app.apiRoutes.map(routeName);
    for (const name of Object.keys(notReached)) expect(registered, name).toContain(name);
  });

  it('every answer its service gives passes the route\u2019s schema whole', async () => {
    const { app, clients, ids } = seeded;
    const reached: string[] = [];
    const refused: string[] = [];
    const problems: string[] = [];
    for (const route of app.apiRoutes) {
      const name = routeName(route);
      const answer = jsonAnswerOf(route);
      if (route.method !== 'GET' || !answer || name in notReached) continue;
      const missing = [...route.url.matchAll(/:(\w+)/g)]
        .map((match) => match[1] ?? '')
        .filter((key) => !ids[key]);
      expect(missing, `${name}: the seed names no ${missing.join(', ')}`).toEqual([]);
      const url =
        route.url.replace(/:(\w+)/g, (_, key: string) => ids[key] ?? '') + (queries[route.url] ?? '');
      let isReached = false;
      for (const role of rolesInTurn) {
        const response = await clients.get(role)?.request('GET', url);
        if (response?.statusCode === 403 || response?.statusCode === 404) continue;
        isReached = true;
        if (response?.statusCode !== answer.status) {
          problems.push(`${name} as ${role}: answered ${response?.statusCode} ${response?.body}`);
          break;
        }
        const drift = answerDrift(answer.schema, seeded.sent());
        if (drift) problems.push(`${name} as ${role}: ${drift}`);
        break;
      }
      (isReached ? reached : refused).push(name);
    }
    expect(refused, 'routes no role could read').toEqual([]);
    expect(problems, 'answers that drifted from their schema').toEqual([]);
    expect(reached.length).toBeGreaterThan(40);
  }, 120_000);
});
