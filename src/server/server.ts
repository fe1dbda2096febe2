import type { Database } from '../db/connect.ts';
import { type ConnectOptions, connect } from '../db/connect.ts';
import { type Jobs, startJobs } from '../jobs/start-jobs.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { addressOf, loadMailSettings, nameOf } from './mail/mail-settings.ts';
import { demoPassword, demoSignIns, ensureDemoOrganization } from './services/demo-organization.ts';

/** What a started server holds, for a host process such as the browser tests' server. */
export type RunningServer = { db: Database; jobs: Jobs };

/**
 * Starts Tend: database, demo data on first run, background jobs, HTTP on one port; closes cleanly
 * on SIGINT/SIGTERM.
 */
export async function startServer(): Promise<RunningServer> {
  const config = loadConfig();
  const mail = loadMailSettings();
  const options: ConnectOptions = config.databaseUrl
    ? { databaseUrl: config.databaseUrl }
    : { dataDirectory: config.dataDirectory };
  const connection = await connect(options);
  const isNew = await ensureDemoOrganization(connection.db);
  const app = await buildApp({
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
  const database = connection.kind === 'pglite' ? `embedded PGlite in ${config.dataDirectory}` : 'PostgreSQL';
  console.log(
    [
      '',
      `Tend is running at ${config.publicUrl}  (database: ${database})`,
      isNew ? 'Created the demo organisation "Riverside Health Sciences (demo)".' : '',
      `Demo sign-in: ${demoSignIns.coordinator} / ${demoPassword}`,
      `  (also ${demoSignIns.admin}, ${demoSignIns.facilitator}, ${demoSignIns.participant}, ${demoSignIns.leader}; same password)`,
      `API documentation: ${config.publicUrl}/api/docs`,
      '',
    ]
      .filter((line, index, lines) => line !== '' || index === 0 || index === lines.length - 1)
      .join('\n'),
  );
  return { db: connection.db, jobs };
}
