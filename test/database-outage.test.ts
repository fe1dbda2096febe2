import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/connect.ts';
import * as schema from '../src/db/schema.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';

// Port 1 on loopback: nothing listens there, as when the database server is down or restarting.
const pool = new pg.Pool({
  connectionString: 'postgres://tend@127.0.0.1:1/tend',
  connectionTimeoutMillis: 2_000,
});
pool.on('error', () => {});
afterAll(() => pool.end());

describe('when the database is down', () => {
  it('answers 503 with Retry-After and says nothing was changed, instead of a 500', async () => {
    const logged: string[] = [];
    const app = await buildApp({
      db: drizzle(pool, { schema }) as unknown as Database,
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error' }),
      logStream: { write: (line) => logged.push(line) },
    });
    try {
      const response = await app.inject({
        method: 'GET',
        url: '/api/dashboard',
        cookies: { tend_session: 'a'.repeat(52) },
      });
      expect(response.statusCode).toBe(503);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.json().error).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: expect.stringMatching(/nothing was changed/),
      });
      expect(logged.join('\n')).toMatch(/database unavailable/);
    } finally {
      await app.close();
    }
  });
});
