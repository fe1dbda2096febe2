import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, outbox } from '../src/db/schema.ts';
import { notify, queueEmail } from '../src/notifications/notify.ts';
import { demoOrganizationId, userIdOf } from './helpers/meeting-fixtures.ts';
import { expectBadPageQueriesRefused, readEveryPage } from './helpers/pages.ts';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let participant: TestClient;
let facilitator: TestClient;
let organizationId: string;
let participantId: string;
let facilitatorId: string;

beforeAll(async () => {
  context = await createTestApp({ PUBLIC_URL: 'http://tend.example.test:3000' });
  participant = await signedInClient(context.app, 'participant');
  facilitator = await signedInClient(context.app, 'facilitator');
  const { db } = context.connection;
  organizationId = await demoOrganizationId(db);
  participantId = await userIdOf(db, 'participant1@demo.tend.test');
  facilitatorId = await userIdOf(db, 'facilitator1@demo.tend.test');
});
afterAll(() => context.close());

async function outboxFor(email: string) {
  return context.connection.db.select().from(outbox).where(eq(outbox.to, email));
}

describe('notify', () => {
  it('leaves one notice per person and queues an e-mail with an absolute link', async () => {
    await context.connection.db.transaction((tx) =>
      notify(tx, {
        organizationId,
        userIds: [participantId, facilitatorId, participantId],
        kind: 'group-assignment',
        title: 'Your group in Resilience circles',
        body: 'You are in Group A, meeting 6 times.',
        link: '/my-groups',
      }),
    );
    const { db } = context.connection;
    const notices = await db.select().from(notifications).where(eq(notifications.userId, participantId));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'group-assignment', link: '/my-groups', readAt: null });

    const [mail] = await outboxFor('participant1@demo.tend.test');
    expect(mail).toMatchObject({ subject: 'Your group in Resilience circles', sentAt: null, attempts: 0 });
    expect(mail?.text).toContain('You are in Group A, meeting 6 times.');
    expect(mail?.text).toContain('http://tend.example.test:3000/my-groups');
    expect(mail?.text).not.toContain('facilitator1');
    expect(await outboxFor('facilitator1@demo.tend.test')).toHaveLength(1);
  });

  it('writes nothing when a rolled-back transaction asked for the notice', async () => {
    const { db } = context.connection;
    const before = (await db.select().from(notifications)).length;
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, {
          organizationId,
          userIds: [participantId],
          kind: 'waitlist',
          title: 'You are on the waiting list',
          body: 'The program is full.',
        });
        throw new Error('the enrolment failed');
      }),
    ).rejects.toThrow('the enrolment failed');
    expect(await db.select().from(notifications)).toHaveLength(before);
  });
});

describe('a person reading their notices', () => {
  it('lists only their own notices, newest first, with the unread count', async () => {
    context.clock.now = new Date();
    await notify(context.connection.db, {
      organizationId,
      userIds: [participantId],
      kind: 'enrolment',
      title: 'You joined Resilience circles',
      body: 'You will hear when your group is set.',
    });
    const response = await participant.request('GET', '/api/notifications');
    expect(response.statusCode).toBe(200);
    const { notifications: mine, unreadCount } = response.json();
    expect(mine.map((notice: { title: string }) => notice.title)).toEqual([
      'You joined Resilience circles',
      'Your group in Resilience circles',
    ]);
    expect(unreadCount).toBe(2);

    const theirs = (await facilitator.request('GET', '/api/notifications')).json();
    expect(theirs.notifications.map((notice: { title: string }) => notice.title)).toEqual([
      'Your group in Resilience circles',
    ]);
  });

  it("marks chosen notices read, and ignores other people's ids", async () => {
    const [facilitatorNotice] = (await facilitator.request('GET', '/api/notifications')).json().notifications;
    const [newest] = (await participant.request('GET', '/api/notifications')).json().notifications;
    const response = await participant.request('POST', '/api/notifications/read', {
      ids: [newest.id, facilitatorNotice.id],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ unreadCount: 1 });
    const after = (await participant.request('GET', '/api/notifications')).json().notifications;
    expect(after[0].readAt).not.toBeNull();
    expect(after[1].readAt).toBeNull();
    const facilitatorView = (await facilitator.request('GET', '/api/notifications')).json();
    expect(facilitatorView.unreadCount).toBe(1);
  });

  it('marks all read at once', async () => {
    const response = await participant.request('POST', '/api/notifications/read', { all: true });
    expect(response.json()).toEqual({ unreadCount: 0 });
  });

  it('names what is wrong with a request that chooses no notices', async () => {
    const response = await participant.request('POST', '/api/notifications/read', {});
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/either the notice ids or all: true/),
    });
    const bad = await participant.request('POST', '/api/notifications/read', { ids: ['not-an-id'] });
    expect(bad.statusCode).toBe(400);
  });
});

describe('e-mail preferences', () => {
  it('are on until turned off, and then no e-mail is queued while notices still arrive', async () => {
    const initial = await participant.request('GET', '/api/me/notification-preferences');
    expect(initial.json()).toEqual({
      isEmailEnabled: true,
      push: { meetings: true, followUps: true, actions: true },
      calendarFeed: null,
    });

    const turnedOff = await participant.request('PUT', '/api/me/notification-preferences', {
      isEmailEnabled: false,
    });
    expect(turnedOff.statusCode).toBe(200);
    expect(turnedOff.json().isEmailEnabled).toBe(false);
    expect((await participant.request('GET', '/api/me/notification-preferences')).json().isEmailEnabled).toBe(
      false,
    );

    const mailsBefore = (await outboxFor('participant1@demo.tend.test')).length;
    await notify(context.connection.db, {
      organizationId,
      userIds: [participantId],
      kind: 'meeting-changed',
      title: 'Group A (Resilience circles): a meeting moved',
      body: 'Meeting 2 now starts later.',
      link: '/meetings/00000000-0000-4000-8000-000000000000',
    });
    expect(await outboxFor('participant1@demo.tend.test')).toHaveLength(mailsBefore);
    const { notifications: mine } = (await participant.request('GET', '/api/notifications')).json();
    expect(mine[0].title).toBe('Group A (Resilience circles): a meeting moved');

    await participant.request('PUT', '/api/me/notification-preferences', { isEmailEnabled: true });
    expect((await participant.request('GET', '/api/me/notification-preferences')).json().isEmailEnabled).toBe(
      true,
    );
  });

  it('refuses a preference that is not true or false', async () => {
    const response = await participant.request('PUT', '/api/me/notification-preferences', {
      isEmailEnabled: 'sometimes',
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('the dev outbox', () => {
  it("shows an admin the organisation's e-mails, newest first, waiting while no SMTP server is set", async () => {
    const admin = await signedInClient(context.app, 'admin');
    const response = await admin.request('GET', '/api/outbox');
    expect(response.statusCode).toBe(200);
    const { isDeliveryConfigured, mails } = response.json();
    expect(isDeliveryConfigured).toBe(false);
    expect(mails.length).toBeGreaterThanOrEqual(3);
    expect(mails[0]).toMatchObject({
      to: 'participant1@demo.tend.test',
      subject: 'You joined Resilience circles',
      status: 'waiting',
      attempts: 0,
      sentAt: null,
    });
    const times = mails.map((mail: { createdAt: string }) => mail.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("shows an admin only the delivery status of a notice about one person's attendance", async () => {
    const { db } = context.connection;
    const title = 'What you missed at Meeting 3 of Group A';
    await db.transaction((tx) =>
      notify(tx, {
        organizationId,
        userIds: [facilitatorId],
        kind: 'reflection-catch-up',
        title,
        body: 'You were not there on Tuesday; here is what the group talked about.',
        link: '/me/follow-ups',
      }),
    );
    const admin = await signedInClient(context.app, 'admin');
    const { mails } = (await admin.request('GET', '/api/outbox')).json();
    const body = JSON.stringify(mails);
    expect(JSON.stringify(mails[0])).not.toContain('facilitator1@demo.tend.test');
    expect(body).not.toContain(title);
    expect(body).not.toContain('You were not there');
    expect(mails[0]).toMatchObject({ isPrivate: true, to: 'hidden', text: '', status: 'waiting' });
    // Other mail stays readable in the dev outbox.
    expect(mails.some((mail: { to: string }) => mail.to === 'participant1@demo.tend.test')).toBe(true);
  });

  it('shows only the delivery status of an e-mail of no known kind, as queued before kinds were recorded', async () => {
    const { db } = context.connection;
    const missed = 'What you missed at Meeting 2 of Group B';
    await db.insert(outbox).values([
      // Before migration 0009 a "what you missed" e-mail had no kind: it still tells of attendance.
      { organizationId, to: 'facilitator2@demo.tend.test', subject: missed, text: 'You were not there.' },
      {
        organizationId,
        to: 'participant3@demo.tend.test',
        subject: 'A kind from later',
        text: 'About you.',
        kind: 'nudge',
      },
    ]);
    await db.transaction((tx) =>
      queueEmail(tx, {
        organizationId,
        kind: 'password-reset',
        to: 'participant4@demo.tend.test',
        subject: 'Choose a new Tend password',
        text: 'Use this link within an hour.',
        isConfidential: true,
      }),
    );
    const admin = await signedInClient(context.app, 'admin');
    const { mails } = (await admin.request('GET', '/api/outbox')).json();
    const body = JSON.stringify(mails);
    for (const hidden of [
      missed,
      'facilitator2@demo.tend.test',
      'A kind from later',
      'participant3@demo.tend.test',
    ])
      expect(body).not.toContain(hidden);
    expect(
      mails.filter((mail: { isPrivate: boolean; to: string }) => mail.isPrivate && mail.to === 'hidden')
        .length,
    ).toBeGreaterThanOrEqual(2);
    // An e-mail about the account itself has its kind, and stays readable (its link never is).
    const reset = mails.find((mail: { to: string }) => mail.to === 'participant4@demo.tend.test');
    expect(reset).toMatchObject({ isPrivate: false, subject: 'Choose a new Tend password' });
    expect(reset.text).not.toContain('within an hour');
  });

  it('is closed to everyone but admins', async () => {
    expect((await participant.request('GET', '/api/outbox')).statusCode).toBe(403);
    const coordinator = await signedInClient(context.app, 'coordinator');
    expect((await coordinator.request('GET', '/api/outbox')).statusCode).toBe(403);
  });
});

describe('long lists', () => {
  type Listed = { id: string; createdAt: string };

  async function noticeEveryone(count: number, title: string) {
    for (let index = 0; index < count; index += 1) {
      await notify(context.connection.db, {
        organizationId,
        userIds: [participantId],
        kind: 'enrolment',
        title: `${title} ${index}`,
        body: 'One of many.',
      });
    }
  }

  function expectEachOnceNewestFirst(items: Listed[]) {
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    const times = items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  }

  it('give a person every notice exactly once, newest first, a page at a time', async () => {
    await noticeEveryone(7, 'Paged notice');
    const everything = (await participant.request('GET', '/api/notifications?limit=200')).json();
    expect(everything.nextCursor).toBeNull();
    const { items, pageCount } = await readEveryPage<Listed>(
      participant,
      '/api/notifications',
      'notifications',
      3,
    );
    expect(pageCount).toBeGreaterThan(2);
    expect(items).toEqual(everything.notifications);
    expectEachOnceNewestFirst(items);
    const firstPage = (await participant.request('GET', '/api/notifications?limit=3')).json();
    expect(firstPage.unreadCount).toBe(everything.unreadCount);
    await expectBadPageQueriesRefused(participant, '/api/notifications');
  });

  it("give an admin the organisation's every e-mail exactly once, newest first, a page at a time", async () => {
    await noticeEveryone(5, 'Paged e-mail');
    const admin = await signedInClient(context.app, 'admin');
    const everything = (await admin.request('GET', '/api/outbox?limit=200')).json();
    expect(everything.nextCursor).toBeNull();
    const { items, pageCount } = await readEveryPage<Listed>(admin, '/api/outbox', 'mails', 2);
    expect(pageCount).toBeGreaterThan(2);
    expect(items).toEqual(everything.mails);
    expectEachOnceNewestFirst(items);
    await expectBadPageQueriesRefused(admin, '/api/outbox');
  });
});
