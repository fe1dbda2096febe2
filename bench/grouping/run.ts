/**
 * Grouping benchmark: `npm run bench:grouping` (node bench/grouping/run.ts [--quick]).
 * Realistic seeded rosters at n = 30 … 10,000; random (LMS-style) and greedy baselines, the engine,
 * and the exact optimum from HiGHS where it can be computed. Each measurement runs in its own
 * process; time is the method alone (not roster generation or scoring), memory the process's peak RSS.
 * Ends with a short pass of the tight benchmark (tight.ts: 3 seeds, 20 s for HiGHS and for the
 * bound); the documented tight figures come from its full run, `npm run bench:grouping:tight`
 * (20 seeds, 60 s each, ~30 min).
 */
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { reportRow } from '../helpers/summary.ts';
import type { Measurement } from './measure.ts';

const run = promisify(execFile);
const measureScript = fileURLToPath(new URL('./measure.ts', import.meta.url));
const isQuick = process.argv.includes('--quick');
const sizes = isQuick ? [30, 60, 200, 1000] : [30, 60, 200, 1000, 5000, 10_000];
const optimumLimitSeconds = isQuick ? 20 : 60;
/** Extra small instances where HiGHS proves optimality in seconds: the gap is measured against a true optimum. */
const provable: [number, number][] = isQuick
  ? [[30, 1]]
  : [
      [20, 1],
      [30, 1],
      [30, 2],
      [30, 3],
      [40, 1],
    ];

async function measure(n: number, seed: number, method: string): Promise<Measurement> {
  const { stdout } = await run(
    process.execPath,
    [measureScript, String(n), String(seed), method, String(optimumLimitSeconds)],
    {
      maxBuffer: 16 * 1024 * 1024,
      timeout: (optimumLimitSeconds + 240) * 1000,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Measurement;
}

function gap(engine: Measurement, optimum: Measurement | undefined): string {
  if (!optimum || optimum.unplaced !== engine.unplaced) return optimum ? 'n/a (placed differ)' : '—';
  if (optimum.status === 'optimal') {
    const percent = (100 * (engine.objective - optimum.objective)) / Math.max(optimum.objective, 1e-9);
    return `${(Math.abs(percent) < 0.005 ? 0 : percent).toFixed(2)}%`;
  }
  const bound = optimum.bound ?? 0;
  return `≤ ${((100 * (engine.objective - bound)) / Math.max(bound, 1e-9)).toFixed(0)}% (vs bound ${bound.toFixed(1)}; MIP best ${optimum.objective.toFixed(1)})`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row, index) => {
      const line = `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
      return index === 0 ? `${line}\n|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|` : line;
    })
    .join('\n');
}

const started = performance.now();
const rows: string[][] = [
  ['n', 'method', 'violations', 'unplaced', 'objective', 'gap to optimum', 'time (ms)', 'peak RSS (MB)'],
];
for (const n of sizes) {
  const results: Measurement[] = [];
  for (const method of ['random', 'greedy', 'engine']) results.push(await measure(n, 1, method));
  const optimum = n <= 60 ? await measure(n, 1, 'optimum') : undefined;
  if (optimum) results.push(optimum);
  const engine = results.find((result) => result.method === 'engine')!;
  const greedy = results.find((result) => result.method === 'greedy')!;
  // The engine beside the greedy baseline's time, and beside the optimum's objective where HiGHS has one.
  reportRow({
    bench: 'grouping',
    figure: `engine, n = ${n.toLocaleString('en')}: time`,
    value: engine.timeMs,
    unit: 'ms',
    reference: 'greedy',
    referenceValue: greedy.timeMs,
    ...(n === 10_000 ? { target: '< 10,000 ms', met: engine.timeMs < 10_000 } : { met: null }),
  });
  const objectiveReference = optimum ?? greedy;
  reportRow({
    bench: 'grouping',
    figure: `engine, n = ${n.toLocaleString('en')}: objective (lower is better)`,
    value: engine.objective,
    unit: '',
    digits: 2,
    reference: optimum ? `HiGHS (${optimum.status})` : 'greedy',
    referenceValue: objectiveReference.objective,
    target: `0 hard rules broken (${engine.violations})`,
    met: engine.violations === 0,
  });
  for (const result of results) {
    rows.push([
      String(n),
      result.method === 'optimum' ? `optimum (HiGHS, ${result.status})` : result.method,
      String(result.violations),
      String(result.unplaced),
      result.objective.toFixed(2),
      result.method === 'engine' ? gap(engine, optimum) : '',
      result.timeMs.toFixed(0),
      result.peakMb.toFixed(0),
    ]);
  }
  process.stderr.write(`n = ${n} done (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}
console.log(
  'Grouping benchmark: penalty objective (lower is better), violations = broken hard rules counted by evaluateGrouping\n',
);
console.log(table(rows));

const exactRows: string[][] = [
  ['n', 'seed', 'engine objective', 'optimum', 'gap', 'unplaced (engine / optimum)', 'HiGHS time (ms)'],
];
for (const [n, seed] of provable) {
  const engine = await measure(n, seed, 'engine');
  const optimum = await measure(n, seed, 'optimum');
  exactRows.push([
    String(n),
    String(seed),
    engine.objective.toFixed(3),
    `${optimum.objective.toFixed(3)} (${optimum.status})`,
    gap(engine, optimum),
    `${engine.unplaced} / ${optimum.unplaced}`,
    optimum.timeMs.toFixed(0),
  ]);
}
console.log(
  '\nEngine against the proven optimum on small instances (same objective, same number of groups):\n',
);
console.log(table(exactRows));
console.log(
  `\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s on ${process.arch}, Node ${process.version}.`,
);

console.log('\nTight rosters, short pass (3 seeds; the full run is npm run bench:grouping:tight):\n');
const tightScript = fileURLToPath(new URL('./tight.ts', import.meta.url));
const tightArguments = ['--seeds', '3', '--optimum-seconds', '20', '--bound-seconds', '20'];
const tight = spawnSync(process.execPath, [tightScript, ...tightArguments], {
  stdio: ['ignore', 'inherit', 'ignore'],
});
if (tight.status !== 0) process.exitCode = 1;
