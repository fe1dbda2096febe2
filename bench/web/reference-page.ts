// The reference for bench/web: a bare Fastify server sending one page whose only script weighs a
// given number of bytes (incompressible, sent as is) and draws a sign-in button when it runs.
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';

export async function startReferencePage(
  scriptBytes: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const filler = randomBytes(Math.ceil(scriptBytes * 0.75))
    .toString('base64')
    .slice(0, Math.max(0, scriptBytes - 120));
  const script = `/*${filler}*/document.body.innerHTML='<form><button type="submit">Sign in</button></form>';`;
  const page =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reference</title>' +
    '<script type="module" src="/assets/reference.js"></script></head><body></body></html>';
  const app = Fastify();
  // The same caching as Tend's: the page revalidated on each visit, the hashed-like script kept.
  app.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').type('text/html').send(page));
  app.get('/assets/reference.js', (_request, reply) =>
    reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/javascript').send(script),
  );
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: `${address}/`, close: () => app.close() };
}
