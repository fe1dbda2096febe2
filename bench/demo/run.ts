/**
 * Demo benchmark (part of `npm run bench`; node bench/demo/run.ts [--quick]).
 * 1. In process, on a new embedded database: the demo's term in progress (`createDemoTerm`) beside
 *    the demo organisation's people alone, and beside 1,000 bare `select 1` queries on the same
 *    connection — the seed is a few thousand small writes, so that is its natural unit. Target: the
 *    term adds < 5 s.
 * 2. `npm start` in a fresh clone of this repository (node_modules linked, no dist/web, no data
 *    directory) until Tend says it is running: web build, schema, demo and term. Beside it, the web
 *    build alone in the same clone. Target: < 20 s.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { createDemoTerm } from '../../src/cli/demo/demo-term.ts';
import { connect } from '../../src/db/connect.ts';
import { ensureDemoOrganization } from '../../src/server/services/demo-organization.ts';
import { besideReference, freePort, projectRoot } from '../helpers/processes.ts';
import { reportRow } from '../helpers/summary.ts';

const isQuick = process.argv.includes('--quick');

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const startedAt = performance.now();
  const value = await work();
  return { value, ms: performance.now() - startedAt };
}

// 1. The seed, in process.
const dataDirectory = mkdtempSync(join(tmpdir(), 'tend-bench-demo-'));
try {
  const connection = await connect({ dataDirectory });
  const bareQueries = await timed(async () => {
    for (let query = 0; query < 1000; query++) await connection.db.execute(sql`select 1`);
  });
  const people = await timed(() => ensureDemoOrganization(connection.db));
  const organizationId = people.value;
  if (!organizationId) throw new Error('the new database already had an organisation');
  const term = await timed(() => createDemoTerm(connection.db, organizationId, new Date()));
  await connection.close();
  console.log(
    `demo people (reference)             ${people.ms.toFixed(0)} ms  [45 accounts, one password hash]`,
  );
  console.log(`1,000 × select 1 (reference)        ${bareQueries.ms.toFixed(0)} ms`);
  console.log(
    `demo term in progress               ${besideReference(term.ms, bareQueries.ms, 'ms')}  [reference: 1,000 × select 1; target < 5,000 ms]`,
  );
  reportRow({
    bench: 'demo',
    figure: 'demo term in progress',
    value: term.ms,
    unit: 'ms',
    reference: '1,000 × select 1',
    referenceValue: bareQueries.ms,
    target: '< 5,000 ms',
    met: term.ms < 5_000,
  });
} finally {
  rmSync(dataDirectory, { recursive: true, force: true });
}

// 2. `npm start` in a fresh clone.
if (isQuick) {
  console.log('npm start from a fresh clone          skipped (--quick)');
} else {
  const clone = mkdtempSync(join(tmpdir(), 'tend-bench-clone-'));
  try {
    const cloned = spawnSync('git', ['clone', '-q', projectRoot, clone], { stdio: 'inherit' });
    if (cloned.status !== 0) throw new Error('git clone failed');
    symlinkSync(join(projectRoot, 'node_modules'), join(clone, 'node_modules'));
    const firstStart = await timeUntilRunning(clone);
    rmSync(join(clone, 'dist'), { recursive: true, force: true });
    const buildStartedAt = performance.now();
    const built = spawnSync('npm', ['run', 'build:web'], { cwd: clone, stdio: 'ignore' });
    if (built.status !== 0) throw new Error('npm run build:web failed');
    const buildMs = performance.now() - buildStartedAt;
    console.log(
      `npm start, fresh clone, first answer ${besideReference(firstStart, buildMs, 'ms')}  [reference: npm run build:web alone; target < 20,000 ms]`,
    );
    reportRow({
      bench: 'demo',
      figure: 'npm start, fresh clone, until running',
      value: firstStart,
      unit: 'ms',
      reference: 'npm run build:web',
      referenceValue: buildMs,
      target: '< 20,000 ms',
      met: firstStart < 20_000,
    });
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}

/** Runs `npm start` in `directory` on a new data directory until Tend prints that it is running. */
async function timeUntilRunning(directory: string): Promise<number> {
  const port = await freePort();
  const startedAt = performance.now();
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: directory,
    detached: true,
    env: { ...process.env, PORT: String(port), DATA_DIR: join(directory, 'data'), NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    return await new Promise<number>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Tend is running')) resolve(performance.now() - startedAt);
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
  } finally {
    // npm starts node, which starts the server: stop the whole process group.
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  }
}
