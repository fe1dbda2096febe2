import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, outbox } from '../src/db/schema.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  type GroupFixture,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import { createTestApp, TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let group: GroupFixture;
const people = new Map<string, TestClient>();
const ids = new Map<string, string>();
const minute = 60_000;

const sender = 'participant21@demo.tend.test';
const colleague = 'participant22@demo.tend.test';
const poster = 'participant23@demo.tend.test';
const replier = 'participant24@demo.tend.test';
const reporter = 'participant25@demo.tend.test';

function client(email: string): TestClient {
  const found = people.get(email);
  if (!found) throw new Error(`no client for ${email}`);
  return found;
}

function recognise(from: string, message: string) {
  return client(from).request('POST', '/api/recognitions', {
    recipientId: ids.get(colleague),
    kind: 'gratitude',
    message,
    visibility: 'private',
  });
}

async function waitingEmailsTo(email: string) {
  return context.connection.db
    .select({ subject: outbox.subject, text: outbox.text })
    .from(outbox)
    .where(and(eq(outbox.to, email), isNull(outbox.sentAt)));
}

function later(milliseconds: number) {
  context.clock.now = new Date(context.clock.now.getTime() + milliseconds);
}

beforeAll(async () => {
  context = await createTestApp();
  const { db } = context.connection;
  group = await createGroupWithMeetings(db, {
    organizationId: await demoOrganizationId(db),
    memberEmails: ['facilitator2@demo.tend.test', sender, colleague, poster, replier, reporter],
    meetingStarts: [],
  });
  for (const [index, email] of [sender, colleague, poster, replier, reporter].entries()) {
    const signedIn = new TestClient(context.app, `10.70.0.${index + 1}`);
    if ((await signedIn.signIn(email)).statusCode !== 204) throw new Error(`${email} could not sign in`);
    people.set(email, signedIn);
    ids.set(email, await userIdOf(db, email));
  }
});
afterAll(() => context.close());

describe('a flood of recognitions', () => {
  it('is stopped after a few, and the colleague gets a bounded number of notices and one e-mail', async () => {
    const statuses: number[] = [];
    let refusal: Awaited<ReturnType<typeof recognise>> | undefined;
    for (let index = 0; index < 2536; index++) {
      const response = await recognise(sender, `Thanks #${index}`);
      statuses.push(response.statusCode);
      if (response.statusCode === 429) refusal ??= response;
    }
    const sent = statuses.filter((status) => status === 201).length;
    expect(sent).toBe(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2536 - sent);
    expect(refusal?.json().error).toEqual({
      code: 'TOO_MANY_ATTEMPTS',
      message:
        'You sent 10 recognitions in the last 10 minutes, the most Tend allows. You can send again in 10 minutes.',
    });
    expect(refusal?.headers['retry-after']).toBe('600');

    const notices = await context.connection.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ids.get(colleague) ?? ''), eq(notifications.kind, 'recognition')));
    expect(notices).toHaveLength(10);
    const emails = await waitingEmailsTo(colleague);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.subject).toBe('10 new recognitions');
    expect(emails[0]?.text).toMatch(/^You have 10 new recognitions in Tend\./);
  }, 180_000);

  it('counts per sender: someone else can still thank the same colleague', async () => {
    expect((await recognise(poster, 'Thank you for covering my shift')).statusCode).toBe(201);
    // ...and that notice folds into the e-mail already waiting.
    expect((await waitingEmailsTo(colleague)).map((email) => email.subject)).toEqual(['11 new recognitions']);
  });

  it('lets the sender send again once the window has passed', async () => {
    later(10 * minute - 1_000);
    const early = await recognise(sender, 'Too early');
    expect(early.statusCode).toBe(429);
    expect(early.headers['retry-after']).toBe('1');
    later(1_000);
    expect((await recognise(sender, 'Thanks again')).statusCode).toBe(201);
  });

  it('queues a new e-mail once the waiting one has been sent', async () => {
    await context.connection.db
      .update(outbox)
      .set({ sentAt: context.clock.now })
      .where(eq(outbox.to, colleague));
    later(10 * minute);
    expect((await recognise(sender, 'One more')).statusCode).toBe(201);
    const emails = await waitingEmailsTo(colleague);
    expect(emails.map((email) => email.subject)).toEqual(['A colleague recognised you']);
  });
});

describe('group posts, replies and reports', () => {
  const postsPath = () => `/api/groups/${group.groupId}/posts`;

  async function countStatuses(requests: (() => Promise<{ statusCode: number }>)[]) {
    const statuses: number[] = [];
    for (const request of requests) statuses.push((await request()).statusCode);
    return { sent: statuses.filter((status) => status === 201 || status === 204).length, statuses };
  }

  it('limits how many posts one person writes in a short time', async () => {
    const { sent, statuses } = await countStatuses(
      Array.from(
        { length: 25 },
        (_, index) => () => client(poster).request('POST', postsPath(), { body: `Post ${index}` }),
      ),
    );
    expect(sent).toBe(10);
    expect(statuses.at(-1)).toBe(429);
    // The limit follows the person, not the session or the address.
    const elsewhere = new TestClient(context.app, '10.71.0.1');
    expect((await elsewhere.signIn(poster)).statusCode).toBe(204);
    expect((await elsewhere.request('POST', postsPath(), { body: 'From my phone' })).statusCode).toBe(429);
  });

  it('limits replies separately, and more loosely, than posts', async () => {
    const parent = await client(sender).request('POST', postsPath(), { body: 'How was your week?' });
    expect(parent.statusCode).toBe(201);
    const { sent, statuses } = await countStatuses(
      Array.from(
        { length: 40 },
        (_, index) => () =>
          client(replier).request('POST', postsPath(), {
            body: `Reply ${index}`,
            parentId: parent.json().id,
          }),
      ),
    );
    expect(sent).toBe(30);
    expect(statuses.at(-1)).toBe(429);
    expect((await client(replier).request('POST', postsPath(), { body: 'A new thread' })).statusCode).toBe(
      201,
    );
  });

  it('limits reports of posts', async () => {
    const posted = await client(sender).request('POST', postsPath(), { body: 'Something to report' });
    const reportPath = `${postsPath()}/${posted.json().id}/reports`;
    const { sent, statuses } = await countStatuses(
      Array.from(
        { length: 15 },
        (_, index) => () => client(reporter).request('POST', reportPath, { reason: `Reason ${index}` }),
      ),
    );
    expect(sent).toBe(10);
    expect(statuses.at(-1)).toBe(429);
    later(60 * minute);
    // An hour idle ends the session.
    await client(reporter).signIn(reporter);
    expect(
      (await client(reporter).request('POST', reportPath, { reason: 'Still a problem' })).statusCode,
    ).toBeLessThan(300);
  });
});
