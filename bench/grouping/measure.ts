/**
 * One benchmark measurement in its own process (so peak memory is its own):
 *   node bench/grouping/measure.ts <n> <seed> <random|greedy|engine|optimum> [timeLimitSeconds]
 * Prints one JSON line. Objective and violations always come from evaluateGrouping, the same
 * scorer for every method.
 */
import { evaluateGrouping } from '../../src/core/grouping/evaluate-grouping.ts';
import { formGroups } from '../../src/core/grouping/form-groups.ts';
import type { GroupAssignment } from '../../src/core/grouping/model.ts';
import { loadHighsSolver } from '../../src/server/grouping/highs-solver.ts';
import { greedyGroups, randomGroups } from './baselines.ts';
import { generateRoster } from './generate-roster.ts';
import { solveOptimum, unplacedCost } from './optimum.ts';

export type Measurement = {
  n: number;
  seed: number;
  method: string;
  groups: number;
  violations: number;
  unplaced: number;
  objective: number;
  timeMs: number;
  peakMb: number;
  status?: string;
  bound?: number | null;
};

const [countText = '30', seedText = '1', method = 'engine', limitText = '60'] = process.argv.slice(2);
const n = Number(countText);
const seed = Number(seedText);
const input = generateRoster(n, seed * 1000 + n);

let assignment: GroupAssignment;
let status: string | undefined;
let bound: number | null | undefined;
let timeMs: number;
if (method === 'optimum') {
  const engine = formGroups(input);
  const started = performance.now();
  const optimum = await solveOptimum(input, engine.groups.length, Number(limitText), engine.groups);
  timeMs = performance.now() - started;
  assignment = { groups: optimum.groups };
  status = optimum.status;
  // The MIP objective counts `unplacedCost` per person left out; report the penalty part, like the others.
  const leftOut = optimum.objective === null ? 0 : Math.floor((optimum.objective + 1e-6) / unplacedCost);
  bound =
    optimum.bound === null
      ? null
      : optimum.bound - unplacedCost * Math.min(leftOut, Math.floor((optimum.bound + 1e-6) / unplacedCost));
} else {
  // The engine as shipped: heuristic plus the exact fallback; HiGHS is loaded before timing.
  const solve = method === 'engine' ? await loadHighsSolver() : undefined;
  const started = performance.now();
  assignment =
    method === 'random'
      ? randomGroups(input)
      : method === 'greedy'
        ? greedyGroups(input)
        : {
            groups: formGroups(input, solve ? { exact: { solve } } : {}).groups.map((group) => ({
              id: group.id,
              memberIds: group.memberIds,
              slot: group.slot,
            })),
          };
  timeMs = performance.now() - started;
}
const evaluation = evaluateGrouping(input, assignment);
const measurement: Measurement = {
  n,
  seed,
  method,
  groups: assignment.groups.length,
  violations: evaluation.violations.length,
  unplaced: evaluation.unassignedIds.length,
  objective: evaluation.score.total,
  timeMs,
  peakMb: process.resourceUsage().maxRSS / 1024,
  ...(status === undefined ? {} : { status, bound }),
};
process.stdout.write(`${JSON.stringify(measurement)}\n`);
