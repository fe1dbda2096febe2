import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendance, followUps, groups, meetings } from '../src/db/schema.ts';
import { createPublishedProgram, enrolDemoPeople } from './helpers/programs.ts';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * Decision 014: once a program's groups have met, re-forming (or publishing again) would delete the
 * meetings that happened and everyone's record of attending them. It is refused, saying what to do.
 */

let context: TestContext;
let coordinator: TestClient;
let programId: string;

beforeAll(async () => {
  context = await createTestApp();
  coordinator = await signedInClient(context.app, 'coordinator');
  programId = await createPublishedProgram(coordinator, context.clock.now, { audience: 'Re-forming a term' });
  await enrolDemoPeople(context.app, programId, 16);
  const formed = await coordinator.request('POST', `/api/programs/${programId}/groups/form`, { seed: 3 });
  if (formed.statusCode !== 200) throw new Error(formed.body);
  const published = await coordinator.request('POST', `/api/programs/${programId}/groups/publish`);
  if (published.statusCode !== 200) throw new Error(published.body);
}, 120_000);

afterAll(async () => {
  await context?.close();
});

async function programMeetings() {
  const db = context.connection.db;
  return db
    .select({ meeting: meetings })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(eq(groups.programId, programId))
    .orderBy(meetings.startsAt);
}

/** What people did in meetings that happened: it must be there after any attempt to re-form. */
async function recordsOfPeople(meetingIds: string[]) {
  const db = context.connection.db;
  const [attended] = await db
    .select({ count: count() })
    .from(attendance)
    .where(inArray(attendance.meetingId, meetingIds));
  const [planned] = await db
    .select({ count: count() })
    .from(followUps)
    .where(inArray(followUps.meetingId, meetingIds));
  return { attendance: attended?.count ?? 0, followUps: planned?.count ?? 0 };
}

describe('re-forming groups that have met', () => {
  it('before the first meeting, the preview says nothing has happened yet', async () => {
    const preview = await coordinator.request('POST', `/api/programs/${programId}/groups/form/preview`, {
      seed: 5,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ isPublished: true, meetingsHeld: 0, canReform: true });
  }, 60_000);

  it('keeps the meetings that happened and who attended them: re-forming is refused', async () => {
    const [first] = await programMeetings();
    if (!first) throw new Error('publishing planned no meeting');
    // The first meeting happens and its attendance is taken.
    context.clock.now = new Date(first.meeting.endsAt.getTime() + 60_000);
    // Weeks have passed: the coordinator signs in again.
    coordinator = await signedInClient(context.app, 'coordinator');
    const meeting = (await coordinator.request('GET', `/api/meetings/${first.meeting.id}`)).json();
    const taken = await coordinator.request('PUT', `/api/meetings/${first.meeting.id}/attendance`, {
      records: meeting.roster.map((person: { id: string }) => ({ userId: person.id, status: 'present' })),
    });
    expect(taken.statusCode).toBe(200);
    const heldIds = (await programMeetings())
      .filter((row) => row.meeting.startsAt < context.clock.now)
      .map((row) => row.meeting.id);
    const before = await recordsOfPeople(heldIds);
    expect(before.attendance).toBeGreaterThan(0);

    const preview = await coordinator.request('POST', `/api/programs/${programId}/groups/form/preview`, {
      seed: 5,
    });
    expect(preview.json()).toMatchObject({ meetingsHeld: heldIds.length, canReform: false });

    const reformed = await coordinator.request('POST', `/api/programs/${programId}/groups/form`, {
      seed: 5,
      confirmMoves: true,
    });
    expect(reformed.statusCode).toBe(409);
    expect(reformed.json().error.code).toBe('GROUPS_HAVE_MET');
    expect(reformed.json().error.message).toMatch(/one at a time/);

    const after = await programMeetings();
    expect(after.map((row) => row.meeting.id)).toEqual(expect.arrayContaining(heldIds));
    expect(await recordsOfPeople(heldIds)).toEqual(before);
  }, 120_000);

  it('publishing again does not replan meetings that happened', async () => {
    const heldIds = (await programMeetings())
      .filter((row) => row.meeting.startsAt < context.clock.now)
      .map((row) => row.meeting.id);
    const before = await recordsOfPeople(heldIds);
    const again = await coordinator.request('POST', `/api/programs/${programId}/groups/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('GROUPS_HAVE_MET');
    const after = await programMeetings();
    expect(after.map((row) => row.meeting.id)).toEqual(expect.arrayContaining(heldIds));
    expect(await recordsOfPeople(heldIds)).toEqual(before);
  }, 60_000);
});
