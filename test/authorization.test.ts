import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/accounts/roles.ts';
import { memberships, users } from '../src/db/schema.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { setUpOrganization } from '../src/server/services/organization-setup.ts';
import { createGroupWithMeetings, demoOrganizationId, userIdOf } from './helpers/meeting-fixtures.ts';
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
const leaderOnly: Record<Subject, Expectation> = { ...adminOnly, admin: 'deny', leader: 'allow' };

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
  'POST /api/password-resets': { expect: everyone, body: { email: 'nobody@example.org' } },
  'POST /api/password-resets/accept': { expect: everyone, body: { token: 'a'.repeat(52), password: 'x' } },
  'PUT /api/me/password': { expect: signedIn, body: { currentPassword: 'wrong', newPassword: 'x' } },
  'GET /api/me/data': { expect: signedIn },
  'GET /api/me/data.pdf': { expect: signedIn },
  'GET /api/me/posts': { expect: signedIn },
  'GET /api/me/account-closing': { expect: signedIn },
  // A wrong password: the policy lets everyone signed in try, and nobody's account is closed here.
  'POST /api/me/account-closing': { expect: signedIn, body: { password: 'wrong', isConfirmed: true } },
  'GET /api/dashboard': { expect: signedIn },
  'GET /api/users': { expect: adminOnly },
  'POST /api/users': { expect: adminOnly, body: {} },
  'PATCH /api/users/:id': { expect: adminOnly, body: { name: 'Renamed' } },
  'POST /api/users/import': { expect: adminOnly, body: { csv: 'name,email,role\n' } },
  'POST /api/users/:id/invitation': { expect: adminOnly },
  'POST /api/users/invitations': { expect: adminOnly },
  'GET /api/audit-events': { expect: adminOnly },
  'GET /api/programs': { expect: signedIn },
  'POST /api/programs': { expect: coordinatorOnly, body: {} },
  'GET /api/programs/:programId': { expect: signedIn },
  'PATCH /api/programs/:programId': { expect: coordinatorOnly, body: { title: 'Renamed' } },
  'POST /api/programs/:programId/copies': { expect: coordinatorOnly, body: {} },
  'GET /api/programs/:programId/overview': { expect: coordinatorOnly },
  'GET /api/programs/:programId/enrollments': { expect: coordinatorOnly },
  'GET /api/programs/:programId/enrollment': { expect: signedIn },
  'PUT /api/programs/:programId/facilitators/:userId': {
    expect: coordinatorOnly,
    body: { availability: ['tue-12'], timeZone: 'UTC' },
  },
  'PUT /api/programs/:programId/enrollment': { expect: signedIn, body: {} },
  'DELETE /api/programs/:programId/enrollment': { expect: signedIn },
  'GET /api/programs/:programId/groups': { expect: coordinatorOnly },
  'POST /api/programs/:programId/groups/form': { expect: coordinatorOnly, body: {} },
  'POST /api/programs/:programId/groups/evaluate': { expect: coordinatorOnly, body: { groups: [] } },
  'PUT /api/programs/:programId/groups': { expect: coordinatorOnly, body: { groups: [] } },
  'POST /api/programs/:programId/groups/publish': { expect: coordinatorOnly },
  'POST /api/programs/:programId/groups/form/preview': { expect: coordinatorOnly, body: {} },
  'POST /api/programs/:programId/groups/changes/preview': {
    expect: coordinatorOnly,
    body: { moves: [{ userId: someId, toGroupId: null }] },
  },
  'POST /api/programs/:programId/groups/changes': {
    expect: coordinatorOnly,
    body: { moves: [{ userId: someId, toGroupId: null }] },
  },
  'GET /api/programs/:programId/groups/placements/:userId': { expect: coordinatorOnly },
  'POST /api/programs/:programId/groups/unplaced/notices': { expect: coordinatorOnly },
  'GET /api/me/groups': { expect: signedIn },
  'GET /api/meetings/:meetingId': { expect: signedIn },
  'PATCH /api/meetings/:meetingId': { expect: runsMeetings, body: { place: 'Room 2' } },
  'PUT /api/meetings/:meetingId/attendance': { expect: runsMeetings, body: { records: [] } },
  'PUT /api/groups/:groupId/time': { expect: coordinatorOnly, body: { slot: 'thu-18' } },
  'PUT /api/groups/:groupId/place': { expect: runsMeetings, body: { place: 'Room 2', videoUrl: null } },
  'POST /api/programs/:programId/messages': {
    expect: runsMeetings,
    body: { audience: { kind: 'group', groupId: someId }, subject: 'Hello', body: 'See you Tuesday.' },
  },
  'GET /api/programs/:programId/exports/:export': { expect: coordinatorOnly },
  'GET /api/topics': { expect: runsMeetings },
  'POST /api/topics': { expect: coordinatorOnly, body: { topic: {} } },
  'PUT /api/topics/:topicId': { expect: coordinatorOnly, body: { topic: {} } },
  'GET /api/notifications': { expect: signedIn },
  'POST /api/notifications/read': { expect: signedIn, body: { all: true } },
  'GET /api/me/notification-preferences': { expect: signedIn },
  'PUT /api/me/notification-preferences': { expect: signedIn, body: { isEmailEnabled: true } },
  // Web Push: each person adds and removes only their own devices.
  'GET /api/me/push-subscriptions': { expect: signedIn },
  'PUT /api/me/push-subscriptions': { expect: signedIn, body: { endpoint: 'https://intranet.example/x' } },
  'DELETE /api/me/push-subscriptions': {
    expect: signedIn,
    body: { endpoint: 'https://fcm.googleapis.com/x' },
  },
  'POST /api/me/calendar-feed': { expect: signedIn },
  'DELETE /api/me/calendar-feed': { expect: signedIn },
  'GET /api/calendar/:token': { expect: everyone },
  'GET /api/outbox': { expect: adminOnly },
  // Feedback: anyone signed in may ask; the service answers 404 unless they attended the meeting.
  'GET /api/meetings/:meetingId/feedback': { expect: signedIn },
  'PUT /api/meetings/:meetingId/feedback': { expect: signedIn, body: { usefulness: 4, feltSafe: 4 } },
  'GET /api/programs/:programId/feedback': { expect: coordinatorOnly },
  'GET /api/programs/:programId/feedback-responses': { expect: signedIn },
  'POST /api/programs/:programId/feedback-responses': {
    expect: coordinatorOnly,
    body: { youSaid: 'More time', weDid: 'Longer meetings' },
  },
  // Working conditions: anyone reports, only leaders read the counts and act, everyone sees actions.
  'GET /api/working-condition-reports/form': { expect: signedIn },
  'POST /api/working-condition-reports': { expect: signedIn, body: { category: 'not-a-category', unit: '' } },
  'GET /api/working-condition-reports/summary': { expect: leaderOnly },
  'GET /api/working-condition-reports/summary/comments': { expect: leaderOnly },
  'GET /api/leadership-actions': { expect: signedIn },
  'POST /api/leadership-actions': { expect: leaderOnly, body: {} },
  'PATCH /api/leadership-actions/:actionId': { expect: leaderOnly, body: { status: 'done' } },
  // Group space, recognition, supervision: open to every signed-in member by role; the services then
  // answer 404 to anyone outside the group or the pair (see test/group-space.test.ts and others).
  'GET /api/groups/:groupId/space': { expect: signedIn },
  'POST /api/groups/:groupId/posts': { expect: signedIn, body: { body: 'Hello' } },
  'PATCH /api/groups/:groupId/posts/:postId': { expect: signedIn, body: { body: 'Hello again' } },
  'DELETE /api/groups/:groupId/posts/:postId': { expect: signedIn },
  'POST /api/groups/:groupId/posts/:postId/reports': { expect: signedIn, body: { reason: 'Unkind' } },
  'POST /api/groups/:groupId/posts/:postId/reports/dismiss': { expect: signedIn },
  'PUT /api/groups/:groupId/posts/:postId/hidden': { expect: signedIn, body: { reason: 'Names a patient' } },
  'DELETE /api/groups/:groupId/posts/:postId/hidden': { expect: signedIn },
  'GET /api/colleagues': { expect: signedIn },
  'POST /api/recognitions': { expect: signedIn, body: {} },
  'GET /api/recognitions': { expect: signedIn },
  'GET /api/me/recognition-preferences': { expect: signedIn },
  'PUT /api/me/recognition-preferences': { expect: signedIn, body: { acceptsPublicRecognition: true } },
  'GET /api/supervision': { expect: signedIn },
  'POST /api/supervision/pairings': { expect: signedIn, body: {} },
  'POST /api/supervision/pairings/:pairingId/response': { expect: signedIn, body: { isAccepted: true } },
  'GET /api/supervision/conversations/:conversationId': { expect: signedIn },
  'PUT /api/supervision/conversations/:conversationId/notes': {
    expect: signedIn,
    body: { experiences: '', reactions: '', whatHelped: '', nextSteps: '' },
  },
  'POST /api/supervision/pairings/:pairingId/end': { expect: signedIn },
  'POST /api/supervision/conversations/:conversationId/move': {
    expect: signedIn,
    body: { date: '2030-01-15', time: '10:00', timeZone: 'UTC' },
  },
  'GET /api/me/follow-ups': { expect: signedIn },
  'GET /api/me/follow-ups/:followUpId': { expect: signedIn },
  'PUT /api/me/follow-ups/:followUpId/reflection': {
    expect: signedIn,
    body: { answer: 'Breathing helped', skillUsed: 'yes', intention: null },
  },
  'GET /api/me/journal': { expect: signedIn },
  'GET /api/me/journal/markdown': { expect: signedIn },
  'GET /api/me/journal/pdf': { expect: signedIn },
  'PUT /api/me/reflections/:reflectionId/sharing': { expect: signedIn, body: { isShared: true } },
  'GET /api/groups/:groupId/shared-reflections': { expect: signedIn },
  'GET /api/programs/:programId/engagement': { expect: coordinatorOnly },
  'GET /api/me/nudge-preferences': { expect: signedIn },
  'PUT /api/me/nudge-preferences': { expect: signedIn, body: { frequency: 'every', pausedUntil: null } },
  // measurement
  'GET /api/instruments': { expect: signedIn },
  'GET /api/instruments/:instrumentId/fhir': { expect: signedIn },
  'GET /api/assessment-windows': { expect: coordinatorOnly },
  'POST /api/assessment-windows': { expect: coordinatorOnly, body: {} },
  'POST /api/assessment-windows/:windowId/close': { expect: coordinatorOnly },
  'GET /api/me/assessments': { expect: signedIn },
  'GET /api/me/assessments/:windowId': { expect: signedIn },
  'PUT /api/me/assessments/:windowId/draft': { expect: signedIn, body: { answers: {} } },
  'POST /api/me/assessments/:windowId/submit': { expect: signedIn, body: { answers: {} } },
  'GET /api/me/assessments/:windowId/fhir': { expect: signedIn },
  'GET /api/me/results': { expect: signedIn },
  'GET /api/outcomes': { expect: { ...coordinatorOnly, leader: 'allow' } },
  'GET /api/outcomes/report': { expect: { ...coordinatorOnly, leader: 'allow' } },
  'GET /api/outcomes/export.csv': { expect: { ...coordinatorOnly, leader: 'allow' } },
  'GET /api/organization/settings': { expect: adminOnly },
  'GET /api/support-resources': { expect: signedIn },
  'PUT /api/organization/settings': { expect: adminOnly, body: { supportResources: [] } },
  // Single sign-on: discovery is public like a provider's button; connecting providers is for admins.
  'GET /api/sso/discover': { expect: everyone },
  'GET /api/organization/sign-in-methods': { expect: adminOnly },
  'PUT /api/organization/sign-in-methods': { expect: adminOnly, body: { isPasswordSignInAdminOnly: false } },
  'DELETE /api/organization/sso/:protocol': { expect: adminOnly },
  'PUT /api/organization/sso/oidc': { expect: adminOnly },
  'GET /api/sso/oidc/:organizationId/start': { expect: everyone },
  'GET /api/sso/oidc/callback': { expect: everyone },
  'PUT /api/organization/sso/saml': { expect: adminOnly },
  'GET /api/sso/saml/:organizationId/metadata': { expect: everyone },
  'GET /api/sso/saml/:organizationId/start': { expect: everyone },
  'POST /api/sso/saml/:organizationId/acs': { expect: everyone },
  'GET /api/sso/saml/:organizationId/logout': { expect: everyone },
  'POST /api/sso/saml/:organizationId/logout': { expect: everyone },
  'POST /api/organization/scim-token': { expect: adminOnly },
  'DELETE /api/organization/scim-token': { expect: adminOnly },
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

/**
 * A second organisation on the same deployment: its members, whatever their role, reach nothing of
 * the first one — not by listing, not by naming the first one's people, programs, groups or meetings.
 */
describe('a second organisation', () => {
  const secondRoles: Role[] = ['participant', 'facilitator', 'coordinator', 'leader', 'admin'];
  const secondClients = new Map<Role, TestClient>();
  const firstIds: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = context.connection;
    const firstOrganizationId = await demoOrganizationId(db);
    const fixture = await createGroupWithMeetings(db, {
      organizationId: firstOrganizationId,
      memberEmails: [
        'facilitator1@demo.tend.test',
        'participant1@demo.tend.test',
        'participant2@demo.tend.test',
      ],
      meetingStarts: [new Date(Date.now() - 86_400_000), new Date(Date.now() + 86_400_000)],
    });
    Object.assign(firstIds, {
      id: await userIdOf(db, 'participant1@demo.tend.test'),
      programId: fixture.programId,
      groupId: fixture.groupId,
      meetingId: fixture.meetingIds[0],
      export: 'roster.csv',
    });
    const second = await setUpOrganization(
      db,
      {
        organizationName: 'Second Health',
        timeZone: 'Europe/Paris',
        locale: 'fr-FR',
        adminEmail: 'admin@second.example',
        adminName: 'Second Admin',
      },
      new Date(),
    );
    const passwordHash = await hashPassword('second org password');
    await db.update(users).set({ passwordHash }).where(eq(users.email, 'admin@second.example'));
    for (const role of secondRoles) {
      const email = `${role}@second.example`;
      if (role !== 'admin') {
        const [user] = await db
          .insert(users)
          .values({ email, name: `Second ${role}`, passwordHash })
          .returning();
        if (!user) throw new Error('no user');
        await db.insert(memberships).values({ organizationId: second.organizationId, userId: user.id, role });
      }
      const client = new TestClient(context.app, '10.77.0.1');
      expect((await client.signIn(email, 'second org password')).statusCode).toBe(204);
      secondClients.set(role, client);
    }
  });

  it('never shows a member of another organisation anything of the first', async () => {
    const leaks: string[] = [];
    for (const route of context.app.apiRoutes) {
      if (route.url === '/api/session' && route.method === 'DELETE') continue;
      const hasParams = route.url.includes(':');
      // Lists and reads, and every route that names one of the first organisation's things.
      if (!hasParams && route.method !== 'GET') continue;
      const url = route.url.replace(/:(\w+)/g, (_match, name: string) => firstIds[name] ?? someId);
      for (const [role, client] of secondClients) {
        const response = await client.request(route.method, url, route.method === 'GET' ? undefined : {});
        const isLeak =
          /@demo\.tend\.test|Riverside|Resilience circles|Room 4\.12/.test(response.body) ||
          (hasParams && response.statusCode < 400);
        if (isLeak) leaks.push(`${route.method} ${url} as ${role}: ${response.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
