import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/accounts/roles.ts';
import { topicLibrary } from '../src/core/curriculum/library.ts';
import { followUps, meetings } from '../src/db/schema.ts';
import { sendReflectionFollowUps } from '../src/jobs/reflection-follow-ups.ts';
import { createGroupWithMeetings, demoOrganizationId, userIdOf } from './helpers/meeting-fixtures.ts';
import { createTestApp, emailOf, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * A private reflection is readable by its owner only. Every GET route of the API is requested by
 * every other role, with the reflection's own meeting, group, program, person, follow-up and
 * reflection ids put into the path, and the reflection's text must appear in no answer.
 */

const ownerEmail = 'participant30@demo.tend.test';
const privateText = `Private-${randomUUID()}`;
const privateIntention = `Intention-${randomUUID()}`;
const otherRoles: Role[] = ['participant', 'facilitator', 'coordinator', 'leader', 'admin'];

let context: TestContext;
const ids: Record<string, string> = {};

beforeAll(async () => {
  context = await createTestApp();
  const { db } = context.connection;
  const organizationId = await demoOrganizationId(db);
  // The owner shares a group with the signed-in participant and facilitator: the closest readers there are.
  const fixture = await createGroupWithMeetings(db, {
    organizationId,
    memberEmails: [emailOf.facilitator, emailOf.participant, ownerEmail],
    meetingStarts: [new Date(context.clock.now.getTime() - 3 * 86_400_000)],
  });
  const meetingId = fixture.meetingIds[0]!;
  await db.update(meetings).set({ topicId: topicLibrary[0]!.id }).where(eq(meetings.id, meetingId));
  const facilitator = await signedInClient(context.app, 'facilitator');
  const ownerId = await userIdOf(db, ownerEmail);
  const attendance = await facilitator.request('PUT', `/api/meetings/${meetingId}/attendance`, {
    records: [
      { userId: ownerId, status: 'present' },
      { userId: await userIdOf(db, emailOf.participant), status: 'present' },
    ],
  });
  expect(attendance.statusCode).toBe(200);
  await sendReflectionFollowUps(db, context.clock.now);
  const [followUp] = await db
    .select()
    .from(followUps)
    .where(and(eq(followUps.userId, ownerId), eq(followUps.meetingId, meetingId), eq(followUps.step, 0)));
  if (!followUp) throw new Error('no follow-up planned');

  const owner = new TestClient(context.app);
  await owner.signIn(ownerEmail);
  const written = await owner.request('PUT', `/api/me/follow-ups/${followUp.id}/reflection`, {
    answer: privateText,
    skillUsed: 'tried',
    intention: privateIntention,
  });
  expect(written.statusCode, written.body).toBe(200);
  Object.assign(ids, {
    meetingId,
    groupId: fixture.groupId,
    programId: fixture.programId,
    userId: ownerId,
    followUpId: followUp.id,
    reflectionId: written.json().id,
  });
});
afterAll(() => context.close());

/** Each path with every way of filling its parameters from the owner's ids. */
function pathsFor(url: string): string[] {
  const candidates = Object.values(ids);
  let paths = [url];
  for (const param of url.match(/:\w+/g) ?? []) {
    const name = param.slice(1);
    const known = ids[name];
    // A parameter of another feature (":id", ":token"): try every id the owner's reflection touches.
    const values = known ? [known] : candidates;
    paths = paths.flatMap((path) => values.map((value) => path.replace(param, value)));
  }
  return paths;
}

describe('a private reflection', () => {
  it('is readable by its owner', async () => {
    const owner = new TestClient(context.app);
    await owner.signIn(ownerEmail);
    expect((await owner.request('GET', '/api/me/journal')).body).toContain(privateText);
    expect((await owner.request('GET', `/api/me/follow-ups/${ids.followUpId}`)).body).toContain(privateText);
  });

  it.each(otherRoles)('appears in no GET answer to the %s', async (role) => {
    const client = await signedInClient(context.app, role);
    const routes = context.app.apiRoutes.filter((route) => route.method === 'GET');
    expect(routes.length).toBeGreaterThan(20);
    let requests = 0;
    for (const route of routes) {
      for (const path of pathsFor(route.url)) {
        const response = await client.request('GET', path);
        requests += 1;
        const body = response.rawPayload.toString('latin1');
        expect(body, `GET ${path} as ${role}`).not.toContain(privateText);
        expect(body, `GET ${path} as ${role}`).not.toContain(privateIntention);
      }
    }
    expect(requests).toBeGreaterThanOrEqual(routes.length);
  });

  it('appears in no answer to someone signed out', async () => {
    const anonymous = new TestClient(context.app);
    await anonymous.loadSession();
    for (const route of context.app.apiRoutes.filter((candidate) => candidate.method === 'GET')) {
      for (const path of pathsFor(route.url)) {
        expect((await anonymous.request('GET', path)).body).not.toContain(privateText);
      }
    }
  });
});
