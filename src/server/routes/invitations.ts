import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { createSession } from '../auth/sessions.ts';
import { setSessionCookie } from '../plugins/authentication.ts';
import { signInRateLimit } from '../plugins/rate-limits.ts';
import { acceptInvitation, describeInvitation } from '../services/invitations.ts';
import { errorResponses, PasswordSchema } from './schemas.ts';

const TokenSchema = z.string().regex(/^[a-z2-7]{40,60}$/, 'is not an invitation token; copy the whole link');

export function invitationRoutes(app: App, { db, config, now }: AppDependencies): void {
  app.post(
    '/api/invitations/lookup',
    {
      config: { action: 'invitation.read', rateLimit: signInRateLimit(config) },
      schema: {
        tags: ['session'],
        summary: 'Whom an invitation link is for',
        body: z.object({ token: TokenSchema }),
        response: { 200: z.object({ name: z.string(), email: z.string() }), ...errorResponses },
      },
    },
    async (request) => describeInvitation(db, request.body.token, now()),
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { action: 'invitation.accept', rateLimit: signInRateLimit(config) },
      schema: {
        tags: ['session'],
        summary: 'Set a password with an invitation link, and sign in',
        body: z.object({ token: TokenSchema, password: PasswordSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const member = await acceptInvitation(db, request.body.token, request.body.password, now());
      setSessionCookie(reply, await createSession(db, member, now()), config.isCookieSecure);
      return reply.status(204).send(null);
    },
  );
}
