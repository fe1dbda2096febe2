import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations } from '../src/db/schema.ts';
import { loadConfig } from '../src/server/config.ts';
import { remindPendingInvitations } from '../src/server/services/invitations.ts';
import { latestLinkTo, mailsTo } from './helpers/mailbox.ts';
import { createTestApp, emailOf, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let admin: TestClient;
beforeAll(async () => {
  context = await createTestApp();
  admin = await signedInClient(context.app, 'admin');
});
afterAll(() => context.close());

async function personId(email: string): Promise<string> {
  const { users } = (await admin.request('GET', `/api/users?search=${encodeURIComponent(email)}`)).json();
  const person = users.find((user: { email: string }) => user.email === email);
  if (!person) throw new Error(`no ${email}`);
  return person.id;
}

async function createPerson(email: string, role = 'participant'): Promise<string> {
  const response = await admin.request('POST', '/api/users', { name: email.split('@')[0], email, role });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

describe('no way into someone else’s account', () => {
  it('refuses a set-password link for a person who already has a password', async () => {
    const response = await admin.request(
      'POST',
      `/api/users/${await personId(emailOf.participant)}/invitation`,
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'INVITATION_NOT_ALLOWED',
      message: expect.stringMatching(/already chosen a password/),
    });
    expect(await mailsTo(context.connection.db, emailOf.participant)).toEqual([]);
  });

  it('never issues a link for an admin, even one who has no password yet', async () => {
    const id = await createPerson('second.admin@example.org', 'admin');
    const response = await admin.request('POST', `/api/users/${id}/invitation`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/Forgot password/);
  });

  it('kills an invitation when the account is disabled, and keeps it dead after re-enabling', async () => {
    const id = await createPerson('leaving@example.org');
    expect((await admin.request('POST', `/api/users/${id}/invitation`)).statusCode).toBe(201);
    const token = await latestLinkTo(context.connection.db, 'leaving@example.org', 'invitation');
    await admin.request('PATCH', `/api/users/${id}`, { isDisabled: true });
    expect((await admin.request('POST', `/api/users/${id}/invitation`)).statusCode).toBe(409);
    await admin.request('PATCH', `/api/users/${id}`, { isDisabled: false });
    const person = new TestClient(context.app);
    await person.loadSession();
    const accept = await person.request('POST', '/api/invitations/accept', {
      token,
      password: 'a calm long river',
    });
    expect(accept.statusCode).toBe(404);
  });

  it('shows admins that an invitation was sent, never the link in it', async () => {
    const id = await createPerson('outbox.reader@example.org');
    await admin.request('POST', `/api/users/${id}/invitation`);
    const { mails } = (await admin.request('GET', '/api/outbox')).json();
    const mail = mails.find((entry: { to: string }) => entry.to === 'outbox.reader@example.org');
    expect(mail.subject).toMatch(/invited/);
    expect(mail.text).not.toMatch(/invitation#/);
  });
});

describe('invitations by e-mail', () => {
  it('invites everyone not yet invited at once, admins excepted, and reminds once after 3 days', async () => {
    const imported = await admin.request('POST', '/api/users/import', {
      csv: 'name,email,role\nAda One,ada.one@example.org,participant\nBo Two,bo.two@example.org,facilitator\n',
    });
    expect(imported.json().created).toHaveLength(2);
    const response = await admin.request('POST', '/api/users/invitations');
    expect(response.statusCode).toBe(200);
    expect(response.json().invited).toBeGreaterThanOrEqual(2);
    expect((await admin.request('POST', '/api/users/invitations')).json().invited).toBe(0);
    const first = await latestLinkTo(context.connection.db, 'ada.one@example.org', 'invitation');
    expect(await mailsTo(context.connection.db, 'second.admin@example.org')).toEqual([]);

    const db = context.connection.db;
    expect((await remindPendingInvitations(db, new Date(Date.now() + 2 * 86_400_000))).reminded).toBe(0);
    const later = new Date(Date.now() + 3 * 86_400_000 + 60_000);
    expect((await remindPendingInvitations(db, later)).reminded).toBeGreaterThanOrEqual(2);
    expect((await remindPendingInvitations(db, later)).reminded).toBe(0);
    const [reminder] = await mailsTo(db, 'ada.one@example.org');
    expect(reminder?.subject).toMatch(/Reminder/);
    const second = await latestLinkTo(db, 'ada.one@example.org', 'invitation');
    expect(second).not.toBe(first);

    const ada = new TestClient(context.app);
    await ada.loadSession();
    expect(
      (await ada.request('POST', '/api/invitations/accept', { token: second, password: 'ada keeps going' }))
        .statusCode,
    ).toBe(204);
    // Every other link of the person dies with the one used.
    const rows = await db
      .select()
      .from(invitations)
      .where(eq(invitations.userId, await personId('ada.one@example.org')));
    expect(rows).toEqual([]);
  });
});

describe('forgot password', () => {
  it('answers the same whether or not the address has an account', async () => {
    const client = new TestClient(context.app);
    await client.loadSession();
    const known = await client.request('POST', '/api/password-resets', { email: emailOf.facilitator });
    const unknown = await client.request('POST', '/api/password-resets', { email: 'nobody@example.org' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    expect(await mailsTo(context.connection.db, 'nobody@example.org')).toEqual([]);
  });

  it('resets with a single-use link, ends every other session and tells the person', async () => {
    const email = 'facilitator2@demo.tend.test';
    const elsewhere = new TestClient(context.app);
    expect((await elsewhere.signIn(email)).statusCode).toBe(204);

    const client = new TestClient(context.app);
    await client.loadSession();
    await client.request('POST', '/api/password-resets', { email: email.toUpperCase() });
    const token = await latestLinkTo(context.connection.db, email, 'reset-password');
    const weak = await client.request('POST', '/api/password-resets/accept', {
      token,
      password: 'facilitator2',
    });
    expect(weak.statusCode).toBe(400);
    const reset = await client.request('POST', '/api/password-resets/accept', {
      token,
      password: 'a new calm phrase',
    });
    expect(reset.statusCode).toBe(204);
    expect((await client.loadSession()).member.email).toBe(email);
    expect((await elsewhere.request('GET', '/api/dashboard')).statusCode).toBe(401);
    const again = await client.request('POST', '/api/password-resets/accept', {
      token,
      password: 'yet another one',
    });
    expect(again.json().error.code).toBe('PASSWORD_RESET_INVALID');

    const [notice] = await mailsTo(context.connection.db, email);
    expect(notice?.subject).toBe('Your Tend password was changed');
    const { notifications } = (await client.request('GET', '/api/notifications')).json();
    expect(notifications[0]).toMatchObject({ kind: 'password-changed' });
    expect((await new TestClient(context.app).signIn(email, 'a new calm phrase')).statusCode).toBe(204);
  });

  it('refuses a link after an hour', async () => {
    const client = new TestClient(context.app);
    await client.loadSession();
    await client.request('POST', '/api/password-resets', { email: emailOf.coordinator });
    const token = await latestLinkTo(context.connection.db, emailOf.coordinator, 'reset-password');
    const start = context.clock.now;
    context.clock.now = new Date(start.getTime() + 61 * 60_000);
    try {
      const late = await client.request('POST', '/api/password-resets/accept', {
        token,
        password: 'a new calm phrase',
      });
      expect(late.statusCode).toBe(404);
    } finally {
      context.clock.now = start;
    }
  });

  it('sends a "password changed" notice after a change too', async () => {
    const client = await signedInClient(context.app, 'facilitator');
    const changed = await client.request('PUT', '/api/me/password', {
      currentPassword: 'tend-demo-2026',
      newPassword: 'my own long phrase',
    });
    expect(changed.statusCode).toBe(204);
    const [notice] = await mailsTo(context.connection.db, emailOf.facilitator);
    expect(notice?.subject).toBe('Your Tend password was changed');
  });
});

describe('sign-in throttling', () => {
  it('slows down guesses at one account without locking out colleagues behind the same address', async () => {
    const client = new TestClient(context.app, '10.9.9.9');
    await client.loadSession();
    for (let attempt = 0; attempt < 5; attempt++) {
      await client.request('POST', '/api/session', {
        email: 'participant5@demo.tend.test',
        password: 'wrong guess',
      });
    }
    const blocked = await client.request('POST', '/api/session', {
      email: 'participant5@demo.tend.test',
      password: 'tend-demo-2026',
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toMatch(/Try again in \d+ seconds/);
    const colleague = new TestClient(context.app, '10.9.9.9');
    expect((await colleague.signIn('participant6@demo.tend.test')).statusCode).toBe(204);
  });
});

describe('behind a reverse proxy', () => {
  it('throttles the forwarded client address only when TRUST_PROXY names the proxy', async () => {
    const trusting = await createTestApp({ TRUST_PROXY: '127.0.0.1', SIGN_IN_ADDRESS_MAX_FAILURES: '3' });
    try {
      const fromProxy = (client: string) => ({ 'x-forwarded-for': client });
      const attacker = new TestClient(trusting.app, '127.0.0.1');
      await attacker.loadSession();
      for (let attempt = 0; attempt < 3; attempt++) {
        await attacker.request(
          'POST',
          '/api/session',
          { email: `someone${attempt}@example.org`, password: 'wrong guess' },
          fromProxy('203.0.113.7'),
        );
      }
      const again = await attacker.request(
        'POST',
        '/api/session',
        { email: 'other@example.org', password: 'wrong guess' },
        fromProxy('203.0.113.7'),
      );
      expect(again.statusCode).toBe(429);
      const honest = new TestClient(trusting.app, '127.0.0.1');
      await honest.loadSession();
      const signIn = await honest.request(
        'POST',
        '/api/session',
        { email: emailOf.leader, password: 'tend-demo-2026' },
        fromProxy('198.51.100.4'),
      );
      expect(signIn.statusCode).toBe(204);
    } finally {
      await trusting.close();
    }
  });

  it('rejects a TRUST_PROXY it cannot read, naming it', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'everyone please' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.1',
    ]);
  });
});
