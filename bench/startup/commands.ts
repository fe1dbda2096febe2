/**
 * Two start-up figures issue 18 names beside `tend serve`: `tend groups form` (it used to load the whole
 * server, ~2 s and 150–300 MB, before grouping) and `npm start` when the web app is already built
 * (it used to run `vite build` every time: 15 s to first answer).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { nodeFlags } from '../../src/cli/node-flags.ts';
import { generateRoster } from '../grouping/generate-roster.ts';
import { freePort, projectRoot } from '../helpers/processes.ts';

const peakMemoryScript = fileURLToPath(new URL('./report-peak-memory.js', import.meta.url));

export type Run = { ms: number; peakMegabytes: number };

/**
 * Wall time and peak resident memory of `node ...args` run to its end. The peak comes from the
 * process itself (getrusage at exit, via a preloaded module), since Node cannot read a child's.
 */
export function timeAndWeigh(args: string[]): Run {
  const directory = mkdtempSync(join(tmpdir(), 'tend-bench-peak-'));
  const peakFile = join(directory, 'peak');
  try {
    const startedAt = performance.now();
    const result = spawnSync(process.execPath, [...nodeFlags, '--import', peakMemoryScript, ...args], {
      cwd: projectRoot,
      stdio: 'ignore',
      env: { ...process.env, BENCH_PEAK_MEMORY_FILE: peakFile },
    });
    const ms = performance.now() - startedAt;
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
    return { ms, peakMegabytes: Number(readFileSync(peakFile, 'utf8')) / 1024 };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** A roster CSV for `tend groups form`: one program's people, as the grouping benchmark makes them. */
export function writeRoster(people: number): { path: string; remove(): void } {
  const directory = mkdtempSync(join(tmpdir(), 'tend-bench-roster-'));
  const path = join(directory, 'roster.csv');
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = ['id,name,level,discipline,availability,interests,facilitator,experience'];
  for (const person of generateRoster(people, 1).participants) {
    lines.push(
      [
        person.id,
        person.name ?? '',
        person.level,
        person.discipline ?? '',
        person.availability.join(' '),
        (person.interests ?? []).join(';'),
        person.isFacilitator ? 'yes' : 'no',
        String(person.facilitatorExperience ?? ''),
      ]
        .map(quote)
        .join(','),
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

/**
 * `npm start` on `dataDirectory` until Tend first answers `GET /api/health` with 200: npm, the
 * staleness check of the web app, the database, the demo and listening, all included.
 */
export async function timeNpmStart(dataDirectory: string): Promise<number> {
  const port = await freePort();
  const { DATABASE_URL: _embedded, ...environment } = process.env;
  const startedAt = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: projectRoot,
    detached: true,
    env: {
      ...environment,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDirectory,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    while (child.exitCode === null) {
      const answered = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (answered) return performance.now() - startedAt;
      if (performance.now() - startedAt > 120_000) break;
      await sleep(10);
    }
    throw new Error(`npm start did not answer:\n${errors}`);
  } finally {
    // npm starts node, which starts the server: stop the whole process group.
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    // npm may exit before the server it started has closed its data directory: wait for the group.
    const isGroupAlive = () => {
      try {
        process.kill(-(child.pid as number), 0);
        return true;
      } catch {
        return false;
      }
    };
    while (child.pid && isGroupAlive()) await sleep(20);
  }
}
