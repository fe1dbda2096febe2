import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicLibrary } from '../src/core/curriculum/library.ts';
import { aggregateReleases, attendance, followUps, meetings, reflections } from '../src/db/schema.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  hoursFrom,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * A meeting's engagement is released once its reflection period has closed (a week after its last
 * follow-up), then read unchanged whatever reflections arrive later (decision 003).
 */

const topic = topicLibrary[0]!;
const dayHours = 24;
/** Past every reflection period of the meetings below: their engagement is released. */
const afterReflectionPeriods = new Date('2027-04-01T12:00:00Z');
const attendees = ['participant11', 'participant12', 'participant13', 'participant14', 'participant15'];
const email = (name: string) => `${name}@demo.tend.test`;

let context: TestContext;
let organizationId: string;

async function signedInAs(name: string): Promise<TestClient> {
  const client = new TestClient(context.app);
  const response = await client.signIn(email(name));
  if (response.statusCode !== 204) throw new Error(`sign-in as ${name} failed`);
  return client;
}

/** A reflection on the meeting's first prompt, written straight into the database. */
async function reflectOn(meetingId: string, name: string) {
  const { db } = context.connection;
  const userId = await userIdOf(db, email(name));
  const [followUp] = await db
    .insert(followUps)
    .values({
      organizationId,
      meetingId,
      userId,
      step: 0,
      kind: 'prompt',
      prompt: 'What did you try?',
      topicTitle: topic.title,
      skill: topic.skill,
      dueAt: context.clock.now,
    })
    .returning();
  await db.insert(reflections).values({
    organizationId,
    userId,
    followUpId: followUp?.id ?? '',
    meetingId,
    topicTitle: topic.title,
    skill: topic.skill,
    prompt: 'What did you try?',
    answer: 'I tried it once.',
    skillUsed: 'tried',
    createdAt: context.clock.now,
    updatedAt: context.clock.now,
  });
}

beforeAll(async () => {
  context = await createTestApp();
  organizationId = await demoOrganizationId(context.connection.db);
  context.clock.now = new Date('2027-01-12T19:00:00Z');
});
afterAll(() => context.close());

describe('engagement released per closed reflection period', () => {
  it('reads the same engagement after a meeting’s reflection period closed, whatever reflections arrive later', async () => {
    const { db } = context.connection;
    const people = [
      ...attendees,
      'participant20',
      'participant21',
      'participant22',
      'participant23',
      'participant24',
    ];
    const frozen = await createGroupWithMeetings(db, {
      organizationId,
      groupName: 'Frozen',
      memberEmails: [email('facilitator1'), ...people.map(email)],
      meetingStarts: [hoursFrom(afterReflectionPeriods, -60 * dayHours)],
    });
    const meetingId = frozen.meetingIds[0] ?? '';
    await db.insert(attendance).values(
      await Promise.all(
        people.map(async (name) => ({
          organizationId,
          meetingId,
          userId: await userIdOf(db, email(name)),
          status: 'present' as const,
          recordedAt: context.clock.now,
        })),
      ),
    );
    for (const name of attendees) await reflectOn(meetingId, name);
    context.clock.now = afterReflectionPeriods;
    const coordinator = await signedInClient(context.app, 'coordinator');
    const read = async () =>
      (await coordinator.request('GET', `/api/programs/${frozen.programId}/engagement`)).json();
    const first = await read();
    expect(first.meetings[0].reflected).toEqual({ isShown: true, share: 0.5, peopleCount: 10 });
    // A late reflection would make it 6 of 10 (and hide it); the released share stays as it was.
    await reflectOn(meetingId, 'participant20');
    context.clock.now = new Date(afterReflectionPeriods.getTime() + 60_000);
    expect(await read()).toEqual(first);
  });

  it('shows no share before a meeting’s reflection period has closed, only the day it appears', async () => {
    context.clock.now = afterReflectionPeriods;
    const pending = await createGroupWithMeetings(context.connection.db, {
      organizationId,
      groupName: 'Pending',
      memberEmails: [email('facilitator1'), ...attendees.map(email)],
      meetingStarts: [hoursFrom(afterReflectionPeriods, -3)],
    });
    const meetingId = pending.meetingIds[0] ?? '';
    await context.connection.db.insert(attendance).values(
      await Promise.all(
        attendees.map(async (name) => ({
          organizationId,
          meetingId,
          userId: await userIdOf(context.connection.db, email(name)),
          status: 'present' as const,
          recordedAt: context.clock.now,
        })),
      ),
    );
    const [meeting] = await context.connection.db.select().from(meetings).where(eq(meetings.id, meetingId));
    const path = `/api/programs/${pending.programId}/engagement`;
    const coordinator = await signedInClient(context.app, 'coordinator');
    const early = (await coordinator.request('GET', path)).json();
    // The default schedule's last follow-up is 30 days after the meeting; a week's grace follows.
    const appearsOn = new Date((meeting?.endsAt.getTime() ?? 0) + 37 * dayHours * 3_600_000);
    expect(early.meetings[0]).toMatchObject({
      appearsOn: appearsOn.toISOString(),
      releasedAt: null,
      reflected: {
        isShown: false,
        explanation: expect.stringMatching(/appear on \w+day .*reflection period/),
      },
      practised: { isShown: false },
    });
    expect(JSON.stringify(early)).not.toMatch(/"share"|peopleCount/);

    // Two coordinators opening the page at once after the period closed store one release.
    context.clock.now = new Date(appearsOn.getTime() + 60_000);
    const readers = [await signedInClient(context.app, 'coordinator'), await signedInAs('coordinator')];
    const [one, two] = await Promise.all(
      readers.map(async (reader) => (await reader.request('GET', path)).json()),
    );
    expect(one).toEqual(two);
    expect(one.meetings[0].releasedAt).toBe(context.clock.now.toISOString());
    const stored = await context.connection.db
      .select()
      .from(aggregateReleases)
      .where(eq(aggregateReleases.scopeId, pending.programId));
    expect(stored).toHaveLength(1);
  });
});
