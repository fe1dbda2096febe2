import { z } from 'zod';
import { pushEndpointProblem } from '../../core/push/push-endpoint.ts';
import { ensurePushKeys } from '../../notifications/push/push-keys.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import {
  countPushSubscriptions,
  removePushSubscription,
  savePushSubscription,
} from '../push/push-subscriptions.ts';
import { errorResponses } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

/** A base64url key of an exact byte length, as PushSubscription.toJSON() gives it. */
const keyOfBytes = (bytes: number, what: string) =>
  ShortTextSchema.max(200).refine(
    (key) => /^[A-Za-z0-9_-]+={0,2}$/.test(key) && Buffer.from(key, 'base64url').length === bytes,
    `must be the browser's ${what} (${bytes} bytes, base64url)`,
  );

const DevicesSchema = z.object({
  vapidPublicKey: z
    .string()
    .describe("The server's key: pass it as applicationServerKey to pushManager.subscribe"),
  deviceCount: z.number().describe('How many of your devices receive push notifications'),
});

export function pushSubscriptionRoutes(app: App, { db, config }: AppDependencies): void {
  const SubscriptionSchema = z.object({
    endpoint: ShortTextSchema.max(2000).superRefine((endpoint, context) => {
      const problem = pushEndpointProblem(endpoint, config.pushServiceHosts);
      if (problem) context.addIssue({ code: 'custom', message: problem, input: endpoint });
    }),
    keys: z.object({
      p256dh: keyOfBytes(65, 'public key (p256dh)'),
      auth: keyOfBytes(16, 'auth secret'),
    }),
    expirationTime: z.number().nullable().optional(),
  });

  app.get(
    '/api/me/push-subscriptions',
    {
      config: { action: 'push-subscriptions.read-own' },
      schema: {
        tags: ['notifications'],
        summary: "The server's push key and how many of your devices are subscribed",
        response: { 200: DevicesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      const { publicKey } = await ensurePushKeys(db);
      return { vapidPublicKey: publicKey, deviceCount: await countPushSubscriptions(db, member) };
    },
  );

  app.put(
    '/api/me/push-subscriptions',
    {
      config: { action: 'push-subscriptions.subscribe' },
      schema: {
        tags: ['notifications'],
        summary: "Receive push notifications on this device: send the browser's PushSubscription as JSON",
        body: SubscriptionSchema,
        response: { 200: DevicesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      await savePushSubscription(db, member, request.body);
      const { publicKey } = await ensurePushKeys(db);
      return { vapidPublicKey: publicKey, deviceCount: await countPushSubscriptions(db, member) };
    },
  );

  app.delete(
    '/api/me/push-subscriptions',
    {
      config: { action: 'push-subscriptions.unsubscribe' },
      schema: {
        tags: ['notifications'],
        summary: 'Stop push notifications on one of your devices, named by its endpoint',
        body: z.object({ endpoint: ShortTextSchema.min(1, 'is required').max(2000) }),
        response: { 200: DevicesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      await removePushSubscription(db, member, request.body.endpoint);
      const { publicKey } = await ensurePushKeys(db);
      return { vapidPublicKey: publicKey, deviceCount: await countPushSubscriptions(db, member) };
    },
  );
}
