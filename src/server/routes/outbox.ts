import { z } from 'zod';
import { loadMailSettings } from '../../notifications/mail/mail-settings.ts';
import { listOutbox } from '../../notifications/mail/outbox.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { errorResponses, pageQuery, searchQuery } from './schemas.ts';

const OutboxMailSchema = z.object({
  id: z.string(),
  isPrivate: z
    .boolean()
    .describe(
      "A notice about one person's attendance, reflections or results: only its delivery status is shown",
    ),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  calendar: z.string().nullable(),
  status: z.enum(['waiting', 'sending', 'sent', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export function outboxRoutes(app: App, { db, config }: AppDependencies): void {
  const isDeliveryConfigured = loadMailSettings().smtpUrl !== undefined;

  app.get(
    '/api/outbox',
    {
      config: { action: 'outbox.list' },
      schema: {
        tags: ['outbox'],
        summary:
          "The organisation's e-mails, newest first, a page at a time; without SMTP_URL they stay here. A search finds e-mails by recipient or subject, never personal notices",
        querystring: z.object({
          ...searchQuery('Part of a recipient’s address or of a subject'),
          ...pageQuery({ sortedBy: 'time', limit: 100, maxLimit: 200 }),
        }),
        response: {
          200: z.object({
            isDeliveryConfigured: z.boolean(),
            mails: z.array(OutboxMailSchema),
            nextCursor: z.string().nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const page = await listOutbox(db, requireMember(request).organizationId, {
        ...request.query,
        showsConfidentialText: config.environment === 'development',
      });
      return { isDeliveryConfigured, mails: page.items, nextCursor: page.nextCursor };
    },
  );
}
