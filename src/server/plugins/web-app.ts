import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App } from '../app-types.ts';
import { AppError } from '../errors.ts';

/** Where `npm run build:web` writes the web app. */
export const defaultWebRoot = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * Files under assets/ carry a hash of their content in their name, so a browser may keep them for a
 * year without asking; everything else (index.html above all) names the current assets and must be
 * revalidated on every visit, which its ETag makes a 304 when nothing changed. The service worker
 * (sw.js) and the manifest are among them: a cached old worker would keep serving an old app.
 */
function cacheControlFor(assetsDirectory: string, path: string): string {
  return path.startsWith(assetsDirectory) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the built web app from the API's port, sending the build's brotli or gzip copies
 * (`file.br`, `file.gz`, written by scripts/precompress-plugin.ts) to browsers that accept them;
 * any unknown non-API path gets index.html so the browser's router can show it.
 */
export async function registerWebApp(app: App, root = defaultWebRoot): Promise<void> {
  const isBuilt = existsSync(`${root}/index.html`);
  if (isBuilt) {
    const assetsDirectory = join(resolve(root), 'assets') + sep;
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('cache-control', cacheControlFor(assetsDirectory, path)),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      throw new AppError(
        'NOT_FOUND',
        `There is no ${request.method} ${request.url.split('?')[0]}; see /api/docs.`,
      );
    }
    if (!isBuilt)
      return reply.status(404).type('text/plain').send('The web app is not built; run npm run build:web.');
    return reply.sendFile('index.html');
  });
}
