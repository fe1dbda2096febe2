/**
 * Figures of one request at a time, where autocannon's throughput says little: how long one page of a
 * list takes and how many bytes it is, and how long a read waits while a roster import runs (issue 18:
 * "a 1,000-row roster import blocks every other request for 6.5 s").
 */
import { performance } from 'node:perf_hooks';
import { median } from '../helpers/processes.ts';
import type { HttpSession } from './http-session.ts';

export type Page = { medianMs: number; bytes: number };

/** `count` requests one after another (after one to warm up): the median time and the body's size. */
export async function timePage(url: string, cookie: string, count: number): Promise<Page> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const first = await fetch(url, { headers });
  if (!first.ok) throw new Error(`GET ${url} answered ${first.status}`);
  // The JSON as the server wrote it, before any compression on the way.
  const bytes = (await first.arrayBuffer()).byteLength;
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const startedAt = performance.now();
    await (await fetch(url, { headers })).arrayBuffer();
    times.push(performance.now() - startedAt);
  }
  return { medianMs: median(times), bytes };
}

type Read = { ms: number; isOk: boolean };
/** The slowest and the 95th percentile wait, and how many reads failed (a 503 from a full queue). */
export type Waits = { maxMs: number; p95Ms: number; count: number; failures: number };

const waitsOf = (reads: Read[]): Waits => {
  const sorted = reads.map((read) => read.ms).sort((a, b) => a - b);
  return {
    maxMs: sorted.at(-1) ?? Number.NaN,
    p95Ms: sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN,
    count: sorted.length,
    failures: reads.filter((read) => !read.isOk).length,
  };
};

/**
 * Starts a GET every `everyMs` (without waiting for the one before, as separate people would) until
 * `work` settles; resolves with each GET's time once all have answered.
 */
async function readWhile(url: string, cookie: string, everyMs: number, work: Promise<unknown>) {
  let isWorking = true;
  const done = work.finally(() => {
    isWorking = false;
  });
  const reads: Promise<Read>[] = [];
  while (isWorking) {
    const startedAt = performance.now();
    reads.push(
      fetch(url, { headers: { cookie } }).then(async (response) => {
        await response.arrayBuffer();
        return { ms: performance.now() - startedAt, isOk: response.ok };
      }),
    );
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, everyMs))]);
  }
  await done;
  return Promise.all(reads);
}

export type ImportWait = { idle: Waits; during: Waits; importMs: number[] };

/**
 * `runs` times: an admin imports a roster of `rows` new people while a participant reads `url` every
 * 10 ms; beside it the same reads for as long with no import running. Each run's people are new
 * (`label` and the run number in their addresses), so every import creates all its rows.
 */
export async function measureImportWait(
  admin: HttpSession,
  url: string,
  cookie: string,
  options: { rows: number; runs: number; label: string },
): Promise<ImportWait> {
  const idle: Read[] = [];
  const during: Read[] = [];
  const importMs: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const csv = ['name,email,role,level,discipline'];
    for (let index = 0; index < options.rows; index++) {
      csv.push(
        `Newcomer ${index},new-${options.label}-${run}-${index}@bench.tend.test,participant,student-1,Nursing`,
      );
    }
    const startedAt = performance.now();
    const report = admin.request<{ created?: unknown[] }>('POST', '/api/users/import', {
      csv: csv.join('\n'),
    });
    const answered = report.then(() => performance.now() - startedAt);
    during.push(...(await readWhile(url, cookie, 10, report)));
    const took = await answered;
    importMs.push(took);
    const created = (await report).created?.length;
    if (created !== undefined && created !== options.rows)
      throw new Error(`the import created ${created} of ${options.rows} people`);
    // The reference: the same reads for as long, nothing else running.
    idle.push(...(await readWhile(url, cookie, 10, new Promise((resolve) => setTimeout(resolve, took)))));
  }
  return { idle: waitsOf(idle), during: waitsOf(during), importMs };
}
