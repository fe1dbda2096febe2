import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let admin: TestClient;
beforeAll(async () => {
  context = await createTestApp();
  admin = await signedInClient(context.app, 'admin');
});
afterAll(() => context.close());

describe('bad requests', () => {
  it('answers malformed JSON with a 400 that says so', async () => {
    const response = await admin.request('POST', '/api/users', '{"name": ', {
      'content-type': 'application/json',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/JSON/),
    });
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await admin.request('GET', '/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });

  it('answers a bad id with a 400 naming the parameter', async () => {
    const response = await admin.request('PATCH', '/api/users/not-an-id', { name: 'X' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty('params.id');
  });

  it('answers an unexpected failure with a generic 500 that reveals nothing internal', async () => {
    const lines: string[] = [];
    const { buildApp } = await import('../src/server/app.ts');
    const broken = await buildApp({
      db: {
        execute: () =>
          Promise.reject(new Error('connection to secret-host:5432 refused for jane@example.org')),
      } as never,
      config: context.config,
      logger: { level: 'error', stream: { write: (line: string) => lines.push(line) } },
    });
    const response = await broken.inject({ method: 'GET', url: '/api/health' });
    await broken.close();
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL');
    expect(response.body).not.toMatch(/secret-host|jane/);
    const logged = lines.join('');
    expect(logged).toMatch(/unexpected error/);
    expect(logged).toMatch(/"reqId"/);
    expect(logged).not.toMatch(/jane@example.org/);
  });
});

describe('API documentation', () => {
  it('documents every API route at /api/docs', async () => {
    const spec = (await admin.request('GET', '/api/docs/json')).json();
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const registered = context.app.apiRoutes.map((route) => `${route.method} ${route.url}`);
    expect(registered.filter((route) => !documented.includes(route))).toEqual([]);
    expect((await admin.request('GET', '/api/docs')).statusCode).toBeLessThan(400);
  });
});
