import type { Database } from '../db/connect.ts';
import { type ConnectOptions, connect } from '../db/connect.ts';
import { type Jobs, startJobs } from '../jobs/start-jobs.ts';
import { addressOf, loadMailSettings, nameOf } from '../notifications/mail/mail-settings.ts';
import { ensurePushKeys } from '../notifications/push/push-keys.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { toLoggedError } from '../server/log-safe-error.ts';
import { embeddedDatabaseQueue, postgresQueue } from '../server/plugins/request-queue.ts';
import {
  countDemoAccounts,
  demoEmailDomain,
  demoPassword,
  demoSignIns,
} from '../server/services/demo-organization.ts';
import { countOrganizations } from '../server/services/organization-setup.ts';
import { ensureDemo } from './demo/create-demo.ts';

export class DemoAccountsInProductionError extends Error {}

/**
 * The demo's password is printed in the README, so its accounts are an open door anywhere but a
 * developer's machine: development creates them, production refuses to run beside them.
 */
async function prepareDemoData(
  db: Database,
  environment: string,
  withTerm: boolean,
): Promise<{ isNew: boolean; hasDemo: boolean }> {
  const isNew = environment === 'development' && (await ensureDemo(db, { withTerm, now: new Date() }));
  const demoAccounts = await countDemoAccounts(db);
  if (environment === 'production' && demoAccounts > 0) {
    throw new DemoAccountsInProductionError(
      `This database holds ${demoAccounts} demo account(s) (@${demoEmailDomain}) whose password is public, ` +
        'so Tend will not start in production. Remove the demo organisation with `npm run tend -- demo --remove` ' +
        '(with the same DATABASE_URL or DATA_DIR), then start again.',
    );
  }
  return { isNew, hasDemo: demoAccounts > 0 };
}

/** What a started server holds, for a host process such as the browser tests' server. */
export type RunningServer = { db: Database; jobs: Jobs };

/**
 * Starts Tend: database, demo data on first run, background jobs, HTTP on one port; closes cleanly
 * on SIGINT/SIGTERM.
 */
export async function startServer(
  startOptions: {
    demoTerm: boolean;
    /** The web app being built meanwhile (`npm start`): the server waits for it before it listens. */
    webReady?: Promise<void>;
  } = { demoTerm: true },
): Promise<RunningServer> {
  const config = loadConfig();
  const mail = loadMailSettings();
  const options: ConnectOptions = config.databaseUrl
    ? { databaseUrl: config.databaseUrl }
    : { dataDirectory: config.dataDirectory };
  const connection = await connect(options);
  let demo: { isNew: boolean; hasDemo: boolean };
  try {
    demo = await prepareDemoData(connection.db, config.environment, startOptions.demoTerm);
  } catch (error) {
    await connection.close();
    throw error;
  }
  try {
    await startOptions.webReady;
  } catch (error) {
    await connection.close();
    throw error;
  }
  const { isNew, hasDemo } = demo;
  const hasOrganization = (await countOrganizations(connection.db)) > 0;
  // Made at first start, not on a person's first subscribe: every server then pushes with the same key.
  await ensurePushKeys(connection.db);
  const app = await buildApp({
    requestQueue: connection.kind === 'pglite' ? embeddedDatabaseQueue : postgresQueue,
    db: connection.db,
    config,
    organizer: { name: nameOf(mail.from), email: addressOf(mail.from) },
  });
  const jobs = await startJobs({ db: connection.db, connection, config, mail, log: app.log });

  let isClosing = false;
  const close = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info(`${signal} received, closing`);
    await app.close();
    await jobs.stop();
    await connection.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  // The embedded database's statistics are as old as the last upkeep, and a new one (the demo just
  // made, a restored backup, people imported while it ran) has none or stale ones: gathered now,
  // between the first requests, rather than guessed until the hourly run.
  if (connection.kind === 'pglite') {
    jobs.runNow('database-upkeep').catch((error: unknown) => {
      app.log.error({ err: toLoggedError(error) }, 'database upkeep failed');
    });
  }

  const database = connection.kind === 'pglite' ? `embedded PGlite in ${config.dataDirectory}` : 'PostgreSQL';
  console.log(
    [
      '',
      `Tend is running at ${config.publicUrl}  (database: ${database})`,
      isNew
        ? `Created the demo organisation "Riverside Health Sciences (demo)"${startOptions.demoTerm ? ', with a term in progress' : ''}.`
        : '',
      ...(hasDemo
        ? [
            `Demo sign-in: ${demoSignIns.coordinator} / ${demoPassword}`,
            `  (also ${demoSignIns.admin}, ${demoSignIns.facilitator}, ${demoSignIns.participant}, ${demoSignIns.leader}; same password)`,
          ]
        : []),
      hasOrganization
        ? ''
        : 'No organisation yet. Create one and its first admin with:\n' +
          '  npm run tend -- setup --organization "Name" --time-zone Area/City --admin-email you@example.org',
      `API documentation: ${config.publicUrl}/api/docs`,
      '',
    ]
      .filter((line, index, lines) => line !== '' || index === 0 || index === lines.length - 1)
      .join('\n'),
  );
  return { db: connection.db, jobs };
}
