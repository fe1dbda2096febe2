import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendance, enrollments, groups, notifications, outbox, users } from '../src/db/schema.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  type GroupFixture,
  hoursFrom,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import {
  createTestApp,
  noSendingLimits,
  signedInClient,
  type TestClient,
  type TestContext,
} from './helpers/test-app.ts';

/** Issue 14, parts 6 and 8: messages to a group, the enrolled or the unplaced; CSV exports of a program. */

let context: TestContext;
let coordinator: TestClient;
let facilitator: TestClient;
let fixture: GroupFixture;
let unplacedId: string;

const participants = Array.from({ length: 11 }, (_, index) => `participant${index + 1}@demo.tend.test`);

beforeAll(async () => {
  context = await createTestApp({}, { sendingLimits: noSendingLimits });
  const { db } = context.connection;
  const organizationId = await demoOrganizationId(db);
  coordinator = await signedInClient(context.app, 'coordinator');
  facilitator = await signedInClient(context.app, 'facilitator');
  fixture = await createGroupWithMeetings(db, {
    organizationId,
    memberEmails: ['facilitator1@demo.tend.test', ...participants],
    meetingStarts: [hoursFrom(context.clock.now, -48), hoursFrom(context.clock.now, 24 * 14)],
    programTitle: 'Spring circles',
    groupName: '=HYPERLINK("https://evil.example","Group A")',
  });
  await db
    .update(groups)
    .set({ slot: 'tue-12', place: '-2+3+HYPERLINK("https://evil.example")' })
    .where(eq(groups.id, fixture.groupId));
  // Someone enrolled late, not in a group.
  unplacedId = await userIdOf(db, 'participant30@demo.tend.test');
  await db.insert(enrollments).values({
    organizationId,
    programId: fixture.programId,
    userId: unplacedId,
    timeZone: 'America/Toronto',
    agreedToGuidelinesAt: context.clock.now,
    status: 'enrolled',
    enrolledAt: context.clock.now,
  });
  // The first meeting was held: 6 present, 5 absent.
  await db.insert(attendance).values(
    fixture.memberIds.slice(1).map((userId, index) => ({
      organizationId,
      meetingId: fixture.meetingIds[0] ?? '',
      userId,
      status: index < 6 ? ('present' as const) : ('absent' as const),
      recordedAt: context.clock.now,
    })),
  );
});
afterAll(() => context.close());

async function messagesTo(userIds: string[]) {
  return context.connection.db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.userId, userIds), eq(notifications.kind, 'message')));
}

describe('messages', () => {
  it('reach each member of a group on their own, in the app and by e-mail, never the sender', async () => {
    const sent = await facilitator.request('POST', `/api/programs/${fixture.programId}/messages`, {
      audience: { kind: 'group', groupId: fixture.groupId },
      subject: 'Bring a snack',
      body: 'We meet a little longer next week.',
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ recipients: participants.length });
    const received = await messagesTo(fixture.memberIds);
    expect(received.map((notice) => notice.userId).sort()).toEqual(fixture.memberIds.slice(1).sort());
    expect(received[0]?.title).toContain('Bring a snack');
    expect(received[0]?.body).toMatch(
      /^We meet a little longer next week\.\n\n— From your group’s facilitator, to everyone in /,
    );
    const mails = await context.connection.db
      .select()
      .from(outbox)
      .where(eq(outbox.subject, received[0]?.title ?? ''));
    expect(mails).toHaveLength(participants.length);
    // One address per e-mail: nobody sees who else got it.
    for (const mail of mails) expect(mail.to).not.toMatch(/[,;]/);
    const emails = await context.connection.db
      .select({ email: users.email })
      .from(users)
      .where(inArray(users.id, fixture.memberIds));
    for (const mail of mails) {
      for (const { email } of emails) if (email !== mail.to) expect(mail.text).not.toContain(email);
    }
  });

  it('go to the unplaced only when a coordinator sends them', async () => {
    const byFacilitator = await facilitator.request('POST', `/api/programs/${fixture.programId}/messages`, {
      audience: { kind: 'unplaced' },
      subject: 'Not placed yet',
      body: 'We are looking for a group for you.',
    });
    expect(byFacilitator.statusCode).toBe(403);
    const sent = await coordinator.request('POST', `/api/programs/${fixture.programId}/messages`, {
      audience: { kind: 'unplaced' },
      subject: 'Not placed yet',
      body: 'We are looking for a group for you; widening your availability helps.',
    });
    expect(sent.json()).toEqual({ recipients: 1 });
    const received = await messagesTo([unplacedId, ...fixture.memberIds]);
    expect(received.filter((notice) => notice.title.includes('Not placed yet')).map((n) => n.userId)).toEqual(
      [unplacedId],
    );
  });

  it('go to everyone enrolled, and say what to fix when the input is wrong', async () => {
    const everyone = await coordinator.request('POST', `/api/programs/${fixture.programId}/messages`, {
      audience: { kind: 'enrolled' },
      subject: 'Term dates',
      body: 'The last meeting is on 30 April.',
    });
    expect(everyone.json()).toEqual({ recipients: fixture.memberIds.length + 1 });

    const empty = await coordinator.request('POST', `/api/programs/${fixture.programId}/messages`, {
      audience: { kind: 'enrolled' },
      subject: '  ',
      body: 'Hello',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields['body.subject']).toBe('is required');
    const wrongGroup = await coordinator.request('POST', `/api/programs/${fixture.programId}/messages`, {
      audience: { kind: 'group', groupId: '00000000-0000-4000-8000-000000000000' },
      subject: 'Hello',
      body: 'Hello',
    });
    expect(wrongGroup.statusCode).toBe(400);
    expect(wrongGroup.json().error.fields['body.audience.groupId']).toMatch(/group of this program/);
  });

  it('from a facilitator reach only their own group', async () => {
    const other = await createGroupWithMeetings(context.connection.db, {
      organizationId: await demoOrganizationId(context.connection.db),
      memberEmails: ['facilitator2@demo.tend.test', 'participant20@demo.tend.test'],
      meetingStarts: [hoursFrom(context.clock.now, 48)],
      programTitle: 'Another program',
    });
    const response = await facilitator.request('POST', `/api/programs/${other.programId}/messages`, {
      audience: { kind: 'group', groupId: other.groupId },
      subject: 'Hello',
      body: 'Not my group',
    });
    expect(response.statusCode).toBe(403);
  });
});

function readCsv(body: string): Record<string, string>[] {
  return parse(body, { columns: true }) as Record<string, string>[];
}

describe('exports', () => {
  const path = (name: string) => `/api/programs/${fixture.programId}/exports/${name}`;

  it('give the groups with meeting slots and places, formulas neutralised', async () => {
    const response = await coordinator.request('GET', path('groups.csv'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="tend-spring-circles-groups.csv"',
    );
    const [group] = readCsv(response.body);
    expect(group).toMatchObject({
      group: '\'=HYPERLINK("https://evil.example","Group A")',
      meeting_slot: 'tue-12',
      meeting_time: 'Tuesdays 12:00–13:00',
      place: '\'-2+3+HYPERLINK("https://evil.example")',
      participants: String(participants.length),
      facilitators: '1',
      meetings: '2',
    });
    expect(response.body).not.toMatch(/score|penalty/i);
  });

  it('give the roster with each person’s group, and the unplaced without one', async () => {
    const rows = readCsv((await coordinator.request('GET', path('roster.csv'))).body);
    expect(rows).toHaveLength(fixture.memberIds.length + 1);
    const late = rows.find((row) => row.email === 'participant30@demo.tend.test');
    expect(late).toMatchObject({ enrolment: 'enrolled', takes_part_as: 'participant', group: '' });
    const lead = rows.find((row) => row.email === 'facilitator1@demo.tend.test');
    expect(lead?.takes_part_as).toBe('facilitator');
  });

  it('give attendance counts per meeting only where the privacy rules allow', async () => {
    const body = (await coordinator.request('GET', path('attendance.csv'))).body;
    const [held, upcoming] = readCsv(body);
    // 11 recorded, 6 present and 5 absent: shown. Nobody excused is fewer than 5: left empty, with why.
    expect(held).toMatchObject({ meeting: '1', recorded: '11', present: '6', absent: '5', excused: '' });
    expect(held?.note).toMatch(/at least 5 people/);
    expect(upcoming).toMatchObject({ meeting: '2', recorded: '', note: 'No attendance taken.' });
    expect(body).not.toMatch(/reflection|@demo\.tend\.test/i);
  });

  it('are for coordinators only, and say which exports exist', async () => {
    expect((await facilitator.request('GET', path('roster.csv'))).statusCode).toBe(403);
    const unknown = await coordinator.request('GET', path('scores.csv'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields['params.export']).toMatch(
      /groups\.csv, roster\.csv or attendance\.csv/,
    );
  });
});
