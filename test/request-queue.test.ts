import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConnection } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/app-types.ts';
import { loadConfig } from '../src/server/config.ts';
import type { RequestQueueOptions } from '../src/server/plugins/request-queue.ts';
import { openTestDatabase } from './helpers/test-app.ts';

let connection: DatabaseConnection;
beforeAll(async () => {
  connection = await openTestDatabase();
});
afterAll(() => connection.close());

/** An app with one extra route that holds its place until the test opens the gate. */
async function appWithHeldRoute(requestQueue: RequestQueueOptions) {
  const app: App = await buildApp({
    db: connection.db,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    requestQueue,
  });
  const started: string[] = [];
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  app.get('/api/test/hold/:name', { config: { action: 'health.read' } }, async (request) => {
    const { name } = request.params as { name: string };
    started.push(name);
    if (name.startsWith('hold')) await gate;
    return { name };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  const get = (name: string) => fetch(`http://127.0.0.1:${port}/api/test/hold/${name}`);
  return { app, started, open: () => open(), get, port };
}

describe('the request queue in front of the embedded database', () => {
  it('answers 503 with Retry-After when the line is full, and drops a request whose client left', async () => {
    const { app, started, open, port, get } = await appWithHeldRoute({
      maxConcurrent: 1,
      maxWaiting: 1,
      maxWaitMs: 60_000,
    });
    try {
      const first = get('hold-first');
      await expect.poll(() => started).toEqual(['hold-first']);

      // A second request waits in line, so the line is full; its client then gives up.
      const leaving = httpRequest({ port, host: '127.0.0.1', path: '/api/test/hold/left' });
      leaving.on('error', () => {});
      leaving.end();
      await expect.poll(() => app.requestQueueLength?.()).toBe(1);
      const full = await get('turned-away');
      expect(full.status).toBe(503);
      expect(full.headers.get('retry-after')).toBe('2');
      expect((await full.json()).error.code).toBe('SERVICE_UNAVAILABLE');
      leaving.destroy();
      await expect.poll(() => app.requestQueueLength?.()).toBe(0);

      open();
      expect((await first).status).toBe(200);
      expect((await get('after')).status).toBe(200);
      // The request whose client left was never worked on.
      expect(started).toEqual(['hold-first', 'after']);
    } finally {
      open();
      await app.close();
    }
  });

  it('answers 503 instead of hanging when a request waits too long', async () => {
    const { app, open, get, started } = await appWithHeldRoute({
      maxConcurrent: 1,
      maxWaiting: 10,
      maxWaitMs: 50,
    });
    try {
      const first = get('hold-first');
      await expect.poll(() => started).toEqual(['hold-first']);
      const waited = await get('second');
      expect(waited.status).toBe(503);
      open();
      expect((await first).status).toBe(200);
      expect((await get('third')).status).toBe(200);
    } finally {
      open();
      await app.close();
    }
  });
});
