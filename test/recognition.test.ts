import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users } from '../src/db/schema.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  type GroupFixture,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let group: GroupFixture;
const people = new Map<string, TestClient>();
const ids = new Map<string, string>();

const sender = 'participant11@demo.tend.test';
const recipient = 'participant12@demo.tend.test';
const groupmate = 'participant13@demo.tend.test';
const stranger = 'participant14@demo.tend.test';

function client(email: string): TestClient {
  const found = people.get(email);
  if (!found) throw new Error(`no client for ${email}`);
  return found;
}

type Recognition = { id: string; message: string; sender: { id: string }; recipient: { id: string } };
type Lists = { received: Recognition[]; sent: Recognition[]; wall: Recognition[] };

async function listsOf(email: string): Promise<Lists> {
  const response = await client(email).request('GET', '/api/recognitions');
  expect(response.statusCode).toBe(200);
  return response.json();
}

const messagesIn = (list: Recognition[]) => list.map((recognition) => recognition.message);

async function send(body: Record<string, unknown>) {
  return client(sender).request('POST', '/api/recognitions', {
    recipientId: ids.get(recipient),
    kind: 'gratitude',
    ...body,
  });
}

beforeAll(async () => {
  context = await createTestApp();
  const { db } = context.connection;
  group = await createGroupWithMeetings(db, {
    organizationId: await demoOrganizationId(db),
    memberEmails: ['facilitator1@demo.tend.test', sender, recipient, groupmate],
    meetingStarts: [],
  });
  for (const [index, email] of [sender, recipient, groupmate, stranger].entries()) {
    const signedIn = new TestClient(context.app, `10.30.0.${index + 1}`);
    if ((await signedIn.signIn(email)).statusCode !== 204) throw new Error(`${email} could not sign in`);
    people.set(email, signedIn);
    ids.set(email, await userIdOf(db, email));
  }
});
afterAll(() => context.close());

describe('recognition', () => {
  it('shows private thanks to the two people only, and tells the recipient', async () => {
    const sent = await send({ message: 'Thank you for covering my shift.', visibility: 'private' });
    expect(sent.statusCode).toBe(201);
    expect(messagesIn((await listsOf(recipient)).received)).toContain('Thank you for covering my shift.');
    expect(messagesIn((await listsOf(sender)).sent)).toContain('Thank you for covering my shift.');
    for (const email of [groupmate, stranger]) {
      const raw = (await client(email).request('GET', '/api/recognitions')).body;
      expect(raw).not.toContain('covering my shift');
    }
    const coordinator = await signedInClient(context.app, 'coordinator');
    expect((await coordinator.request('GET', '/api/recognitions')).body).not.toContain('covering my shift');
    const notices = await context.connection.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, ids.get(recipient) as string));
    expect(notices.map((notice) => notice.kind)).toContain('recognition');
  });

  it('shows group recognition to that group only, and organisation recognition to everyone', async () => {
    expect(
      (await send({ message: 'You held the group together.', visibility: 'group', groupId: group.groupId }))
        .statusCode,
    ).toBe(201);
    expect(
      (await send({ message: 'Best preceptor of the year.', visibility: 'organization' })).statusCode,
    ).toBe(201);
    expect(messagesIn((await listsOf(groupmate)).wall)).toEqual(
      expect.arrayContaining(['You held the group together.', 'Best preceptor of the year.']),
    );
    const strangersWall = messagesIn((await listsOf(stranger)).wall);
    expect(strangersWall).toContain('Best preceptor of the year.');
    expect(strangersWall).not.toContain('You held the group together.');
  });

  it('needs a group both people are in for the group wall', async () => {
    const strangerGroup = await client(sender).request('POST', '/api/recognitions', {
      recipientId: ids.get(stranger),
      kind: 'effort',
      message: 'Great effort.',
      visibility: 'group',
      groupId: group.groupId,
    });
    expect(strangerGroup.statusCode).toBe(400);
    expect(strangerGroup.json().error.fields['body.groupId']).toMatch(/both in/);
  });

  it('lets a person turn public recognition off: senders are told, only private thanks reach them, and the walls forget them', async () => {
    const off = await client(recipient).request('PUT', '/api/me/recognition-preferences', {
      acceptsPublicRecognition: false,
    });
    expect(off.json()).toEqual({ acceptsPublicRecognition: false });

    const refused = await send({ message: 'Shout-out to you!', visibility: 'organization' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PUBLIC_RECOGNITION_DECLINED');
    const refusedGroup = await send({
      message: 'Shout-out to you!',
      visibility: 'group',
      groupId: group.groupId,
    });
    expect(refusedGroup.statusCode).toBe(409);
    expect((await send({ message: 'A quiet thank you.', visibility: 'private' })).statusCode).toBe(201);

    for (const email of [groupmate, stranger]) {
      const raw = (await client(email).request('GET', '/api/recognitions')).body;
      expect(raw).not.toContain('Best preceptor of the year.');
      expect(raw).not.toContain('You held the group together.');
      expect(raw).not.toContain(ids.get(recipient));
    }
    expect(messagesIn((await listsOf(recipient)).received)).toEqual(
      expect.arrayContaining(['Best preceptor of the year.', 'A quiet thank you.']),
    );
  });

  it('tells a sender before sending whether a colleague receives public recognition', async () => {
    const [row] = await context.connection.db
      .select({ name: users.name })
      .from(users)
      .where(eq(users.id, ids.get(recipient) as string));
    const response = await client(sender).request(
      'GET',
      `/api/colleagues?search=${encodeURIComponent(row?.name ?? '')}`,
    );
    expect(response.statusCode).toBe(200);
    const colleague = response
      .json()
      .colleagues.find((candidate: { id: string }) => candidate.id === ids.get(recipient));
    expect(colleague).toMatchObject({
      acceptsPublicRecognition: false,
      sharedGroups: [{ id: group.groupId, name: 'Group A' }],
    });
    expect(JSON.stringify(colleague)).not.toContain('@');
    const tooShort = await client(sender).request('GET', '/api/colleagues?search=a');
    expect(tooShort.statusCode).toBe(400);
  });

  it('refuses recognition to oneself', async () => {
    const response = await client(sender).request('POST', '/api/recognitions', {
      recipientId: ids.get(sender),
      kind: 'accomplishment',
      message: 'Well done me',
      visibility: 'private',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields['body.recipientId']).toBeDefined();
  });
});
