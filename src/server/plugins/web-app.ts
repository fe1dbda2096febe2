import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { App } from '../app-types.ts';
import { AppError } from '../errors.ts';

const webRoot = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * The service worker and the manifest keep their names across releases, so browsers must ask each time
 * whether they changed: a cached old worker would keep serving an old app.
 */
function revalidateAppFiles(reply: FastifyReply, path: string): void {
  if (path.endsWith('/sw.js') || path.endsWith('.webmanifest')) reply.header('cache-control', 'no-cache');
}

/**
 * Serves the built web app from the API's port; any unknown non-API path gets index.html
 * so the browser's router can show it.
 */
export async function registerWebApp(app: App): Promise<void> {
  const isBuilt = existsSync(`${webRoot}/index.html`);
  if (isBuilt)
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, setHeaders: revalidateAppFiles });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      throw new AppError(
        'NOT_FOUND',
        `There is no ${request.method} ${request.url.split('?')[0]}; see /api/docs.`,
      );
    }
    if (!isBuilt)
      return reply.status(404).type('text/plain').send('The web app is not built; run npm run build:web.');
    return reply.sendFile('index.html', { maxAge: 0 });
  });
}
