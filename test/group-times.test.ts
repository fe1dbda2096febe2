import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcToZoned } from '../src/core/scheduling/time-zones.ts';
import { meetings, notifications, users } from '../src/db/schema.ts';
import { findOrganizationSettings } from '../src/server/services/organization.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  type GroupFixture,
  hoursFrom,
} from './helpers/meeting-fixtures.ts';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let coordinator: TestClient;
let fixture: GroupFixture;
let timeZone: string;
const memberEmails = [
  'facilitator1@demo.tend.test',
  'participant1@demo.tend.test',
  'participant2@demo.tend.test',
];

beforeAll(async () => {
  context = await createTestApp();
  coordinator = await signedInClient(context.app, 'coordinator');
  const { db } = context.connection;
  const organizationId = await demoOrganizationId(db);
  timeZone = (await findOrganizationSettings(db, organizationId)).timeZone;
  const now = context.clock.now;
  fixture = await createGroupWithMeetings(db, {
    organizationId,
    memberEmails,
    groupName: 'Cedar',
    meetingStarts: [
      hoursFrom(now, -6 * 24),
      hoursFrom(now, 8 * 24),
      hoursFrom(now, 15 * 24),
      hoursFrom(now, 22 * 24),
    ],
  });
});
afterAll(() => context.close());

async function startsOf(ids: string[]) {
  const rows = await context.connection.db.select().from(meetings).where(inArray(meetings.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}

describe('applying a recommended meeting time to a group', () => {
  it('moves every meeting still ahead to the new weekday and hour, and tells members without naming anyone', async () => {
    const { db } = context.connection;
    const before = await startsOf(fixture.meetingIds);
    const noticesBefore = new Set(
      (await db.select({ id: notifications.id }).from(notifications)).map((row) => row.id),
    );
    const response = await coordinator.request('PUT', `/api/groups/${fixture.groupId}/time`, {
      slot: 'thu-18',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ slot: 'thu-18', movedCount: 3, keptCount: 0 });

    const after = await startsOf(fixture.meetingIds);
    const [past, ...ahead] = fixture.meetingIds;
    expect(after.get(past ?? '')?.startsAt).toEqual(before.get(past ?? '')?.startsAt);
    for (const id of ahead) {
      const moved = after.get(id);
      if (!moved) throw new Error('meeting gone');
      expect(utcToZoned(moved.startsAt, timeZone)).toMatchObject({ weekday: 'thu', hour: 18, minute: 0 });
      // An hour long before, an hour long after; calendars see a new revision.
      expect(moved.endsAt.getTime() - moved.startsAt.getTime()).toBe(3_600_000);
      expect(moved.revision).toBeGreaterThan(before.get(id)?.revision ?? 0);
    }

    const notices = (await db.select().from(notifications)).filter((row) => !noticesBefore.has(row.id));
    expect(new Set(notices.map((notice) => notice.userId))).toEqual(new Set(fixture.memberIds));
    const names = (
      await db.select({ name: users.name }).from(users).where(inArray(users.id, fixture.memberIds))
    ).map((row) => row.name);
    for (const notice of notices) {
      expect(notice.title).toMatch(/Cedar.*new meeting time/);
      expect(notice.body).toContain(timeZone);
      for (const name of names) expect(`${notice.title} ${notice.body}`).not.toContain(name);
    }
  });

  it('answers a time that is not a weekly hour with what to send', async () => {
    const response = await coordinator.request('PUT', `/api/groups/${fixture.groupId}/time`, {
      slot: 'noon',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields['body.slot']).toMatch(/weekly hour such as "thu-18"/);
  });

  it('refuses a group that is not published yet, and one of another organisation is not found', async () => {
    const { db } = context.connection;
    const draft = await createGroupWithMeetings(db, {
      organizationId: await demoOrganizationId(db),
      memberEmails: ['facilitator2@demo.tend.test', 'participant3@demo.tend.test'],
      meetingStarts: [hoursFrom(context.clock.now, 48)],
      groupStatus: 'draft',
    });
    const refused = await coordinator.request('PUT', `/api/groups/${draft.groupId}/time`, { slot: 'thu-18' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/not published/);
    const unknown = await coordinator.request(
      'PUT',
      '/api/groups/00000000-0000-4000-8000-000000000000/time',
      {
        slot: 'thu-18',
      },
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('records the old and new time in the audit log', async () => {
    const admin = await signedInClient(context.app, 'admin');
    const { events } = (await admin.request('GET', '/api/audit-events')).json();
    const entry = events.find((event: { action: string }) => event.action === 'groups.time-changed');
    // The group is named as it was called, with its program.
    expect(entry.description).toMatch(
      /changed the meeting time of Cedar \(.+\): .* → Thursdays 18:00–19:00$/,
    );
  });
});

// The group's own row carries the new slot, so re-planning and the Groups tab agree.
it('keeps the group slot in step', async () => {
  const { groups } = await import('../src/db/schema.ts');
  const [group] = await context.connection.db.select().from(groups).where(eq(groups.id, fixture.groupId));
  expect(group?.slot).toBe('thu-18');
});
