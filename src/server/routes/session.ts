import { z } from 'zod';
import { createSignInThrottle } from '../../core/accounts/sign-in-throttle.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { createSession, invalidateSession } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { clearSessionCookie, requireMember, setSessionCookie } from '../plugins/authentication.ts';
import { signInRateLimit } from '../plugins/rate-limits.ts';
import { checkCredentials } from '../services/sign-in.ts';
import { providerLogoutUrl } from '../services/sso-logout.ts';
import { EmailSchema, errorResponses, LevelSchema, PasswordSchema, RoleSchema } from './schemas.ts';

export const SessionSchema = z.object({
  csrfToken: z.string(),
  member: z
    .object({
      userId: z.string(),
      organizationId: z.string(),
      name: z.string(),
      email: z.string(),
      role: RoleSchema,
      level: LevelSchema.nullable(),
      discipline: z.string().nullable(),
    })
    .nullable(),
});

function tryAgainIn(seconds: number): string {
  return seconds < 90
    ? `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`
    : `Try again in ${Math.ceil(seconds / 60)} minutes.`;
}

export function sessionRoutes(app: App, { db, config, now }: AppDependencies): void {
  const throttle = createSignInThrottle({
    freeFailures: config.signIn.maxFailures,
    firstDelayMs: 30_000,
    maxDelayMs: config.signIn.failureWindowMs,
    addressMaxFailures: config.signIn.addressMaxFailures,
    addressWindowMs: config.signIn.failureWindowMs,
  });

  app.get(
    '/api/session',
    {
      config: { action: 'session.read' },
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, and the CSRF token to send with changes',
        response: { 200: SessionSchema },
      },
    },
    async (request, reply) => {
      const member = request.member;
      return {
        csrfToken: reply.generateCsrf(),
        member: member
          ? {
              userId: member.userId,
              organizationId: member.organizationId,
              name: member.name,
              email: member.email,
              role: member.role,
              level: LevelSchema.nullable().catch(null).parse(member.level),
              discipline: member.discipline,
            }
          : null,
      };
    },
  );

  app.post(
    '/api/session',
    {
      config: { action: 'session.create', rateLimit: signInRateLimit(config) },
      schema: {
        tags: ['session'],
        summary: 'Sign in with e-mail and password',
        body: z.object({ email: EmailSchema, password: PasswordSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const keys = { account: email.toLowerCase(), address: request.ip };
      const time = now().getTime();
      const { isBlocked, retryAfterSeconds } = throttle.check(keys, time);
      if (isBlocked) {
        throw new AppError(
          'TOO_MANY_ATTEMPTS',
          `Too many failed sign-ins. ${tryAgainIn(retryAfterSeconds)}`,
          {
            headers: { 'retry-after': String(retryAfterSeconds) },
          },
        );
      }
      const member = await checkCredentials(db, email, password);
      if (!member) {
        throttle.recordFailure(keys, time);
        throw new AppError('INVALID_CREDENTIALS', 'That e-mail and password do not match an account.');
      }
      throttle.recordSuccess(keys.account);
      // A new token at every sign-in, so a token planted before sign-in is worthless after it.
      if (request.member) await invalidateSession(db, request.member.sessionId);
      const token = await createSession(db, member, now());
      setSessionCookie(reply, token, config.isCookieSecure);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/session',
    {
      config: { action: 'session.delete' },
      schema: {
        tags: ['session'],
        summary: 'Sign out, and where to send the browser so the identity provider signs out too',
        response: {
          200: z.object({
            providerLogoutUrl: z
              .string()
              .nullable()
              .describe("The identity provider's single-logout address; null after a password sign-in"),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const member = requireMember(request);
      await invalidateSession(db, member.sessionId);
      clearSessionCookie(reply, config.isCookieSecure);
      return { providerLogoutUrl: await providerLogoutUrl(db, config, member.ssoLink) };
    },
  );
}
