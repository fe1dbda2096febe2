import type { ApiRoute, App } from '../app-types.ts';
import { AppError } from '../errors.ts';
import { isAllowed, requiresSignIn } from '../policy.ts';

/**
 * Every /api route must name its policy action; this refuses to register one that does
 * not, and checks the action on every request before anything is read.
 */
export function registerAuthorization(app: App): void {
  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const action = route.config?.action;
    if (!action) throw new Error(`Route ${route.method} ${route.url} has no policy action in config.action`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, action, schema: route.schema });
    }
  });
  app.addHook('onRequest', async (request) => {
    const action = request.routeOptions.config.action;
    if (!action) return;
    const subject = request.member?.role ?? 'anonymous';
    if (isAllowed(subject, action)) return;
    if (!request.member && requiresSignIn(action)) {
      throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
    }
    throw new AppError('FORBIDDEN', 'Your role does not allow this.');
  });
}
