/**
 * Tight-instance benchmark (issue 13): `node bench/grouping/tight.ts [--sizes 60,200,1000]
 * [--seeds 20] [--optimum-sizes 60] [--optimum-seconds 60]`. For each size and seed it proves
 * with the exact placement model whether a complete legal grouping exists, runs the engine as
 * shipped (heuristic + exact fallback on HiGHS) and, for comparison, the heuristic alone, and —
 * for the sizes in --optimum-sizes — asks HiGHS for the optimum of the engine's own objective
 * (bench/grouping/optimum.ts), seeded with the engine's groups. Prints one row per size.
 * Times are the engine alone, with HiGHS already loaded (loading takes ~0.1 s once per process).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { evaluateGrouping } from '../../src/core/grouping/evaluate-grouping.ts';
import { placeExactly } from '../../src/core/grouping/exact-placement.ts';
import { formGroups } from '../../src/core/grouping/form-groups.ts';
import { prepareProblem } from '../../src/core/grouping/prepare.ts';
import { loadHighsSolver } from '../../src/server/grouping/highs-solver.ts';
import { generateTightRoster } from './generate-tight-roster.ts';
import { solveOptimum, unplacedCost } from './optimum.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '60,200,1000' },
    seeds: { type: 'string', default: '20' },
    'optimum-sizes': { type: 'string', default: '60' },
    'optimum-seconds': { type: 'string', default: '60' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const seedCount = Number(values.seeds);
const optimumSizes = new Set(values['optimum-sizes'].split(',').filter(Boolean).map(Number));
const optimumSeconds = Number(values['optimum-seconds']);
const solve = await loadHighsSolver();

type Row = {
  exists: number;
  existsUnknown: number;
  enginePlacedAll: number;
  heuristicPlacedAll: number;
  unnecessary: number;
  violations: number;
  optimumProven: number;
  optimumTried: number;
  gaps: number[];
  /** Where not proven: engine objective above HiGHS's lower bound, in %. */
  boundGaps: number[];
  /** Instances where HiGHS found a better grouping than the engine within the limit. */
  improvedByMip: number;
  /** Where HiGHS found better: how far the engine is above HiGHS's grouping, in %. */
  aboveMip: number[];
  times: number[];
  /** CPU time of the same runs (this thread: the engine and HiGHS), steadier than wall time on a shared machine. */
  cpuTimes: number[];
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
    optimumProven: 0,
    optimumTried: 0,
    gaps: [],
    boundGaps: [],
    improvedByMip: 0,
    aboveMip: [],
    times: [],
    cpuTimes: [],
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

    started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = formGroups(input, { exact: { solve } });
    row.times.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    row.cpuTimes.push((cpu.user + cpu.system) / 1000);
    const placed = result.groups.reduce((sum, group) => sum + group.memberIds.length, 0);
    if (placed === n) row.enginePlacedAll++;
    if (isProven) row.unnecessary += Math.max(0, (existence.mostPlaceable ?? placed) - placed);
    row.violations += evaluateGrouping(input, { groups: result.groups }).violations.length;
    if (formGroups(input).unplaced.length === 0) row.heuristicPlacedAll++;

    if (optimumSizes.has(n) && result.groups.length > 0) {
      row.optimumTried++;
      const optimum = await solveOptimum(input, result.groups.length, optimumSeconds, result.groups);
      const leftOut = n - placed;
      if (optimum.objective !== null && optimum.unplaced === leftOut) {
        const best = optimum.objective - unplacedCost * optimum.unplaced;
        if (best < result.score.total - 1e-6) {
          row.improvedByMip++;
          row.aboveMip.push((100 * (result.score.total - best)) / Math.max(best, 1e-9));
        }
        if (optimum.status === 'optimal') {
          row.optimumProven++;
          row.gaps.push((100 * (result.score.total - best)) / Math.max(best, 1e-9));
        } else if (optimum.bound !== null) {
          const bound = optimum.bound - unplacedCost * leftOut;
          row.boundGaps.push((100 * (result.score.total - bound)) / Math.max(result.score.total, 1e-9));
        }
      }
    }
    process.stderr.write(
      `n = ${n}, seed ${seed}: ${placed}/${n} placed, exact ${existence.status} (${existence.placedCount}), ${row.times.at(-1)?.toFixed(0)} ms (CPU ${row.cpuTimes.at(-1)?.toFixed(0)} ms), penalty ${result.score.total.toFixed(3)}\n`,
    );
  }
  rows.set(n, row);
}

const header = [
  'n',
  'instances',
  'complete grouping exists (proven)',
  'heuristic alone placed all',
  'engine placed all',
  'unnecessary unplaced',
  'violations',
  'gap to proven optimum',
  'HiGHS better / engine above its bound',
  'engine time median / max',
  'engine CPU median / max',
  'existence proof median / max',
];
const lines = [header];
for (const [n, row] of rows) {
  const gap =
    row.optimumTried === 0
      ? '—'
      : row.optimumProven === 0
        ? `not proven within ${optimumSeconds} s (0 of ${row.optimumTried})`
        : `max ${Math.max(...row.gaps).toFixed(2)}% (${row.optimumProven} of ${row.optimumTried} proven)`;
  lines.push([
    String(n),
    String(seedCount),
    `${row.exists}${row.existsUnknown > 0 ? ` (+${row.existsUnknown} unknown)` : ''}`,
    String(row.heuristicPlacedAll),
    String(row.enginePlacedAll),
    String(row.unnecessary),
    String(row.violations),
    gap,
    row.optimumTried === 0
      ? '—'
      : `${row.improvedByMip} of ${row.optimumTried}${row.aboveMip.length > 0 ? ` (engine above it: median ${median(row.aboveMip).toFixed(1)}%, max ${Math.max(...row.aboveMip).toFixed(1)}%)` : ''} / ${row.boundGaps.length > 0 ? `median ${median(row.boundGaps).toFixed(0)}%, max ${Math.max(...row.boundGaps).toFixed(0)}%` : '—'}`,
    `${(median(row.times) / 1000).toFixed(2)} / ${(Math.max(...row.times) / 1000).toFixed(2)} s`,
    `${(median(row.cpuTimes) / 1000).toFixed(2)} / ${(Math.max(...row.cpuTimes) / 1000).toFixed(2)} s`,
    `${(median(row.existenceTimes) / 1000).toFixed(2)} / ${(Math.max(...row.existenceTimes) / 1000).toFixed(2)} s`,
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
