import { z } from 'zod';
import {
  findNoticeChannels,
  listNotifications,
  markNotificationsRead,
  setNoticeChannels,
} from '../../notifications/notifications.ts';
import { setNotificationLinkBase } from '../../notifications/notify.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { findCalendarFeed } from '../calendar/calendar-feeds.ts';
import { requireMember } from '../plugins/authentication.ts';
import { errorResponses, pageQuery, searchQuery } from './schemas.ts';

const NotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const MarkReadSchema = z
  .object({
    ids: z.array(z.uuid('must be notice ids')).min(1, 'name at least one notice').max(500),
    all: z.literal(true),
  })
  .partial()
  .refine(
    (which) => (which.ids === undefined) !== (which.all === undefined),
    'send either the notice ids or all: true',
  );

const PushChoicesSchema = z.object({
  meetings: z.boolean().describe('Meetings: reminders, changes, cancellations, your group'),
  followUps: z.boolean().describe('Follow-up reflections due'),
  actions: z.boolean().describe("Leadership's actions on reported working conditions"),
});

const PreferencesSchema = z.object({
  isEmailEnabled: z.boolean(),
  push: PushChoicesSchema.describe('Push notifications on your devices, by what they are about'),
  calendarFeed: z.object({ createdAt: z.string() }).nullable().describe('Your calendar subscription, if any'),
});

export function notificationRoutes(app: App, { db, config, now }: AppDependencies): void {
  setNotificationLinkBase(config.publicUrl);

  app.get(
    '/api/notifications',
    {
      config: { action: 'notifications.list' },
      schema: {
        tags: ['notifications'],
        summary:
          'Your own notices, newest first, a page at a time (those containing a search, if given), and how many are unread in all',
        querystring: z.object({
          ...searchQuery('Part of a notice’s title or text'),
          ...pageQuery({ sortedBy: 'time', limit: 100, maxLimit: 200 }),
        }),
        response: {
          200: z.object({
            notifications: z.array(NotificationSchema),
            nextCursor: z.string().nullable(),
            unreadCount: z.number(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => listNotifications(db, requireMember(request), request.query),
  );

  app.post(
    '/api/notifications/read',
    {
      config: { action: 'notifications.mark-read' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark your own notices read: {ids: [...]} or {all: true}',
        body: MarkReadSchema,
        response: { 200: z.object({ unreadCount: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const { ids } = request.body;
      return markNotificationsRead(db, requireMember(request), ids ? { ids } : { all: true }, now());
    },
  );

  app.get(
    '/api/me/notification-preferences',
    {
      config: { action: 'notification-preferences.read' },
      schema: {
        tags: ['notifications'],
        summary:
          'Whether you get e-mail and push notifications, and whether you have a calendar subscription',
        response: { 200: PreferencesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      return {
        ...(await findNoticeChannels(db, member)),
        calendarFeed: await findCalendarFeed(db, member.userId),
      };
    },
  );

  app.put(
    '/api/me/notification-preferences',
    {
      config: { action: 'notification-preferences.update' },
      schema: {
        tags: ['notifications'],
        summary: 'Turn e-mail or kinds of push notification on or off; notices in Tend stay either way',
        body: z
          .object({ isEmailEnabled: z.boolean(), push: PushChoicesSchema.partial().strict() })
          .partial()
          .strict()
          .refine(
            (changes) => changes.isEmailEnabled !== undefined || changes.push !== undefined,
            'send isEmailEnabled, push, or both',
          ),
        response: { 200: PreferencesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      const channels = await setNoticeChannels(db, member, request.body);
      return { ...channels, calendarFeed: await findCalendarFeed(db, member.userId) };
    },
  );
}
