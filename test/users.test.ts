import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestLinkTo } from './helpers/mailbox.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let admin: TestClient;
beforeAll(async () => {
  context = await createTestApp();
  admin = await signedInClient(context.app, 'admin');
});
afterAll(() => context.close());

async function findPerson(email: string) {
  const { users } = (await admin.request('GET', `/api/users?search=${encodeURIComponent(email)}`)).json();
  return users.find((user: { email: string }) => user.email === email);
}

describe('an admin managing people', () => {
  it('creates a person with a role, who chooses a password through the invitation e-mailed to them', async () => {
    const response = await admin.request('POST', '/api/users', {
      name: 'Priya Nair',
      email: 'Priya.Nair@example.org',
      role: 'facilitator',
      level: 'faculty',
      discipline: 'Pharmacy',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      email: 'priya.nair@example.org',
      role: 'facilitator',
      hasPassword: false,
      invitation: null,
    });
    const invited = await admin.request('POST', `/api/users/${response.json().id}/invitation`);
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toEqual({ email: 'priya.nair@example.org', expiresAt: expect.any(String) });
    expect(invited.body).not.toMatch(/invitation#/);

    const token = await latestLinkTo(context.connection.db, 'priya.nair@example.org', 'invitation');
    const priya = new TestClient(context.app);
    await priya.loadSession();
    expect(
      (await priya.request('POST', '/api/invitations/accept', { token, password: 'correct horse battery' }))
        .statusCode,
    ).toBe(204);
    expect((await priya.loadSession()).member.role).toBe('facilitator');
  });

  it('refuses a second account with the same e-mail, in any letter case', async () => {
    const response = await admin.request('POST', '/api/users', {
      name: 'Copy',
      email: 'PRIYA.NAIR@example.org',
      role: 'participant',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'EMAIL_TAKEN',
      fields: { 'body.email': expect.any(String) },
    });
  });

  it('names each invalid field', async () => {
    const response = await admin.request('POST', '/api/users', { name: '', email: 'nope', role: 'king' });
    expect(response.statusCode).toBe(400);
    const { fields } = response.json().error;
    expect(Object.keys(fields).sort()).toEqual(['body.email', 'body.name', 'body.role']);
  });

  it('changes a role, which takes effect at once for that person', async () => {
    const person = await findPerson('participant3@demo.tend.test');
    const participant = new TestClient(context.app);
    await participant.signIn('participant3@demo.tend.test');
    const response = await admin.request('PATCH', `/api/users/${person.id}`, { role: 'coordinator' });
    expect(response.json().role).toBe('coordinator');
    // The old session carried the old role; it is ended rather than left with stale rights.
    expect((await participant.request('GET', '/api/dashboard')).statusCode).toBe(401);
    await participant.signIn('participant3@demo.tend.test');
    expect((await participant.loadSession()).member.role).toBe('coordinator');
  });

  it('disables an account so it can no longer sign in', async () => {
    const person = await findPerson('participant4@demo.tend.test');
    await admin.request('PATCH', `/api/users/${person.id}`, { isDisabled: true });
    const client = new TestClient(context.app, '10.1.1.1');
    expect((await client.signIn('participant4@demo.tend.test')).statusCode).toBe(401);
  });

  it('does not let an admin lock themselves out', async () => {
    const me = (await admin.loadSession()).member;
    const response = await admin.request('PATCH', `/api/users/${me.userId}`, { role: 'participant' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toMatch(/another admin/);
  });

  it('answers 404 for a person who is not in the organisation', async () => {
    const response = await admin.request('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', {
      name: 'X',
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('the people list', () => {
  it('comes in pages by name that chain without gaps or repeats, and searches names and addresses', async () => {
    await admin.request('POST', '/api/users/import', {
      csv: [
        'name,email,role',
        ...[1, 2, 3, 4, 5].map((n) => `Paged Person ${n},paged${n}@example.org,participant`),
      ].join('\n'),
    });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const query: string = `/api/users?search=paged&limit=2${after ? `&after=${after}` : ''}`;
      const page = (await admin.request('GET', query)).json();
      expect(page.users.length).toBeLessThanOrEqual(2);
      seen.push(...page.users.map((user: { name: string }) => user.name));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual([1, 2, 3, 4, 5].map((n) => `Paged Person ${n}`));
    const byAddress = (await admin.request('GET', '/api/users?search=paged3@')).json();
    expect(byAddress.users.map((user: { email: string }) => user.email)).toEqual(['paged3@example.org']);
    expect(byAddress.notYetActiveCount).toBe(1);
    const forged = await admin.request('GET', '/api/users?after=not-a-cursor');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.fields).toHaveProperty(['querystring.after']);
  });
});

describe('roster import', () => {
  it('creates the good rows and reports every rejected row with its reasons', async () => {
    const csv = [
      'name,email,role,level,discipline',
      'Sam Lee,sam.lee@example.org,participant,student-1,Medicine',
      'Rae Kim,rae.kim@example.org,facilitator,faculty,Nursing',
      ',bad-address,participant,student-9,',
      'Dup,sam.lee@example.org,participant,,',
      'Old,participant1@demo.tend.test,participant,,',
    ].join('\n');
    const response = await admin.request('POST', '/api/users/import', { csv });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.created.map((row: { email: string }) => row.email)).toEqual([
      'sam.lee@example.org',
      'rae.kim@example.org',
    ]);
    expect(report.rejected.map((row: { row: number }) => row.row)).toEqual([4, 5, 6]);
    expect(report.rejected[2].reasons).toEqual(['an account with this e-mail already exists']);
    expect(await findPerson('rae.kim@example.org')).toMatchObject({
      role: 'facilitator',
      hasPassword: false,
    });
  });

  it('refuses a file without the required columns and creates nobody', async () => {
    const before = (await admin.request('GET', '/api/users')).json().users.length;
    const response = await admin.request('POST', '/api/users/import', { csv: 'who,mail\nA,a@example.org\n' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'ROSTER_UNREADABLE',
      message: expect.stringMatching(/name, email, role/),
    });
    expect((await admin.request('GET', '/api/users')).json().users.length).toBe(before);
  });
});

describe('invitations', () => {
  it('lets an imported person set a password once with the e-mailed link and be signed in', async () => {
    const person = await findPerson('rae.kim@example.org');
    const invitation = await admin.request('POST', `/api/users/${person.id}/invitation`);
    expect(invitation.statusCode).toBe(201);
    const token = await latestLinkTo(context.connection.db, 'rae.kim@example.org', 'invitation');
    expect(await findPerson('rae.kim@example.org')).toMatchObject({
      invitation: { sentAt: expect.any(String), expiresAt: expect.any(String) },
    });

    const rae = new TestClient(context.app);
    await rae.loadSession();
    expect((await rae.request('POST', '/api/invitations/lookup', { token })).json()).toEqual({
      name: 'Rae Kim',
      email: 'rae.kim@example.org',
    });
    for (const weak of ['password', 'rae.kim', 'tend-demo-2026']) {
      const refused = await rae.request('POST', '/api/invitations/accept', { token, password: weak });
      expect(refused.statusCode, weak).toBe(400);
    }
    expect(
      (await rae.request('POST', '/api/invitations/accept', { token, password: 'a long calm river' }))
        .statusCode,
    ).toBe(204);
    expect((await rae.loadSession()).member.email).toBe('rae.kim@example.org');

    const reuse = await rae.request('POST', '/api/invitations/accept', {
      token,
      password: 'another long phrase',
    });
    expect(reuse.statusCode).toBe(404);
    expect(reuse.json().error.code).toBe('INVITATION_INVALID');
  });

  it('refuses an expired link', async () => {
    const person = await findPerson('sam.lee@example.org');
    await admin.request('POST', `/api/users/${person.id}/invitation`);
    const token = await latestLinkTo(context.connection.db, 'sam.lee@example.org', 'invitation');
    const start = context.clock.now;
    context.clock.now = new Date(start.getTime() + 8 * 24 * 3_600_000);
    try {
      const client = new TestClient(context.app);
      await client.loadSession();
      expect((await client.request('POST', '/api/invitations/lookup', { token })).statusCode).toBe(404);
    } finally {
      context.clock.now = start;
    }
  });
});

describe('changing one’s own password', () => {
  it('needs the current password and keeps the person signed in with the new one', async () => {
    const client = await signedInClient(context.app, 'leader');
    const wrong = await client.request('PUT', '/api/me/password', {
      currentPassword: 'nope',
      newPassword: 'a fresh long one',
    });
    expect(wrong.statusCode).toBe(400);
    const right = await client.request('PUT', '/api/me/password', {
      currentPassword: 'tend-demo-2026',
      newPassword: 'a fresh long one',
    });
    expect(right.statusCode).toBe(204);
    expect((await client.request('GET', '/api/dashboard')).statusCode).toBe(200);
    expect(
      (await new TestClient(context.app).signIn('leader@demo.tend.test', 'a fresh long one')).statusCode,
    ).toBe(204);
  });
});

describe('audit log', () => {
  it('records who changed accounts', async () => {
    const { events } = (await admin.request('GET', '/api/audit-events')).json();
    const actions = events.map((event: { action: string }) => event.action);
    expect(actions).toContain('user.created');
    expect(actions).toContain('user.role-changed');
    expect(events[0].actorName).toBe('Avery Admin');
  });

  it('names the person acted on and the old and new values, in words', async () => {
    const roleChange = await findPerson('participant3@demo.tend.test');
    const disabled = await findPerson('participant4@demo.tend.test');
    const { events } = (await admin.request('GET', '/api/audit-events')).json();
    const descriptions = events.map((event: { description: string }) => event.description);
    expect(descriptions).toContain(
      `Avery Admin changed ${roleChange.name}'s role: participant → coordinator`,
    );
    expect(descriptions).toContain(
      `Avery Admin changed ${disabled.name}${disabled.name.endsWith('s') ? "'" : "'s"} account: active → disabled`,
    );
    expect(descriptions.join('\n')).not.toMatch(/user\.|role-changed/);
  });
});
