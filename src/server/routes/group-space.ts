import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { dismissReports, hidePost, reportPost, unhidePost } from '../services/group-post-moderation.ts';
import { createPost, deletePost, listOwnPosts, readGroupSpace, updatePost } from '../services/group-space.ts';
import { errorResponses, pageQuery, searchQuery } from './schemas.ts';
import { LongTextSchema } from './text-schemas.ts';

const GroupIdParamsSchema = z.object({ groupId: z.uuid('must be a group id') });
const PostParamsSchema = GroupIdParamsSchema.extend({ postId: z.uuid('must be a post id') });
const PostBodySchema = LongTextSchema.trim()
  .min(1, 'write something first')
  .max(4000, 'keep it under 4000 characters');
const ReasonSchema = LongTextSchema.trim()
  .min(1, 'give a reason')
  .max(500, 'keep the reason under 500 characters');

const PresentedPostSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  authorLabel: z.string(),
  isAnonymous: z.boolean(),
  isMine: z.boolean(),
  body: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  isHidden: z.boolean(),
  hiddenReason: z.string().nullable(),
});

const GroupSpaceSchema = z.object({
  group: z.object({ id: z.string(), name: z.string(), programTitle: z.string() }),
  isFacilitator: z.boolean(),
  guidelines: z.array(z.string()),
  posts: z.array(PresentedPostSchema.extend({ replies: z.array(PresentedPostSchema) })),
  nextCursor: z.string().nullable(),
  reports: z.array(z.object({ postId: z.string(), count: z.number(), reasons: z.array(z.string()) })),
});

/** A group's private discussion space: its members and facilitators only (see policy.canReadGroupSpace). */
export function groupSpaceRoutes(app: App, { db, now }: AppDependencies): void {
  app.get(
    '/api/me/posts',
    {
      config: { action: 'my-posts.list' },
      schema: {
        tags: ['group space'],
        summary:
          'Everything you wrote in any group space, also in groups you have left, so you can delete it at any time',
        response: {
          200: z.object({
            posts: z.array(
              z.object({
                id: z.string(),
                groupId: z.string(),
                groupName: z.string(),
                programTitle: z.string(),
                isReply: z.boolean(),
                isAnonymous: z.boolean(),
                isHidden: z.boolean(),
                isStillMember: z.boolean(),
                body: z.string(),
                createdAt: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ posts: await listOwnPosts(db, requireMember(request)) }),
  );

  app.get(
    '/api/groups/:groupId/space',
    {
      config: { action: 'group-space.read' },
      schema: {
        tags: ['group space'],
        summary:
          "Your group's space: guidelines, a page of posts (newest first) with their replies, or of the threads containing a search; facilitators also get open reports",
        params: GroupIdParamsSchema,
        querystring: z.object({
          ...searchQuery(
            'Part of the words of a post or of a reply to it (not of hidden posts, not authors)',
          ),
          ...pageQuery({ sortedBy: 'time', limit: 30, maxLimit: 100 }),
        }),
        response: { 200: GroupSpaceSchema, ...errorResponses },
      },
    },
    async (request) => readGroupSpace(db, requireMember(request), request.params.groupId, request.query),
  );

  app.post(
    '/api/groups/:groupId/posts',
    {
      config: {
        action: 'group-posts.create',
        sendingLimit: (body) => ((body as { parentId?: string }).parentId ? 'group-reply' : 'group-post'),
      },
      schema: {
        tags: ['group space'],
        summary: 'Post, or reply to a post, in your group; optionally as "A group member"',
        params: GroupIdParamsSchema,
        body: z.object({
          body: PostBodySchema,
          isAnonymous: z.boolean().default(false),
          parentId: z.uuid('must be a post id').optional(),
        }),
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await createPost(
        db,
        requireMember(request),
        request.params.groupId,
        request.body,
        now(),
      );
      return reply.code(201).send(created);
    },
  );

  app.patch(
    '/api/groups/:groupId/posts/:postId',
    {
      config: { action: 'group-posts.update' },
      schema: {
        tags: ['group space'],
        summary: 'Edit your own post or reply',
        params: PostParamsSchema,
        body: z
          .object({ body: PostBodySchema, isAnonymous: z.boolean() })
          .partial()
          .refine((changes) => Object.keys(changes).length > 0, 'name at least one field to change'),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { groupId, postId } = request.params;
      await updatePost(db, requireMember(request), groupId, postId, request.body, now());
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/groups/:groupId/posts/:postId',
    {
      config: { action: 'group-posts.delete' },
      schema: {
        tags: ['group space'],
        summary: 'Delete your own post (with its replies) or reply',
        params: PostParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deletePost(db, requireMember(request), request.params.groupId, request.params.postId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/groups/:groupId/posts/:postId/reports',
    {
      config: { action: 'group-posts.report', sendingLimit: 'post-report' },
      schema: {
        tags: ['group space'],
        summary: "Report a post to the group's facilitators, with a reason",
        params: PostParamsSchema,
        body: z.object({ reason: ReasonSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { groupId, postId } = request.params;
      await reportPost(db, requireMember(request), groupId, postId, request.body.reason, now());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/groups/:groupId/posts/:postId/reports/dismiss',
    {
      config: { action: 'group-posts.moderate' },
      schema: {
        tags: ['group space'],
        summary: 'Facilitators: settle the open reports on a post and leave it up',
        params: PostParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { groupId, postId } = request.params;
      await dismissReports(db, requireMember(request), groupId, postId, now());
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/groups/:groupId/posts/:postId/hidden',
    {
      config: { action: 'group-posts.moderate' },
      schema: {
        tags: ['group space'],
        summary: 'Facilitators: hide a post or reply from the group, with a reason its author is told',
        params: PostParamsSchema,
        body: z.object({ reason: ReasonSchema }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { groupId, postId } = request.params;
      await hidePost(db, requireMember(request), groupId, postId, request.body.reason, now());
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/groups/:groupId/posts/:postId/hidden',
    {
      config: { action: 'group-posts.moderate' },
      schema: {
        tags: ['group space'],
        summary: 'Facilitators: show a hidden post again',
        params: PostParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await unhidePost(db, requireMember(request), request.params.groupId, request.params.postId);
      return reply.code(204).send(null);
    },
  );
}
