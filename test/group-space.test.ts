import { eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupAgreements } from '../src/core/curriculum/group-agreements.ts';
import { groupPosts, notifications, outbox, users } from '../src/db/schema.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  type GroupFixture,
} from './helpers/meeting-fixtures.ts';
import { expectBadPageQueriesRefused, readEveryPage } from './helpers/pages.ts';
import {
  createTestApp,
  noSendingLimits,
  signedInClient,
  TestClient,
  type TestContext,
} from './helpers/test-app.ts';

let context: TestContext;
let group: GroupFixture;
let otherGroup: GroupFixture;
const people = new Map<string, TestClient>();
const names = new Map<string, string>();
const ids = new Map<string, string>();

const facilitator = 'facilitator1@demo.tend.test';
const members = ['participant1@demo.tend.test', 'participant2@demo.tend.test', 'participant3@demo.tend.test'];
const outsider = 'participant4@demo.tend.test';

function client(email: string): TestClient {
  const found = people.get(email);
  if (!found) throw new Error(`no client for ${email}`);
  return found;
}

const spacePath = () => `/api/groups/${group.groupId}/space`;
const postsPath = () => `/api/groups/${group.groupId}/posts`;

async function post(email: string, body: Record<string, unknown>): Promise<string> {
  const response = await client(email).request('POST', postsPath(), body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

beforeAll(async () => {
  // Posts and proposals here test who sees what, not how many one may send (sending-limits.test.ts).
  context = await createTestApp({}, { sendingLimits: noSendingLimits });
  const { db } = context.connection;
  const organizationId = await demoOrganizationId(db);
  group = await createGroupWithMeetings(db, {
    organizationId,
    memberEmails: [facilitator, ...members],
    meetingStarts: [],
  });
  otherGroup = await createGroupWithMeetings(db, {
    organizationId,
    memberEmails: ['facilitator2@demo.tend.test', outsider],
    meetingStarts: [],
    programTitle: 'Another program',
  });
  for (const [index, email] of [facilitator, ...members, outsider].entries()) {
    const signedIn = new TestClient(context.app, `10.20.0.${index + 1}`);
    const response = await signedIn.signIn(email);
    if (response.statusCode !== 204) throw new Error(`${email} could not sign in`);
    people.set(email, signedIn);
  }
  const rows = await db.select({ id: users.id, name: users.name, email: users.email }).from(users);
  for (const row of rows) {
    names.set(row.email, row.name);
    ids.set(row.email, row.id);
  }
});
afterAll(() => context.close());

describe('group space', () => {
  it('shows members and facilitators the guidelines agreed at enrolment and the posts', async () => {
    const postId = await post(members[0] as string, { body: 'Night shifts have been hard.' });
    for (const email of [facilitator, ...members]) {
      const response = await client(email).request('GET', spacePath());
      expect(response.statusCode).toBe(200);
      const space = response.json();
      expect(space.guidelines).toEqual([...groupAgreements]);
      expect(space.posts.find((thread: { id: string }) => thread.id === postId)).toMatchObject({
        body: 'Night shifts have been hard.',
        author: { id: ids.get(members[0] as string), name: names.get(members[0] as string) },
      });
    }
  });

  it('answers 404 to everyone outside the group, coordinators and leaders included, and shows them nothing', async () => {
    await post(members[1] as string, { body: 'Something only the group reads.' });
    const outsiders = [
      client(outsider),
      await signedInClient(context.app, 'coordinator'),
      await signedInClient(context.app, 'leader'),
      await signedInClient(context.app, 'admin'),
    ];
    for (const stranger of outsiders) {
      const read = await stranger.request('GET', spacePath());
      expect(read.statusCode).toBe(404);
      expect(read.body).not.toContain('only the group reads');
      const write = await stranger.request('POST', postsPath(), { body: 'Let me in' });
      expect(write.statusCode).toBe(404);
    }
    const anonymous = new TestClient(context.app);
    await anonymous.loadSession();
    expect((await anonymous.request('GET', spacePath())).statusCode).toBe(401);
  });

  it('never sends the author of an anonymous post or reply to anyone else, facilitator included', async () => {
    const author = members[2] as string;
    const postId = await post(author, { body: 'I cried in the car park.', isAnonymous: true });
    await post(author, { body: 'And again today.', isAnonymous: true, parentId: postId });
    for (const email of [facilitator, members[0] as string, members[1] as string]) {
      const raw = (await client(email).request('GET', spacePath())).body;
      expect(raw).toContain('I cried in the car park.');
      expect(raw).toContain('A group member');
      expect(raw).not.toContain(ids.get(author));
      expect(raw).not.toContain(names.get(author));
    }
    const own = (await client(author).request('GET', spacePath())).json();
    const thread = own.posts.find((candidate: { id: string }) => candidate.id === postId);
    expect(thread).toMatchObject({ isMine: true, author: null, authorLabel: 'A group member' });
    expect(thread.replies[0]).toMatchObject({ isMine: true, body: 'And again today.' });
  });

  it('lets the author of an anonymous post edit and delete it, and nobody else', async () => {
    const author = members[0] as string;
    const postId = await post(author, { body: 'First draft', isAnonymous: true });
    const path = `${postsPath()}/${postId}`;
    expect((await client(members[1] as string).request('PATCH', path, { body: 'Mine now' })).statusCode).toBe(
      403,
    );
    expect((await client(facilitator).request('DELETE', path)).statusCode).toBe(403);
    expect((await client(author).request('PATCH', path, { body: 'Second draft' })).statusCode).toBe(204);
    const edited = (await client(members[1] as string).request('GET', spacePath())).json();
    expect(edited.posts.find((thread: { id: string }) => thread.id === postId)).toMatchObject({
      body: 'Second draft',
      author: null,
    });
    await post(members[1] as string, { body: 'A reply that goes with it', parentId: postId });
    expect((await client(author).request('DELETE', path)).statusCode).toBe(204);
    const after = (await client(author).request('GET', spacePath())).body;
    expect(after).not.toContain('Second draft');
    expect(after).not.toContain('A reply that goes with it');
  });

  it('keeps anonymous authors unknown to other members whatever is posted (property)', async () => {
    const authors = members.slice(0, 3);
    expect(new Set(authors.map((email) => names.get(email))).size).toBe(authors.length);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            authorIndex: fc.integer({ min: 0, max: authors.length - 1 }),
            isAnonymous: fc.boolean(),
            isReply: fc.boolean(),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 0, max: authors.length - 1 }),
        async (drafts, viewerIndex) => {
          await context.connection.db.delete(groupPosts).where(eq(groupPosts.groupId, group.groupId));
          let firstPostId: string | undefined;
          for (const [index, draft] of drafts.entries()) {
            const id = await post(authors[draft.authorIndex] as string, {
              body: `Post number ${index}`,
              isAnonymous: draft.isAnonymous,
              ...(draft.isReply && firstPostId ? { parentId: firstPostId } : {}),
            });
            firstPostId ??= id;
          }
          const viewer = authors[viewerIndex] as string;
          const raw = (await client(viewer).request('GET', spacePath())).body;
          authors.forEach((author, authorIndex) => {
            const own = drafts.filter((draft) => draft.authorIndex === authorIndex);
            const isOnlyAnonymous = own.length > 0 && own.every((draft) => draft.isAnonymous);
            if (author !== viewer && isOnlyAnonymous) {
              expect(raw).not.toContain(ids.get(author));
              expect(raw).not.toContain(names.get(author));
            }
          });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('lets members report a post, and its facilitator hide it with a reason only its author and facilitators read', async () => {
    const author = members[1] as string;
    const postId = await post(author, { body: 'Patient in bed 4 was impossible.' });
    const reported = await client(members[0] as string).request('POST', `${postsPath()}/${postId}/reports`, {
      reason: 'It could identify a patient',
    });
    expect(reported.statusCode).toBe(204);

    const asFacilitator = (await client(facilitator).request('GET', spacePath())).json();
    expect(asFacilitator.isFacilitator).toBe(true);
    expect(asFacilitator.reports).toEqual([{ postId, count: 1, reasons: ['It could identify a patient'] }]);
    expect(JSON.stringify(asFacilitator.reports)).not.toContain(ids.get(members[0] as string));
    expect((await client(members[2] as string).request('GET', spacePath())).json().reports).toEqual([]);

    const hiddenPath = `${postsPath()}/${postId}/hidden`;
    const byMember = await client(members[2] as string).request('PUT', hiddenPath, { reason: 'No' });
    expect(byMember.statusCode).toBe(403);
    const hidden = await client(facilitator).request('PUT', hiddenPath, { reason: 'Names a patient' });
    expect(hidden.statusCode).toBe(204);

    const otherView = await client(members[2] as string).request('GET', spacePath());
    expect(otherView.body).not.toContain('bed 4');
    expect(otherView.body).not.toContain('Names a patient');
    expect(otherView.json().posts.find((thread: { id: string }) => thread.id === postId)).toMatchObject({
      isHidden: true,
      body: null,
    });
    const authorView = (await client(author).request('GET', spacePath())).json();
    expect(authorView.posts.find((thread: { id: string }) => thread.id === postId)).toMatchObject({
      isHidden: true,
      hiddenReason: 'Names a patient',
    });
    expect((await client(facilitator).request('GET', spacePath())).json().reports).toEqual([]);
    const replyToHidden = await client(members[0] as string).request('POST', postsPath(), {
      body: 'Replying anyway',
      parentId: postId,
    });
    expect(replyToHidden.statusCode).toBe(400);
    const { db } = context.connection;
    const told = await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, ids.get(author) as string));
    expect(told.map((notice) => notice.body).join('\n')).toContain('Names a patient');

    expect((await client(facilitator).request('DELETE', hiddenPath)).statusCode).toBe(204);
    expect((await client(members[2] as string).request('GET', spacePath())).body).toContain('bed 4');
  });

  it('tells the other members of a new post in Tend, without e-mailing them', async () => {
    const { db } = context.connection;
    const others = [facilitator, members[1] as string].map((email) => ids.get(email) as string);
    const emailsBefore = await db.select().from(outbox);
    await post(members[0] as string, { body: 'Anyone up for a walk after the meeting?' });
    const notices = await db.select().from(notifications).where(inArray(notifications.userId, others));
    expect(
      notices.filter((notice) => notice.kind === 'group-post' && notice.title.startsWith('New post')),
    ).not.toHaveLength(0);
    expect(notices.every((notice) => !notice.body.includes(names.get(members[0] as string) ?? '?'))).toBe(
      true,
    );
    expect(await db.select().from(outbox)).toHaveLength(emailsBefore.length);
  });

  it('closes the space to someone who withdraws from the program', async () => {
    const leaver = members[2] as string;
    expect((await client(leaver).request('GET', spacePath())).statusCode).toBe(200);
    const withdrawn = await client(leaver).request('DELETE', `/api/programs/${group.programId}/enrollment`);
    expect(withdrawn.statusCode).toBe(200);
    expect((await client(leaver).request('GET', spacePath())).statusCode).toBe(404);
    expect((await client(leaver).request('POST', postsPath(), { body: 'Still here?' })).statusCode).toBe(404);
  });

  it('keeps each group to itself', async () => {
    const response = await client(outsider).request('GET', `/api/groups/${otherGroup.groupId}/space`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('Night shifts');
  });

  it('names what to fix in a bad post', async () => {
    const response = await client(members[0] as string).request('POST', postsPath(), { body: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields['body.body']).toBe('write something first');
  });
});

describe('the posts of a space', () => {
  type Thread = { id: string; body: string | null; createdAt: string; replies: { body: string }[] };

  it('come a page at a time, newest first, each with its replies, every post exactly once', async () => {
    const writer = members[1] as string;
    const started = context.clock.now;
    const written: string[] = [];
    // Some posts share an instant, so the pages must also break ties between them.
    for (const [index, minutes] of [0, 0, 0, 1, 1, 2, 3].entries()) {
      context.clock.now = new Date(started.getTime() + minutes * 60_000);
      const id = await post(writer, { body: `Paged post ${index}` });
      await post(facilitator, { body: `A reply to paged post ${index}`, parentId: id });
      written.push(id);
    }
    const everything = (await client(writer).request('GET', `${spacePath()}?limit=100`)).json();
    expect(everything.nextCursor).toBeNull();
    const { items, pageCount } = await readEveryPage<Thread>(client(writer), spacePath(), 'posts', 2);
    expect(pageCount).toBeGreaterThan(3);
    expect(items).toEqual(everything.posts);
    const ids = items.map((thread) => thread.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(written.every((id) => ids.includes(id))).toBe(true);
    // Anonymous posts show only their day, so the order is checked on the posts written here.
    const paged = items.filter((candidate) => candidate.body?.startsWith('Paged post'));
    const times = paged.map((thread) => thread.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(paged.slice(0, 4).map((thread) => thread.body)).toEqual([
      'Paged post 6',
      'Paged post 5',
      expect.stringMatching(/^Paged post [34]$/),
      expect.stringMatching(/^Paged post [34]$/),
    ]);
    for (const thread of paged) {
      expect(thread.replies.map((reply) => reply.body)).toEqual([`A reply to ${thread.body?.toLowerCase()}`]);
    }
    context.clock.now = started;
  });

  it('refuse a cursor Tend did not give out and a page size out of range, naming the field', async () => {
    await expectBadPageQueriesRefused(client(members[1] as string), spacePath());
  });
});
