import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupPosts, programs } from '../src/db/schema.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  hoursFrom,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * The hot lists answer in a fixed number of statements however many rows they return: a query per
 * row found (N+1) is what made colleague search take 23 queries.
 */
let context: TestContext;
let queries = 0;
let participant: TestClient;
let facilitator: TestClient;
let coordinator: TestClient;
let admin: TestClient;
beforeAll(async () => {
  context = await createTestApp({}, { onQuery: () => queries++ });
  participant = await signedInClient(context.app, 'participant');
  facilitator = await signedInClient(context.app, 'facilitator');
  coordinator = await signedInClient(context.app, 'coordinator');
  admin = await signedInClient(context.app, 'admin');
});
afterAll(() => context.close());

async function countQueries(client: TestClient, url: string): Promise<{ count: number; body: unknown }> {
  queries = 0;
  const response = await client.request('GET', url);
  expect(response.statusCode, url).toBe(200);
  return { count: queries, body: response.json() };
}

describe('queries per request', () => {
  it('searches colleagues in the same number of statements for one match or twenty', async () => {
    const one = await countQueries(participant, '/api/colleagues?search=Bilal');
    const many = await countQueries(participant, '/api/colleagues?search=an');
    expect((one.body as { colleagues: unknown[] }).colleagues).toHaveLength(1);
    expect((many.body as { colleagues: unknown[] }).colleagues.length).toBeGreaterThan(3);
    expect(many.count).toBe(one.count);
  });

  it('lists people in the same number of statements however many there are', async () => {
    const before = await countQueries(admin, '/api/users');
    await admin.request('POST', '/api/users/import', {
      csv: [
        'name,email,role',
        ...Array.from({ length: 30 }, (_, i) => `P ${i},p${i}@example.org,participant`),
      ].join('\n'),
    });
    const after = await countQueries(admin, '/api/users');
    expect(after.count).toBe(before.count);
  });

  it('answers each role’s home in the same number of statements however much there is to show', async () => {
    const db = context.connection.db;
    const participantBefore = await countQueries(participant, '/api/dashboard');
    const facilitatorBefore = await countQueries(facilitator, '/api/dashboard');
    const coordinatorBefore = await countQueries(coordinator, '/api/dashboard');
    const organizationId = await demoOrganizationId(db);
    const now = context.clock.now;
    // Two groups with meetings past and to come, posts by others, and more programs.
    for (const name of ['Circle one', 'Circle two']) {
      const fixture = await createGroupWithMeetings(db, {
        organizationId,
        memberEmails: [
          'facilitator1@demo.tend.test',
          'participant1@demo.tend.test',
          'participant2@demo.tend.test',
        ],
        meetingStarts: [hoursFrom(now, -3), hoursFrom(now, 24), hoursFrom(now, 24 * 8)],
        programTitle: name,
        groupName: name,
      });
      const authorId = await userIdOf(db, 'participant2@demo.tend.test');
      await db.insert(groupPosts).values(
        Array.from({ length: 5 }, (_, index) => ({
          organizationId,
          groupId: fixture.groupId,
          authorId,
          body: `Post ${index}`,
          createdAt: now,
        })),
      );
      await db.insert(programs).values({
        organizationId,
        title: `${name} next term`,
        termStart: '2099-01-01',
        termEnd: '2099-06-01',
        enrolmentOpens: '2098-11-01',
        enrolmentCloses: '2098-12-01',
        meetingCount: 4,
        meetingMinutes: 60,
        cadenceWeeks: 2,
        status: 'published',
      });
    }
    const participantAfter = await countQueries(participant, '/api/dashboard');
    const facilitatorAfter = await countQueries(facilitator, '/api/dashboard');
    const coordinatorAfter = await countQueries(coordinator, '/api/dashboard');
    const shown = participantAfter.body as {
      participation: { nextMeeting: unknown; newPosts: unknown[] };
    };
    expect(shown.participation.nextMeeting).not.toBeNull();
    expect(shown.participation.newPosts).toHaveLength(2);
    expect(
      (facilitatorAfter.body as { facilitation: { attendanceToTake: unknown[] } }).facilitation
        .attendanceToTake,
    ).toHaveLength(2);
    expect(
      (coordinatorAfter.body as { coordination: { programs: unknown[] } }).coordination.programs.length,
    ).toBeGreaterThanOrEqual(4);
    expect(participantAfter.count).toBe(participantBefore.count);
    expect(facilitatorAfter.count).toBe(facilitatorBefore.count);
    expect(coordinatorAfter.count).toBe(coordinatorBefore.count);
    // A small fixed number: session, organisation, and one statement per part of the page.
    expect(participantAfter.count).toBeLessThanOrEqual(12);
    expect(coordinatorAfter.count).toBeLessThanOrEqual(8);
  });
});
