import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoPassword } from '../../src/core/accounts/password-policy.ts';
import type { ConnectOptions } from '../../src/db/connect.ts';
import { createBenchDatabase } from '../helpers/databases.ts';
import { freePort, type StartedProcess, startProcess, tendCommand } from '../helpers/processes.ts';
import { signIn } from './http-session.ts';
import { type Load, measureLoad, medianLoad } from './load.ts';
import { seedEnrolments, seedGroups, seedThroughApi } from './seed.ts';

// Each server gets its database explicitly: the PGlite run must not inherit the PostgreSQL address.
const serverUrl = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;

const isQuick = process.argv.includes('--quick');
const peopleArgument = process.argv.indexOf('--people');
const people = peopleArgument > 0 ? Number(process.argv[peopleArgument + 1]) : isQuick ? 500 : 2_000;
const programCount = isQuick ? 5 : 20;
const seconds = isQuick ? 3 : 5;
const runs = isQuick ? 1 : 3;
const connectionCounts = [50, 200];
// `--only programs,notices`: just those targets (by label), to compare one change quickly.
const onlyArgument = process.argv.indexOf('--only');
const onlyLabels = onlyArgument > 0 ? (process.argv[onlyArgument + 1] ?? '').split(',') : null;
// `--postgres-only`: skip the embedded database's run.
const isPostgresOnly = process.argv.includes('--postgres-only');

type Target = { label: string; path: string; as: 'participant' | 'coordinator' | 'reference' };

async function startTend(port: number, database: Record<string, string>): Promise<StartedProcess> {
  return startProcess(
    [tendCommand, 'serve'],
    { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'development', ...database },
    'Tend is running',
  );
}

async function startReference(port: number, databaseUrl: string | undefined): Promise<StartedProcess> {
  const { DATABASE_URL: _unused, ...environment } = process.env;
  return startProcess(
    [fileURLToPath(new URL('./reference-server.ts', import.meta.url))],
    {
      ...(environment as Record<string, string>),
      PORT: String(port),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    'reference server is running',
  );
}

const format = (load: Load, reference: Load) =>
  `${load.requestsPerSecond.toFixed(0).padStart(6)} req/s (×${(load.requestsPerSecond / reference.requestsPerSecond).toFixed(2)} of SELECT)  p97.5 ${load.latencyP97_5Ms.toFixed(0).padStart(5)} ms  failures ${load.failures}`;

async function benchmark(name: string, database: Record<string, string>, connectOptions: ConnectOptions) {
  console.log(`\n--- ${name}: ${people.toLocaleString('en')} people, ${programCount} programs ---`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let server = await startTend(port, database);
  const programIds = await seedThroughApi(baseUrl, people, programCount);
  await server.stop();
  await seedEnrolments(connectOptions, programIds);
  server = await startTend(port, database);
  const referencePort = await freePort();
  const reference = await startReference(referencePort, database.DATABASE_URL);
  try {
    const groupId = await seedGroups(baseUrl, programIds, 10);
    const participant = await signIn(baseUrl, 'participant1@demo.tend.test', demoPassword);
    const coordinator = await signIn(baseUrl, 'coordinator@demo.tend.test', demoPassword);
    const targets: Target[] = [
      { label: 'participant home', path: '/api/dashboard', as: 'participant' },
      { label: 'my groups', path: '/api/me/groups', as: 'participant' },
      { label: 'notices', path: '/api/notifications', as: 'participant' },
      { label: 'programs', path: '/api/programs', as: 'participant' },
      { label: 'group space', path: `/api/groups/${groupId}/space`, as: 'participant' },
      { label: 'groups board', path: `/api/programs/${programIds[0]}/groups`, as: 'coordinator' },
    ];
    const measured = onlyLabels ? targets.filter((target) => onlyLabels.includes(target.label)) : targets;
    const cookieOf = { participant: participant.cookie, coordinator: coordinator.cookie, reference: '' };
    for (const connections of connectionCounts) {
      const measure = async (url: string, cookie: string) => {
        // The server still answers the previous run's last requests after their clients left; one request
        // through the same line first means the measurement starts on an idle server.
        await (await fetch(url, { headers: cookie ? { cookie } : {} })).arrayBuffer();
        const results: Load[] = [];
        for (let run = 0; run < runs; run++)
          results.push(await measureLoad(url, connections, seconds, cookie ? { cookie } : {}));
        return medianLoad(results);
      };
      const hello = await measure(`http://127.0.0.1:${referencePort}/hello`, '');
      const select = await measure(`http://127.0.0.1:${referencePort}/select`, '');
      console.log(`${connections} connections`);
      console.log(`  bare Fastify route (reference)  ${format(hello, select)}`);
      console.log(`  bare SELECT route (reference)   ${format(select, select)}`);
      for (const target of measured) {
        const load = await measure(`${baseUrl}${target.path}`, cookieOf[target.as]);
        const verdict =
          name === 'PostgreSQL' && connections === 200
            ? load.latencyP97_5Ms < 50 &&
              load.failures === 0 &&
              load.requestsPerSecond >= 0.5 * select.requestsPerSecond
              ? '  [target met]'
              : '  [target: p95 < 50 ms, 0 failures, ≥ 0.5× SELECT — not met]'
            : '';
        console.log(`  ${target.label.padEnd(31)} ${format(load, select)}${verdict}`);
      }
    }
  } finally {
    await reference.stop();
    await server.stop();
  }
}

if (!isPostgresOnly) {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'tend-bench-api-'));
  try {
    await benchmark('PGlite', { DATA_DIR: dataDirectory }, { dataDirectory });
  } finally {
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

if (!serverUrl) {
  console.log(
    '\nPostgreSQL skipped: set DATABASE_URL=postgres://user:password@host:5432/db (the user needs CREATEDB).',
  );
} else {
  const database = await createBenchDatabase(serverUrl, 'api');
  try {
    await benchmark('PostgreSQL', { DATABASE_URL: database.url }, { databaseUrl: database.url });
  } finally {
    await database.drop();
  }
}
console.log(
  `\n(each figure the median of ${runs} run(s) of ${seconds} s; autocannon reports p97.5, stricter than p95)`,
);
