import { z } from 'zod';
import { levels, roles } from '../../core/accounts/roles.ts';

/** Shapes shared by several routes; a route's own shapes sit in its file. */
export const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const RoleSchema = z.enum(roles);
export const LevelSchema = z.enum(levels);
export const EmailSchema = z
  .email('must be an e-mail address')
  .max(254)
  .transform((email) => email.toLowerCase());
export const PasswordSchema = z.string().min(1, 'is required').max(1024);
export const IdParamsSchema = z.object({ id: z.uuid('must be an id') });

export const MemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  level: LevelSchema.nullable(),
  discipline: z.string().nullable(),
  hasPassword: z.boolean(),
  isDisabled: z.boolean(),
  invitation: z
    .object({ sentAt: z.string(), expiresAt: z.string() })
    .nullable()
    .describe('The open invitation, while the person has not chosen a password'),
});

export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  429: ErrorSchema,
};

export const IsoDateSchema = z.iso.date('must be a date as yyyy-mm-dd');
export const ProgramIdParamsSchema = z.object({ programId: z.uuid('must be a program id') });
export const GroupIdParamsSchema = z.object({ groupId: z.uuid('must be a group id') });

/** A video-call link: https only, so a link in a notice never opens an unencrypted or script page. */
export const VideoUrlSchema = z
  .url({ protocol: /^https$/, message: 'must be a link starting with https://' })
  .max(500, 'must be at most 500 characters');
export const MeetingIdParamsSchema = z.object({ meetingId: z.uuid('must be a meeting id') });
