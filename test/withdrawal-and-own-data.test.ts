import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentResponses,
  assessmentWindows,
  followUps,
  groupPosts,
  memberships,
  reflections,
  sessions,
  users,
} from '../src/db/schema.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  type GroupFixture,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import {
  createTestApp,
  noSendingLimits,
  TestClient,
  type TestContext,
  testPassword,
} from './helpers/test-app.ts';

let context: TestContext;
let organizationId: string;
const facilitator = 'facilitator1@demo.tend.test';
const leaver = 'participant1@demo.tend.test';
const stayer = 'participant2@demo.tend.test';

async function signedIn(email: string, ip: string): Promise<TestClient> {
  const client = new TestClient(context.app, ip);
  const response = await client.signIn(email);
  if (response.statusCode !== 204) throw new Error(`${email} could not sign in: ${response.body}`);
  return client;
}

/** A fresh group of three, so each test withdraws from its own program. */
async function freshGroup(title: string): Promise<GroupFixture> {
  return createGroupWithMeetings(context.connection.db, {
    organizationId,
    memberEmails: [facilitator, leaver, stayer],
    meetingStarts: [new Date('2026-01-05T17:00:00Z')],
    programTitle: title,
  });
}

async function post(client: TestClient, groupId: string, body: Record<string, unknown>): Promise<string> {
  const response = await client.request('POST', `/api/groups/${groupId}/posts`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

async function spaceAsStayer(groupId: string) {
  const client = await signedIn(stayer, '10.30.0.2');
  const response = await client.request('GET', `/api/groups/${groupId}/space`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  context = await createTestApp({}, { sendingLimits: noSendingLimits });
  organizationId = await demoOrganizationId(context.connection.db);
});
afterAll(() => context.close());

describe('withdrawing, and what one shared', () => {
  it('says before withdrawing what each choice does to posts and shared reflections', async () => {
    const group = await freshGroup('Choices program');
    const client = await signedIn(leaver, '10.30.0.1');
    const response = await client.request('GET', `/api/programs/${group.programId}/enrollment`);
    expect(response.statusCode).toBe(200);
    const { sharedContentChoices, withdrawalStatement } = response.json();
    expect(sharedContentChoices.map((choice: { value: string }) => choice.value)).toEqual([
      'keep',
      'anonymise',
      'remove',
    ]);
    expect(withdrawalStatement).toMatch(/questionnaire results stay yours/);
  });

  it('shows in the group space the very guidelines agreed to at enrolment', async () => {
    const group = await freshGroup('Guidelines program');
    const client = await signedIn(leaver, '10.30.0.1');
    const agreed = (await client.request('GET', `/api/programs/${group.programId}/enrollment`)).json()
      .guidelines;
    const space = await spaceAsStayer(group.groupId);
    expect(agreed.length).toBeGreaterThan(0);
    expect(space.guidelines).toEqual(agreed);
  });

  it('keeps the "not with" choice private: named back to the person, never shown to the coordinator', async () => {
    const group = await freshGroup('Not with program');
    const client = await signedIn(leaver, '10.30.0.1');
    const avoidedId = await userIdOf(context.connection.db, stayer);
    const saved = await client.request('PUT', `/api/programs/${group.programId}/enrollment`, {
      availability: ['tue-12'],
      timeZone: 'America/Toronto',
      interests: ['burnout'],
      avoidUserIds: [avoidedId],
      agreesToGuidelines: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const own = (await client.request('GET', `/api/programs/${group.programId}/enrollment`)).json();
    expect(own.enrollment.avoidPeople.map((person: { id: string }) => person.id)).toEqual([avoidedId]);
    const coordinator = await signedIn('coordinator@demo.tend.test', '10.30.0.9');
    const roster = await coordinator.request('GET', `/api/programs/${group.programId}/enrollments`);
    expect(roster.statusCode).toBe(200);
    // The roster names everyone enrolled, the avoided person included, but nothing of who asked what.
    expect(roster.body).not.toMatch(/avoid|not.?with/i);
  });

  it('removes the person’s posts, with the replies to them, when they choose to', async () => {
    const group = await freshGroup('Remove program');
    const client = await signedIn(leaver, '10.30.0.1');
    const other = await signedIn(stayer, '10.30.0.2');
    const mine = await post(client, group.groupId, {
      body: 'A near miss I still think about.',
      isAnonymous: true,
    });
    await post(other, group.groupId, { body: 'Thank you for saying it.', parentId: mine });
    const theirs = await post(other, group.groupId, { body: 'My own week.' });
    const response = await client.request(
      'DELETE',
      `/api/programs/${group.programId}/enrollment?sharedContent=remove`,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().sharedContent).toMatch(/deleted/);
    const space = await spaceAsStayer(group.groupId);
    expect(space.posts.map((thread: { id: string }) => thread.id)).toEqual([theirs]);
  });

  it('keeps the posts but names nobody when they choose anonymised', async () => {
    const group = await freshGroup('Anonymise program');
    const client = await signedIn(leaver, '10.30.0.1');
    const postId = await post(client, group.groupId, { body: 'Signed with my name.' });
    const response = await client.request(
      'DELETE',
      `/api/programs/${group.programId}/enrollment?sharedContent=anonymise`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const space = await spaceAsStayer(group.groupId);
    const [thread] = space.posts;
    expect(thread.id).toBe(postId);
    expect(thread.author).toBeNull();
    expect(thread.authorLabel).toBe('A group member');
    // The day only: the minute would point at who wrote it.
    expect(thread.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const leaverName = (await context.connection.db.select().from(users).where(eq(users.email, leaver)))[0]
      ?.name as string;
    expect(JSON.stringify(space)).not.toContain(leaverName);
  });

  it('lets the person delete their own post after withdrawing, and nobody else’s', async () => {
    const group = await freshGroup('Keep program');
    const client = await signedIn(leaver, '10.30.0.1');
    const other = await signedIn(stayer, '10.30.0.2');
    const mine = await post(client, group.groupId, { body: 'Kept for now.' });
    const theirs = await post(other, group.groupId, { body: 'Not yours to delete.' });
    const withdrawn = await client.request('DELETE', `/api/programs/${group.programId}/enrollment`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().sharedContent).toMatch(/stay in the group space/);

    const listed = await client.request('GET', '/api/me/posts');
    expect(listed.statusCode).toBe(200);
    const listedMine = listed.json().posts.find((entry: { id: string }) => entry.id === mine);
    expect(listedMine).toMatchObject({ body: 'Kept for now.', isStillMember: false, groupName: 'Group A' });
    expect(listed.json().posts.some((entry: { id: string }) => entry.id === theirs)).toBe(false);

    const other404 = await client.request('DELETE', `/api/groups/${group.groupId}/posts/${theirs}`);
    expect(other404.statusCode).toBe(404);
    const deleted = await client.request('DELETE', `/api/groups/${group.groupId}/posts/${mine}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    const left = await context.connection.db
      .select()
      .from(groupPosts)
      .where(eq(groupPosts.groupId, group.groupId));
    expect(left.map((row) => row.id)).toEqual([theirs]);
  });

  it('answers an unknown choice with a 400 naming it', async () => {
    const group = await freshGroup('Bad choice program');
    const client = await signedIn(leaver, '10.30.0.1');
    const response = await client.request(
      'DELETE',
      `/api/programs/${group.programId}/enrollment?sharedContent=shred`,
    );
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().error)).toMatch(/sharedContent/);
  });
});

/** Writes a reflection and a questionnaire answer for one person, each carrying a marker. */
async function writePrivateData(group: GroupFixture, email: string, marker: string) {
  const { db } = context.connection;
  const userId = await userIdOf(db, email);
  const meetingId = group.meetingIds[0] as string;
  const [followUp] = await db
    .insert(followUps)
    .values({
      organizationId,
      meetingId,
      userId,
      step: 1,
      kind: 'prompt',
      prompt: 'What helped?',
      topicTitle: 'Noticing stress',
      skill: 'Pausing',
      dueAt: new Date('2026-01-06T17:00:00Z'),
    })
    .returning();
  await db.insert(reflections).values({
    organizationId,
    userId,
    followUpId: followUp?.id as string,
    meetingId,
    topicTitle: 'Noticing stress',
    skill: 'Pausing',
    prompt: 'What helped?',
    answer: `reflection ${marker}`,
    skillUsed: 'tried',
    createdAt: new Date('2026-01-06T18:00:00Z'),
    updatedAt: new Date('2026-01-06T18:00:00Z'),
  });
  const [window] = await db
    .insert(assessmentWindows)
    .values({
      organizationId,
      instrumentId: 'brief-resilience-scale',
      title: `BRS for ${marker}`,
      kind: 'every-3-months',
      seriesId: organizationId,
      opensAt: new Date('2026-01-01T00:00:00Z'),
      closesAt: new Date('2026-02-01T00:00:00Z'),
    })
    .returning();
  await db.insert(assessmentResponses).values({
    organizationId,
    windowId: window?.id as string,
    userId,
    instrumentId: 'brief-resilience-scale',
    status: 'draft',
    answers: { '1': 4, '2': 2 },
    startedAt: new Date('2026-01-02T00:00:00Z'),
    updatedAt: new Date('2026-01-02T00:00:00Z'),
  });
}

/** What of another person's data shows in an export, by the markers their data carries. */
function othersDataIn(exported: unknown, others: readonly string[]): string[] {
  const text = JSON.stringify(exported);
  return others.filter((marker) => text.includes(marker));
}

describe('downloading one’s own data', () => {
  it('includes the person’s reflections, answers and posts, and nothing of anyone else’s', async () => {
    const group = await freshGroup('Export program');
    await writePrivateData(group, leaver, 'OWN-7731');
    await writePrivateData(group, stayer, 'OTHER-5518');
    const client = await signedIn(leaver, '10.30.0.1');
    const other = await signedIn(stayer, '10.30.0.2');
    await post(client, group.groupId, { body: 'post OWN-7731' });
    await post(other, group.groupId, { body: 'post OTHER-5518' });
    const stayerName = (await context.connection.db.select().from(users).where(eq(users.email, stayer)))[0]
      ?.name as string;

    const response = await client.request('GET', '/api/me/data');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="tend-my-data-/);
    const exported = response.json();
    expect(exported.account.email).toBe(leaver);
    expect(exported.reflections.map((row: { answer: string }) => row.answer)).toContain(
      'reflection OWN-7731',
    );
    expect(exported.questionnaires.some((row: { answers: object }) => '1' in row.answers)).toBe(true);
    expect(exported.posts.map((row: { body: string }) => row.body)).toContain('post OWN-7731');
    expect(othersDataIn(exported, ['OTHER-5518', stayerName, stayer])).toEqual([]);
  });

  it('gives the same data as a PDF to read', async () => {
    const client = await signedIn(leaver, '10.30.0.1');
    const response = await client.request('GET', '/api/me/data.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('would catch a leak: the check finds another person’s reflection slipped into an export', async () => {
    const client = await signedIn(leaver, '10.30.0.1');
    const exported = (await client.request('GET', '/api/me/data')).json();
    const leaky = {
      ...exported,
      reflections: [...exported.reflections, { answer: 'reflection OTHER-5518' }],
    };
    expect(othersDataIn(leaky, ['OTHER-5518'])).toEqual(['OTHER-5518']);
  });
});

describe('closing one’s account', () => {
  it('says what stays behind, and in which anonymous form', async () => {
    const client = await signedIn('participant5@demo.tend.test', '10.30.0.5');
    const response = await client.request('GET', '/api/me/account-closing');
    expect(response.statusCode).toBe(200);
    expect(response.json().statement.join(' ')).toMatch(/anonymous reports/);
  });

  it('needs the password and a confirmation, each named when missing', async () => {
    const client = await signedIn('participant5@demo.tend.test', '10.30.0.5');
    const wrong = await client.request('POST', '/api/me/account-closing', {
      password: 'not-my-password',
      isConfirmed: true,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toHaveProperty(['body.password']);
    const unconfirmed = await client.request('POST', '/api/me/account-closing', {
      password: 'whatever',
      isConfirmed: false,
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(JSON.stringify(unconfirmed.json().error)).toMatch(/isConfirmed/);
  });

  it('deletes the account and ends every session it had', async () => {
    const email = 'participant6@demo.tend.test';
    const { db } = context.connection;
    const userId = await userIdOf(db, email);
    const phone = await signedIn(email, '10.30.0.6');
    const laptop = await signedIn(email, '10.30.0.7');
    const response = await phone.request('POST', '/api/me/account-closing', {
      password: testPassword,
      isConfirmed: true,
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(await db.select().from(sessions).where(eq(sessions.userId, userId))).toEqual([]);
    expect(await db.select().from(users).where(eq(users.id, userId))).toEqual([]);
    for (const device of [phone, laptop]) {
      expect((await device.request('GET', '/api/me/posts')).statusCode).toBe(401);
    }
  });

  it('keeps an organisation from losing its last admin', async () => {
    const admin = await signedIn('admin@demo.tend.test', '10.30.0.8');
    const response = await admin.request('POST', '/api/me/account-closing', {
      password: testPassword,
      isConfirmed: true,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('ACCOUNT_LAST_ADMIN');
  });

  it('does not count a disabled admin as the one who would run the organisation after', async () => {
    const { db } = context.connection;
    const otherAdminId = await userIdOf(db, 'leader@demo.tend.test');
    await db.update(memberships).set({ role: 'admin' }).where(eq(memberships.userId, otherAdminId));
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, otherAdminId));
    try {
      const admin = await signedIn('admin@demo.tend.test', '10.30.0.9');
      const response = await admin.request('POST', '/api/me/account-closing', {
        password: testPassword,
        isConfirmed: true,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('ACCOUNT_LAST_ADMIN');
      expect(
        await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@demo.tend.test')),
      ).toHaveLength(1);
    } finally {
      await db.update(users).set({ disabledAt: null }).where(eq(users.id, otherAdminId));
      await db.update(memberships).set({ role: 'leader' }).where(eq(memberships.userId, otherAdminId));
    }
  });
});
