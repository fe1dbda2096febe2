import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicLibrary } from '../src/core/curriculum/library.ts';
import { meetingFeedback, notifications, programs } from '../src/db/schema.ts';
import { startJobs } from '../src/jobs/start-jobs.ts';
import { sendFeedbackRequests } from '../src/server/services/feedback-requests.ts';
import { feedbackBody, feedbackFixtures } from './helpers/feedback-fixtures.ts';
import { demoOrganizationId, hoursFrom } from './helpers/meeting-fixtures.ts';
import { createTestApp, signedInClient, type TestContext } from './helpers/test-app.ts';

const growthMindset = topicLibrary.find((topic) => topic.id === 'growth-mindset')?.title ?? '';

let context: TestContext;
let organizationId: string;

const { clientFor, groupMeetingHoursAgo } = feedbackFixtures(() => ({ context, organizationId }), '10.20.0');

async function noticesOf(userId: string, meetingId: string) {
  return context.connection.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.kind, 'feedback-request'),
        eq(notifications.link, `/meetings/${meetingId}/feedback`),
      ),
    );
}

beforeAll(async () => {
  context = await createTestApp();
  organizationId = await demoOrganizationId(context.connection.db);
});
afterAll(() => context.close());

describe('giving feedback on a meeting', () => {
  it('keeps one answer per person and meeting, which they can change', async () => {
    const fixture = await groupMeetingHoursAgo([-3], 'One answer each');
    const meetingId = fixture.meetingIds[0] ?? '';
    const participant = await clientFor('participant1@demo.tend.test', 0);
    const form = await participant.request('GET', `/api/meetings/${meetingId}/feedback`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ isOpen: true, feedback: null });
    expect(form.json().topicChoices).toContainEqual({ id: 'growth-mindset', title: growthMindset });

    expect(
      (await participant.request('PUT', `/api/meetings/${meetingId}/feedback`, feedbackBody())).statusCode,
    ).toBe(200);
    const changed = await participant.request(
      'PUT',
      `/api/meetings/${meetingId}/feedback`,
      feedbackBody({ usefulness: 2, keep: 'Shorter check-in' }),
    );
    expect(changed.json().feedback).toMatchObject({ usefulness: 2, keep: 'Shorter check-in' });
    const rows = await context.connection.db
      .select()
      .from(meetingFeedback)
      .where(eq(meetingFeedback.meetingId, meetingId));
    expect(rows).toHaveLength(1);
  });

  it('takes preferred times in the person’s own time zone and stores them in the organisation’s', async () => {
    const fixture = await groupMeetingHoursAgo([-3], 'Time zones');
    const meetingId = fixture.meetingIds[0] ?? '';
    const participant = await clientFor('participant5@demo.tend.test', 4);
    const saved = await participant.request(
      'PUT',
      `/api/meetings/${meetingId}/feedback`,
      feedbackBody({ preferredTimes: ['tue-18'], timeZone: 'Asia/Tokyo' }),
    );
    expect(saved.json().feedback.preferredTimes).toEqual(['tue-18']);
    const [row] = await context.connection.db
      .select()
      .from(meetingFeedback)
      .where(eq(meetingFeedback.meetingId, meetingId));
    // Tokyo is 13 or 14 hours ahead of Toronto: Tuesday 18:00 there is Tuesday early morning here.
    expect(row?.preferredTimes).toHaveLength(1);
    expect(row?.preferredTimes[0]).toMatch(/^tue-0[45]$/);
    const inToronto = await participant.request('GET', `/api/meetings/${meetingId}/feedback`);
    expect(inToronto.json().feedback.preferredTimes).toEqual(row?.preferredTimes);
    const unknown = await participant.request(
      'GET',
      `/api/meetings/${meetingId}/feedback?timeZone=Mars/Olympus`,
    );
    expect(unknown.statusCode).toBe(400);
  });

  it('refuses ratings outside 1–5 and topics or times that are not on offer, saying what to fix', async () => {
    const fixture = await groupMeetingHoursAgo([-3], 'Bad input');
    const meetingId = fixture.meetingIds[0] ?? '';
    const participant = await clientFor('participant2@demo.tend.test', 1);
    const rating = await participant.request(
      'PUT',
      `/api/meetings/${meetingId}/feedback`,
      feedbackBody({ usefulness: 6 }),
    );
    expect(rating.statusCode).toBe(400);
    expect(rating.json().error.fields['body.usefulness']).toMatch(/1 to 5/);
    const topic = await participant.request(
      'PUT',
      `/api/meetings/${meetingId}/feedback`,
      feedbackBody({ topicsWanted: ['astrology'] }),
    );
    expect(topic.json().error).toMatchObject({
      code: 'FEEDBACK_INVALID',
      message: expect.stringMatching(/astrology/),
    });
    const time = await participant.request(
      'PUT',
      `/api/meetings/${meetingId}/feedback`,
      feedbackBody({ preferredTimes: ['tue-25'] }),
    );
    expect(time.json().error.code).toBe('FEEDBACK_INVALID');
  });

  it('is only for the people who attended: not facilitators, not the absent, not strangers, not before it starts', async () => {
    const fixture = await groupMeetingHoursAgo([-3, 48], 'Who may answer');
    const [past = '', future = ''] = fixture.meetingIds;
    const facilitator = await signedInClient(context.app, 'facilitator');
    expect((await facilitator.request('GET', `/api/meetings/${past}/feedback`)).statusCode).toBe(403);
    const stranger = await clientFor('participant30@demo.tend.test', 29);
    expect((await stranger.request('GET', `/api/meetings/${past}/feedback`)).statusCode).toBe(404);
    const coordinator = await signedInClient(context.app, 'coordinator');
    expect(
      (await coordinator.request('PUT', `/api/meetings/${past}/feedback`, feedbackBody())).statusCode,
    ).toBe(404);

    const absentee = await clientFor('participant3@demo.tend.test', 2);
    await facilitator.request('PUT', `/api/meetings/${past}/attendance`, {
      records: [{ userId: fixture.memberIds[3], status: 'absent' }],
    });
    expect((await absentee.request('PUT', `/api/meetings/${past}/feedback`, feedbackBody())).statusCode).toBe(
      403,
    );

    const early = await absentee.request('PUT', `/api/meetings/${future}/feedback`, feedbackBody());
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'FEEDBACK_CLOSED',
      message: expect.stringMatching(/starts/),
    });
  });

  it('closes when the program’s term has ended', async () => {
    const fixture = await groupMeetingHoursAgo([-3], 'Ended program');
    const meetingId = fixture.meetingIds[0] ?? '';
    const participant = await clientFor('participant4@demo.tend.test', 3);
    const yesterday = new Date(context.clock.now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    await context.connection.db
      .update(programs)
      .set({ termStart: '2020-01-01', termEnd: yesterday })
      .where(eq(programs.id, fixture.programId));
    const late = await participant.request('PUT', `/api/meetings/${meetingId}/feedback`, feedbackBody());
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: 'FEEDBACK_CLOSED',
      message: expect.stringMatching(/ended/),
    });
  });
});

describe('asking attendees for feedback', () => {
  it('asks every attendee of a held meeting once, however often the job runs, and never the facilitator', async () => {
    const fixture = await groupMeetingHoursAgo([-3, 48], 'Asked once');
    const [past = '', future = ''] = fixture.meetingIds;
    const { db } = context.connection;
    await Promise.all([
      sendFeedbackRequests(db, context.clock.now),
      sendFeedbackRequests(db, context.clock.now),
    ]);
    await sendFeedbackRequests(db, context.clock.now);
    const [facilitatorId = '', ...participantIds] = fixture.memberIds;
    for (const userId of participantIds) expect(await noticesOf(userId, past)).toHaveLength(1);
    expect(await noticesOf(facilitatorId, past)).toHaveLength(0);
    // The meeting that has not happened yet asks nobody.
    for (const userId of participantIds) expect(await noticesOf(userId, future)).toHaveLength(0);
    const [notice] = await noticesOf(participantIds[0] ?? '', past);
    expect(notice?.title).toMatch(/How was meeting 1/);
  });

  it('runs as the feedback-requests background job', async () => {
    const fixture = await groupMeetingHoursAgo([-2], 'Asked by the job');
    const jobs = await startJobs({
      db: context.connection.db,
      connection: context.connection,
      config: context.config,
      now: () => context.clock.now,
      transport: null,
      log: { info() {}, error() {} },
    });
    try {
      const first = await jobs.runNow('feedback-requests');
      expect(first.asked).toBeGreaterThanOrEqual(fixture.memberIds.length - 1);
      expect(await jobs.runNow('feedback-requests')).toEqual({ meetings: 0, asked: 0 });
    } finally {
      await jobs.stop();
    }
  });

  it('asks the people marked present only after the meeting ends, even when attendance is taken during it', async () => {
    // Started half an hour ago, ends in half an hour.
    const fixture = await groupMeetingHoursAgo([-0.5], 'Asked after the end');
    const meetingId = fixture.meetingIds[0] ?? '';
    const [, present = '', absent = ''] = fixture.memberIds;
    const facilitator = await signedInClient(context.app, 'facilitator');
    const taken = await facilitator.request('PUT', `/api/meetings/${meetingId}/attendance`, {
      records: [
        { userId: present, status: 'present' },
        { userId: absent, status: 'absent' },
      ],
    });
    expect(taken.statusCode).toBe(200);
    await sendFeedbackRequests(context.connection.db, context.clock.now);
    expect(await noticesOf(present, meetingId)).toHaveLength(0);

    await sendFeedbackRequests(context.connection.db, hoursFrom(context.clock.now, 1));
    expect(await noticesOf(present, meetingId)).toHaveLength(1);
    expect(await noticesOf(absent, meetingId)).toHaveLength(0);
    await sendFeedbackRequests(context.connection.db, hoursFrom(context.clock.now, 3));
    expect(await noticesOf(present, meetingId)).toHaveLength(1);
  });

  it('asks the people marked present at once when attendance is taken after the meeting ended', async () => {
    const fixture = await groupMeetingHoursAgo([-3], 'Asked at attendance');
    const meetingId = fixture.meetingIds[0] ?? '';
    const [, present = '', absent = ''] = fixture.memberIds;
    const facilitator = await signedInClient(context.app, 'facilitator');
    await facilitator.request('PUT', `/api/meetings/${meetingId}/attendance`, {
      records: [
        { userId: present, status: 'present' },
        { userId: absent, status: 'absent' },
      ],
    });
    expect(await noticesOf(present, meetingId)).toHaveLength(1);
    expect(await noticesOf(absent, meetingId)).toHaveLength(0);
  });
});

describe('you said, we did', () => {
  it('tells everyone in the program and shows the note on the program', async () => {
    const fixture = await groupMeetingHoursAgo([-3], 'You said');
    const coordinator = await signedInClient(context.app, 'coordinator');
    const posted = await coordinator.request(
      'POST',
      `/api/programs/${fixture.programId}/feedback-responses`,
      {
        youSaid: 'Meetings felt rushed.',
        weDid: 'Meetings are now 75 minutes.',
      },
    );
    expect(posted.statusCode).toBe(201);
    const participant = await clientFor('participant1@demo.tend.test', 0);
    const listed = await participant.request('GET', `/api/programs/${fixture.programId}/feedback-responses`);
    expect(listed.json().responses).toEqual([
      expect.objectContaining({ youSaid: 'Meetings felt rushed.', weDid: 'Meetings are now 75 minutes.' }),
    ]);
    const notices = await context.connection.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, 'you-said-we-did'),
          eq(notifications.link, `/programs/${fixture.programId}`),
        ),
      );
    expect(notices).toHaveLength(fixture.memberIds.length);
    const empty = await coordinator.request('POST', `/api/programs/${fixture.programId}/feedback-responses`, {
      youSaid: ' ',
      weDid: 'x',
    });
    expect(empty.json().error.fields['body.youSaid']).toMatch(/say what participants said/);
  });
});
