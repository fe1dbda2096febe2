import { z } from 'zod';
import { supervisionLimits } from '../../core/supervision/plan-conversations.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import {
  listSupervision,
  proposeSupervision,
  readConversation,
  respondToSupervision,
  updateConversationNotes,
} from '../services/supervision.ts';
import { endSupervision, moveConversation } from '../services/supervision-schedule.ts';
import { errorResponses } from './schemas.ts';
import { LongTextSchema, ShortTextSchema } from './text-schemas.ts';

const PairingParamsSchema = z.object({ pairingId: z.uuid('must be a supervision id') });
const ConversationParamsSchema = z.object({ conversationId: z.uuid('must be a conversation id') });
const PairingStatusSchema = z.enum(['proposed', 'active', 'declined', 'ended', 'withdrawn']);
const PersonSchema = z.object({ id: z.string(), name: z.string() });
const NoteFieldSchema = LongTextSchema.max(5000, 'keep each part under 5000 characters');
const NotesSchema = z.object({
  experiences: NoteFieldSchema,
  reactions: NoteFieldSchema,
  whatHelped: NoteFieldSchema,
  nextSteps: NoteFieldSchema,
});
const ConversationSchema = z.object({
  id: z.string(),
  pairingId: z.string(),
  status: PairingStatusSchema,
  sequence: z.number(),
  conversationCount: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  cancelledAt: z.string().nullable(),
  colleague: PersonSchema,
  notes: NotesSchema,
  notesUpdatedAt: z.string().nullable(),
});

const wholeNumber = (limits: { min: number; max: number }) =>
  z
    .number()
    .int('must be a whole number')
    .min(limits.min, `must be at least ${limits.min}`)
    .max(limits.max, `must be at most ${limits.max}`);

/** Reflective supervision: every pairing and its notes are for its two people only. */
export function supervisionRoutes(app: App, { db, now, organizer }: AppDependencies): void {
  app.get(
    '/api/supervision',
    {
      config: { action: 'supervision.read' },
      schema: {
        tags: ['supervision'],
        summary: 'Your supervision arrangements, as supervisor or clinician, with their conversations',
        response: {
          200: z.object({
            pairings: z.array(
              z.object({
                id: z.string(),
                status: PairingStatusSchema,
                myRole: z.enum(['supervisor', 'supervisee']),
                colleague: PersonSchema,
                isProposedByMe: z.boolean(),
                cadenceWeeks: z.number(),
                minutes: z.number(),
                place: z.string().nullable(),
                videoUrl: z.string().nullable(),
                conversations: z.array(
                  z.object({
                    id: z.string(),
                    sequence: z.number(),
                    startsAt: z.string(),
                    endsAt: z.string(),
                    cancelledAt: z.string().nullable(),
                    hasNotes: z.boolean(),
                  }),
                ),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => listSupervision(db, requireMember(request)),
  );

  app.post(
    '/api/supervision/pairings',
    {
      config: { action: 'supervision.propose', sendingLimit: 'supervision-message' },
      schema: {
        tags: ['supervision'],
        summary: 'Propose recurring supervision conversations to a colleague; active once they accept',
        body: z.object({
          colleagueId: z.uuid('choose a colleague'),
          myRole: z.enum(['supervisor', 'supervisee'], 'must be supervisor or supervisee'),
          firstDate: z.iso.date('must be a date as yyyy-mm-dd'),
          time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as hh:mm, e.g. 14:30'),
          timeZone: ShortTextSchema.min(1, 'is required').max(100),
          cadenceWeeks: wholeNumber(supervisionLimits.cadenceWeeks),
          count: wholeNumber(supervisionLimits.count),
          minutes: wholeNumber(supervisionLimits.minutes),
          place: ShortTextSchema.max(200).nullable().optional(),
          videoUrl: z.url('must be a link starting with https://').max(500).nullable().optional(),
        }),
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await proposeSupervision(db, requireMember(request), request.body, now());
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/supervision/pairings/:pairingId/response',
    {
      config: { action: 'supervision.respond', sendingLimit: 'supervision-message' },
      schema: {
        tags: ['supervision'],
        summary: 'Accept or decline supervision a colleague proposed to you',
        params: PairingParamsSchema,
        body: z.object({ isAccepted: z.boolean() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await respondToSupervision(
        db,
        requireMember(request),
        request.params.pairingId,
        request.body.isAccepted,
        now(),
        organizer,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/supervision/pairings/:pairingId/end',
    {
      config: { action: 'supervision.end', sendingLimit: 'supervision-message' },
      schema: {
        tags: ['supervision'],
        summary:
          'End an active supervision (or withdraw your proposal): conversations still ahead are cancelled, notes stay',
        params: PairingParamsSchema,
        response: {
          200: z.object({ status: PairingStatusSchema, cancelledConversations: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => endSupervision(db, requireMember(request), request.params.pairingId, now(), organizer),
  );

  app.post(
    '/api/supervision/conversations/:conversationId/move',
    {
      config: { action: 'supervision-conversations.move', sendingLimit: 'supervision-message' },
      schema: {
        tags: ['supervision'],
        summary: 'Move one conversation still ahead to a new time; your colleague is told',
        params: ConversationParamsSchema,
        body: z.object({
          date: z.iso.date('must be a date as yyyy-mm-dd'),
          time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as hh:mm, e.g. 14:30'),
          timeZone: ShortTextSchema.min(1, 'is required').max(100),
        }),
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (request) =>
      moveConversation(
        db,
        requireMember(request),
        request.params.conversationId,
        request.body,
        now(),
        organizer,
      ),
  );

  app.get(
    '/api/supervision/conversations/:conversationId',
    {
      config: { action: 'supervision.read' },
      schema: {
        tags: ['supervision'],
        summary: 'One supervision conversation and its notes (the two of you only)',
        params: ConversationParamsSchema,
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (request) => readConversation(db, requireMember(request), request.params.conversationId),
  );

  app.put(
    '/api/supervision/conversations/:conversationId/notes',
    {
      config: { action: 'supervision-notes.update' },
      schema: {
        tags: ['supervision'],
        summary: 'Keep notes on a conversation: experiences, reactions, what helped, next steps',
        params: ConversationParamsSchema,
        body: NotesSchema,
        response: { 200: ConversationSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateConversationNotes(db, requireMember(request), request.params.conversationId, request.body, now()),
  );
}
