import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollments, groupPosts, notifications, programs } from '../src/db/schema.ts';
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
    // The session (with its organisation's settings), then programs, next meetings, questionnaires,
    // and one statement for the short lists (follow-ups, new posts, recognitions, attendance to take),
    // a facilitator's as a participant's.
    expect(participantAfter.count).toBe(5);
    expect(facilitatorAfter.count).toBe(5);
    expect(coordinatorAfter.count).toBeLessThanOrEqual(8);
  });
});

/**
 * The pages everyone opens most, in the statements each needs and no more: one more means a query
 * per row (N+1) or a read that could have joined another. Every figure counts the session lookup,
 * which also reads the organisation's settings.
 */
describe('statements per request on the hot pages', () => {
  async function addGroup(name: string) {
    const db = context.connection.db;
    return createGroupWithMeetings(db, {
      organizationId: await demoOrganizationId(db),
      memberEmails: [
        'facilitator1@demo.tend.test',
        'participant1@demo.tend.test',
        'participant2@demo.tend.test',
      ],
      meetingStarts: [hoursFrom(context.clock.now, 24), hoursFrom(context.clock.now, 24 * 15)],
      programTitle: `${name} program`,
      groupName: name,
    });
  }

  it('lists my groups in four statements for one group or three: groups, meetings, members', async () => {
    await addGroup('Hot one');
    const one = await countQueries(participant, '/api/me/groups');
    await addGroup('Hot two');
    await addGroup('Hot three');
    const three = await countQueries(participant, '/api/me/groups');
    const listed = (three.body as { groups: { name: string; members: unknown[]; meetings: unknown[] }[] })
      .groups;
    expect(listed.length).toBe((one.body as { groups: unknown[] }).groups.length + 2);
    const added = listed.filter((group) => group.name.startsWith('Hot '));
    expect(added.map((group) => [group.members.length, group.meetings.length])).toEqual([
      [3, 2],
      [3, 2],
      [3, 2],
    ]);
    expect(one.count).toBe(4);
    expect(three.count).toBe(4);
  });

  it('lists notices in two statements, the unread count with the page', async () => {
    const db = context.connection.db;
    const organizationId = await demoOrganizationId(db);
    const userId = await userIdOf(db, 'participant1@demo.tend.test');
    const notice = (index: number) => ({
      organizationId,
      userId,
      kind: 'test',
      title: `Notice ${index}`,
      body: 'Something happened.',
      createdAt: new Date(context.clock.now.getTime() - index * 1000),
    });
    await db.insert(notifications).values([notice(0)]);
    const few = await countQueries(participant, '/api/notifications');
    await db.insert(notifications).values(Array.from({ length: 30 }, (_, index) => notice(index + 1)));
    const many = await countQueries(participant, '/api/notifications?limit=10');
    const page = many.body as { notifications: unknown[]; nextCursor: string; unreadCount: number };
    expect(page.notifications).toHaveLength(10);
    expect(page.unreadCount).toBeGreaterThanOrEqual(31);
    const next = await countQueries(participant, `/api/notifications?limit=10&after=${page.nextCursor}`);
    expect(few.count).toBe(2);
    expect(many.count).toBe(2);
    expect(next.count).toBe(2);
  });

  it('lists programs with their counts in two statements however many programs and people', async () => {
    const before = await countQueries(participant, '/api/programs');
    const fixture = await addGroup('Hot programs');
    const db = context.connection.db;
    const organizationId = await demoOrganizationId(db);
    await db.insert(programs).values({
      organizationId,
      title: 'Hot programs next term',
      termStart: '2099-01-01',
      termEnd: '2099-06-01',
      enrolmentOpens: '2098-11-01',
      enrolmentCloses: '2098-12-01',
      meetingCount: 4,
      meetingMinutes: 60,
      cadenceWeeks: 2,
      status: 'published',
    });
    const after = await countQueries(participant, '/api/programs');
    const listed = (after.body as { programs: { id: string; enrolledCount: number }[] }).programs;
    expect(listed.find((program) => program.id === fixture.programId)?.enrolledCount).toBe(2);
    expect(before.count).toBe(2);
    expect(after.count).toBe(2);
    expect(await db.$count(enrollments)).toBeGreaterThan(0);
  });

  it('shows a group space in four statements however many posts and replies: group, page, replies', async () => {
    const fixture = await addGroup('Hot space');
    const db = context.connection.db;
    const organizationId = await demoOrganizationId(db);
    const authorId = await userIdOf(db, 'participant2@demo.tend.test');
    const minutesAgo = (minutes: number) => new Date(context.clock.now.getTime() - minutes * 60_000);
    const addThread = async (index: number, replies: number) => {
      const [post] = await db
        .insert(groupPosts)
        .values({
          organizationId,
          groupId: fixture.groupId,
          authorId,
          body: `Post ${index}`,
          createdAt: minutesAgo(100 - 10 * index),
        })
        .returning({ id: groupPosts.id });
      if (!post) throw new Error('insert returned no post');
      for (let reply = 0; reply < replies; reply++) {
        await db.insert(groupPosts).values({
          organizationId,
          groupId: fixture.groupId,
          authorId,
          parentId: post.id,
          body: `Reply ${reply}`,
          createdAt: minutesAgo(99 - 10 * index - reply),
        });
      }
    };
    await addThread(0, 1);
    const one = await countQueries(participant, `/api/groups/${fixture.groupId}/space`);
    for (let index = 1; index < 6; index++) await addThread(index, 3);
    const many = await countQueries(participant, `/api/groups/${fixture.groupId}/space?limit=3`);
    const shown = many.body as { posts: { replies: unknown[] }[]; nextCursor: string };
    expect(shown.posts).toHaveLength(3);
    expect(shown.posts.every((post) => post.replies.length === 3)).toBe(true);
    const next = await countQueries(
      participant,
      `/api/groups/${fixture.groupId}/space?limit=3&after=${shown.nextCursor}`,
    );
    expect(one.count).toBe(4);
    expect(many.count).toBe(4);
    expect(next.count).toBe(4);
  });

  it('reads a stored groups board in two statements: the program with its board', async () => {
    const fixture = await addGroup('Hot board');
    const url = `/api/programs/${fixture.programId}/groups`;
    // The first read evaluates and stores the board; every later one reads it.
    await countQueries(coordinator, url);
    const stored = await countQueries(coordinator, url);
    expect((stored.body as { groups: unknown[] }).groups).toHaveLength(1);
    expect(stored.count).toBe(2);
  });
});
