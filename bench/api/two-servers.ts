import { Agent, createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { demoPassword } from '../../src/core/accounts/password-policy.ts';
import { startSmtpSink } from '../../test/helpers/smtp-sink.ts';
import { createBenchDatabase } from '../helpers/databases.ts';
import { freePort, type StartedProcess, startProcess, tendCommand } from '../helpers/processes.ts';
import { reportRow } from '../helpers/summary.ts';
import { signIn } from './http-session.ts';
import { type Load, measureLoad, medianLoad } from './load.ts';
import { isoDay, seedEnrolments, seedThroughApi } from './seed.ts';

const serverUrl = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
if (!serverUrl) {
  console.log(
    'Two servers need one PostgreSQL: set DATABASE_URL=postgres://user:password@host:5432/db (CREATEDB).',
  );
  process.exit(0);
}

const isQuick = process.argv.includes('--quick');
const people = isQuick ? 300 : 1_000;
const programCount = 4;
const seconds = isQuick ? 5 : 10;
const runs = isQuick ? 1 : 3;
const connections = 50;
const path = '/api/programs';

/** A round-robin HTTP proxy over node:http; the list of servers behind it can change between runs. */
function startProxy(): Promise<{ server: Server; port: number; upstreams: number[] }> {
  const upstreams: number[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = createServer((incoming, outgoing) => {
    const port = upstreams[next++ % upstreams.length] as number;
    const proxied = forward(
      {
        host: '127.0.0.1',
        port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
        agent,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    proxied.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(proxied);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port, upstreams }),
    ),
  );
}

const database = await createBenchDatabase(serverUrl, 'two_servers');
const databaseUrl = database.url;

const mail = await startSmtpSink();
const proxy = await startProxy();
const servers: StartedProcess[] = [];
const startTend = async (port: number) => {
  const server = await startProcess(
    [tendCommand, 'serve'],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      SMTP_URL: mail.url,
    },
    'Tend is running',
  );
  servers.push(server);
  return server;
};

try {
  console.log(
    `--- two servers, one PostgreSQL: ${people.toLocaleString('en')} people, ${programCount} programs ---`,
  );
  const firstPort = await freePort();
  const first = `http://127.0.0.1:${firstPort}`;
  await startTend(firstPort);
  // Terms start today and reminders go out a week ahead, so every published group's first meeting is due.
  const programIds = await seedThroughApi(first, people, programCount, (now) => ({
    termStart: isoDay(now, 0),
    reminderHours: 168,
  }));
  await seedEnrolments({ databaseUrl }, programIds);
  const coordinator = await signIn(first, 'coordinator@demo.tend.test', demoPassword);
  for (const programId of programIds) {
    await coordinator.request('POST', `/api/programs/${programId}/groups/form`, {});
  }
  // Half the programs publish now; the other half while both servers run and serve.
  const half = Math.ceil(programIds.length / 2);
  for (const programId of programIds.slice(0, half)) {
    await coordinator.request('POST', `/api/programs/${programId}/groups/publish`);
  }
  const participant = await signIn(first, 'participant1@demo.tend.test', demoPassword);
  const headers = { cookie: participant.cookie };

  const measure = async (): Promise<Load> => {
    const target = `http://127.0.0.1:${proxy.port}${path}`;
    await (await fetch(target, { headers })).arrayBuffer();
    const results: Load[] = [];
    for (let run = 0; run < runs; run++)
      results.push(await measureLoad(target, connections, seconds, headers));
    return medianLoad(results);
  };

  proxy.upstreams.push(firstPort);
  const one = await measure();

  const secondPort = await freePort();
  await startTend(secondPort);
  proxy.upstreams.push(secondPort);
  const two = await measure();
  // Both processes take jobs from the same pg-boss queues; asking often keeps both busy with them.
  const boss = new PgBoss({ connectionString: databaseUrl, schedule: false, supervise: false, max: 2 });
  boss.on('error', () => undefined);
  await boss.start();
  let isAsking = true;
  const asking = (async () => {
    while (isAsking) {
      for (const name of [
        'meeting-reminders',
        'deliver-outbox',
        'feedback-requests',
        'reflection-follow-ups',
      ]) {
        await boss.send(name).catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  const publishing = (async () => {
    const viaProxy = await signIn(
      `http://127.0.0.1:${proxy.port}`,
      'coordinator@demo.tend.test',
      demoPassword,
    );
    for (const programId of programIds.slice(half)) {
      await viaProxy.request('POST', `/api/programs/${programId}/groups/publish`);
    }
  })();
  const duringJobs = await measure();
  await publishing;

  // Let the due reminders and e-mail finish on both servers before counting.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const countRow = async (statement: string) => Number((await client.query(statement)).rows[0]?.count ?? 0);
  const deadline = Date.now() + 120_000;
  let unsent = Number.POSITIVE_INFINITY;
  let reminders = 0;
  while (Date.now() < deadline) {
    unsent = await countRow('select count(*) from outbox where sent_at is null and attempts < 3');
    const nowReminders = await countRow("select count(*) from notifications where kind = 'meeting-reminder'");
    if (unsent === 0 && nowReminders > 0 && nowReminders === reminders) break;
    reminders = nowReminders;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  isAsking = false;
  await asking;
  await boss.stop({ graceful: false, timeout: 5_000 });
  const duplicateNotices = await countRow(
    `select coalesce(sum(copies - 1), 0) as count from (
       select count(*) as copies from notifications where kind = 'meeting-reminder'
       group by user_id, link) as each_reminder`,
  );
  const outboxRows = await countRow('select count(*) from outbox');
  await client.end();

  const subjectOf = (raw: string) =>
    /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
  const copies = new Map<string, number>();
  for (const message of mail.received) {
    for (const to of message.to) {
      const key = `${to}\n${subjectOf(message.raw)}`;
      copies.set(key, (copies.get(key) ?? 0) + 1);
    }
  }
  const duplicateMails = [...copies.values()].reduce((sum, count) => sum + count - 1, 0);
  const ratio = two.requestsPerSecond / one.requestsPerSecond;
  const line = (label: string, load: Load) =>
    `  ${label.padEnd(40)} ${load.requestsPerSecond.toFixed(0).padStart(6)} req/s  p97.5 ${load.latencyP97_5Ms.toFixed(0).padStart(5)} ms  failures ${load.failures}`;
  console.log(`${connections} connections on GET ${path} (participant), through a round-robin proxy`);
  console.log(line('one Tend process (reference)', one));
  console.log(line('two Tend processes, one database', two));
  console.log(line('two, while publishing and running jobs', duringJobs));
  console.log(
    `  two ÷ one: ×${ratio.toFixed(2)}${ratio >= 1.6 ? '  [target ≥ 1.6× met]' : '  [target ≥ 1.6× not met]'}`,
  );
  console.log(
    `  e-mail: ${mail.received.length} received over SMTP (${outboxRows} queued, ${Number.isFinite(unsent) ? unsent : '?'} unsent), ` +
      `${duplicateMails} duplicate(s) per recipient and subject`,
  );
  console.log(
    `  meeting reminders: ${reminders} notices, ${duplicateNotices} duplicate(s) per person and meeting`,
  );
  const failures = one.failures + two.failures + duringJobs.failures;
  const figure = (name: string) => `${name}: GET ${path} @ ${connections} conns`;
  reportRow({
    bench: 'two-servers',
    figure: figure('two processes'),
    value: two.requestsPerSecond,
    unit: 'req/s',
    reference: 'one process',
    referenceValue: one.requestsPerSecond,
    target: '≥ 1.6×',
    met: ratio >= 1.6,
  });
  reportRow({
    bench: 'two-servers',
    figure: figure('two, publishing and running jobs'),
    value: duringJobs.requestsPerSecond,
    unit: 'req/s',
    reference: 'one process',
    referenceValue: one.requestsPerSecond,
    met: null,
  });
  for (const [name, value, reference] of [
    ['failures (errors, timeouts, non-2xx), all three runs', failures, undefined],
    [
      'duplicate e-mails (recipient and subject)',
      duplicateMails,
      `${mail.received.length.toLocaleString('en')} e-mails received`,
    ],
    [
      'duplicate meeting reminders (person and meeting)',
      duplicateNotices,
      `${reminders.toLocaleString('en')} reminders`,
    ],
  ] as const) {
    reportRow({
      bench: 'two-servers',
      figure: name,
      value,
      unit: '',
      reference,
      target: '0',
      met: value === 0,
    });
  }
  console.log(
    failures === 0 && duplicateMails === 0 && duplicateNotices === 0
      ? '  [0 failures, 0 duplicates: met]'
      : '  [target: 0 failures and 0 duplicates — not met]',
  );
  console.log(
    `\n(each figure the median of ${runs} run(s) of ${seconds} s; the proxy, both servers, PostgreSQL and the load generator share this machine's ${(await import('node:os')).availableParallelism()} cores)`,
  );
} finally {
  for (const server of servers) await server.stop();
  proxy.server.close();
  await mail.close();
  await database.drop();
}
