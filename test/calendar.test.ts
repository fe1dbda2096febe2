import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFeeds, enrollments, meetings } from '../src/db/schema.ts';
import { buildMeetingInvitation } from '../src/server/calendar/meeting-invitation.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  type GroupFixture,
  hoursFrom,
} from './helpers/meeting-fixtures.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let participant: TestClient;
let mine: GroupFixture;
let others: GroupFixture;
let draft: GroupFixture;
let withdrawn: GroupFixture;
const day = 24;

beforeAll(async () => {
  context = await createTestApp();
  participant = await signedInClient(context.app, 'participant');
  const { db } = context.connection;
  const organizationId = await demoOrganizationId(db);
  const now = context.clock.now;
  mine = await createGroupWithMeetings(db, {
    organizationId,
    groupName: 'Group A',
    memberEmails: [
      'facilitator1@demo.tend.test',
      'participant1@demo.tend.test',
      'participant2@demo.tend.test',
    ],
    // Two months ago (too old for the feed), last week, next week.
    meetingStarts: [hoursFrom(now, -60 * day), hoursFrom(now, -7 * day), hoursFrom(now, 7 * day)],
  });
  others = await createGroupWithMeetings(db, {
    organizationId,
    groupName: 'Group B',
    memberEmails: ['facilitator1@demo.tend.test', 'participant3@demo.tend.test'],
    meetingStarts: [hoursFrom(now, 8 * day)],
  });
  draft = await createGroupWithMeetings(db, {
    organizationId,
    groupName: 'Draft group',
    groupStatus: 'draft',
    memberEmails: ['participant1@demo.tend.test'],
    meetingStarts: [hoursFrom(now, 9 * day)],
  });
  withdrawn = await createGroupWithMeetings(db, {
    organizationId,
    groupName: 'Left program',
    programTitle: 'Mindful mornings',
    memberEmails: ['participant1@demo.tend.test'],
    meetingStarts: [hoursFrom(now, 10 * day)],
  });
  await db
    .update(enrollments)
    .set({ status: 'withdrawn', withdrawnAt: now })
    .where(eq(enrollments.programId, withdrawn.programId));
});
afterAll(() => context.close());

/** iCalendar folds long lines; unfold them before matching. */
function unfold(ics: string): string {
  return ics.replace(/\r?\n[ \t]/g, '');
}

function feedPath(url: string): string {
  return new URL(url).pathname;
}

async function createFeed(client: TestClient): Promise<string> {
  const response = await client.request('POST', '/api/me/calendar-feed');
  expect(response.statusCode).toBe(201);
  return response.json().url;
}

describe('the calendar subscription', () => {
  it("holds the person's own meetings from the last month on, and nobody else's", async () => {
    const url = await createFeed(participant);
    expect(url).toMatch(new RegExp(`^${context.config.publicUrl}/api/calendar/[a-z2-7]{52}\\.ics$`));

    const anonymous = new TestClient(context.app);
    const response = await anonymous.request('GET', feedPath(url));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const feed = unfold(response.body);
    expect(feed).toMatch(/^BEGIN:VCALENDAR/);
    expect(feed).toContain(`UID:meeting-${mine.meetingIds[1]}@tend`);
    expect(feed).toContain(`UID:meeting-${mine.meetingIds[2]}@tend`);
    expect(feed).not.toContain(mine.meetingIds[0]);
    expect(feed).not.toContain(others.meetingIds[0]);
    expect(feed).not.toContain(draft.meetingIds[0]);
    expect(feed).not.toContain(withdrawn.meetingIds[0]);
    expect(feed).toContain('SUMMARY:Group A (Resilience circles)');
    expect(feed).not.toMatch(/participant2|facilitator1/);
  });

  it('marks a cancelled meeting as cancelled, with its new revision', async () => {
    const { db } = context.connection;
    await db
      .update(meetings)
      .set({ cancelledAt: context.clock.now, revision: 3 })
      .where(eq(meetings.id, mine.meetingIds[2]!));
    const url = await createFeed(participant);
    const feed = unfold((await new TestClient(context.app).request('GET', feedPath(url))).body);
    const event = feed.split('BEGIN:VEVENT').find((part) => part.includes(mine.meetingIds[2]!));
    expect(event).toContain('STATUS:CANCELLED');
    expect(event).toContain('SEQUENCE:3');
  });

  it('stops the old address when a new one is made, and answers 404 for it', async () => {
    const first = await createFeed(participant);
    const second = await createFeed(participant);
    const anonymous = new TestClient(context.app);
    expect((await anonymous.request('GET', feedPath(first))).statusCode).toBe(404);
    expect((await anonymous.request('GET', feedPath(second))).statusCode).toBe(200);
    const { db } = context.connection;
    expect(await db.select().from(calendarFeeds)).toHaveLength(1);
  });

  it('shows in the preferences, and stops working once revoked', async () => {
    const url = await createFeed(participant);
    const preferences = (await participant.request('GET', '/api/me/notification-preferences')).json();
    expect(preferences.calendarFeed).toEqual({ createdAt: expect.any(String) });

    expect((await participant.request('DELETE', '/api/me/calendar-feed')).statusCode).toBe(204);
    const anonymous = new TestClient(context.app);
    const response = await anonymous.request('GET', feedPath(url));
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
    expect(
      (await participant.request('GET', '/api/me/notification-preferences')).json().calendarFeed,
    ).toBeNull();
  });

  it('answers 404 for an address that never existed', async () => {
    const response = await new TestClient(context.app).request('GET', `/api/calendar/${'a'.repeat(52)}.ics`);
    expect(response.statusCode).toBe(404);
  });

  it('keeps the token out of the database', async () => {
    const url = await createFeed(participant);
    const token = feedPath(url).split('/').pop()?.replace('.ics', '') ?? '';
    const [row] = await context.connection.db.select().from(calendarFeeds);
    expect(row?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.id).not.toBe(token);
  });
});

describe('a meeting invitation', () => {
  const meeting = {
    id: '2b9f3c1e-8d4a-4f6b-9c2d-1a2b3c4d5e6f',
    sequence: 2,
    startsAt: new Date('2027-01-12T17:00:00Z'),
    endsAt: new Date('2027-01-12T18:00:00Z'),
    place: 'Room 4.12',
    videoUrl: 'https://video.example.org/room',
    revision: 4,
    cancelledAt: null,
  };
  const organizer = { name: 'Riverside Tend', email: 'tend@riverside.example' };

  it('asks for a stable UID at the current revision, addressed to the recipient only', () => {
    const ics = unfold(
      buildMeetingInvitation(
        meeting,
        { name: 'Group A' },
        { title: 'Resilience circles' },
        organizer,
        'participant1@demo.tend.test',
      ),
    );
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:meeting-${meeting.id}@tend`);
    expect(ics).toContain('SEQUENCE:4');
    expect(ics).toContain('DTSTART:20270112T170000Z');
    expect(ics).toContain('DTEND:20270112T180000Z');
    expect(ics).toMatch(/ATTENDEE;[^\r\n]*:mailto:participant1@demo\.tend\.test/i);
    expect(ics).toMatch(/ORGANIZER;CN="?Riverside Tend"?:mailto:tend@riverside\.example/);
    expect(ics.match(/ATTENDEE/g)).toHaveLength(1);
  });

  it('cancels once the meeting is cancelled, under the same UID', () => {
    const ics = buildMeetingInvitation(
      { ...meeting, cancelledAt: new Date('2027-01-11T00:00:00Z'), revision: 5 },
      { name: 'Group A' },
      { title: 'Resilience circles' },
      organizer,
      'participant1@demo.tend.test',
    );
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain(`UID:meeting-${meeting.id}@tend`);
    expect(ics).toContain('SEQUENCE:5');
  });
});
