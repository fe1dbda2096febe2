import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { maximumPasswordLength } from '../../core/accounts/password-policy.ts';
import { users } from '../../db/schema.ts';
import { sendPasswordChangedNotice } from '../../notifications/account-emails.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { createSession, invalidateUserSessions } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { clearSessionCookie, requireMember, setSessionCookie } from '../plugins/authentication.ts';
import { findOrganizationSettings } from '../services/organization.ts';
import { accountClosingStatement, closeAccount, exportOwnData } from '../services/own-data.ts';
import { renderOwnDataPdf } from '../services/own-data-document.ts';
import { ErrorSchema, errorResponses, fileResponse, PasswordSchema } from './schemas.ts';

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

  app.get(
    '/api/me/data',
    {
      config: { action: 'my-data.export' },
      schema: {
        tags: ['session'],
        summary:
          'Download everything Tend holds about you (JSON): account, enrolments, reflections, questionnaire answers, posts, feedback, recognitions, notices',
        response: {
          200: z.looseObject({ exportedAt: z.string(), about: z.string() }).describe('application/json'),
          401: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const data = await exportOwnData(db, requireMember(request), now());
      return reply
        .header(
          'content-disposition',
          `attachment; filename="tend-my-data-${data.exportedAt.slice(0, 10)}.json"`,
        )
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );

  app.get(
    '/api/me/data.pdf',
    {
      config: { action: 'my-data.export' },
      schema: {
        tags: ['session'],
        summary: 'The same data as /api/me/data, as a PDF to read',
        response: {
          200: fileResponse('Your data as a PDF', { 'application/pdf': 'binary' }),
          401: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const data = await exportOwnData(db, requireMember(request), now());
      const pdf = await renderOwnDataPdf(data);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="tend-my-data-${data.exportedAt.slice(0, 10)}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/me/account-closing',
    {
      config: { action: 'me.read' },
      schema: {
        tags: ['session'],
        summary: 'What closing your account deletes, and what stays behind in anonymous form',
        response: { 200: z.object({ statement: z.array(z.string()) }), ...errorResponses },
      },
    },
    async () => ({ statement: accountClosingStatement }),
  );

  app.post(
    '/api/me/account-closing',
    {
      config: { action: 'me.close-account' },
      schema: {
        tags: ['session'],
        summary: 'Close your account: needs your password; deletes your data and signs you out everywhere',
        body: z.object({
          password: PasswordSchema,
          isConfirmed: z.literal(true, { error: 'confirm that you want to close your account' }),
        }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await closeAccount(db, requireMember(request), request.body.password, now());
      clearSessionCookie(reply, config.isCookieSecure);
      return reply.status(204).send(null);
    },
  );
}
