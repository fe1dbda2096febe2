import { z } from 'zod';
import { levels, roles } from '../../core/accounts/roles.ts';
import { audiences } from '../../core/curriculum/topic.ts';
import { decodePageCursor, isExactTime } from '../../db/page-cursor.ts';
import { ShortTextSchema } from './text-schemas.ts';

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

/**
 * The query of a list that comes a page at a time (db/page-cursor.ts): `after`, the previous page's
 * nextCursor, arrives decoded into its key, and anything Tend did not give out answers 400 naming it.
 */
export function pageQuery(options: { sortedBy: 'text' | 'time'; limit: number; maxLimit: number }) {
  return {
    after: ShortTextSchema.max(2000)
      .transform((cursor, context) => {
        const key = decodePageCursor(cursor);
        if (key && (options.sortedBy === 'text' || isExactTime(key[0]))) return key;
        context.addIssue({ code: 'custom', message: 'is not a cursor from a previous page', input: cursor });
        return z.NEVER;
      })
      .optional()
      .describe('nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(options.maxLimit).default(options.limit),
  };
}

/** A list's search: rows containing the text (case-insensitively) in what the description names. */
export function searchQuery(what: string) {
  return { search: ShortTextSchema.max(200).optional().describe(what) };
}

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

/** Free text shown only once enough people wrote some (core/evaluation/release-comments.ts). */
export const CommentReleaseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('released'),
    respondentCount: z.number(),
    comments: z.array(z.string()).readonly(),
  }),
  z.object({ status: z.literal('withheld'), minimumRespondents: z.number(), message: z.string() }),
]);

/** The same, with repeated comments folded into one with how many wrote it (core/feedback/fold-comments.ts). */
export const FoldedCommentReleaseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('released'),
    respondentCount: z.number(),
    comments: z.array(z.object({ text: z.string(), count: z.number() })).readonly(),
  }),
  z.object({ status: z.literal('withheld'), minimumRespondents: z.number(), message: z.string() }),
]);

/**
 * A file rather than JSON (a PDF, a CSV, a calendar): the OpenAPI document names its content types, and
 * the body is the file itself — text, or bytes for `binary`. A file is sent as is, never serialized.
 */
export function fileResponse(description: string, contentTypes: Record<string, 'text' | 'binary'>) {
  return {
    description,
    content: Object.fromEntries(
      Object.entries(contentTypes).map(([contentType, kind]) => [
        contentType,
        {
          schema:
            kind === 'binary'
              ? z.instanceof(Uint8Array).meta({ type: 'string', format: 'binary' })
              : z.string(),
        },
      ]),
    ),
  };
}

/** A topic as core/curriculum/topic.ts defines it: shipped with Tend or written by an organisation. */
export const TopicSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  goals: z.array(z.string()).readonly(),
  facilitatorBriefing: z.array(z.string()).readonly().describe('For facilitators only; empty for others'),
  openingCheckIn: z.string(),
  discussionPrompts: z
    .array(
      z.object({
        text: z.string(),
        facilitatorNote: z.string().optional().describe('For facilitators only'),
        suggestedMinutes: z.number().optional(),
      }),
    )
    .readonly(),
  practice: z.object({ name: z.string(), steps: z.array(z.string()).readonly(), minutes: z.number() }),
  followUpPrompts: z.array(z.string()).readonly(),
  skill: z.string(),
  catchUpSummary: z.string(),
  audiences: z.array(z.enum(audiences)).readonly(),
  tags: z.array(z.string()).readonly(),
  estimatedMinutes: z.number(),
});

export const IsoDateSchema = z.iso.date('must be a date as yyyy-mm-dd');
export const ProgramIdParamsSchema = z.object({ programId: z.uuid('must be a program id') });
export const GroupIdParamsSchema = z.object({ groupId: z.uuid('must be a group id') });

/** A video-call link: https only, so a link in a notice never opens an unencrypted or script page. */
export const VideoUrlSchema = z
  .url({ protocol: /^https$/, message: 'must be a link starting with https://' })
  .max(500, 'must be at most 500 characters');
export const MeetingIdParamsSchema = z.object({ meetingId: z.uuid('must be a meeting id') });
