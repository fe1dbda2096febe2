import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import {
  calendarFeedUrl,
  createCalendarFeed,
  renderCalendarFeed,
  revokeCalendarFeed,
} from '../calendar/calendar-feeds.ts';
import { notFound } from '../errors.ts';
import { requireMember } from '../plugins/authentication.ts';
import { ErrorSchema, errorResponses, fileResponse } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

export function calendarRoutes(app: App, { db, config, now }: AppDependencies): void {
  app.post(
    '/api/me/calendar-feed',
    {
      config: { action: 'calendar-feed.create' },
      schema: {
        tags: ['calendar'],
        summary:
          'Create your calendar subscription address (shown this once); an earlier address stops working',
        response: { 201: z.object({ url: z.string(), createdAt: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const createdAt = now();
      const token = await createCalendarFeed(db, requireMember(request), createdAt);
      return reply
        .status(201)
        .send({ url: calendarFeedUrl(config.publicUrl, token), createdAt: createdAt.toISOString() });
    },
  );

  app.delete(
    '/api/me/calendar-feed',
    {
      config: { action: 'calendar-feed.delete' },
      schema: {
        tags: ['calendar'],
        summary: 'Stop your calendar subscription address from working',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeCalendarFeed(db, requireMember(request).userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/calendar/:token',
    {
      // The secret in the address is the authorization; it is a GET, so no CSRF token is involved.
      config: { action: 'calendar-feed.read', rateLimit: { max: 60, timeWindow: '1 minute' } },
      // The path holds the secret: keep this route's requests out of the info-level request log.
      logLevel: 'warn',
      schema: {
        tags: ['calendar'],
        summary: 'A calendar subscription (iCalendar): the address from POST /api/me/calendar-feed',
        params: z.object({ token: ShortTextSchema.max(200) }),
        response: {
          200: fileResponse('An iCalendar feed of your meetings', { 'text/calendar': 'text' }),
          404: ErrorSchema,
          429: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const token = request.params.token.replace(/\.ics$/, '');
      const feed = await renderCalendarFeed(db, token, now(), config.publicUrl);
      if (feed === null) throw notFound('That calendar subscription');
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="tend.ics"')
        .send(feed);
    },
  );
}
