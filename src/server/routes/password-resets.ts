import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { setSessionCookie } from '../plugins/authentication.ts';
import { signInRateLimit } from '../plugins/rate-limits.ts';
import { completePasswordReset, requestPasswordReset } from '../services/password-resets.ts';
import { EmailSchema, errorResponses, PasswordSchema } from './schemas.ts';

const TokenSchema = z.string().regex(/^[a-z2-7]{40,60}$/, 'is not a password link; copy the whole link');

const requestedMessage =
  'If that address belongs to an account, we have sent it a link to choose a new password. It works for an hour.';

export function passwordResetRoutes(app: App, { db, config, now }: AppDependencies): void {
  app.post(
    '/api/password-resets',
    {
      config: { action: 'password-reset.request', rateLimit: signInRateLimit(config) },
      schema: {
        tags: ['session'],
        summary:
          'Forgot password: e-mail a one-time link (same answer whether or not the address has an account)',
        body: z.object({ email: EmailSchema }),
        response: { 202: z.object({ message: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(db, request.body.email, now());
      return reply.status(202).send({ message: requestedMessage });
    },
  );

  app.post(
    '/api/password-resets/accept',
    {
      config: { action: 'password-reset.accept', rateLimit: signInRateLimit(config) },
      schema: {
        tags: ['session'],
        summary: 'Choose a new password with the link; signs out every other session and signs in',
        body: z.object({ token: TokenSchema, password: PasswordSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const token = await completePasswordReset(db, request.body.token, request.body.password, now());
      setSessionCookie(reply, token, config.isCookieSecure);
      return reply.status(204).send(null);
    },
  );
}
