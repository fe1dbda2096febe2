import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { createTopic, listTopics, updateTopic } from '../services/topics.ts';
import { errorResponses, TopicSchema } from './schemas.ts';
import { ShortTextSchema, TextDocumentSchema } from './text-schemas.ts';

const TopicEntrySchema = z.object({
  ref: z.string(),
  source: z.enum(['tend', 'organization', 'shared']),
  sharedBy: z.string().nullable(),
  isShared: z.boolean(),
  basedOn: z.string().nullable(),
  topic: TopicSchema,
});

export function topicRoutes(app: App, { db, now }: AppDependencies): void {
  app.get(
    '/api/topics',
    {
      config: { action: 'topics.list' },
      schema: {
        tags: ['curriculum'],
        summary: "The topic library: Tend's, your organisation's own, and topics other organisations share",
        response: { 200: z.object({ topics: z.array(TopicEntrySchema) }), ...errorResponses },
      },
    },
    async (request) => ({ topics: await listTopics(db, requireMember(request).organizationId) }),
  );

  app.post(
    '/api/topics',
    {
      config: { action: 'topics.create' },
      schema: {
        tags: ['curriculum'],
        summary: "Write a topic, or save an edited copy of one (basedOn), in your organisation's library",
        body: z.object({
          topic: TextDocumentSchema,
          basedOn: ShortTextSchema.max(80).nullable().default(null),
          isShared: z.boolean().default(false),
        }),
        response: { 201: TopicEntrySchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTopic(db, requireMember(request), request.body)),
  );

  app.put(
    '/api/topics/:topicId',
    {
      config: { action: 'topics.update' },
      schema: {
        tags: ['curriculum'],
        summary: "Edit one of your organisation's topics, or share it with other organisations",
        params: z.object({ topicId: z.uuid('must be the id of one of your organisation’s topics') }),
        body: z.object({ topic: TextDocumentSchema, isShared: z.boolean().default(false) }),
        response: { 200: TopicEntrySchema, ...errorResponses },
      },
    },
    async (request) => updateTopic(db, requireMember(request), request.params.topicId, request.body, now()),
  );
}
