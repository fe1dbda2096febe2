/**
 * Runs every benchmark (bench/<name>/run.ts) one after another, each in its own process, echoing its
 * output as it comes, then prints one table of every figure the benches reported (bench/helpers/summary.ts):
 * value, reference, ratio, target and whether it is met.
 *
 *   node bench/run-all.ts [--quick] [--only-bench api,startup] [any option the benches take]
 *
 * `--only-bench` runs just the named benches (directory names); every other argument goes to each bench.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatSummary, rowMarker, rowsIn, type SummaryRow } from './helpers/summary.ts';

const root = new URL('.', import.meta.url).pathname;
const argv = process.argv.slice(2);
const onlyIndex = argv.indexOf('--only-bench');
const onlyBenches = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : null;
const passedOn =
  onlyIndex >= 0 ? argv.filter((_, index) => index !== onlyIndex && index !== onlyIndex + 1) : argv;

const benches = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'run.ts')))
  .map((entry) => entry.name)
  .filter((name) => !onlyBenches || onlyBenches.includes(name));
if (onlyBenches) {
  const unknown = onlyBenches.filter((name) => !benches.includes(name));
  if (unknown.length > 0) {
    console.error(`--only-bench: no bench/${unknown.join(', bench/')}/run.ts`);
    process.exit(2);
  }
}

type Outcome = { bench: string; code: number | null; rows: SummaryRow[]; lastLine: string; seconds: number };

/** Runs one bench, echoing its output live (its BENCH-ROW lines kept for the table, not echoed). */
function runBench(bench: string): Promise<Outcome> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [join(root, bench, 'run.ts'), ...passedOn], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_SUMMARY_COLLECTED: '1' },
  });
  let output = '';
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    const shown = lines.filter((line) => !line.startsWith(rowMarker));
    if (shown.length > 0) process.stdout.write(`${shown.join('\n')}\n`);
  });
  return new Promise((resolve) => {
    child.once('close', (code) => {
      if (pending && !pending.startsWith(rowMarker)) process.stdout.write(`${pending}\n`);
      const lines = output.split('\n').filter((line) => line.trim() && !line.startsWith(rowMarker));
      resolve({
        bench,
        code,
        rows: rowsIn(output),
        lastLine: lines.at(-1)?.trim() ?? '',
        seconds: (performance.now() - startedAt) / 1000,
      });
    });
  });
}

const outcomes: Outcome[] = [];
for (const bench of benches) {
  console.log(`\n=== bench/${bench} ===`);
  outcomes.push(await runBench(bench));
}

console.log('\n=== summary ===');
console.log(formatSummary(outcomes.flatMap((outcome) => outcome.rows)));
for (const outcome of outcomes) {
  const took = `${outcome.seconds.toFixed(0)} s`;
  if (outcome.code !== 0) console.log(`bench/${outcome.bench} exited with code ${outcome.code} (${took})`);
  else if (outcome.rows.length === 0)
    console.log(`bench/${outcome.bench}: no figures (${took}): ${outcome.lastLine}`);
  else console.log(`bench/${outcome.bench}: ${outcome.rows.length} figures in ${took}`);
}
process.exit(outcomes.every((outcome) => outcome.code === 0) ? 0 : 1);
