import { z } from 'zod';
import { parseRoster } from '../../core/accounts/parse-roster.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { AppError } from '../errors.ts';
import { requireMember } from '../plugins/authentication.ts';
import { createMember, importRoster, listMembers, updateMember } from '../services/accounts.ts';
import { inviteEveryoneNotYetInvited, inviteMember } from '../services/invitations.ts';
import {
  EmailSchema,
  errorResponses,
  IdParamsSchema,
  LevelSchema,
  MemberSchema,
  pageQuery,
  RoleSchema,
  searchQuery,
} from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

const NameSchema = ShortTextSchema.min(1, 'is required').max(200);
const DisciplineSchema = ShortTextSchema.max(100).nullable();

const NewMemberSchema = z.object({
  name: NameSchema,
  email: EmailSchema,
  role: RoleSchema,
  level: LevelSchema.nullable().default(null),
  discipline: DisciplineSchema.default(null),
});

const MemberChangesSchema = z
  .object({
    name: NameSchema,
    role: RoleSchema,
    level: LevelSchema.nullable(),
    discipline: DisciplineSchema,
    isDisabled: z.boolean(),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'name at least one field to change');

const ImportReportSchema = z.object({
  created: z.array(z.object({ row: z.number(), email: z.string(), name: z.string() })),
  rejected: z.array(z.object({ row: z.number(), email: z.string(), reasons: z.array(z.string()) })),
});

export function userRoutes(app: App, { db, now }: AppDependencies): void {
  app.get(
    '/api/users',
    {
      config: { action: 'users.list' },
      schema: {
        tags: ['users'],
        summary: "One page of the organisation's members with their roles, by name; search by name or e-mail",
        querystring: z.object({
          ...searchQuery('Part of a name or e-mail address'),
          ...pageQuery({ sortedBy: 'text', limit: 100, maxLimit: 200 }),
        }),
        response: {
          200: z.object({
            users: z.array(MemberSchema),
            nextCursor: z.string().nullable(),
            notYetActiveCount: z
              .number()
              .describe('Members matching the search who have not chosen a password'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => listMembers(db, requireMember(request).organizationId, request.query),
  );

  app.post(
    '/api/users',
    {
      config: { action: 'users.create' },
      schema: {
        tags: ['users'],
        summary: 'Create a member with a role',
        body: NewMemberSchema,
        response: { 201: MemberSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const member = requireMember(request);
      const created = await createMember(db, member, request.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { action: 'users.update' },
      schema: {
        tags: ['users'],
        summary: "Change a member's name, role, level or discipline, or disable the account",
        params: IdParamsSchema,
        body: MemberChangesSchema,
        response: { 200: MemberSchema, ...errorResponses },
      },
    },
    async (request) => updateMember(db, requireMember(request), request.params.id, request.body, now()),
  );

  app.post(
    '/api/users/import',
    {
      config: { action: 'users.import' },
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags: ['users'],
        summary: 'Import members from a roster CSV (name, email, role, level, discipline)',
        body: z.object({ csv: z.string().min(1, 'is empty; choose a roster file') }),
        response: { 200: ImportReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const parsed = parseRoster(request.body.csv);
      if (!parsed.ok)
        throw new AppError('ROSTER_UNREADABLE', parsed.message, { fields: { 'body.csv': parsed.message } });
      return importRoster(db, requireMember(request), parsed);
    },
  );

  app.post(
    '/api/users/:id/invitation',
    {
      config: { action: 'users.invite' },
      schema: {
        tags: ['users'],
        summary:
          'E-mail the person a one-time link to choose a password (valid 7 days); again to resend. Only for accounts that never had a password, and never for an admin',
        params: IdParamsSchema,
        response: { 201: z.object({ email: z.string(), expiresAt: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { email, expiresAt } = await inviteMember(db, requireMember(request), request.params.id, now());
      // The link itself is never shown to the admin: it goes to the person's own inbox only.
      return reply.status(201).send({ email, expiresAt: expiresAt.toISOString() });
    },
  );

  app.post(
    '/api/users/invitations',
    {
      config: { action: 'users.invite' },
      schema: {
        tags: ['users'],
        summary:
          'E-mail an invitation to everyone who has no password and no open invitation (admins excepted)',
        response: { 200: z.object({ invited: z.number() }), ...errorResponses },
      },
    },
    async (request) => inviteEveryoneNotYetInvited(db, requireMember(request), now()),
  );
}
