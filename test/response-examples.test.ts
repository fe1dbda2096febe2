import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalRegistry, type ZodType } from 'zod';
import type { Database } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/app-types.ts';
import { loadConfig } from '../src/server/config.ts';

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
          found.push({ route: `${route.method} ${route.url}`, status, schema, example });
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
