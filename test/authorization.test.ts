import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/accounts/roles.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

type Subject = Role | 'anonymous';
const subjects: Subject[] = ['anonymous', 'participant', 'facilitator', 'coordinator', 'leader', 'admin'];

/** allow: the policy lets the request through (it may still fail validation); deny: 401 or 403. */
type Expectation = 'allow' | 'deny';
const everyone: Record<Subject, Expectation> = {
  anonymous: 'allow',
  participant: 'allow',
  facilitator: 'allow',
  coordinator: 'allow',
  leader: 'allow',
  admin: 'allow',
};
const signedIn: Record<Subject, Expectation> = { ...everyone, anonymous: 'deny' };
const adminOnly: Record<Subject, Expectation> = {
  anonymous: 'deny',
  participant: 'deny',
  facilitator: 'deny',
  coordinator: 'deny',
  leader: 'deny',
  admin: 'allow',
};

const coordinatorOnly: Record<Subject, Expectation> = { ...adminOnly, admin: 'deny', coordinator: 'allow' };
const runsMeetings: Record<Subject, Expectation> = { ...coordinatorOnly, facilitator: 'allow' };

const someId = '00000000-0000-4000-8000-000000000000';

/**
 * One row per API route, one expectation per role. A route registered without a row here
 * fails this test, so no new route can skip its authorization decision.
 */
const expectations: Record<string, { expect: Record<Subject, Expectation>; body?: unknown }> = {
  'GET /api/health': { expect: everyone },
  'GET /api/session': { expect: everyone },
  'POST /api/session': { expect: everyone, body: { email: 'x@example.org', password: 'wrong-password' } },
  'DELETE /api/session': { expect: signedIn },
  'POST /api/invitations/lookup': { expect: everyone, body: { token: 'a'.repeat(52) } },
  'POST /api/invitations/accept': { expect: everyone, body: { token: 'a'.repeat(52), password: 'x' } },
  'PUT /api/me/password': { expect: signedIn, body: { currentPassword: 'wrong', newPassword: 'x' } },
  'GET /api/dashboard': { expect: signedIn },
  'GET /api/users': { expect: adminOnly },
  'POST /api/users': { expect: adminOnly, body: {} },
  'PATCH /api/users/:id': { expect: adminOnly, body: { name: 'Renamed' } },
  'POST /api/users/import': { expect: adminOnly, body: { csv: 'name,email,role\n' } },
  'POST /api/users/:id/invitation': { expect: adminOnly },
  'GET /api/audit-events': { expect: adminOnly },
  'GET /api/programs': { expect: signedIn },
  'POST /api/programs': { expect: coordinatorOnly, body: {} },
  'GET /api/programs/:programId': { expect: signedIn },
  'PATCH /api/programs/:programId': { expect: coordinatorOnly, body: { title: 'Renamed' } },
  'GET /api/programs/:programId/overview': { expect: coordinatorOnly },
  'GET /api/programs/:programId/enrollments': { expect: coordinatorOnly },
  'GET /api/programs/:programId/enrollment': { expect: signedIn },
  'PUT /api/programs/:programId/enrollment': { expect: signedIn, body: {} },
  'DELETE /api/programs/:programId/enrollment': { expect: signedIn },
  'GET /api/programs/:programId/groups': { expect: coordinatorOnly },
  'POST /api/programs/:programId/groups/form': { expect: coordinatorOnly, body: {} },
  'POST /api/programs/:programId/groups/evaluate': { expect: coordinatorOnly, body: { groups: [] } },
  'PUT /api/programs/:programId/groups': { expect: coordinatorOnly, body: { groups: [] } },
  'POST /api/programs/:programId/groups/publish': { expect: coordinatorOnly },
  'GET /api/me/groups': { expect: signedIn },
  'GET /api/meetings/:meetingId': { expect: signedIn },
  'PATCH /api/meetings/:meetingId': { expect: runsMeetings, body: { place: 'Room 2' } },
  'PUT /api/meetings/:meetingId/attendance': { expect: runsMeetings, body: { records: [] } },
  'GET /api/topics': { expect: runsMeetings },
  'POST /api/topics': { expect: coordinatorOnly, body: { topic: {} } },
  'PUT /api/topics/:topicId': { expect: coordinatorOnly, body: { topic: {} } },
  'GET /api/notifications': { expect: signedIn },
  'POST /api/notifications/read': { expect: signedIn, body: { all: true } },
  'GET /api/me/notification-preferences': { expect: signedIn },
  'PUT /api/me/notification-preferences': { expect: signedIn, body: { isEmailEnabled: true } },
  'POST /api/me/calendar-feed': { expect: signedIn },
  'DELETE /api/me/calendar-feed': { expect: signedIn },
  'GET /api/calendar/:token': { expect: everyone },
  'GET /api/outbox': { expect: adminOnly },
};

let context: TestContext;
const clients = new Map<Subject, TestClient>();

beforeAll(async () => {
  context = await createTestApp();
  for (const subject of subjects) {
    if (subject === 'anonymous') {
      const client = new TestClient(context.app);
      await client.loadSession();
      clients.set(subject, client);
    } else {
      clients.set(subject, await signedInClient(context.app, subject));
    }
  }
});
afterAll(() => context.close());

describe('authorization', () => {
  it('has an expectation for every role on every registered API route', () => {
    const registered = context.app.apiRoutes.map((route) => `${route.method} ${route.url}`).sort();
    expect(registered.length).toBeGreaterThan(10);
    const missing = registered.filter((route) => !expectations[route]);
    expect(missing, 'routes without a row in the authorization table').toEqual([]);
    for (const route of registered) {
      expect(Object.keys(expectations[route]?.expect ?? {}).sort()).toEqual([...subjects].sort());
    }
    expect(Object.keys(expectations).sort(), 'rows for routes that no longer exist').toEqual(registered);
  });

  const rows = Object.entries(expectations).flatMap(([route, row]) =>
    subjects.map((subject) => ({ route, subject, expected: row.expect[subject], body: row.body })),
  );
  // Sign-out runs last for each role so the other requests still have a session.
  rows.sort((a, b) => Number(a.route === 'DELETE /api/session') - Number(b.route === 'DELETE /api/session'));

  it.each(rows)('$route as $subject: $expected', async ({ route, subject, expected, body }) => {
    const [method = 'GET', path = ''] = route.split(' ');
    const client = clients.get(subject);
    if (!client) throw new Error(`no client for ${subject}`);
    const response = await client.request(method, path.replace(/:\w+/g, someId), body);
    if (expected === 'deny') {
      expect([401, 403], `${route} as ${subject} answered ${response.statusCode}`).toContain(
        response.statusCode,
      );
      expect(response.json().error.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    } else {
      const code = response.statusCode >= 400 ? response.json().error.code : 'ok';
      expect(['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_INVALID']).not.toContain(code);
    }
  });
});
