import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushMessages, pushSubscriptions } from '../src/db/schema.ts';
import { notify } from '../src/notifications/notify.ts';
import { deliverPushMessages } from '../src/notifications/push/deliver-push.ts';
import { isVapidSignedBy, startLocalPushService } from './helpers/local-push-service.ts';
import { demoOrganizationId, userIdOf } from './helpers/meeting-fixtures.ts';
import {
  createTestApp,
  emailOf,
  signedInClient,
  type TestClient,
  type TestContext,
} from './helpers/test-app.ts';

let context: TestContext;
let pushService: Awaited<ReturnType<typeof startLocalPushService>>;
let participant: TestClient;
let facilitator: TestClient;
let leader: TestClient;
let organizationId: string;
let participantId: string;

beforeAll(async () => {
  pushService = await startLocalPushService();
  context = await createTestApp({ PUSH_SERVICE_HOSTS: '127.0.0.1', PUBLIC_URL: 'https://tend.example.test' });
  participant = await signedInClient(context.app, 'participant');
  facilitator = await signedInClient(context.app, 'facilitator');
  leader = await signedInClient(context.app, 'leader');
  organizationId = await demoOrganizationId(context.connection.db);
  participantId = await userIdOf(context.connection.db, emailOf.participant);
}, 60_000);
afterAll(async () => {
  await context?.close();
  await pushService?.close();
});

const deliver = () =>
  deliverPushMessages(context.connection.db, { publicUrl: context.config.publicUrl, now: context.clock.now });

const postAction = (title: string) =>
  leader.request('POST', '/api/leadership-actions', {
    title,
    description: 'One form instead of three.',
    ownerName: 'Director of nursing',
    status: 'planned',
    categories: ['administrative-burden'],
  });

describe('Web Push', () => {
  it("delivers a leader's new action to a subscribed phone, encrypted for it and signed with the server's key", async () => {
    const subscribed = await participant.request(
      'PUT',
      '/api/me/push-subscriptions',
      pushService.addDevice('participant-phone'),
    );
    expect(subscribed.statusCode).toBe(200);
    const { vapidPublicKey, deviceCount } = subscribed.json();
    expect(deviceCount).toBe(1);
    expect(Buffer.from(vapidPublicKey, 'base64url')).toHaveLength(65);

    expect((await postAction('Cut duplicate discharge forms')).statusCode).toBe(201);
    const report = await deliver();
    expect(report).toMatchObject({ sent: 1, failed: 0 });

    const [message] = pushService.received.filter((push) => push.device === 'participant-phone');
    expect(message?.payload).toEqual({
      kind: 'leadership-action',
      title: 'Leadership is acting on reported working conditions',
      body: 'New action: Cut duplicate discharge forms',
      link: '/speak-up',
    });
    expect(message?.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(message?.headers.ttl)).toBeGreaterThan(0);
    expect(isVapidSignedBy(message?.headers.authorization, vapidPublicKey, pushService.origin)).toBe(true);
    // Sent once: a second run finds nothing waiting.
    expect(await deliver()).toMatchObject({ sent: 0 });
    // The same words are the in-app notice every member gets; the leader who posted gets none.
    const notices = (await participant.request('GET', '/api/notifications')).json().notifications;
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'leadership-action', link: '/speak-up' }));
    const leaderNotices = (await leader.request('GET', '/api/notifications')).json().notifications;
    expect(leaderNotices.filter((notice: { kind: string }) => notice.kind === 'leadership-action')).toEqual(
      [],
    );
  });

  it('pushes meeting notices and follow-ups, but not notices of other kinds', async () => {
    pushService.received.length = 0;
    const { db } = context.connection;
    await db.transaction(async (tx) => {
      await notify(tx, {
        organizationId,
        userIds: [participantId],
        kind: 'meeting-reminder',
        title: 'Reminder: Group A meets Tuesday 17:00',
        body: 'Meeting 2 of Group A starts Tuesday 17:00.',
        link: '/meetings/x',
      });
      await notify(tx, {
        organizationId,
        userIds: [participantId],
        kind: 'recognition',
        title: 'You received a recognition',
        body: 'Someone thanked you.',
      });
    });
    await deliver();
    expect(pushService.received.map((push) => (push.payload as { kind: string }).kind)).toEqual([
      'meeting-reminder',
    ]);
  });

  it('sends nothing of a kind the person switched off, and keeps the other kinds on', async () => {
    pushService.received.length = 0;
    const changed = await participant.request('PUT', '/api/me/notification-preferences', {
      push: { actions: false },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      isEmailEnabled: true,
      push: { meetings: true, followUps: true, actions: false },
    });
    await postAction('Protected lunch breaks');
    await deliver();
    expect(pushService.received.filter((push) => push.device === 'participant-phone')).toEqual([]);
    const read = await participant.request('GET', '/api/me/notification-preferences');
    expect(read.json().push).toEqual({ meetings: true, followUps: true, actions: false });
    await participant.request('PUT', '/api/me/notification-preferences', { push: { actions: true } });
  });

  it('forgets a device its push service says is gone', async () => {
    const device = pushService.addDevice('old-tablet');
    await facilitator.request('PUT', '/api/me/push-subscriptions', device);
    pushService.markGone('old-tablet');
    await postAction('Quiet room on every ward');
    const report = await deliver();
    expect(report.expired).toBe(1);
    const left = await context.connection.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, device.endpoint));
    expect(left).toEqual([]);
  });

  it('moves a shared device to whoever subscribed last, and unsubscribes only one’s own device', async () => {
    const shared = pushService.addDevice('ward-ipad');
    await participant.request('PUT', '/api/me/push-subscriptions', shared);
    const taken = await facilitator.request('PUT', '/api/me/push-subscriptions', shared);
    expect(taken.json().deviceCount).toBe(1);
    // The participant no longer owns it, so their unsubscribe leaves the facilitator's device alone.
    await participant.request('DELETE', '/api/me/push-subscriptions', { endpoint: shared.endpoint });
    expect((await facilitator.request('GET', '/api/me/push-subscriptions')).json().deviceCount).toBe(1);
    const removed = await facilitator.request('DELETE', '/api/me/push-subscriptions', {
      endpoint: shared.endpoint,
    });
    expect(removed.json().deviceCount).toBe(0);
  });

  it('answers a subscription it cannot use with a 400 naming what to fix', async () => {
    const device = pushService.addDevice('bad');
    const elsewhere = await participant.request('PUT', '/api/me/push-subscriptions', {
      ...device,
      endpoint: 'https://intranet.example/admin',
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields['body.endpoint']).toMatch(/known push service/);
    const badKey = await participant.request('PUT', '/api/me/push-subscriptions', {
      ...device,
      keys: { p256dh: 'short', auth: device.keys.auth },
    });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.fields['body.keys.p256dh']).toMatch(/65 bytes/);
    const noPreference = await participant.request('PUT', '/api/me/notification-preferences', {});
    expect(noPreference.statusCode).toBe(400);
    expect(noPreference.json().error.message).toMatch(/isEmailEnabled, push, or both/);
  });

  it('leaves nothing waiting once delivered: every queued message was sent', async () => {
    const waiting = await context.connection.db.select().from(pushMessages);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.filter((message) => message.sentAt === null)).toEqual([]);
  });
});
