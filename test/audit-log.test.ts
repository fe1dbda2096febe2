import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  hoursFrom,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import { expectBadPageQueriesRefused, readEveryPage } from './helpers/pages.ts';
import { createPublishedProgram } from './helpers/programs.ts';
import {
  createTestApp,
  noSendingLimits,
  signedInClient,
  type TestClient,
  type TestContext,
} from './helpers/test-app.ts';

/** Issue 14: every audit entry names what was acted on and says old → new for each change. */

let context: TestContext;
let admin: TestClient;
let coordinator: TestClient;

beforeAll(async () => {
  context = await createTestApp({}, { sendingLimits: noSendingLimits });
  admin = await signedInClient(context.app, 'admin');
  coordinator = await signedInClient(context.app, 'coordinator');
});
afterAll(() => context.close());

async function latestDescription(): Promise<string> {
  const { events } = (await admin.request('GET', '/api/audit-events')).json();
  return events[0].description;
}

describe('the audit log says old → new', () => {
  it('for a level, a discipline and re-enabling a person, naming them', async () => {
    const id = await userIdOf(context.connection.db, 'participant5@demo.tend.test');
    const changed = await admin.request('PATCH', `/api/users/${id}`, {
      level: 'resident',
      discipline: 'Occupational therapy',
    });
    expect(changed.statusCode).toBe(200);
    const description = await latestDescription();
    expect(description).toMatch(new RegExp(`^Avery Admin changed ${changed.json().name}'s? level`));
    expect(description).toMatch(/level: .+ → resident; discipline: .+ → Occupational therapy$/);

    expect((await admin.request('PATCH', `/api/users/${id}`, { isDisabled: true })).statusCode).toBe(200);
    expect((await admin.request('PATCH', `/api/users/${id}`, { isDisabled: false })).statusCode).toBe(200);
    expect(await latestDescription()).toMatch(/account: disabled → active$/);
  });

  it('for organisation settings', async () => {
    const saved = await admin.request('PUT', '/api/organization/settings', { attendanceWindowDays: 3 });
    expect(saved.statusCode).toBe(200);
    expect(await latestDescription()).toBe(
      'Avery Admin changed the organisation settings: days to take attendance: 7 → 3',
    );
  });

  it('for a program’s enrolment window, naming the program', async () => {
    const programId = await createPublishedProgram(coordinator, context.clock.now, {
      title: 'Audited circles',
    });
    const program = (await coordinator.request('GET', `/api/programs/${programId}`)).json();
    const closes = new Date(context.clock.now.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    const changed = await coordinator.request('PATCH', `/api/programs/${programId}`, {
      enrolmentCloses: closes,
    });
    expect(changed.statusCode).toBe(200);
    expect(await latestDescription()).toBe(
      `Corinne Mbeki changed Audited circles: enrolment closes: ${program.enrolmentCloses} → ${closes}`,
    );
  });

  it('for a meeting moved and a group’s place, naming the group', async () => {
    const organizationId = await demoOrganizationId(context.connection.db);
    const fixture = await createGroupWithMeetings(context.connection.db, {
      organizationId,
      memberEmails: ['facilitator1@demo.tend.test', 'participant1@demo.tend.test'],
      meetingStarts: [hoursFrom(context.clock.now, 72)],
      programTitle: 'Audit term',
      groupName: 'Group K',
    });
    const placed = await coordinator.request('PUT', `/api/groups/${fixture.groupId}/place`, {
      place: 'Room 4',
      videoUrl: null,
    });
    expect(placed.statusCode).toBe(200);
    expect(await latestDescription()).toBe(
      'Corinne Mbeki changed where Group K (Audit term) meets: place: none → Room 4',
    );

    const moved = await coordinator.request('PATCH', `/api/meetings/${fixture.meetingIds[0]}`, {
      startsAt: hoursFrom(context.clock.now, 96).toISOString(),
      reason: 'the ward is short-staffed',
    });
    expect(moved.statusCode).toBe(200);
    expect(await latestDescription()).toMatch(
      /^Corinne Mbeki changed meeting 1 of Group K \(Audit term\): time: .+ → .+; reason: the ward is short-staffed$/,
    );
  });
});

describe('the audit log', () => {
  it('gives every event exactly once, newest first, a page at a time', async () => {
    const id = await userIdOf(context.connection.db, 'participant6@demo.tend.test');
    for (const discipline of ['Nursing', 'Pharmacy', 'Physiotherapy', 'Social work', 'Nursing']) {
      expect((await admin.request('PATCH', `/api/users/${id}`, { discipline })).statusCode).toBe(200);
    }
    const everything = (await admin.request('GET', '/api/audit-events?limit=200')).json();
    expect(everything.nextCursor).toBeNull();
    const { items, pageCount } = await readEveryPage<{ id: string; createdAt: string }>(
      admin,
      '/api/audit-events',
      'events',
      2,
    );
    expect(pageCount).toBeGreaterThan(2);
    expect(items).toEqual(everything.events);
    expect(new Set(items.map((event) => event.id)).size).toBe(items.length);
    const times = items.map((event) => event.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    await expectBadPageQueriesRefused(admin, '/api/audit-events');
  });
});
