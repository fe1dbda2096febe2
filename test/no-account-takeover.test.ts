import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, users } from '../src/db/schema.ts';
import { userIdOf } from './helpers/meeting-fixtures.ts';
import { createTestApp, emailOf, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * An admin who wants to read a colleague's reflections walks every API route with every body that
 * could help — set a password, change an address, ask for links — and then tries every token-like
 * string any answer (or a mailbox the admin controls) ever held. None may sign them in as anyone else.
 * Against the old invitation route, which handed admins a set-password link for any account, this fails.
 */
let context: TestContext;
let admin: TestClient;
let adminId: string;
const attackerEmail = 'attacker@evil.example';
const attackerPassword = 'the admin knows this one';

beforeAll(async () => {
  context = await createTestApp({ SIGN_IN_REQUESTS_PER_MINUTE: '100000' });
  admin = await signedInClient(context.app, 'admin');
  adminId = (await admin.loadSession()).member.userId;
});
afterAll(() => context.close());

const tokenPattern = /[a-z2-7]{52}/g;

async function signedInUserWith(token: string): Promise<string | null> {
  const response = await context.app.inject({
    method: 'GET',
    url: '/api/session',
    cookies: { tend_session: token },
  });
  return response.json().member?.userId ?? null;
}

describe('an admin trying to become someone else', () => {
  it('cannot end up signed in as any other person through any route', async () => {
    const victimId = await userIdOf(context.connection.db, emailOf.participant);
    const created = await admin.request('POST', '/api/users', {
      name: 'New Admin',
      email: 'new.admin@example.org',
      role: 'admin',
    });
    const newAdminId = created.json().id as string;
    const ids = [victimId, newAdminId, adminId];
    const takeoverBody = {
      email: attackerEmail,
      name: 'Renamed',
      password: attackerPassword,
      newPassword: attackerPassword,
      currentPassword: 'tend-demo-2026',
      role: 'participant',
      isDisabled: false,
      userId: victimId,
    };

    const seen: string[] = [];
    const routes = context.app.apiRoutes.filter(
      (route) => route.url !== '/api/session' || route.method !== 'DELETE',
    );
    for (const route of routes) {
      for (const id of route.url.includes(':') ? ids : [undefined]) {
        const url = id ? route.url.replace(/:\w+/g, id) : route.url;
        for (const body of route.method === 'GET'
          ? [undefined]
          : [{}, takeoverBody, { email: emailOf.participant }]) {
          const response = await admin.request(route.method, url, body);
          seen.push(response.body, JSON.stringify(response.headers));
          if ((await admin.loadSession()).member === null) {
            // A route that signs the admin out (their own password change) is fine; sign back in to go on.
            const again = await admin.signIn(emailOf.admin);
            if (again.statusCode !== 204) await admin.signIn(emailOf.admin, attackerPassword);
          }
          const current = (await admin.loadSession()).member;
          expect(current?.userId ?? adminId, `${route.method} ${url}`).toBe(adminId);
        }
      }
    }

    // Whatever reached a mailbox the admin controls counts as seen too.
    const attackerMail = await context.connection.db
      .select()
      .from(outbox)
      .where(eq(outbox.to, attackerEmail));
    seen.push(...attackerMail.map((mail) => mail.text));

    // An account the admin made for their own mailbox is theirs, not someone else's.
    const own = await context.connection.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, attackerEmail));
    const allowed = [null, adminId, ...own.map((row) => row.id)];
    const tokens = new Set(seen.flatMap((text) => text.match(tokenPattern) ?? []));
    for (const token of tokens) {
      expect(allowed).toContain(await signedInUserWith(token));
      for (const path of ['/api/invitations/accept', '/api/password-resets/accept']) {
        const client = new TestClient(context.app);
        await client.loadSession();
        await client.request('POST', path, { token, password: attackerPassword });
        const member = (await client.loadSession()).member;
        expect(allowed, `${path} with a token the admin saw`).toContain(member?.userId ?? null);
      }
    }
    for (const email of [emailOf.participant, 'new.admin@example.org']) {
      const client = new TestClient(context.app);
      expect((await client.signIn(email, attackerPassword)).statusCode, email).not.toBe(204);
    }
  }, 300_000);
});
