import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicLibrary } from '../src/core/curriculum/library.ts';
import { attendance, enrollments, followUps, meetings, notifications } from '../src/db/schema.ts';
import { type Jobs, startJobs } from '../src/jobs/start-jobs.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  type GroupFixture,
  hoursFrom,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import { startSmtpSink } from './helpers/smtp-sink.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

const topic = topicLibrary[0]!;
const quietLog = { info() {}, error() {} };
const dayHours = 24;

let context: TestContext;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let organizationId: string;
let circle: GroupFixture;
let meetingEnd: Date;
const running: Jobs[] = [];

const email = (name: string) => `${name}@demo.tend.test`;
/** Past every reflection period of the meetings above: their engagement is released. */
const afterReflectionPeriods = new Date('2027-04-01T12:00:00Z');
const attendees = ['participant11', 'participant12', 'participant13', 'participant14', 'participant15'];

async function startRunner(): Promise<Jobs> {
  const jobs = await startJobs({
    db: context.connection.db,
    connection: context.connection,
    config: context.config,
    now: () => context.clock.now,
    mail: { smtpUrl: sink.url, from: 'Tend <no-reply@tend.local>' },
    log: quietLog,
    pollingIntervalSeconds: 0.5,
  });
  running.push(jobs);
  return jobs;
}

async function stopRunners() {
  for (const jobs of running.splice(0)) await jobs.stop();
}

/** Every follow-up e-mail the SMTP peer received for one person. */
function followUpMailsTo(name: string) {
  return sink.received.filter(
    (mail) => mail.to.includes(email(name)) && /reflections\//.test(mail.raw.replace(/=\r?\n/g, '')),
  );
}

async function signedInAs(name: string): Promise<TestClient> {
  const client = new TestClient(context.app);
  const response = await client.signIn(email(name));
  if (response.statusCode !== 204) throw new Error(`sign-in as ${name} failed`);
  return client;
}

async function followUpOf(name: string, meetingId: string, step: number) {
  const userId = await userIdOf(context.connection.db, email(name));
  const [row] = await context.connection.db
    .select()
    .from(followUps)
    .where(and(eq(followUps.meetingId, meetingId), eq(followUps.userId, userId), eq(followUps.step, step)));
  if (!row) throw new Error(`no follow-up ${step} for ${name}`);
  return row;
}

async function takeAttendance(
  fixture: GroupFixture,
  meetingIndex: number,
  records: Record<string, 'present' | 'absent'>,
) {
  const facilitator = await signedInClient(context.app, 'facilitator');
  const response = await facilitator.request(
    'PUT',
    `/api/meetings/${fixture.meetingIds[meetingIndex]}/attendance`,
    {
      records: await Promise.all(
        Object.entries(records).map(async ([name, status]) => ({
          userId: await userIdOf(context.connection.db, email(name)),
          status,
        })),
      ),
    },
  );
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  sink = await startSmtpSink();
  context = await createTestApp({ PUBLIC_URL: 'https://tend.example.org' });
  const { db } = context.connection;
  organizationId = await demoOrganizationId(db);
  context.clock.now = new Date('2027-01-12T19:00:00Z');
  const start = new Date('2027-01-12T17:00:00Z');
  circle = await createGroupWithMeetings(db, {
    organizationId,
    groupName: 'Circle',
    memberEmails: [
      email('facilitator1'),
      ...attendees.map(email),
      email('participant16'),
      email('participant17'),
      email('participant18'),
      email('participant19'),
    ],
    meetingStarts: [start, hoursFrom(start, 14 * dayHours)],
  });
  meetingEnd = hoursFrom(start, 1);
  await db.update(meetings).set({ topicId: topic.id }).where(inArray(meetings.id, circle.meetingIds));
  await takeAttendance(circle, 0, {
    ...Object.fromEntries(attendees.map((name) => [name, 'present' as const])),
    participant16: 'absent',
    participant17: 'present',
    participant18: 'present',
    participant19: 'present',
  });
  // participant17 withdraws from the program after the meeting.
  await db
    .update(enrollments)
    .set({ status: 'withdrawn', withdrawnAt: context.clock.now })
    .where(
      and(
        eq(enrollments.programId, circle.programId),
        eq(enrollments.userId, await userIdOf(db, email('participant17'))),
      ),
    );
  // participant18 pauses nudges for three days; participant19 wants none.
  const paused = await signedInAs('participant18');
  expect(
    (
      await paused.request('PUT', '/api/me/nudge-preferences', {
        frequency: 'every',
        pausedUntil: hoursFrom(meetingEnd, 3 * dayHours).toISOString(),
      })
    ).statusCode,
  ).toBe(200);
  const optedOut = await signedInAs('participant19');
  expect(
    (await optedOut.request('PUT', '/api/me/nudge-preferences', { frequency: 'none', pausedUntil: null }))
      .statusCode,
  ).toBe(200);
});

afterAll(async () => {
  await stopRunners();
  await context?.close();
  await sink?.close();
});

describe('follow-up reflection jobs', () => {
  it('send nothing before the first step is due', async () => {
    const jobs = await startRunner();
    const report = await jobs.runNow('reflection-follow-ups');
    expect(report.sent).toBe(0);
    // Attendees get three prompts each, the person who missed it one catch-up.
    expect(report.planned).toBe(8 * 3 + 1);
  });

  it('send the next-day prompt once to each attendee and the catch-up once to whoever missed it', async () => {
    const jobs = running[0]!;
    context.clock.now = hoursFrom(meetingEnd, dayHours + 0.1);
    expect(await jobs.runNow('reflection-follow-ups')).toMatchObject({ sent: 6, skipped: 3 });
    expect(await jobs.runNow('reflection-follow-ups')).toMatchObject({ sent: 0, skipped: 0 });
    await jobs.runNow('deliver-outbox');
    for (const name of [...attendees, 'participant16']) expect(followUpMailsTo(name), name).toHaveLength(1);
    const firstPrompt = followUpMailsTo('participant11')[0]!.raw.replace(/=\r?\n/g, '');
    const link = (await followUpOf('participant11', circle.meetingIds[0]!, 0)).id;
    expect(firstPrompt).toContain(`https://tend.example.org/reflections/${link}`);
    const catchUp = followUpMailsTo('participant16')[0]!.raw;
    expect(catchUp).toMatch(/What you missed/);
  });

  it('never nudge someone who withdrew, paused or opted out', async () => {
    for (const name of ['participant17', 'participant18', 'participant19']) {
      expect(followUpMailsTo(name), name).toEqual([]);
    }
    expect((await followUpOf('participant18', circle.meetingIds[0]!, 0)).skipReason).toBe('paused');
    expect((await followUpOf('participant19', circle.meetingIds[0]!, 0)).skipReason).toBe('opted-out');
    expect((await followUpOf('participant17', circle.meetingIds[0]!, 0)).skipReason).toBe('withdrawn');
  });

  it('lets a person answer; an answered step is not nudged', async () => {
    const writer = await signedInAs('participant12');
    const due = (await writer.request('GET', '/api/me/follow-ups')).json();
    expect(due.followUps).toHaveLength(1);
    const stepTwo = await followUpOf('participant12', circle.meetingIds[0]!, 1);
    const answer = await writer.request('PUT', `/api/me/follow-ups/${stepTwo.id}/reflection`, {
      answer: 'I used box breathing before a hard call.',
      skillUsed: 'yes',
      intention: 'Again before rounds',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const again = await writer.request('PUT', `/api/me/follow-ups/${stepTwo.id}/reflection`, {
      answer: 'I used box breathing before two hard calls.',
      skillUsed: 'yes',
      intention: null,
    });
    expect(again.json()).toMatchObject({
      answer: 'I used box breathing before two hard calls.',
      intention: null,
    });
  });

  it('after a restart with a later clock, send the one-week prompts once and nothing twice', async () => {
    await stopRunners();
    context.clock.now = hoursFrom(meetingEnd, 7 * dayHours + 0.1);
    const jobs = await startRunner();
    // participant12 answered already; the pause of participant18 is over.
    expect(await jobs.runNow('reflection-follow-ups')).toMatchObject({ sent: 5, skipped: 3 });
    await jobs.runNow('deliver-outbox');
    await stopRunners();
    const restarted = await startRunner();
    expect(await restarted.runNow('reflection-follow-ups')).toMatchObject({ sent: 0, skipped: 0 });
    await restarted.runNow('deliver-outbox');
    for (const name of ['participant11', 'participant13', 'participant14', 'participant15']) {
      expect(followUpMailsTo(name), name).toHaveLength(2);
    }
    expect(followUpMailsTo('participant12')).toHaveLength(1);
    expect(followUpMailsTo('participant16')).toHaveLength(1);
    expect(followUpMailsTo('participant18')).toHaveLength(1);
    expect((await followUpOf('participant12', circle.meetingIds[0]!, 1)).skipReason).toBe('answered');
  });

  it('send each follow-up once when two servers run the job at the same moment', async () => {
    // The second meeting was held a day ago; its attendance is taken now.
    context.clock.now = hoursFrom(meetingEnd, 15 * dayHours + 0.1);
    await takeAttendance(circle, 1, Object.fromEntries(attendees.map((name) => [name, 'present' as const])));
    const other = await startRunner();
    const [one, two] = await Promise.all([
      running[0]!.runNow('reflection-follow-ups'),
      other.runNow('reflection-follow-ups'),
    ]);
    expect(one.sent + two.sent).toBe(attendees.length);
    expect(one.planned + two.planned).toBe(attendees.length * 3);
    const notices = await context.connection.db
      .select({ userId: notifications.userId, link: notifications.link })
      .from(notifications)
      .where(like(notifications.link, '/reflections/%'));
    expect(new Set(notices.map((notice) => notice.link)).size).toBe(notices.length);
  });

  it('never send a later step to someone who withdrew', async () => {
    const rows = await context.connection.db
      .select()
      .from(followUps)
      .where(eq(followUps.userId, await userIdOf(context.connection.db, email('participant17'))));
    expect(rows.every((row) => row.sentAt === null)).toBe(true);
  });
});

describe('journal and sharing', () => {
  it('shows my reflections, skills practised and habit weeks, and exports them', async () => {
    const writer = await signedInAs('participant12');
    const journal = (await writer.request('GET', '/api/me/journal?timeZone=America/Toronto')).json();
    expect(journal.reflections).toHaveLength(1);
    expect(journal.skillsPractised).toEqual([{ skill: topic.skill, count: 1 }]);
    expect(journal.habit.weeks).toHaveLength(12);
    expect(journal.habit.weeks.some((week: { isPractised: boolean }) => week.isPractised)).toBe(true);
    const markdown = await writer.request('GET', '/api/me/journal/markdown');
    expect(markdown.headers['content-type']).toMatch(/text\/markdown/);
    expect(markdown.body).toContain('I used box breathing before two hard calls.');
    const pdf = await writer.request('GET', '/api/me/journal/pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shares a reflection with the group, named or anonymously, and only the group sees it', async () => {
    const writer = await signedInAs('participant12');
    const [reflection] = (await writer.request('GET', '/api/me/journal')).json().reflections;
    const path = `/api/groups/${circle.groupId}/shared-reflections`;
    const member = await signedInAs('participant13');
    expect((await member.request('GET', path)).json().reflections).toEqual([]);

    await writer.request('PUT', `/api/me/reflections/${reflection.id}/sharing`, {
      isShared: true,
      isAnonymous: true,
    });
    const anonymous = (await member.request('GET', path)).json().reflections;
    expect(anonymous).toMatchObject([
      { authorName: null, answer: 'I used box breathing before two hard calls.' },
    ]);

    await writer.request('PUT', `/api/me/reflections/${reflection.id}/sharing`, {
      isShared: true,
      isAnonymous: false,
    });
    const facilitator = await signedInClient(context.app, 'facilitator');
    expect((await facilitator.request('GET', path)).json().reflections[0].authorName).toMatch(/\S/);
    for (const role of ['coordinator', 'admin', 'leader', 'participant'] as const) {
      expect((await (await signedInClient(context.app, role)).request('GET', path)).statusCode, role).toBe(
        404,
      );
    }

    await writer.request('PUT', `/api/me/reflections/${reflection.id}/sharing`, { isShared: false });
    expect((await member.request('GET', path)).json().reflections).toEqual([]);
  });

  it('refuses to answer someone else’s follow-up, as if it did not exist', async () => {
    const stranger = await signedInAs('participant13');
    const theirs = await followUpOf('participant11', circle.meetingIds[0]!, 0);
    const response = await stranger.request('PUT', `/api/me/follow-ups/${theirs.id}/reflection`, {
      answer: 'Not mine',
      skillUsed: 'yes',
    });
    expect(response.statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/me/follow-ups/${theirs.id}`)).statusCode).toBe(404);
  });

  it('names what to fix in a bad reflection or schedule', async () => {
    const writer = await signedInAs('participant11');
    const own = await followUpOf('participant11', circle.meetingIds[0]!, 0);
    const response = await writer.request('PUT', `/api/me/follow-ups/${own.id}/reflection`, {
      answer: ' ',
      skillUsed: 'maybe',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/answer|skillUsed/);
    const coordinator = await signedInClient(context.app, 'coordinator');
    const patch = await coordinator.request('PATCH', `/api/programs/${circle.programId}`, {
      followUpDays: [7, 1],
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.message).toMatch(/increasing order/);
    const good = await coordinator.request('PATCH', `/api/programs/${circle.programId}`, {
      followUpDays: [2, 14],
    });
    expect(good.statusCode, good.body).toBe(200);
  });
});

describe('engagement for coordinators', () => {
  it('hides a share of attendees who reflected unless both those who did and those who did not are at least the minimum', async () => {
    // Meeting 1: eight attendees; meeting 2: five. Four more reflections on meeting 1.
    for (const name of ['participant11', 'participant13', 'participant14', 'participant15']) {
      const writer = await signedInAs(name);
      const followUp = await followUpOf(name, circle.meetingIds[0]!, 0);
      await writer.request('PUT', `/api/me/follow-ups/${followUp.id}/reflection`, {
        answer: 'It helped a little.',
        skillUsed: name === 'participant11' ? 'not-yet' : 'tried',
      });
    }
    // A third meeting with only three attendees.
    const small = await createGroupWithMeetings(context.connection.db, {
      organizationId,
      groupName: 'Small',
      memberEmails: [
        email('facilitator1'),
        email('participant20'),
        email('participant21'),
        email('participant22'),
      ],
      meetingStarts: [new Date('2027-01-13T17:00:00Z')],
    });
    await context.connection.db.insert(attendance).values(
      await Promise.all(
        ['participant20', 'participant21', 'participant22'].map(async (name) => ({
          organizationId,
          meetingId: small.meetingIds[0]!,
          userId: await userIdOf(context.connection.db, email(name)),
          status: 'present' as const,
          recordedAt: context.clock.now,
        })),
      ),
    );
    // Long after every reflection period here has closed, so the figures are released.
    context.clock.now = afterReflectionPeriods;
    const coordinator = await signedInClient(context.app, 'coordinator');
    const engagement = (
      await coordinator.request('GET', `/api/programs/${circle.programId}/engagement`)
    ).json();
    expect(engagement.minimumGroupSize).toBe(5);
    const first = engagement.meetings.find(
      (row: { meetingId: string }) => row.meetingId === circle.meetingIds[0],
    );
    // Five of eight reflected: the three who did not are too few to be told apart, so no share.
    expect(first.reflected).toMatchObject({ isShown: false, explanation: /leaves out/ });
    expect(JSON.stringify(first)).not.toMatch(/0\.625/);
    const smallProgram = (
      await coordinator.request('GET', `/api/programs/${small.programId}/engagement`)
    ).json();
    expect(smallProgram.meetings[0].reflected).toMatchObject({ isShown: false, explanation: /fewer than 5/ });
    expect(JSON.stringify(smallProgram)).not.toMatch(/"share"/);
  });
});
