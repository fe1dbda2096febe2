import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, outbox } from '../src/db/schema.ts';
import { sendAssessmentReminders } from '../src/jobs/assessment-reminders.ts';
import { type Jobs, startJobs } from '../src/jobs/start-jobs.ts';
import { userIdOf } from './helpers/meeting-fixtures.ts';
import { createPublishedProgram, enrolDemoPeople } from './helpers/programs.ts';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let coordinator: TestClient;
let people: Map<string, TestClient>;
let programId: string;
let jobs: Jobs;

const hours = (count: number) => new Date(context.clock.now.getTime() + count * 3_600_000).toISOString();

async function remindersFor(windowId: string) {
  return context.connection.db
    .select({ userId: notifications.userId, title: notifications.title })
    .from(notifications)
    .where(
      and(
        eq(notifications.kind, 'assessment-reminder'),
        eq(notifications.link, `/questionnaires/${windowId}`),
      ),
    );
}

async function schedule(body: Record<string, unknown>): Promise<string> {
  const response = await coordinator.request('POST', '/api/assessment-windows', {
    instrumentId: 'who-5',
    title: 'Check-in',
    kind: 'end-of-term',
    opensAt: hours(-1),
    closesAt: hours(24 * 14),
    ...body,
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().windows[0].id;
}

beforeAll(async () => {
  context = await createTestApp();
  coordinator = await signedInClient(context.app, 'coordinator');
  programId = await createPublishedProgram(coordinator, context.clock.now);
  people = await enrolDemoPeople(context.app, programId, 3);
  jobs = await startJobs({
    db: context.connection.db,
    connection: context.connection,
    config: context.config,
    now: () => context.clock.now,
    mail: { smtpUrl: undefined, from: 'Tend <no-reply@tend.local>' },
    log: { info() {}, error() {} },
  });
});
afterAll(async () => {
  await jobs?.stop();
  await context.close();
});

describe('assessment reminders', () => {
  it('remind each person without a submitted response exactly once per window, however often the job runs', async () => {
    const windowId = await schedule({ programId, reminderAfterDays: 0 });
    const answered = people.get('participant1@demo.tend.test') as TestClient;
    const submitted = await answered.request('POST', `/api/me/assessments/${windowId}/submit`, {
      answers: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3 },
    });
    expect(submitted.statusCode).toBe(200);
    // A draft is not an answer: participant2 is still reminded.
    await (people.get('participant2@demo.tend.test') as TestClient).request(
      'PUT',
      `/api/me/assessments/${windowId}/draft`,
      { answers: { 1: 2 } },
    );

    const first = await jobs.runNow('assessment-reminders');
    expect(first).toEqual({ windows: 1, reminded: 4 });
    expect(await jobs.runNow('assessment-reminders')).toEqual({ windows: 0, reminded: 0 });
    const reminders = await remindersFor(windowId);
    const expected = await Promise.all(
      ['facilitator1', 'facilitator2', 'participant2', 'participant3'].map((name) =>
        userIdOf(context.connection.db, `${name}@demo.tend.test`),
      ),
    );
    expect(reminders.map((reminder) => reminder.userId).sort()).toEqual(expected.sort());
    const mails = await context.connection.db
      .select()
      .from(outbox)
      .where(eq(outbox.subject, reminders[0]?.title ?? ''));
    expect(mails).toHaveLength(4);
    expect(mails[0]?.text).toContain(`/questionnaires/${windowId}`);
  });

  it('never doubles a reminder when two runs race', async () => {
    const windowId = await schedule({ programId, reminderAfterDays: 0, title: 'Race' });
    const runs = await Promise.all([
      sendAssessmentReminders(context.connection.db, context.clock.now),
      sendAssessmentReminders(context.connection.db, context.clock.now),
    ]);
    expect(runs.reduce((sum, run) => sum + run.reminded, 0)).toBe(5);
    expect(await remindersFor(windowId)).toHaveLength(5);
  });

  it('waits the chosen number of days, skips windows without reminders, and reaches the whole organisation', async () => {
    const organizationWide = await schedule({ programId: null, reminderAfterDays: 2, title: 'Everyone' });
    const silent = await schedule({ programId, remindersEnabled: false, title: 'Silent' });
    expect((await jobs.runNow('assessment-reminders')).reminded).toBe(0);
    context.clock.now = new Date(context.clock.now.getTime() + 2 * 86_400_000);
    const report = await jobs.runNow('assessment-reminders');
    // 40 participants and 4 facilitators; the coordinator, leader and admin are not asked.
    expect(report).toEqual({ windows: 1, reminded: 44 });
    expect(await remindersFor(silent)).toHaveLength(0);
    expect(await remindersFor(organizationWide)).toHaveLength(44);
  });
});
