import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { maximumPasswordLength } from '../../core/accounts/password-policy.ts';
import { users } from '../../db/schema.ts';
import { sendPasswordChangedNotice } from '../../notifications/account-emails.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { createSession, invalidateUserSessions } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { requireMember, setSessionCookie } from '../plugins/authentication.ts';
import { findOrganizationSettings } from '../services/organization.ts';
import { errorResponses, PasswordSchema } from './schemas.ts';

export function meRoutes(app: App, { db, config, now }: AppDependencies): void {
  app.put(
    '/api/me/password',
    {
      config: { action: 'me.update-password' },
      schema: {
        tags: ['session'],
        summary: 'Change your password; signs out your other sessions',
        body: z.object({
          currentPassword: PasswordSchema,
          newPassword: z.string().max(maximumPasswordLength),
        }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const member = requireMember(request);
      const [user] = await db
        .select({ passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.id, member.userId));
      if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new AppError('VALIDATION_FAILED', 'Your current password is not right.', {
          fields: { 'body.currentPassword': 'is not right' },
        });
      }
      const organization = await findOrganizationSettings(db, member.organizationId);
      const passwordHash = await hashPassword(
        request.body.newPassword,
        { email: member.email, organizationName: organization.name },
        'body.newPassword',
      );
      const token = await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash }).where(eq(users.id, member.userId));
        await invalidateUserSessions(tx, member.userId);
        await sendPasswordChangedNotice(tx, member, 'changed');
        return createSession(tx, member, now());
      });
      setSessionCookie(reply, token, config.isCookieSecure);
      return reply.status(204).send(null);
    },
  );
}
