/**
 * Tight-instance benchmark (issue 13): `node bench/grouping/tight.ts [--sizes 60,200,1000]
 * [--seeds 20] [--optimum-sizes 60] [--optimum-seconds 60] [--bound-seconds 60] [--worker]`.
 * For each size and seed it proves with the exact placement model whether a complete legal
 * grouping exists, runs the engine as shipped (heuristic + exact fallback on HiGHS) and, for
 * comparison, the heuristic alone, and —
 * for the sizes in --optimum-sizes — bounds the optimum of the engine's own objective two ways:
 * HiGHS on the compact MIP (bench/grouping/optimum.ts, seeded with the engine's groups) and the
 * set-partitioning bound (bench/grouping/partition-bound.ts). An instance's optimum is proven when
 * HiGHS proves it, or when the best grouping found meets the best lower bound.
 *
 * Times: the engine alone, with HiGHS already loaded (loading takes ~0.1 s once per process);
 * with --worker also the whole call the server makes (a new worker thread, HiGHS loaded in it).
 * Beside each engine run, a fixed reference workload (reference-work.ts) is timed, so the ratio
 * engine ÷ reference can be compared between runs under different load.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { evaluateGrouping } from '../../src/core/grouping/evaluate-grouping.ts';
import { placeExactly } from '../../src/core/grouping/exact-placement.ts';
import { formGroups } from '../../src/core/grouping/form-groups.ts';
import { prepareProblem } from '../../src/core/grouping/prepare.ts';
import { formGroupsInWorker } from '../../src/server/grouping/form-groups-in-worker.ts';
import { loadHighsSolver } from '../../src/server/grouping/highs-solver.ts';
import { generateTightRoster } from './generate-tight-roster.ts';
import { solveOptimum } from './optimum.ts';
import { partitionBound } from './partition-bound.ts';
import { timeReferenceWork } from './reference-work.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '60,200,1000' },
    seeds: { type: 'string', default: '20' },
    'optimum-sizes': { type: 'string', default: '60' },
    'optimum-seconds': { type: 'string', default: '60' },
    'bound-seconds': { type: 'string', default: '60' },
    worker: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const seedCount = Number(values.seeds);
const optimumSizes = new Set(values['optimum-sizes'].split(',').filter(Boolean).map(Number));
const optimumSeconds = Number(values['optimum-seconds']);
const boundSeconds = Number(values['bound-seconds']);
const solve = await loadHighsSolver();

type Row = {
  exists: number;
  existsUnknown: number;
  enginePlacedAll: number;
  heuristicPlacedAll: number;
  unnecessary: number;
  violations: number;
  optimumTried: number;
  /** Proven by HiGHS alone / by the best grouping meeting a lower bound. */
  provenByMip: number;
  provenByBound: number;
  /** Where the optimum is proven: engine above it, in %. */
  gaps: number[];
  /** Where it is not: engine above the best proven lower bound, in % of the bound (an upper bound on the gap). */
  boundGaps: number[];
  /** Instances where HiGHS found a better grouping than the engine within the limit, and by how much. */
  aboveMip: number[];
  times: number[];
  /** CPU time of the same runs (this thread: the engine and HiGHS), steadier than wall time on a shared machine. */
  cpuTimes: number[];
  referenceTimes: number[];
  ratios: number[];
  workerTimes: number[];
  existenceTimes: number[];
};

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const rows = new Map<number, Row>();
for (const n of sizes) {
  const row: Row = {
    exists: 0,
    existsUnknown: 0,
    enginePlacedAll: 0,
    heuristicPlacedAll: 0,
    unnecessary: 0,
    violations: 0,
    optimumTried: 0,
    provenByMip: 0,
    provenByBound: 0,
    gaps: [],
    boundGaps: [],
    aboveMip: [],
    times: [],
    cpuTimes: [],
    referenceTimes: [],
    ratios: [],
    workerTimes: [],
    existenceTimes: [],
  };
  for (let seed = 1; seed <= seedCount; seed++) {
    const input = generateTightRoster(n, seed);
    let started = performance.now();
    const existence = placeExactly(prepareProblem(input), { kind: 'none' }, solve, 60, null);
    row.existenceTimes.push(performance.now() - started);
    const isProven = existence.status === 'proven';
    if (isProven && existence.placedCount === n) row.exists++;
    if (!isProven) row.existsUnknown++;

    const reference = timeReferenceWork();
    started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = formGroups(input, { exact: { solve } });
    const time = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    row.times.push(time);
    row.cpuTimes.push((cpu.user + cpu.system) / 1000);
    row.referenceTimes.push(reference);
    row.ratios.push(time / reference);
    if (values.worker) {
      started = performance.now();
      await formGroupsInWorker(input);
      row.workerTimes.push(performance.now() - started);
    }
    const placed = result.groups.reduce((sum, group) => sum + group.memberIds.length, 0);
    if (placed === n) row.enginePlacedAll++;
    if (isProven) row.unnecessary += Math.max(0, (existence.mostPlaceable ?? placed) - placed);
    row.violations += evaluateGrouping(input, { groups: result.groups }).violations.length;
    if (formGroups(input).unplaced.length === 0) row.heuristicPlacedAll++;

    let quality = '';
    if (optimumSizes.has(n) && result.groups.length > 0 && placed === n) {
      row.optimumTried++;
      const engine = result.score.total;
      const optimum = await solveOptimum(input, result.groups.length, optimumSeconds, result.groups);
      const partition = await partitionBound(input, result.groups, boundSeconds);
      let best = engine;
      let lower = partition?.bound ?? Number.NEGATIVE_INFINITY;
      if (optimum.objective !== null && optimum.unplaced === 0) {
        const mip = optimum.objective;
        if (mip < engine - 1e-6) row.aboveMip.push((100 * (engine - mip)) / Math.max(mip, 1e-9));
        best = Math.min(best, mip);
        if (optimum.status === 'optimal') lower = Math.max(lower, mip);
      }
      // HiGHS's bound holds for every grouping, so for the complete ones too.
      if (optimum.bound !== null) lower = Math.max(lower, optimum.bound);
      const tolerance = 1e-6 * Math.max(1, Math.abs(best));
      if (optimum.status === 'optimal') row.provenByMip++;
      else if (best <= lower + tolerance) row.provenByBound++;
      if (best <= lower + tolerance) row.gaps.push((100 * (engine - best)) / Math.max(best, 1e-9));
      else if (Number.isFinite(lower)) row.boundGaps.push((100 * (engine - lower)) / Math.max(lower, 1e-9));
      quality = `, HiGHS ${optimum.status} ${optimum.objective?.toFixed(3) ?? '—'} (bound ${optimum.bound?.toFixed(3) ?? '—'}), partition bound ${partition ? `${partition.bound.toFixed(3)} (${partition.isConverged ? 'converged' : 'stopped'}, ${partition.rounds} rounds, ${partition.columns} columns, ${partition.seconds.toFixed(1)} s)` : '—'}`;
    }
    process.stderr.write(
      `n = ${n}, seed ${seed}: ${placed}/${n} placed, exact ${existence.status} (${existence.placedCount}), ${time.toFixed(0)} ms (CPU ${row.cpuTimes.at(-1)?.toFixed(0)} ms, reference ${reference.toFixed(0)} ms${values.worker ? `, worker ${row.workerTimes.at(-1)?.toFixed(0)} ms` : ''}), penalty ${result.score.total.toFixed(3)}${quality}, load ${os.loadavg()[0]?.toFixed(1)}\n`,
    );
  }
  rows.set(n, row);
}

const seconds = (list: number[]) =>
  list.length === 0
    ? '—'
    : `${(median(list) / 1000).toFixed(2)} / ${(Math.max(...list) / 1000).toFixed(2)} s`;
const percent = (list: number[]) =>
  list.length === 0 ? '' : `median ${median(list).toFixed(2)}%, max ${Math.max(...list).toFixed(2)}%`;
const header = [
  'n',
  'instances',
  'complete grouping exists (proven)',
  'heuristic alone placed all',
  'engine placed all',
  'unnecessary unplaced',
  'violations',
  'optimum proven (HiGHS + bound)',
  'gap to proven optimum',
  'engine above best lower bound (not proven)',
  'HiGHS better than engine',
  'engine wall median / max',
  'reference wall median',
  'engine ÷ reference (median)',
  'engine CPU median / max',
  ...(values.worker ? ['through the worker median / max'] : []),
  'existence proof median / max',
];
const lines = [header];
for (const [n, row] of rows) {
  const tried = row.optimumTried > 0;
  lines.push([
    String(n),
    String(seedCount),
    `${row.exists}${row.existsUnknown > 0 ? ` (+${row.existsUnknown} unknown)` : ''}`,
    String(row.heuristicPlacedAll),
    String(row.enginePlacedAll),
    String(row.unnecessary),
    String(row.violations),
    tried ? `${row.provenByMip} + ${row.provenByBound} of ${row.optimumTried}` : '—',
    tried ? percent(row.gaps) || '—' : '—',
    tried ? percent(row.boundGaps) || '—' : '—',
    tried
      ? `${row.aboveMip.length} of ${row.optimumTried}${row.aboveMip.length > 0 ? ` (by ${percent(row.aboveMip)})` : ''}`
      : '—',
    seconds(row.times),
    `${(median(row.referenceTimes) / 1000).toFixed(2)} s`,
    median(row.ratios).toFixed(2),
    seconds(row.cpuTimes),
    ...(values.worker ? [seconds(row.workerTimes)] : []),
    seconds(row.existenceTimes),
  ]);
}
const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column]!.length)));
console.log(
  'Tight rosters: groups of exactly 10, one facilitator each and none spare, supervisor pairs, 45 % of 15 blocks\n',
);
lines.forEach((line, index) => {
  console.log(`| ${line.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`);
  if (index === 0) console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
});
console.log(
  `\n${process.arch}, Node ${process.version}, load average ${os
    .loadavg()
    .map((load) => load.toFixed(1))
    .join(' / ')}`,
);
