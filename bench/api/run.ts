/**
 * API benchmark (part of `npm run bench`; `npm run bench:api`). For each database (PGlite, and
 * PostgreSQL when DATABASE_URL is set) and each organisation size (2,000 and 50,000 people; 500
 * with --quick), it seeds a new database, then measures beside a bare Fastify route and a bare
 * `SELECT` route run in the same process kind on the same database:
 * - the hot reads under autocannon at 50 and 200 connections (req/s, p97.5, failures);
 * - one page of the people list (`GET /api/users`, as an admin) and of a group space holding 1,000
 *   posts: time and bytes, since before pagination they grew with the organisation (302 ms and 9.9 MB
 *   at 50,000 people; 419 kB for 1,050 posts);
 * - how long a participant's read waits while an admin imports a 1,000-row roster.
 * Each figure is also a row of `npm run bench`'s summary table (bench/api/figures.ts).
 * Options: --quick, --people 2000,50000, --only programs,notices (targets by label), --postgres-only.
 * Targets (issue 18): at 200 connections on PostgreSQL p95 < 50 ms, 0 failures, ≥ 0.5× the bare
 * SELECT; on PGlite no read waits > 200 ms behind an import.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { demoPassword } from '../../src/core/accounts/password-policy.ts';
import type { ConnectOptions } from '../../src/db/connect.ts';
import { createBenchDatabase } from '../helpers/databases.ts';
import { freePort, type StartedProcess, startProcess, tendCommand } from '../helpers/processes.ts';
import { type Context, importFigures, loadFigures, pageFigures, type Target } from './figures.ts';
import { signIn } from './http-session.ts';
import { seedEnrolments, seedGroups, seedPosts, seedThroughApi } from './seed.ts';
import { timePage } from './single-requests.ts';

// Each server gets its database explicitly: the PGlite run must not inherit the PostgreSQL address.
const serverUrl = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;

const isQuick = process.argv.includes('--quick');
const peopleArgument = process.argv.indexOf('--people');
const sizes =
  peopleArgument > 0
    ? (process.argv[peopleArgument + 1] ?? '').split(',').map(Number)
    : isQuick
      ? [500]
      : [2_000, 50_000];
/**
 * Under load PGlite is measured up to this size: its load runs at 50,000 people would add ~4 minutes
 * to a bench already ~15 minutes long, and the README sends organisations that size to PostgreSQL. Its
 * pages and import figures are measured at every size; `--people 50000` alone runs its load too.
 */
const pgliteLoadLargest = peopleArgument > 0 ? Number.POSITIVE_INFINITY : 2_000;
const programCount = isQuick ? 5 : 20;
const seconds = isQuick ? 3 : 5;
const runs = isQuick ? 1 : 3;
const connectionCounts = [50, 200];
/**
 * Programs keep the size they have at 2,000 people (100 enrolled each) when the organisation grows:
 * what changes at 50,000 is everyone else in the organisation. (A program of 2,500 enrolled took
 * ~140 s to publish its groups in December 2026, too long to seed 20 of.)
 */
const enrolledPerProgram = 100;
const groupPosts = 1_000;
/** One page of a group space (pageQuery's default limit in src/server/routes/group-space.ts). */
const postsPerPage = 30;
// `--only programs,notices`: just those targets (by label), to compare one change quickly.
const onlyArgument = process.argv.indexOf('--only');
const onlyLabels = onlyArgument > 0 ? (process.argv[onlyArgument + 1] ?? '').split(',') : null;
// `--postgres-only`: skip the embedded database's run.
const isPostgresOnly = process.argv.includes('--postgres-only');

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

const secondsOf = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function benchmark(
  name: 'PGlite' | 'PostgreSQL',
  people: number,
  database: Record<string, string>,
  connectOptions: ConnectOptions,
  withLoad: boolean,
) {
  const enrolled = Math.min(people, enrolledPerProgram * programCount);
  console.log(
    `\n--- ${name}: ${people.toLocaleString('en')} people, ${enrolled.toLocaleString('en')} of them enrolled in ${programCount} programs ---`,
  );
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const referencePort = await freePort();
  let server: StartedProcess | undefined;
  let reference: StartedProcess | undefined;
  const withServerStopped = async (work: () => Promise<void>) => {
    await server?.stop();
    await work();
    server = await startTend(port, database);
  };
  try {
    const startedAt = performance.now();
    server = await startTend(port, database);
    const programIds = await seedThroughApi(baseUrl, people, programCount);
    const importedAt = performance.now();
    await withServerStopped(() => seedEnrolments(connectOptions, programIds, enrolled));
    const enrolledAt = performance.now();
    const groupId = await seedGroups(baseUrl, programIds);
    const groupedAt = performance.now();
    const participant = await signIn(baseUrl, 'participant1@demo.tend.test', demoPassword);
    const coordinator = await signIn(baseUrl, 'coordinator@demo.tend.test', demoPassword);
    const admin = await signIn(baseUrl, 'admin@demo.tend.test', demoPassword);
    // The group space first with one page of posts (the reference for its size), then with a thousand.
    const spaceUrl = `${baseUrl}/api/groups/${groupId}/space`;
    await withServerStopped(() => seedPosts(connectOptions, groupId, 0, postsPerPage));
    const onePage = await timePage(spaceUrl, participant.cookie, runs * 10);
    await withServerStopped(() => seedPosts(connectOptions, groupId, postsPerPage, groupPosts));
    console.log(
      `seeded in ${secondsOf(performance.now() - startedAt)}: people and programs ${secondsOf(importedAt - startedAt)}, ` +
        `enrolments ${secondsOf(enrolledAt - importedAt)}, groups ${secondsOf(groupedAt - enrolledAt)}, ` +
        `${groupPosts.toLocaleString('en')} posts ${secondsOf(performance.now() - groupedAt)}`,
    );
    reference = await startReference(referencePort, database.DATABASE_URL);
    const context: Context = {
      scope: `${name} ${people.toLocaleString('en')}`,
      isEmbedded: name === 'PGlite',
      baseUrl,
      referenceUrl: `http://127.0.0.1:${referencePort}`,
      runs,
      participant,
    };
    const targets: Target[] = [
      { label: 'participant home', path: '/api/dashboard', cookie: participant.cookie },
      { label: 'my groups', path: '/api/me/groups', cookie: participant.cookie },
      { label: 'notices', path: '/api/notifications', cookie: participant.cookie },
      { label: 'programs', path: '/api/programs', cookie: participant.cookie },
      { label: 'group space', path: `/api/groups/${groupId}/space`, cookie: participant.cookie },
      { label: 'groups board', path: `/api/programs/${programIds[0]}/groups`, cookie: coordinator.cookie },
    ];
    if (withLoad) {
      const measured = onlyLabels ? targets.filter((target) => onlyLabels.includes(target.label)) : targets;
      await loadFigures(context, measured, { connectionCounts, seconds });
    } else {
      console.log('load runs skipped at this size on PGlite (see pgliteLoadLargest in bench/api/run.ts)');
    }
    await pageFigures(context, admin, { url: spaceUrl, posts: groupPosts, onePage, postsPerPage });
    await importFigures(context, admin);
  } finally {
    await reference?.stop();
    await server?.stop();
  }
}

for (const people of sizes) {
  if (isPostgresOnly) break;
  const dataDirectory = mkdtempSync(join(tmpdir(), 'tend-bench-api-'));
  try {
    await benchmark(
      'PGlite',
      people,
      { DATA_DIR: dataDirectory },
      { dataDirectory },
      people <= pgliteLoadLargest,
    );
  } finally {
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

if (!serverUrl) {
  console.log(
    '\nPostgreSQL skipped: set DATABASE_URL=postgres://user:password@host:5432/db (the user needs CREATEDB).',
  );
} else {
  for (const people of sizes) {
    const database = await createBenchDatabase(serverUrl, 'api');
    try {
      await benchmark(
        'PostgreSQL',
        people,
        { DATABASE_URL: database.url },
        { databaseUrl: database.url },
        true,
      );
    } finally {
      await database.drop();
    }
  }
}
console.log(
  `\n(each load figure the median of ${runs} run(s) of ${seconds} s; autocannon reports p97.5, stricter than p95)`,
);
