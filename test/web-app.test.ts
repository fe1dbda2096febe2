import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../scripts/precompress-plugin.ts';
import type { DatabaseConnection } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/app-types.ts';
import { loadConfig } from '../src/server/config.ts';
import { openTestDatabase } from './helpers/test-app.ts';

// A built web app of its own, precompressed as `npm run build:web` does, so the test needs no real build.
const script = `export const greeting = ${JSON.stringify('hello from Tend '.repeat(200))};\n`;
const page = `<!doctype html><html><head><script type="module" src="/assets/entry-Ab12Cd34.js"></script></head><body>${'<p>Tend</p>'.repeat(200)}</body></html>`;

let webRoot: string;
let connection: DatabaseConnection;
let app: App;
beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'tend-web-'));
  await mkdir(join(webRoot, 'assets'));
  await writeFile(join(webRoot, 'index.html'), page);
  await writeFile(join(webRoot, 'assets', 'entry-Ab12Cd34.js'), script);
  await precompressDirectory(webRoot);
  connection = await openTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  app = await buildApp({ db: connection.db, config, webRoot });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await connection.close();
  await rm(webRoot, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the web app as a browser receives it', () => {
  it('writes a brotli and a gzip copy beside each file of the build', async () => {
    const gzipped = await readFile(join(webRoot, 'assets', 'entry-Ab12Cd34.js.gz'));
    expect(gunzipSync(gzipped).toString()).toBe(script);
    await expect(readFile(join(webRoot, 'assets', 'entry-Ab12Cd34.js.br'))).resolves.toBeTruthy();
  });

  it('sends brotli to a browser that accepts it', async () => {
    const response = await get('/assets/entry-Ab12Cd34.js', 'gzip, deflate, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
  });

  it('sends gzip to a browser that accepts gzip but not brotli', async () => {
    const response = await get('/assets/entry-Ab12Cd34.js', 'gzip');
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).toString()).toBe(script);
  });

  it('sends the plain file to a client that accepts no compression', async () => {
    const response = await get('/assets/entry-Ab12Cd34.js');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toBe(script);
  });

  it('lets browsers keep hashed assets for a year without asking again', async () => {
    for (const acceptEncoding of ['br', 'gzip', undefined]) {
      const response = await get('/assets/entry-Ab12Cd34.js', acceptEncoding);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('makes browsers revalidate index.html on every visit, compressed or not', async () => {
    for (const url of ['/', '/index.html', '/journal', '/programs/some-id']) {
      const compressed = await get(url, 'br, gzip');
      expect(compressed.statusCode, url).toBe(200);
      expect(compressed.headers['content-encoding'], url).toBe('br');
      expect(compressed.headers['content-type'], url).toMatch(/text\/html/);
      expect(compressed.headers['cache-control'], url).toBe('no-cache');
      const plain = await get(url);
      expect(plain.body, url).toBe(page);
      expect(plain.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers a revalidation of an unchanged index.html with 304', async () => {
    const first = await get('/', 'gzip');
    const etag = first.headers.etag as string;
    const again = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-encoding': 'gzip', 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
  });
});
