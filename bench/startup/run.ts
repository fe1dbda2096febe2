/**
 * Start-up benchmark (part of `npm run bench`; node bench/startup/run.ts [--quick]).
 * Times `tend help` beside `node -e 0`, `tend groups form` on a 200-person roster (time and peak
 * memory) beside `node -e 0`, and `tend serve` until it prints its address beside a bare
 * Fastify server started the same way, with each one's resident memory a second after it is ready;
 * then `npm start` with the web app built and current, until it first answers, beside the same bare
 * server.
 * `tend serve` runs on a new embedded database (PGlite) and, when DATABASE_URL is set, on a database
 * of its own on that PostgreSQL server (dropped afterwards). The first start of each creates the
 * schema and the demo organisation and is shown apart; the figures are the median of later starts.
 * Needs the built web app (npm run build:web), since `npm start` serves it.
 * Targets: help < 300 ms; serve ready < 2 s on PostgreSQL, < 3 s on PGlite (so `npm start`, which
 * serves on PGlite, too); ≤ 200 MB on PostgreSQL. `tend groups form` has none in figures: it must not
 * load the server or the database, which its time and memory beside bare Node show.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { reasonToBuildWeb } from '../../scripts/build-web-if-stale.ts';
import { nodeFlags } from '../../src/cli/node-flags.ts';
import { createBenchDatabase } from '../helpers/databases.ts';
import {
  besideReference,
  freePort,
  median,
  projectRoot,
  residentMegabytes,
  startProcess,
  tendCommand,
} from '../helpers/processes.ts';
import { reportRow } from '../helpers/summary.ts';
import { type Run, timeAndWeigh, timeNpmStart, writeRoster } from './commands.ts';

const isQuick = process.argv.includes('--quick');
const starts = isQuick ? 3 : 5;
const helpRuns = isQuick ? 5 : 11;
const settleMs = 1000;

if (!existsSync(join(projectRoot, 'dist/web/index.html'))) {
  console.log('bench/startup skipped: it starts Tend with its web app. Build it first: npm run build:web');
  process.exit(0);
}

/** Wall time of a process that runs to its end, spawned as the shell would. */
function timeRun(args: string[]): number {
  const startedAt = performance.now();
  const result = spawnSync(process.execPath, [...nodeFlags, ...args], { cwd: projectRoot, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
  return performance.now() - startedAt;
}

type Start = { readyMs: number; megabytes: number | null };

async function measureStart(args: string[], env: Record<string, string>, readyLine: string): Promise<Start> {
  const port = await freePort();
  const started = await startProcess(args, { PORT: String(port), HOST: '127.0.0.1', ...env }, readyLine);
  try {
    await sleep(settleMs);
    return { readyMs: started.readyMs, megabytes: residentMegabytes(started.child.pid) };
  } finally {
    await started.stop();
  }
}

const bare = () =>
  measureStart([fileURLToPath(new URL('./bare-fastify.ts', import.meta.url))], {}, 'bare Fastify is running');
const tendServe = (env: Record<string, string>) =>
  measureStart(
    [tendCommand, 'serve'],
    { LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
    'Tend is running',
  );

const formatMegabytes = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} MB`);

// 1. A command that needs neither server nor database, beside Node doing nothing.
const helpTimes: number[] = [];
const nodeTimes: number[] = [];
for (let run = 0; run < helpRuns; run++) {
  nodeTimes.push(timeRun(['-e', '0']));
  helpTimes.push(timeRun([tendCommand, 'help']));
}
console.log(
  `tend help                           ${besideReference(median(helpTimes), median(nodeTimes), 'ms')}  [reference: node -e 0; target < 300 ms]`,
);
reportRow({
  bench: 'startup',
  figure: 'tend help',
  value: median(helpTimes),
  unit: 'ms',
  reference: 'node -e 0',
  referenceValue: median(nodeTimes),
  target: '< 300 ms',
  met: median(helpTimes) < 300,
});

// 2. Forming groups from a roster file, which needs neither server nor database either.
const rosterPeople = 200;
const roster = writeRoster(rosterPeople);
try {
  const formRuns: Run[] = [];
  const nodeRuns: Run[] = [];
  for (let run = 0; run < helpRuns; run++) {
    nodeRuns.push(timeAndWeigh(['-e', '0']));
    formRuns.push(timeAndWeigh([tendCommand, 'groups', 'form', roster.path]));
  }
  const form = {
    ms: median(formRuns.map((run) => run.ms)),
    mb: median(formRuns.map((run) => run.peakMegabytes)),
  };
  const bareNode = {
    ms: median(nodeRuns.map((run) => run.ms)),
    mb: median(nodeRuns.map((run) => run.peakMegabytes)),
  };
  const what = `tend groups form (${rosterPeople} people)`;
  console.log(`${what.padEnd(35)} ${besideReference(form.ms, bareNode.ms, 'ms')}  [reference: node -e 0]`);
  console.log(
    `${what.padEnd(35)} peak ${besideReference(form.mb, bareNode.mb, 'MB')}  [reference: node -e 0]`,
  );
  for (const [figure, value, referenceValue, unit] of [
    [`${what}, wall time`, form.ms, bareNode.ms, 'ms'],
    [`${what}, peak RSS`, form.mb, bareNode.mb, 'MB'],
  ] as const) {
    reportRow({ bench: 'startup', figure, value, unit, reference: 'node -e 0', referenceValue, met: null });
  }
} finally {
  roster.remove();
}

// 3. The server, on each database, beside a bare Fastify server started in turn with it.
const dataDirectory = mkdtempSync(join(tmpdir(), 'tend-bench-startup-'));
const serverUrl = process.env.DATABASE_URL;
const database = serverUrl ? await createBenchDatabase(serverUrl, 'startup') : undefined;
const databaseUrl = database?.url;

try {
  const firstPglite = await tendServe({ DATA_DIR: dataDirectory });
  const firstPostgres = databaseUrl ? await tendServe({ DATABASE_URL: databaseUrl }) : undefined;
  const bareStarts: Start[] = [];
  const pgliteStarts: Start[] = [];
  const postgresStarts: Start[] = [];
  for (let run = 0; run < starts; run++) {
    bareStarts.push(await bare());
    pgliteStarts.push(await tendServe({ DATA_DIR: dataDirectory }));
    if (databaseUrl) postgresStarts.push(await tendServe({ DATABASE_URL: databaseUrl }));
  }
  const bareReady = median(bareStarts.map((start) => start.readyMs));
  const bareMegabytes = median(bareStarts.map((start) => start.megabytes ?? Number.NaN));
  console.log(
    `bare Fastify ready (reference)      ${bareReady.toFixed(0)} ms, ${formatMegabytes(bareMegabytes)}`,
  );
  const report = (database: string, first: Start | undefined, later: Start[], readyTarget: string) => {
    if (!first) {
      console.log(
        `tend serve on ${database}: skipped; set DATABASE_URL=postgres://user:password@host:5432/db (the user needs CREATEDB)`,
      );
      return;
    }
    const megabytes = median(later.map((start) => start.megabytes ?? Number.NaN));
    const readyMs = median(later.map((start) => start.readyMs));
    reportRow({
      bench: 'startup',
      figure: `tend serve on ${database}, ready`,
      value: readyMs,
      unit: 'ms',
      reference: 'bare Fastify',
      referenceValue: bareReady,
      target: `< ${readyTarget}`,
      met: readyMs < Number.parseFloat(readyTarget) * 1000,
    });
    reportRow({
      bench: 'startup',
      figure: `tend serve on ${database}, RSS after start`,
      value: megabytes,
      unit: 'MB',
      reference: 'bare Fastify',
      referenceValue: bareMegabytes,
      ...(database === 'PostgreSQL' ? { target: '≤ 200 MB', met: megabytes <= 200 } : { met: null }),
    });
    console.log(
      `tend serve on ${database.padEnd(10)} ready ${besideReference(median(later.map((start) => start.readyMs)), bareReady, 'ms')}  [reference: bare Fastify; target < ${readyTarget}]`,
    );
    console.log(
      `tend serve on ${database.padEnd(10)} RSS   ${Number.isNaN(megabytes) ? 'n/a' : besideReference(megabytes, bareMegabytes, 'MB')}  [reference: bare Fastify${database === 'PostgreSQL' ? '; target ≤ 200 MB' : ''}]`,
    );
    console.log(
      `  first start on ${database} (creates the schema and the demo organisation): ${first.readyMs.toFixed(0)} ms, ${formatMegabytes(first.megabytes)}`,
    );
  };
  report('PGlite', firstPglite, pgliteStarts, '3 s');
  report('PostgreSQL', firstPostgres, postgresStarts, '2 s');

  // 4. `npm start` as a developer runs it again and again: web app built and current, demo already made.
  const staleReason = reasonToBuildWeb(projectRoot);
  if (staleReason) {
    console.log(`npm start, web app built: skipped, since ${staleReason}: run npm run build:web first`);
  } else {
    const npmDirectory = mkdtempSync(join(tmpdir(), 'tend-bench-npm-start-'));
    try {
      const first = await timeNpmStart(npmDirectory);
      const npmStarts: number[] = [];
      for (let run = 0; run < Math.min(starts, 3); run++) npmStarts.push(await timeNpmStart(npmDirectory));
      const npmMs = median(npmStarts);
      console.log(
        `npm start, web built, first answer  ${besideReference(npmMs, bareReady, 'ms')}  [reference: bare Fastify ready; target < 3 s, as tend serve on PGlite]`,
      );
      console.log(
        `  first npm start on a new data directory (creates the demo and its term): ${first.toFixed(0)} ms`,
      );
      reportRow({
        bench: 'startup',
        figure: 'npm start, web app built, first answer',
        value: npmMs,
        unit: 'ms',
        reference: 'bare Fastify',
        referenceValue: bareReady,
        target: '< 3 s',
        met: npmMs < 3000,
      });
    } finally {
      rmSync(npmDirectory, { recursive: true, force: true });
    }
  }
  console.log(
    `(median of ${starts} starts, npm start ${Math.min(starts, 3)}; memory read ${settleMs} ms after ready)`,
  );
} finally {
  rmSync(dataDirectory, { recursive: true, force: true });
  await database?.drop();
}
