import helmet from '@fastify/helmet';
import type { App } from '../app-types.ts';

export async function registerSecurityHeaders(app: App, isCookieSecure: boolean): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        // Mantine injects its CSS variables in a style element.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'script-src': ["'self'"],
        'upgrade-insecure-requests': isCookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: isCookieSecure,
  });
  // Answers carry personal data; no browser or proxy cache may keep them.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      reply.header('cache-control', 'no-store');
    }
  });
}
