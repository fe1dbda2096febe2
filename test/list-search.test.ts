import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupPosts, notifications, outbox } from '../src/db/schema.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  hoursFrom,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import { readEveryPage } from './helpers/pages.ts';
import {
  createTestApp,
  noSendingLimits,
  signedInClient,
  type TestClient,
  type TestContext,
} from './helpers/test-app.ts';

/** Lists that grow without end come a page at a time, and can be searched a page at a time too. */
let context: TestContext;
let admin: TestClient;
let participant: TestClient;
let facilitator: TestClient;
let organizationId = '';

beforeAll(async () => {
  context = await createTestApp({}, { sendingLimits: noSendingLimits });
  admin = await signedInClient(context.app, 'admin');
  participant = await signedInClient(context.app, 'participant');
  facilitator = await signedInClient(context.app, 'facilitator');
  organizationId = await demoOrganizationId(context.connection.db);
});
afterAll(() => context.close());

const minutesAgo = (minutes: number) => new Date(context.clock.now.getTime() - minutes * 60_000);

describe('searching notices', () => {
  it('finds one’s own notices by title or text, page after page, and takes % literally', async () => {
    const db = context.connection.db;
    const userId = await userIdOf(db, 'participant1@demo.tend.test');
    const otherId = await userIdOf(db, 'participant2@demo.tend.test');
    const notice = (title: string, body: string, minutes: number, owner = userId) => ({
      organizationId,
      userId: owner,
      kind: 'announcement',
      title,
      body,
      createdAt: minutesAgo(minutes),
    });
    await db
      .insert(notifications)
      .values([
        notice('Rota change on ward 4', 'See the new times', 1),
        notice('Your group meets Thursday', 'The rota allows it', 2),
        notice('Nothing relevant', 'at all', 3),
        notice('Rota for someone else', 'not yours', 4, otherId),
        notice('Discount: 100% off', 'coffee', 5),
        notice('Third rota item', 'more', 6),
      ]);
    const found = await readEveryPage<{ title: string }>(
      participant,
      '/api/notifications?search=ROTA',
      'notifications',
      1,
    );
    expect(found.items.map((item) => item.title)).toEqual([
      'Rota change on ward 4',
      'Your group meets Thursday',
      'Third rota item',
    ]);
    expect(found.pageCount).toBe(3);
    const percent = (await participant.request('GET', '/api/notifications?search=0%25')).json();
    expect(percent.notifications.map((item: { title: string }) => item.title)).toEqual([
      'Discount: 100% off',
    ]);
  });
});

describe('searching a group space', () => {
  it('finds threads by the words of a post or a reply, never in hidden words nor by an anonymous author', async () => {
    const db = context.connection.db;
    const fixture = await createGroupWithMeetings(db, {
      organizationId,
      memberEmails: [
        'facilitator1@demo.tend.test',
        'participant1@demo.tend.test',
        'participant2@demo.tend.test',
      ],
      meetingStarts: [hoursFrom(context.clock.now, 24)],
      programTitle: 'Search program',
      groupName: 'Search circle',
    });
    const authorId = await userIdOf(db, 'participant2@demo.tend.test');
    const [, weekend] = await db
      .insert(groupPosts)
      .values([
        {
          organizationId,
          groupId: fixture.groupId,
          authorId,
          body: 'Night shifts and sleep',
          createdAt: minutesAgo(10),
        },
        {
          organizationId,
          groupId: fixture.groupId,
          authorId,
          body: 'Weekend plans',
          createdAt: minutesAgo(9),
        },
        {
          organizationId,
          groupId: fixture.groupId,
          authorId,
          body: 'Feeling low after a hard week',
          isAnonymous: true,
          createdAt: minutesAgo(8),
        },
        {
          organizationId,
          groupId: fixture.groupId,
          authorId,
          body: 'Sleep is a secret word here',
          hiddenAt: minutesAgo(1),
          hiddenReason: 'off topic',
          createdAt: minutesAgo(7),
        },
      ])
      .returning({ id: groupPosts.id });
    await db.insert(groupPosts).values({
      organizationId,
      groupId: fixture.groupId,
      authorId,
      parentId: weekend?.id,
      body: 'Catching up on sleep, mostly',
      createdAt: minutesAgo(5),
    });
    const bodiesFound = async (client: TestClient, search: string) => {
      const space = await readEveryPage<{ body: string | null }>(
        client,
        `/api/groups/${fixture.groupId}/space?search=${encodeURIComponent(search)}`,
        'posts',
        1,
      );
      return space.items.map((post) => post.body);
    };
    // The post itself, and the thread whose reply mentions it; not the hidden post.
    for (const reader of [participant, facilitator])
      expect(await bodiesFound(reader, 'sleep')).toEqual(['Weekend plans', 'Night shifts and sleep']);
    expect(await bodiesFound(participant, 'secret')).toEqual([]);
    // Searching the author's name finds nothing: only words are searched, so anonymity holds.
    const authorName = (await admin.request('GET', '/api/users?search=participant2')).json().users[0].name;
    expect(await bodiesFound(participant, authorName)).toEqual([]);
    expect(await bodiesFound(participant, 'hard week')).toEqual(['Feeling low after a hard week']);
  });
});

describe('searching the audit log', () => {
  it('finds entries by action and by who acted or was acted on', async () => {
    const id = await userIdOf(context.connection.db, 'participant5@demo.tend.test');
    const changed = await admin.request('PATCH', `/api/users/${id}`, { discipline: 'Audiology' });
    expect(changed.statusCode).toBe(200);
    const name: string = changed.json().name;
    const byTarget = await readEveryPage<{ targetName: string | null; description: string }>(
      admin,
      `/api/audit-events?search=${encodeURIComponent(name)}`,
      'events',
      2,
    );
    expect(byTarget.items.length).toBeGreaterThan(0);
    expect(
      byTarget.items.every((event) => event.targetName === name || event.description.includes(name)),
    ).toBe(true);
    expect(byTarget.items[0]?.description).toMatch(/Audiology$/);
    const byActor = (await admin.request('GET', '/api/audit-events?search=avery')).json();
    expect(byActor.events.length).toBeGreaterThan(0);
    const nothing = (await admin.request('GET', '/api/audit-events?search=no-such-thing-anywhere')).json();
    expect(nothing).toEqual({ events: [], nextCursor: null });
  });
});

describe('searching the outbox', () => {
  it('finds e-mails by recipient or subject, and never a personal notice by whom it went to', async () => {
    const mail = (to: string, subject: string, kind: string | null, minutes: number) => ({
      organizationId,
      to,
      subject,
      text: 'Hello',
      kind,
      createdAt: minutesAgo(minutes),
    });
    await context.connection.db
      .insert(outbox)
      .values([
        mail('quinn.searched@example.org', 'Your invitation to Tend', 'invitation', 3),
        mail('quinn.searched@example.org', 'What you missed at your meeting', 'reflection-catch-up', 2),
        mail('quinn.searched@example.org', 'An old e-mail', null, 4),
        mail('someone.else@example.org', 'Your invitation to Tend', 'invitation', 1),
      ]);
    const found = await readEveryPage<{ to: string; subject: string; isPrivate: boolean }>(
      admin,
      '/api/outbox?search=quinn.searched',
      'mails',
      1,
    );
    expect(found.items).toEqual([
      expect.objectContaining({ to: 'quinn.searched@example.org', subject: 'Your invitation to Tend' }),
    ]);
    const bySubject = (await admin.request('GET', '/api/outbox?search=what%20you%20missed')).json();
    expect(bySubject.mails).toEqual([]);
    // Without a search the personal notice is listed, its recipient hidden.
    const all = (await admin.request('GET', '/api/outbox?limit=10')).json();
    expect(all.mails.filter((entry: { isPrivate: boolean }) => entry.isPrivate)).toHaveLength(2);
    expect(
      JSON.stringify(all.mails.filter((entry: { isPrivate: boolean }) => entry.isPrivate)),
    ).not.toContain('quinn');
  });
});
