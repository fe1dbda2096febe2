import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseConnection } from '../src/db/connect.ts';
import { enrollments, meetings, notifications, outbox, users } from '../src/db/schema.ts';
import { reminderLink } from '../src/jobs/meeting-reminders.ts';
import { type Jobs, startJobs } from '../src/jobs/start-jobs.ts';
import { notify } from '../src/notifications/notify.ts';
import { type Config, loadConfig } from '../src/server/config.ts';
import { ensureDemoOrganization } from '../src/server/services/demo-organization.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  type GroupFixture,
  hoursFrom,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import { startSmtpSink } from './helpers/smtp-sink.ts';
import { openTestDatabase } from './helpers/test-app.ts';

let connection: DatabaseConnection;
let config: Config;
let organizationId: string;
const clock = { now: new Date('2027-01-11T12:00:00Z') };
const quietLog = { info() {}, error() {} };
const started: Jobs[] = [];

let soon: GroupFixture;
let draft: GroupFixture;

async function start(options: { smtpUrl?: string } = {}): Promise<Jobs> {
  const jobs = await startJobs({
    db: connection.db,
    connection,
    config,
    now: () => clock.now,
    mail: { smtpUrl: options.smtpUrl, from: 'Tend <no-reply@tend.local>' },
    log: quietLog,
    pollingIntervalSeconds: 0.5,
  });
  started.push(jobs);
  return jobs;
}

async function remindersOf(meetingId: string) {
  return connection.db
    .select({ userId: notifications.userId, title: notifications.title, body: notifications.body })
    .from(notifications)
    .where(
      and(eq(notifications.kind, 'meeting-reminder'), like(notifications.link, `/meetings/${meetingId}?%`)),
    );
}

beforeAll(async () => {
  connection = await openTestDatabase();
  await ensureDemoOrganization(connection.db);
  config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://tend.example.org' });
  const { db } = connection;
  organizationId = await demoOrganizationId(db);
  soon = await createGroupWithMeetings(db, {
    organizationId,
    groupName: 'Group A',
    memberEmails: [
      'facilitator1@demo.tend.test',
      'participant1@demo.tend.test',
      'participant2@demo.tend.test',
      'participant3@demo.tend.test',
      'participant4@demo.tend.test',
    ],
    // In 3 hours (due), in 2 days (not yet), and in 5 hours but cancelled.
    meetingStarts: [hoursFrom(clock.now, 3), hoursFrom(clock.now, 48), hoursFrom(clock.now, 5)],
  });
  await db.update(meetings).set({ cancelledAt: clock.now }).where(eq(meetings.id, soon.meetingIds[2]!));
  // participant3 withdrew (still listed in the group here, to prove the reminder checks), participant4 is disabled.
  await db
    .update(enrollments)
    .set({ status: 'withdrawn', withdrawnAt: clock.now })
    .where(
      and(
        eq(enrollments.programId, soon.programId),
        eq(enrollments.userId, await userIdOf(db, 'participant3@demo.tend.test')),
      ),
    );
  await db
    .update(users)
    .set({ disabledAt: clock.now })
    .where(eq(users.id, await userIdOf(db, 'participant4@demo.tend.test')));
  draft = await createGroupWithMeetings(db, {
    organizationId,
    groupName: 'Draft group',
    groupStatus: 'draft',
    memberEmails: ['participant5@demo.tend.test'],
    meetingStarts: [hoursFrom(clock.now, 2)],
  });
});

afterAll(async () => {
  for (const jobs of started) await jobs.stop();
  await connection?.close();
});

describe('meeting reminders', () => {
  it('remind each member of a published group once, however often the job runs', async () => {
    const jobs = await start();
    const first = await jobs.runNow('meeting-reminders');
    expect(first).toEqual({ meetings: 1, reminded: 3 });
    expect(await jobs.runNow('meeting-reminders')).toEqual({ meetings: 0, reminded: 0 });

    const reminders = await remindersOf(soon.meetingIds[0]!);
    const expected = await Promise.all(
      ['facilitator1', 'participant1', 'participant2'].map((name) =>
        userIdOf(connection.db, `${name}@demo.tend.test`),
      ),
    );
    expect(reminders.map((reminder) => reminder.userId).sort()).toEqual(expected.sort());
    expect(reminders[0]?.title).toMatch(/^Reminder: Group A meets /);
    expect(reminders[0]?.body).toContain('Room 4.12');
    // No other person's name in what everyone receives.
    expect(reminders[0]?.body).not.toMatch(/Amara|Okafor|participant/);
    const mails = await connection.db.select().from(outbox).where(eq(outbox.subject, reminders[0]!.title));
    expect(mails).toHaveLength(3);
    expect(mails[0]?.text).toContain(`https://tend.example.org/meetings/${soon.meetingIds[0]}?starts=`);
  });

  it('skip withdrawn people, disabled accounts, cancelled meetings, unpublished groups and later meetings', async () => {
    expect(await remindersOf(soon.meetingIds[1]!)).toEqual([]);
    expect(await remindersOf(soon.meetingIds[2]!)).toEqual([]);
    expect(await remindersOf(draft.meetingIds[0]!)).toEqual([]);
  });

  it('are not sent again after a restart', async () => {
    const before = started.pop();
    await before?.stop();
    await expect(before?.runNow('meeting-reminders')).rejects.toThrow(/stopped/);
    const restarted = await start();
    expect(await restarted.runNow('meeting-reminders')).toEqual({ meetings: 0, reminded: 0 });
    expect(await remindersOf(soon.meetingIds[0]!)).toHaveLength(3);
  });

  it('are written once when two servers run the job at the same moment', async () => {
    const later = await createGroupWithMeetings(connection.db, {
      organizationId,
      groupName: 'Group C',
      memberEmails: ['participant6@demo.tend.test', 'participant7@demo.tend.test'],
      meetingStarts: [hoursFrom(clock.now, 30)],
    });
    clock.now = hoursFrom(clock.now, 10);
    const other = await start();
    const [one, two] = await Promise.all([
      started[0]!.runNow('meeting-reminders'),
      other.runNow('meeting-reminders'),
    ]);
    expect(one.reminded + two.reminded).toBe(2);
    expect(await remindersOf(later.meetingIds[0]!)).toHaveLength(2);
  });

  it("wait until the meeting is within its program's own reminder window", async () => {
    const short = await createGroupWithMeetings(connection.db, {
      organizationId,
      groupName: 'Group D',
      reminderHours: 2,
      memberEmails: ['participant8@demo.tend.test'],
      meetingStarts: [hoursFrom(clock.now, 3)],
    });
    await started[0]!.runNow('meeting-reminders');
    expect(await remindersOf(short.meetingIds[0]!)).toHaveLength(0);
    clock.now = hoursFrom(clock.now, 1.5);
    await started[0]!.runNow('meeting-reminders');
    expect(await remindersOf(short.meetingIds[0]!)).toHaveLength(1);
  });

  it('remind again of a meeting moved after its reminder, for its new time', async () => {
    const moved = await createGroupWithMeetings(connection.db, {
      organizationId,
      groupName: 'Group E',
      memberEmails: ['participant10@demo.tend.test'],
      meetingStarts: [hoursFrom(clock.now, 4)],
    });
    const meetingId = moved.meetingIds[0]!;
    await started[0]!.runNow('meeting-reminders');
    const newStart = hoursFrom(clock.now, 6);
    await connection.db
      .update(meetings)
      .set({ startsAt: newStart, endsAt: hoursFrom(newStart, 1) })
      .where(eq(meetings.id, meetingId));
    await started[0]!.runNow('meeting-reminders');
    await started[0]!.runNow('meeting-reminders');
    const links = await connection.db
      .select({ link: notifications.link })
      .from(notifications)
      .where(like(notifications.link, `/meetings/${meetingId}?%`));
    expect(links.map((row) => row.link).sort()).toEqual(
      [
        reminderLink({ id: meetingId, startsAt: hoursFrom(clock.now, 4) }),
        reminderLink({ id: meetingId, startsAt: newStart }),
      ].sort(),
    );
  });
});

describe('e-mail delivery', () => {
  it('leaves e-mail in the outbox when no SMTP server is configured', async () => {
    const jobs = started[0]!;
    expect(await jobs.runNow('deliver-outbox')).toEqual({ sent: 0, failed: 0 });
    const unsent = await connection.db.select().from(outbox);
    expect(unsent.length).toBeGreaterThan(0);
    expect(unsent.every((mail) => mail.sentAt === null)).toBe(true);
  });

  it('sends queued e-mail through the job queue soon after notify, without waiting for the minute', async () => {
    for (const jobs of started.splice(0)) await jobs.stop();
    const sink = await startSmtpSink();
    try {
      await start({ smtpUrl: sink.url });
      await notify(connection.db, {
        organizationId,
        userIds: [await userIdOf(connection.db, 'participant9@demo.tend.test')],
        kind: 'enrolment',
        title: 'You joined Resilience circles',
        body: 'You will hear when your group is set.',
      });
      // The server hears the message before the sender records it as sent: wait for both.
      await vi.waitFor(
        async () => {
          expect(sink.received.some((mail) => mail.to.includes('participant9@demo.tend.test'))).toBe(true);
          const [mail] = await connection.db
            .select()
            .from(outbox)
            .where(eq(outbox.to, 'participant9@demo.tend.test'));
          expect(mail?.sentAt).not.toBeNull();
        },
        { timeout: 20_000, interval: 200 },
      );
    } finally {
      for (const jobs of started.splice(0)) await jobs.stop();
      await sink.close();
    }
  });
});
