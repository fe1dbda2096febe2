import { z } from 'zod';
import { recognitionKinds, recognitionVisibilities } from '../../core/recognition/recognition-visibility.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { searchColleagues } from '../services/colleagues.ts';
import {
  listRecognitions,
  readRecognitionPreferences,
  sendRecognition,
  updateRecognitionPreferences,
} from '../services/recognitions.ts';
import { errorResponses } from './schemas.ts';
import { LongTextSchema, ShortTextSchema } from './text-schemas.ts';

const PersonSchema = z.object({ id: z.string(), name: z.string() });
const RecognitionSchema = z.object({
  id: z.string(),
  kind: z.enum(recognitionKinds),
  message: z.string(),
  visibility: z.enum(recognitionVisibilities),
  group: PersonSchema.nullable(),
  sender: PersonSchema,
  recipient: PersonSchema,
  createdAt: z.string(),
});
const PreferencesSchema = z.object({ acceptsPublicRecognition: z.boolean() });

export function recognitionRoutes(app: App, { db, now }: AppDependencies): void {
  app.get(
    '/api/colleagues',
    {
      config: { action: 'colleagues.search' },
      schema: {
        tags: ['recognition'],
        summary: 'Colleagues in your organisation by name, for recognition or supervision',
        querystring: z.object({
          search: ShortTextSchema.min(2, 'type at least 2 letters of a name').max(100),
        }),
        response: {
          200: z.object({
            colleagues: z.array(
              PersonSchema.extend({
                acceptsPublicRecognition: z.boolean(),
                sharedGroups: z.array(PersonSchema),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      colleagues: await searchColleagues(db, requireMember(request), request.query.search),
    }),
  );

  app.post(
    '/api/recognitions',
    {
      config: { action: 'recognitions.create', sendingLimit: 'recognition' },
      schema: {
        tags: ['recognition'],
        summary:
          'Thank or recognise a colleague; shown to them, and to a shared group or the organisation if they accept it',
        body: z.object({
          recipientId: z.uuid('choose a colleague'),
          kind: z.enum(recognitionKinds, 'must be accomplishment, gratitude or effort'),
          message: LongTextSchema.trim().min(1, 'write a message').max(1000, 'keep it under 1000 characters'),
          visibility: z.enum(recognitionVisibilities, 'must be private, group or organization'),
          groupId: z.uuid('must be a group id').nullable().optional(),
        }),
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await sendRecognition(db, requireMember(request), request.body, now());
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/recognitions',
    {
      config: { action: 'recognitions.list' },
      schema: {
        tags: ['recognition'],
        summary: 'Recognition you received and sent, and the wall of your organisation and groups',
        response: {
          200: z.object({
            received: z.array(RecognitionSchema),
            sent: z.array(RecognitionSchema),
            wall: z.array(RecognitionSchema),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => listRecognitions(db, requireMember(request)),
  );

  app.get(
    '/api/me/recognition-preferences',
    {
      config: { action: 'recognition-preferences.read' },
      schema: {
        tags: ['recognition'],
        summary: 'Whether you receive public recognition',
        response: { 200: PreferencesSchema, ...errorResponses },
      },
    },
    async (request) => readRecognitionPreferences(db, requireMember(request)),
  );

  app.put(
    '/api/me/recognition-preferences',
    {
      config: { action: 'recognition-preferences.update' },
      schema: {
        tags: ['recognition'],
        summary: 'Turn public recognition of you on or off; private thanks always reach you',
        body: PreferencesSchema,
        response: { 200: PreferencesSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateRecognitionPreferences(db, requireMember(request), request.body.acceptsPublicRecognition),
  );
}
