import { type ConstructorOptions, fromPglite, type PGliteLike, PgBoss } from 'pg-boss';
import pino from 'pino';
import type { Database, DatabaseConnection } from '../db/connect.ts';
import { upkeepEmbeddedDatabase } from '../db/embedded-upkeep.ts';
import { type DeliveryReport, deliverOutbox } from '../notifications/mail/deliver-outbox.ts';
import { loadMailSettings, type MailSettings } from '../notifications/mail/mail-settings.ts';
import { createMailTransport, type MailTransport } from '../notifications/mail/transport.ts';
import { onEmailQueued, setNotificationLinkBase } from '../notifications/notify.ts';
import { deliverPushMessages, type PushDeliveryReport } from '../notifications/push/deliver-push.ts';
import { onPushQueued } from '../notifications/push/queue-push.ts';
import type { Config } from '../server/config.ts';
import { safeErrorLogging, toLoggedError } from '../server/log-safe-error.ts';
import { type FeedbackRequestReport, sendFeedbackRequests } from '../server/services/feedback-requests.ts';
import { type InvitationReminderReport, remindPendingInvitations } from '../server/services/invitations.ts';
import { refreshOutcomeSnapshots, type SnapshotReport } from '../server/services/outcomes.ts';
import { cleanUpSignIns } from '../server/services/sign-in-clean-up.ts';
import { type AssessmentReminderReport, sendAssessmentReminders } from './assessment-reminders.ts';
import { type ReminderReport, sendMeetingReminders } from './meeting-reminders.ts';
import { type FollowUpReport, sendReflectionFollowUps } from './reflection-follow-ups.ts';

/** What each job returns when it runs. */
export type JobResults = {
  'deliver-outbox': DeliveryReport;
  'deliver-push': PushDeliveryReport;
  'meeting-reminders': ReminderReport;
  'feedback-requests': FeedbackRequestReport;
  'reflection-follow-ups': FollowUpReport;
  'assessment-reminders': AssessmentReminderReport;
  'outcome-snapshots': SnapshotReport;
  'invitation-reminders': InvitationReminderReport;
  'sign-in-clean-up': { expiredSsoRecords: number };
  'database-upkeep': { tables: number };
};
export type JobName = keyof JobResults;

/** When each job runs (cron, UTC). deliver-outbox and deliver-push also run about a second after notify queues. */
export const jobSchedules: Record<JobName, string> = {
  'deliver-outbox': '* * * * *',
  'deliver-push': '* * * * *',
  'meeting-reminders': '*/5 * * * *',
  'feedback-requests': '*/5 * * * *',
  'reflection-follow-ups': '*/5 * * * *',
  'assessment-reminders': '*/15 * * * *',
  'outcome-snapshots': '*/5 * * * *',
  'invitation-reminders': '17 * * * *',
  'sign-in-clean-up': '41 * * * *',
  'database-upkeep': '53 * * * *',
};

export type JobLog = {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
};

export type StartJobsOptions = {
  db: Database;
  /** The open database: pg-boss keeps its jobs in the same one (schema `pgboss`). */
  connection: Pick<DatabaseConnection, 'kind' | 'db'>;
  config: Config;
  now?: () => Date;
  /** SMTP settings; read from SMTP_URL and SMTP_FROM when not given. */
  mail?: MailSettings;
  /** Replaces the SMTP transport built from `mail` (null: send nothing, as without SMTP_URL). */
  transport?: MailTransport | null;
  log?: JobLog;
  /** How often an idle worker asks for work; lower in tests. */
  pollingIntervalSeconds?: number;
};

export type Jobs = {
  /** Runs one job here and now (not through the queue) and resolves with what it did. */
  runNow<Name extends JobName>(name: Name): Promise<JobResults[Name]>;
  /** Stops taking work, lets running jobs finish, and leaves the database open. */
  stop(): Promise<void>;
};

/** How long after notify() queues e-mail delivery starts: its transaction has committed by then. */
const deliverySoonMs = 1_000;

/**
 * Starts Tend's background work on pg-boss, in the application's own database (PostgreSQL, or the
 * embedded PGlite through its single connection). Every job is safe to run twice or on two servers at
 * once: what it does is decided under database locks, so runNow and a restart never repeat an e-mail
 * or a reminder.
 */
export async function startJobs(options: StartJobsOptions): Promise<Jobs> {
  const { db, config } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? pino({ level: config.logLevel, ...safeErrorLogging });
  const mail = options.mail ?? loadMailSettings();
  const ownsTransport = options.transport === undefined;
  const transport = options.transport === undefined ? createMailTransport(mail) : options.transport;
  setNotificationLinkBase(config.publicUrl);

  const handlers: { [Name in JobName]: () => Promise<JobResults[Name]> } = {
    'deliver-outbox': () =>
      transport ? deliverOutbox(db, transport, now()) : Promise.resolve({ sent: 0, failed: 0 }),
    'deliver-push': () => deliverPushMessages(db, { publicUrl: config.publicUrl, now: now() }),
    'meeting-reminders': () => sendMeetingReminders(db, now()),
    'feedback-requests': () => sendFeedbackRequests(db, now()),
    'reflection-follow-ups': () => sendReflectionFollowUps(db, now()),
    'assessment-reminders': () => sendAssessmentReminders(db, now()),
    'outcome-snapshots': () => refreshOutcomeSnapshots(db, now()),
    'invitation-reminders': () => remindPendingInvitations(db, now()),
    'sign-in-clean-up': () => cleanUpSignIns(db, now(), config.session),
    // PostgreSQL's autovacuum does this; the embedded database has none.
    'database-upkeep': () =>
      options.connection.kind === 'pglite' ? upkeepEmbeddedDatabase(db) : Promise.resolve({ tables: 0 }),
  };

  // One run of a job at a time in this process; across processes the database locks decide.
  const running = new Map<JobName, Promise<unknown>>();
  let isStopped = false;
  const runExclusive = <Name extends JobName>(name: Name): Promise<JobResults[Name]> => {
    const previous = running.get(name) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => handlers[name]());
    running.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };

  const boss = new PgBoss({ ...bossDatabase(options.connection, config), schedule: true, supervise: true });
  boss.on('error', (error: Error) => log.error({ err: toLoggedError(error) }, 'job queue error'));
  await boss.start();
  for (const name of Object.keys(jobSchedules) as JobName[]) {
    // stately: at most one run waiting and one running, however many triggers arrive.
    await boss.createQueue(name, { policy: 'stately', retryLimit: 0, expireInSeconds: 15 * 60 });
    await boss.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async () => {
      try {
        const result = await runExclusive(name);
        log.info({ job: name, result }, 'job finished');
        return result;
      } catch (error) {
        // Never the message: a failed query quotes its parameters, e-mail addresses among them.
        log.error({ job: name, err: toLoggedError(error) }, 'job failed');
        throw error;
      }
    });
    await boss.schedule(name, jobSchedules[name]);
  }

  let pushTimer: NodeJS.Timeout | undefined;
  const stopListeningForPush = onPushQueued(() => {
    if (isStopped || pushTimer) return;
    pushTimer = setTimeout(() => {
      pushTimer = undefined;
      if (isStopped) return;
      boss
        .send('deliver-push')
        .catch((error: Error) => log.error({ err: toLoggedError(error) }, 'could not queue push delivery'));
    }, deliverySoonMs);
    pushTimer.unref();
  });

  let deliveryTimer: NodeJS.Timeout | undefined;
  const stopListening = onEmailQueued(() => {
    if (!transport || isStopped || deliveryTimer) return;
    deliveryTimer = setTimeout(() => {
      deliveryTimer = undefined;
      if (isStopped) return;
      boss
        .send('deliver-outbox')
        .catch((error: Error) => log.error({ err: toLoggedError(error) }, 'could not queue delivery'));
    }, deliverySoonMs);
    deliveryTimer.unref();
  });

  return {
    runNow(name) {
      if (isStopped) return Promise.reject(new Error('The jobs were stopped.'));
      return runExclusive(name);
    },
    async stop() {
      if (isStopped) return;
      isStopped = true;
      stopListening();
      stopListeningForPush();
      clearTimeout(deliveryTimer);
      clearTimeout(pushTimer);
      await boss.stop({ graceful: true, timeout: 30_000 });
      await Promise.all(running.values());
      if (ownsTransport) transport?.close();
    },
  };
}

/** pg-boss on the same database: PGlite through its one connection, PostgreSQL through a small pool of its own. */
function bossDatabase(
  connection: Pick<DatabaseConnection, 'kind' | 'db'>,
  config: Config,
): ConstructorOptions {
  const client = (connection.db as unknown as { $client: unknown }).$client;
  if (connection.kind === 'pglite') return { db: fromPglite(client as PGliteLike), backend: 'pglite' };
  const connectionString =
    (client as { options?: { connectionString?: string } }).options?.connectionString ?? config.databaseUrl;
  if (!connectionString) throw new Error('startJobs needs the PostgreSQL connection string.');
  return { connectionString, max: 3, application_name: 'tend-jobs' };
}
