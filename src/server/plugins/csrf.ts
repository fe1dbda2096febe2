import csrfProtection from '@fastify/csrf-protection';
import type { App } from '../app-types.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfHeaderName = 'x-csrf-token';

/**
 * Double-submit protection: the secret lives in an HttpOnly cookie, the web app sends the
 * token it got from GET /api/session in the x-csrf-token header of every state-changing request.
 */
export async function registerCsrfProtection(app: App, isCookieSecure: boolean): Promise<void> {
  await app.register(csrfProtection, {
    cookieKey: isCookieSecure ? '__Host-tend_csrf' : 'tend_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: isCookieSecure },
    getToken: (request) => request.headers[csrfHeaderName] as string | undefined,
  });
  app.addHook('onRequest', (request, reply, done) => {
    const { action, isPostedByIdentityProvider } = request.routeOptions.config;
    if (safeMethods.has(request.method) || !action || isPostedByIdentityProvider) return done();
    app.csrfProtection(request, reply, done);
  });
}
