import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicLibrary } from '../src/core/curriculum/library.ts';
import {
  enrollments,
  followUps,
  groups,
  meetingFeedback,
  meetings,
  organizations,
  programs,
} from '../src/db/schema.ts';
import type { Dashboard } from '../src/server/services/dashboard.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  type GroupFixture,
  hoursFrom,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import { createPublishedProgram, daysFrom } from './helpers/programs.ts';
import {
  createTestApp,
  noSendingLimits,
  signedInClient,
  TestClient,
  type TestContext,
} from './helpers/test-app.ts';

/** Issue 15, part 1: a home that says what is next, for each role. */

let context: TestContext;
let organizationId: string;
let fixture: GroupFixture;
let participant: TestClient;
let groupmate: TestClient;
let outsider: TestClient;
let facilitator: TestClient;
let coordinator: TestClient;
let admin: TestClient;
const topic = topicLibrary[0];
if (!topic) throw new Error('the shipped library has no topics');

async function clientFor(email: string): Promise<TestClient> {
  const client = new TestClient(
    context.app,
    `10.20.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 200)}`,
  );
  const response = await client.signIn(email);
  if (response.statusCode !== 204) throw new Error(`${email} could not sign in: ${response.body}`);
  return client;
}

async function dashboardOf(client: TestClient): Promise<Dashboard> {
  const response = await client.request('GET', '/api/dashboard');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

beforeAll(async () => {
  context = await createTestApp({}, { sendingLimits: noSendingLimits });
  organizationId = await demoOrganizationId(context.connection.db);
  const now = context.clock.now;
  // A group whose first meeting ended an hour ago, the next tomorrow and one more two weeks later.
  fixture = await createGroupWithMeetings(context.connection.db, {
    organizationId,
    memberEmails: [
      'facilitator1@demo.tend.test',
      'participant1@demo.tend.test',
      'participant2@demo.tend.test',
      'participant3@demo.tend.test',
    ],
    meetingStarts: [hoursFrom(now, -2), hoursFrom(now, 26), hoursFrom(now, 26 + 14 * 24)],
    programTitle: 'Resilience circles (dashboard)',
  });
  const db = context.connection.db;
  await db
    .update(meetings)
    .set({ topicId: topic.id })
    .where(eq(meetings.id, fixture.meetingIds[1] as string));
  await db
    .update(groups)
    .set({ videoUrl: 'https://video.example.org/circle-a' })
    .where(eq(groups.id, fixture.groupId));
  participant = await clientFor('participant1@demo.tend.test');
  groupmate = await clientFor('participant2@demo.tend.test');
  outsider = await clientFor('participant20@demo.tend.test');
  facilitator = await signedInClient(context.app, 'facilitator');
  coordinator = await signedInClient(context.app, 'coordinator');
  admin = await signedInClient(context.app, 'admin');
});
afterAll(() => context.close());

describe('a participant’s home', () => {
  it('offers programs to join only to someone in none', async () => {
    const programId = await createPublishedProgram(coordinator, context.clock.now, {
      title: 'Open for enrolment (dashboard)',
    });
    const outside = (await dashboardOf(outsider)).participation;
    expect(outside?.nextMeeting).toBeNull();
    expect(outside?.programs).toEqual([]);
    expect(outside?.joinablePrograms.map((program) => program.id)).toContain(programId);

    const inside = (await dashboardOf(participant)).participation;
    expect(inside?.joinablePrograms).toEqual([]);
    expect(inside?.programs).toContainEqual(
      expect.objectContaining({ id: fixture.programId, status: 'enrolled', isInGroup: true }),
    );
  });

  it('names the next meeting in the person’s own time zone, with its place, link and topic', async () => {
    const next = (await dashboardOf(participant)).participation?.nextMeeting;
    expect(next).toMatchObject({
      id: fixture.meetingIds[1],
      groupId: fixture.groupId,
      groupName: 'Group A',
      sequence: 2,
      meetingCount: 3,
      isUnderway: false,
      timeZone: 'America/Toronto',
      place: 'Room 4.12',
      videoUrl: 'https://video.example.org/circle-a',
      topic: { title: topic.title, summary: topic.summary },
      guide: null,
    });
    // The meeting is 26 hours from the real now: run late in Toronto's evening it ends after midnight.
    expect(next?.when).toMatch(
      /^\w+day \d+ \w+ \d{4}, \d\d:\d\d(–| – \w+day \d+ \w+ \d{4}, )\d\d:\d\d \(America\/Toronto\)$/,
    );

    // Someone who enrolled from London reads the time in London, named.
    const userId = await userIdOf(context.connection.db, 'participant1@demo.tend.test');
    await context.connection.db
      .update(enrollments)
      .set({ timeZone: 'Europe/London' })
      .where(sql`${enrollments.userId} = ${userId} and ${enrollments.programId} = ${fixture.programId}`);
    const london = (await dashboardOf(participant)).participation?.nextMeeting;
    expect(london?.timeZone).toBe('Europe/London');
    expect(london?.when).toMatch(/\(Europe\/London\)$/);
  });

  it('lists the reflection due and not the answered or withdrawn ones', async () => {
    const db = context.connection.db;
    const userId = await userIdOf(db, 'participant1@demo.tend.test');
    const base = {
      organizationId,
      meetingId: fixture.meetingIds[0] as string,
      userId,
      kind: 'prompt' as const,
      prompt: 'What did you notice about your warning signs this week?',
      topicTitle: topic.title,
      skill: topic.skill,
    };
    const [due] = await db
      .insert(followUps)
      .values([
        { ...base, step: 1, dueAt: hoursFrom(context.clock.now, -1) },
        { ...base, step: 2, dueAt: hoursFrom(context.clock.now, -30), answeredAt: context.clock.now },
        {
          ...base,
          step: 3,
          dueAt: hoursFrom(context.clock.now, -40),
          skippedAt: context.clock.now,
          skipReason: 'withdrawn',
        },
        { ...base, step: 4, dueAt: hoursFrom(context.clock.now, 24) },
      ])
      .returning({ id: followUps.id });
    const { followUps: listed } = (await dashboardOf(participant)).participation ?? {};
    expect(listed?.total).toBe(1);
    expect(listed?.items).toEqual([
      expect.objectContaining({ id: due?.id, kind: 'prompt', groupName: 'Group A', topicTitle: topic.title }),
    ]);
  });

  it('shows the open questionnaire with how far the person got', async () => {
    const now = context.clock.now;
    const scheduled = await coordinator.request('POST', '/api/assessment-windows', {
      instrumentId: 'proqol-5',
      programId: null,
      title: 'ProQOL this spring',
      kind: 'every-3-months',
      opensAt: hoursFrom(now, -1).toISOString(),
      closesAt: hoursFrom(now, 24 * 14).toISOString(),
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const windowId = scheduled.json().windows[0].id;
    expect((await dashboardOf(participant)).participation?.questionnaires).toEqual([
      expect.objectContaining({ windowId, title: 'ProQOL this spring', answered: 0, itemCount: 30 }),
    ]);
    const saved = await participant.request('PUT', `/api/me/assessments/${windowId}/draft`, {
      answers: { '1': 3, '2': 4, '3': 2 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await dashboardOf(participant)).participation?.questionnaires[0]?.answered).toBe(3);

    const answers = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [String(index + 1), 3]));
    const submitted = await participant.request('POST', `/api/me/assessments/${windowId}/submit`, {
      answers,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await dashboardOf(participant)).participation?.questionnaires).toEqual([]);
  });

  it('counts new posts by others in the group and recognition received', async () => {
    const posted = await groupmate.request('POST', `/api/groups/${fixture.groupId}/posts`, {
      body: 'Anyone else find the night shifts harder this month?',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    await participant.request('POST', `/api/groups/${fixture.groupId}/posts`, { body: 'My own post' });
    const recipientId = await userIdOf(context.connection.db, 'participant1@demo.tend.test');
    const sent = await groupmate.request('POST', '/api/recognitions', {
      recipientId,
      kind: 'gratitude',
      message: 'Thank you for covering on Tuesday.',
      visibility: 'private',
    });
    expect(sent.statusCode, sent.body).toBe(201);

    const participation = (await dashboardOf(participant)).participation;
    expect(participation?.newPosts).toEqual([
      expect.objectContaining({ groupId: fixture.groupId, groupName: 'Group A', count: 1 }),
    ]);
    expect(participation?.recognitions.total).toBe(1);
    expect(participation?.recognitions.latest[0]).toMatchObject({
      kind: 'gratitude',
      message: 'Thank you for covering on Tuesday.',
    });
    // The author's own home does not count their post as new to them; the other member's does.
    expect((await dashboardOf(groupmate)).participation?.newPosts[0]?.count).toBe(1);
  });
});

describe('a facilitator’s home', () => {
  it('shows the next meeting to run with its prompts, and attendance still to take', async () => {
    const dashboard = await dashboardOf(facilitator);
    expect(dashboard.facilitation?.nextMeeting).toMatchObject({
      id: fixture.meetingIds[1],
      guide: {
        openingCheckIn: topic.openingCheckIn,
        prompts: topic.discussionPrompts.map((prompt) => prompt.text),
        practice: { name: topic.practice.name, minutes: topic.practice.minutes },
      },
    });
    expect(dashboard.participation?.nextMeeting).toBeNull();
    expect(dashboard.facilitation?.attendanceToTake).toEqual([
      expect.objectContaining({ meetingId: fixture.meetingIds[0], groupName: 'Group A', sequence: 1 }),
    ]);

    const taken = await facilitator.request('PUT', `/api/meetings/${fixture.meetingIds[0]}/attendance`, {
      records: fixture.memberIds.slice(1).map((userId) => ({ userId, status: 'present' })),
    });
    expect(taken.statusCode, taken.body).toBe(200);
    expect((await dashboardOf(facilitator)).facilitation?.attendanceToTake).toEqual([]);
  });

  it('does not show a participant the facilitator’s guide or anyone else the coordinator’s list', async () => {
    const dashboard = await dashboardOf(participant);
    expect(dashboard.facilitation).toBeNull();
    expect(dashboard.coordination).toBeNull();
    expect(dashboard.membersByRole).toBeNull();
  });
});

describe('a coordinator’s home', () => {
  it('gives each program its phase and what needs doing', async () => {
    const db = context.connection.db;
    const now = context.clock.now;
    // Enrolment closed yesterday with two people enrolled and no groups formed.
    const [closedEnrolment] = await db
      .insert(programs)
      .values({
        organizationId,
        title: 'Enrolment just closed',
        termStart: daysFrom(now, 6),
        termEnd: daysFrom(now, 90),
        enrolmentOpens: daysFrom(now, -20),
        enrolmentCloses: daysFrom(now, -2),
        meetingCount: 4,
        meetingMinutes: 60,
        cadenceWeeks: 2,
        status: 'published',
      })
      .returning({ id: programs.id });
    for (const email of ['participant30@demo.tend.test', 'participant31@demo.tend.test']) {
      await db.insert(enrollments).values({
        organizationId,
        programId: closedEnrolment?.id as string,
        userId: await userIdOf(db, email),
        timeZone: 'America/Toronto',
        agreedToGuidelinesAt: now,
        status: 'enrolled',
        enrolledAt: now,
      });
    }
    // A late enrollee in the running program, in no group.
    await db.insert(enrollments).values({
      organizationId,
      programId: fixture.programId,
      userId: await userIdOf(db, 'participant32@demo.tend.test'),
      timeZone: 'America/Toronto',
      agreedToGuidelinesAt: now,
      status: 'enrolled',
      enrolledAt: now,
    });

    const { coordination, membersByRole } = await dashboardOf(coordinator);
    expect(membersByRole?.length).toBeGreaterThan(0);
    const closing = coordination?.programs.find((program) => program.id === closedEnrolment?.id);
    expect(closing?.phase).toBe('before-term');
    expect(closing?.tasks.map((task) => task.kind)).toEqual(['form-groups']);
    expect(closing?.tasks[0]?.href).toBe(`/programs/${closedEnrolment?.id}?tab=groups`);
    const running = coordination?.programs.find((program) => program.id === fixture.programId);
    expect(running).toMatchObject({ phase: 'running', unplaced: 1, groups: 1 });
    expect(running?.tasks).toContainEqual({
      kind: 'place-unplaced',
      text: '1 person enrolled is not in a group.',
      href: `/programs/${fixture.programId}?tab=groups`,
    });
    // The organisation-wide questionnaire window open now covers both programs.
    expect(running?.tasks.map((task) => task.kind)).not.toContain('schedule-questionnaire');
    expect(coordination?.windows).toContainEqual(
      expect.objectContaining({ title: 'ProQOL this spring', state: 'open', shouldClose: false }),
    );
  });

  it('points to feedback once enough people gave it and its period has closed (figures released), until the next note', async () => {
    const db = context.connection.db;
    const program = async () =>
      (await dashboardOf(coordinator)).coordination?.programs.find((entry) => entry.id === fixture.programId);
    const taskKinds = async () => (await program())?.tasks.map((task) => task.kind);
    const [settings] = await db
      .select({ settings: organizations.settings })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    const minimum = settings?.settings.minimumReportingGroupSize ?? 5;
    const givers = await Promise.all(
      Array.from({ length: minimum }, (_, index) => userIdOf(db, `participant${index + 1}@demo.tend.test`)),
    );
    const meetingId = fixture.meetingIds[0] as string;
    const [meeting] = await db
      .select({ startsAt: meetings.startsAt, endsAt: meetings.endsAt })
      .from(meetings)
      .where(eq(meetings.id, meetingId));
    const { startsAt, endsAt } = meeting as { startsAt: Date; endsAt: Date };
    const endedDaysAgo = (days: number) =>
      db
        .update(meetings)
        .set({
          startsAt: hoursFrom(context.clock.now, -24 * days - 1),
          endsAt: hoursFrom(context.clock.now, -24 * days),
        })
        .where(eq(meetings.id, meetingId));
    const feedback = (userId: string) => ({
      organizationId,
      meetingId,
      programId: fixture.programId,
      userId,
      usefulness: 4,
      feltSafe: 5,
      updatedAt: context.clock.now,
    });
    try {
      await endedDaysAgo(8);
      await db.insert(meetingFeedback).values(givers.slice(0, minimum - 1).map(feedback));
      expect(await taskKinds()).not.toContain('read-feedback');
      await db.insert(meetingFeedback).values(feedback(givers[minimum - 1] as string));
      // While the meeting's feedback period (a week) is open its answers are not released: nothing
      // to read yet, and the task does not appear as each answer comes in.
      await endedDaysAgo(1);
      expect(await taskKinds()).not.toContain('read-feedback');
      await endedDaysAgo(8);
      expect((await program())?.tasks).toContainEqual(
        expect.objectContaining({
          kind: 'read-feedback',
          href: `/programs/${fixture.programId}?tab=feedback`,
        }),
      );

      context.clock.now = new Date(context.clock.now.getTime() + 60_000);
      const note = await coordinator.request(
        'POST',
        `/api/programs/${fixture.programId}/feedback-responses`,
        {
          youSaid: 'The room was cold.',
          weDid: 'We moved to a warmer room.',
        },
      );
      expect(note.statusCode, note.body).toBe(201);
      expect(await taskKinds()).not.toContain('read-feedback');
    } finally {
      await db.update(meetings).set({ startsAt, endsAt }).where(eq(meetings.id, meetingId));
    }
  });
});

describe('an administrator’s home', () => {
  it('says how many support resources everyone reaches from "Get help now"', async () => {
    const { nextSteps, participation, coordination } = await dashboardOf(admin);
    expect(nextSteps).toContainEqual({
      title: 'Support resources',
      description: '2 resources are listed under “Get help now” on every page.',
      href: '/organization-settings',
    });
    expect(participation).toBeNull();
    expect(coordination).toBeNull();
  });
});

describe('Get help now', () => {
  it('gives everyone signed in the support resources with tap-to-call and tap-to-text links', async () => {
    const response = await participant.request('GET', '/api/support-resources');
    expect(response.statusCode).toBe(200);
    const support = response.json();
    expect(support.resources).toEqual([
      {
        name: 'Employee and student assistance program',
        contact: '1-800-555-0100 (24/7)',
        actions: [{ kind: 'call', href: 'tel:18005550100', label: 'Call 1-800-555-0100' }],
      },
      {
        name: 'Suicide Crisis Helpline (Canada)',
        contact: 'Call or text 9-8-8',
        actions: [
          { kind: 'call', href: 'tel:988', label: 'Call 9-8-8' },
          { kind: 'text', href: 'sms:988', label: 'Text 9-8-8' },
        ],
      },
    ]);
    // The demo organisation lists 9-8-8 itself, so it is not added twice; 9-1-1 is there for danger now.
    expect(support.crisisLine).toBeNull();
    expect(support.emergency.action).toEqual({ kind: 'call', href: 'tel:911', label: 'Call 9-1-1' });
  });

  it('adds the 9-8-8 line when an organisation in Canada removes it from its list', async () => {
    const saved = await admin.request('PUT', '/api/organization/settings', {
      supportResources: [{ name: 'Counselling service', contact: 'Call 416-555-0199, weekdays' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const support = (await participant.request('GET', '/api/support-resources')).json();
    expect(support.resources[0].actions).toEqual([
      { kind: 'call', href: 'tel:4165550199', label: 'Call 416-555-0199' },
    ]);
    expect(support.crisisLine).toMatchObject({
      name: '9-8-8 Suicide Crisis Helpline',
      actions: [
        { kind: 'call', href: 'tel:988', label: 'Call 9-8-8' },
        { kind: 'text', href: 'sms:988', label: 'Text 9-8-8' },
      ],
    });
  });
});
