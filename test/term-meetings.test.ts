import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings, notifications, outbox, users } from '../src/db/schema.ts';
import { sendMeetingReminders } from '../src/jobs/meeting-reminders.ts';
import { sendReflectionFollowUps } from '../src/jobs/reflection-follow-ups.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  type GroupFixture,
  hoursFrom,
} from './helpers/meeting-fixtures.ts';
import {
  createTestApp,
  noSendingLimits,
  signedInClient,
  TestClient,
  type TestContext,
} from './helpers/test-app.ts';

/** Issue 14, parts 3 and 5: meetings happen when they happen, in a place members can find. */

let context: TestContext;
let organizationId: string;
let facilitator: TestClient;
let coordinator: TestClient;

const memberEmails = [
  'facilitator1@demo.tend.test',
  'participant1@demo.tend.test',
  'participant2@demo.tend.test',
  'participant3@demo.tend.test',
];

beforeAll(async () => {
  context = await createTestApp({}, { sendingLimits: noSendingLimits });
  organizationId = await demoOrganizationId(context.connection.db);
  facilitator = await signedInClient(context.app, 'facilitator');
  coordinator = await signedInClient(context.app, 'coordinator');
});
afterAll(() => context.close());

async function groupMeetingAt(hours: number[], title: string): Promise<GroupFixture> {
  return createGroupWithMeetings(context.connection.db, {
    organizationId,
    memberEmails,
    meetingStarts: hours.map((hour) => hoursFrom(context.clock.now, hour)),
    programTitle: title,
  });
}

function attendanceOf(fixture: GroupFixture, meetingIndex = 0) {
  return facilitator.request('PUT', `/api/meetings/${fixture.meetingIds[meetingIndex]}/attendance`, {
    records: fixture.memberIds.slice(1).map((userId) => ({ userId, status: 'present' })),
  });
}

async function noticesTo(userId: string) {
  return context.connection.db.select().from(notifications).where(eq(notifications.userId, userId));
}

async function namesOf(userIds: string[]) {
  const rows = await context.connection.db
    .select({ name: users.name })
    .from(users)
    .where(inArray(users.id, userIds));
  return rows.map((row) => row.name);
}

describe('attendance', () => {
  it('is refused before the meeting starts, saying when it opens', async () => {
    const fixture = await groupMeetingAt([7 * 24 * 7], 'Seven weeks away');
    const response = await attendanceOf(fixture);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('ATTENDANCE_NOT_OPEN');
    expect(response.json().error.message).toMatch(
      // Run late in Toronto's evening, the meeting (set from the real now) ends after midnight there.
      /^Attendance opens when the meeting starts at \w+day \d+ \w+ \d{4}, \d\d:\d\d(–| – \w+day \d+ \w+ \d{4}, )\d\d:\d\d \(America\/Toronto\)\.$/,
    );
    const meeting = (await facilitator.request('GET', `/api/meetings/${fixture.meetingIds[0]}`)).json();
    expect(meeting.attendanceWindow.state).toBe('not-yet');
  });

  it('is accepted from the start, during the meeting and for a week after it', async () => {
    const fixture = await groupMeetingAt([-0.25, -24 * 6], 'Under way');
    expect((await attendanceOf(fixture, 0)).statusCode).toBe(200);
    const late = await attendanceOf(fixture, 1);
    expect(late.statusCode).toBe(200);
    expect(late.json().roster.filter((person: { attendance: string }) => person.attendance)).toHaveLength(3);
  });

  it('closes after the window the organisation chose, and an administrator can change it', async () => {
    const fixture = await groupMeetingAt([-24 * 3], 'Three days ago');
    const admin = await signedInClient(context.app, 'admin');
    const shorter = await admin.request('PUT', '/api/organization/settings', { attendanceWindowDays: 1 });
    expect(shorter.statusCode).toBe(200);
    expect(shorter.json().attendanceWindowDays).toBe(1);
    try {
      const closed = await attendanceOf(fixture);
      expect(closed.statusCode).toBe(409);
      expect(closed.json().error).toMatchObject({
        code: 'ATTENDANCE_CLOSED',
        message: expect.stringMatching(/closed on .*attendance window/),
      });
      const nonsense = await admin.request('PUT', '/api/organization/settings', { attendanceWindowDays: -2 });
      expect(nonsense.statusCode).toBe(400);
      expect(nonsense.json().error.fields['body.attendanceWindowDays']).toMatch(/0 or more days/);
    } finally {
      await admin.request('PUT', '/api/organization/settings', { attendanceWindowDays: 7 });
    }
    expect((await attendanceOf(fixture)).statusCode).toBe(200);
  });

  it('taken during the meeting plans no follow-up reflection until the meeting has ended', async () => {
    const fixture = await groupMeetingAt([-0.5], 'Reflection after the end');
    await context.connection.db
      .update(meetings)
      .set({ topicId: 'stress-anxiety-and-burnout' })
      .where(eq(meetings.id, fixture.meetingIds[0] ?? ''));
    expect((await attendanceOf(fixture)).statusCode).toBe(200);
    const during = await sendReflectionFollowUps(context.connection.db, context.clock.now);
    expect(during.planned).toBe(0);
    const after = await sendReflectionFollowUps(context.connection.db, hoursFrom(context.clock.now, 1));
    expect(after.planned).toBeGreaterThan(0);
  });
});

describe('moving and cancelling a meeting', () => {
  it("names the organisation's time zone, which the change form reads typed times in", async () => {
    const fixture = await groupMeetingAt([900], 'Zone named');
    const meeting = await facilitator.request('GET', `/api/meetings/${fixture.meetingIds[0]}`);
    expect(meeting.json().timeZone).toBe('America/Toronto');
  });

  it('tells members the old and the new time and why, naming nobody', async () => {
    const fixture = await groupMeetingAt([48, 96], 'Moved with a reason');
    const [, member = ''] = fixture.memberIds;
    const from = hoursFrom(context.clock.now, 48);
    const to = hoursFrom(context.clock.now, 72);
    const moved = await facilitator.request('PATCH', `/api/meetings/${fixture.meetingIds[0]}`, {
      startsAt: to.toISOString(),
      endsAt: hoursFrom(to, 1).toISOString(),
      reason: 'The room is booked for exams that week.',
    });
    expect(moved.statusCode).toBe(200);
    const [notice] = (await noticesTo(member)).filter(
      (candidate) => candidate.link === `/meetings/${fixture.meetingIds[0]}`,
    );
    expect(notice?.kind).toBe('meeting-changed');
    expect(notice?.body).toMatch(/^Meeting 1 moved from .+ to .+\./);
    expect(notice?.body).toContain('Why: The room is booked for exams that week.');
    expect(notice?.body.indexOf(String(from.getUTCDate()))).toBeGreaterThan(-1);
    for (const name of await namesOf(fixture.memberIds)) expect(notice?.body).not.toContain(name);
  });

  it('cancels a meeting with its reason, withdraws the calendar invitation, and refuses to cancel a past one', async () => {
    const fixture = await groupMeetingAt([-3, 48], 'Cancelled with a reason');
    const [, member = ''] = fixture.memberIds;
    const past = await facilitator.request('PATCH', `/api/meetings/${fixture.meetingIds[0]}`, {
      isCancelled: true,
    });
    expect(past.statusCode).toBe(409);
    expect(past.json().error.fields['body.isCancelled']).toMatch(/not started/);

    const onlyReason = await facilitator.request('PATCH', `/api/meetings/${fixture.meetingIds[1]}`, {
      reason: 'No reason to change anything',
    });
    expect(onlyReason.statusCode).toBe(400);

    const cancelled = await facilitator.request('PATCH', `/api/meetings/${fixture.meetingIds[1]}`, {
      isCancelled: true,
      reason: 'The facilitator is ill.',
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().isCancelled).toBe(true);
    const [notice] = (await noticesTo(member)).filter(
      (candidate) => candidate.link === `/meetings/${fixture.meetingIds[1]}`,
    );
    expect(notice).toMatchObject({ kind: 'meeting-cancelled' });
    expect(notice?.body).toMatch(/^Meeting 2, .+, will not take place\.\n\nWhy: The facilitator is ill\./);
    const [mail] = await context.connection.db
      .select()
      .from(outbox)
      .where(eq(outbox.subject, notice?.title ?? ''));
    expect(mail?.calendar).toContain('METHOD:CANCEL');

    const again = await facilitator.request('PATCH', `/api/meetings/${fixture.meetingIds[1]}`, {
      place: 'Room 9',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('MEETING_CANCELLED');
  });
});

describe("a group's place and video link", () => {
  it('is set by its facilitator, https only, and shown to members on every meeting without its own', async () => {
    const fixture = await groupMeetingAt([48, 96], 'Group places');
    await context.connection.db
      .update(meetings)
      .set({ place: null })
      .where(inArray(meetings.id, fixture.meetingIds));
    const insecure = await facilitator.request('PUT', `/api/groups/${fixture.groupId}/place`, {
      place: 'Room 2.01',
      videoUrl: 'http://video.example.org/circle',
    });
    expect(insecure.statusCode).toBe(400);
    expect(insecure.json().error.fields['body.videoUrl']).toMatch(/https:\/\//);
    const script = await facilitator.request('PUT', `/api/groups/${fixture.groupId}/place`, {
      place: null,
      videoUrl: 'javascript:alert(1)',
    });
    expect(script.statusCode).toBe(400);

    const set = await facilitator.request('PUT', `/api/groups/${fixture.groupId}/place`, {
      place: 'Room 2.01',
      videoUrl: 'https://video.example.org/circle',
    });
    expect(set.statusCode).toBe(200);
    // One meeting is elsewhere that week.
    const override = await facilitator.request('PATCH', `/api/meetings/${fixture.meetingIds[1]}`, {
      place: 'Library seminar room',
    });
    expect(override.statusCode).toBe(200);

    const participant = await signedInClient(context.app, 'participant');
    const group = (await participant.request('GET', '/api/me/groups'))
      .json()
      .groups.find((candidate: { id: string }) => candidate.id === fixture.groupId);
    expect(group.place).toBe('Room 2.01');
    expect(group.meetings[0]).toMatchObject({
      place: 'Room 2.01',
      videoUrl: 'https://video.example.org/circle',
    });
    expect(group.meetings[1]).toMatchObject({
      place: 'Library seminar room',
      videoUrl: 'https://video.example.org/circle',
    });

    // The members were told where they meet now.
    const [, member = ''] = fixture.memberIds;
    const told = (await noticesTo(member)).find((notice) => notice.title.includes('where you meet changed'));
    expect(told?.body).toContain('Room 2.01, or by video: https://video.example.org/circle');

    // The calendar subscription carries it.
    const feed = await participant.request('POST', '/api/me/calendar-feed');
    const ics = (
      await new TestClient(context.app).request('GET', new URL(feed.json().url).pathname)
    ).body.replace(/\r?\n[ \t]/g, '');
    expect(ics).toContain('LOCATION:Room 2.01');
    expect(ics).toContain('Video link: https://video.example.org/circle');

    // The reminder before the first meeting names the group's room.
    await sendMeetingReminders(context.connection.db, hoursFrom(context.clock.now, 30));
    const reminder = (await noticesTo(member)).find((notice) => notice.kind === 'meeting-reminder');
    expect(reminder?.body).toContain('in Room 2.01; the video link is in Tend');
  });

  it('cannot be set by a member of the group, nor seen or set by someone outside it', async () => {
    const fixture = await groupMeetingAt([48], 'Members only');
    const member = await signedInClient(context.app, 'participant');
    const byMember = await member.request('PUT', `/api/groups/${fixture.groupId}/place`, {
      place: 'My kitchen',
      videoUrl: null,
    });
    expect(byMember.statusCode).toBe(403);
    const outsider = new TestClient(context.app);
    await outsider.signIn('participant30@demo.tend.test');
    expect((await outsider.request('GET', `/api/meetings/${fixture.meetingIds[0]}`)).statusCode).toBe(404);
    const groups = (await outsider.request('GET', '/api/me/groups')).json().groups;
    expect(groups.some((group: { id: string }) => group.id === fixture.groupId)).toBe(false);
  });
});

describe('coordinators run any group', () => {
  it('lets a coordinator set a place, and answers a missing group with 404', async () => {
    const fixture = await groupMeetingAt([48], 'Coordinator place');
    const set = await coordinator.request('PUT', `/api/groups/${fixture.groupId}/place`, {
      place: 'Auditorium B',
      videoUrl: null,
    });
    expect(set.statusCode).toBe(200);
    const missing = await coordinator.request(
      'PUT',
      '/api/groups/00000000-0000-4000-8000-000000000000/place',
      {
        place: 'Nowhere',
        videoUrl: null,
      },
    );
    expect(missing.statusCode).toBe(404);
    const stored = await context.connection.db
      .select({ place: meetings.place })
      .from(meetings)
      .where(and(eq(meetings.groupId, fixture.groupId)));
    // The meeting's own place (from the fixture) still overrides the group's.
    expect(stored[0]?.place).toBe('Room 4.12');
  });
});
