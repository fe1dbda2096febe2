import type { FastifyReply } from 'fastify';
import type { App, AppDependencies } from '../app-types.ts';
import { type SignedInMember, validateSession } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';

export function sessionCookieName(isCookieSecure: boolean): string {
  // The __Host- prefix makes browsers refuse the cookie unless Secure, Path=/ and host-only.
  return isCookieSecure ? '__Host-tend_session' : 'tend_session';
}

/** Reads the session cookie on every request and exposes the signed-in member as request.member. */
export function registerAuthentication(app: App, { db, config, now }: AppDependencies): void {
  const cookieName = sessionCookieName(config.isCookieSecure);
  app.decorateRequest('member', null);
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[cookieName];
    if (!token) return;
    request.member = await validateSession(db, token, now(), config.session);
    if (!request.member) clearSessionCookie(reply, config.isCookieSecure);
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, isCookieSecure: boolean): void {
  reply.setCookie(sessionCookieName(isCookieSecure), token, {
    path: '/',
    httpOnly: true,
    secure: isCookieSecure,
    sameSite: 'lax',
  });
}

export function clearSessionCookie(reply: FastifyReply, isCookieSecure: boolean): void {
  reply.clearCookie(sessionCookieName(isCookieSecure), {
    path: '/',
    httpOnly: true,
    secure: isCookieSecure,
    sameSite: 'lax',
  });
}

/** The signed-in member; routes call it after the policy hook has already refused anonymous requests. */
export function requireMember(request: { member: SignedInMember | null }): SignedInMember {
  if (!request.member) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return request.member;
}
