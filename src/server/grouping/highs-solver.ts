/**
 * The MIP solver the grouping engine's exact fallback uses: HiGHS compiled to WebAssembly.
 * Loading the runtime is asynchronous (it reads highs.wasm); each solve afterwards is
 * synchronous, which is what lets `formGroups` stay a plain function. Used by the grouping
 * worker and by `tend groups form`; never on the request thread.
 */
import type { MipAnswer, MipModel, MipSolver } from '../../core/grouping/mip.ts';

type HighsModel = {
  options: { set(values: Record<string, unknown>): unknown };
  info: { get(name: string): number | bigint };
  passModel(model: unknown): unknown;
  setSolution(solution: { colValue: Float64Array }): unknown;
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: Float64Array; rowDual: Float64Array };
  getRunTime(): number;
  dispose(): void;
};
type HighsRuntime = { createModel(): HighsModel; infinity: number };

let runtime: Promise<HighsRuntime> | null = null;

/** Loads HiGHS once per thread and returns a solver over it. */
export async function loadHighsSolver(): Promise<MipSolver> {
  // highs ships ESM at runtime but CommonJS-typed declarations; the default export is the loader.
  runtime ??= import('highs').then((module) =>
    (module as unknown as { default: () => Promise<HighsRuntime> }).default(),
  );
  const highs = await runtime;
  return (model, limits) => solveWith(highs, model, limits.timeLimitSeconds);
}

function finite(values: Float64Array, infinity: number): Float64Array {
  return values.map((value) =>
    value === Number.POSITIVE_INFINITY ? infinity : value === Number.NEGATIVE_INFINITY ? -infinity : value,
  );
}

function solveWith(highs: HighsRuntime, model: MipModel, timeLimitSeconds: number): MipAnswer {
  if (model.columnCount === 0) {
    const isFeasible = model.rowLower.every((lower, row) => lower <= 0 && model.rowUpper[row]! >= 0);
    return isFeasible
      ? { status: 'optimal', values: new Float64Array(0), objective: 0, bound: 0, seconds: 0 }
      : { status: 'infeasible', values: null, objective: null, bound: null, seconds: 0 };
  }
  const instance = highs.createModel();
  try {
    // This build is single-threaded, and HiGHS is deterministic unless the time limit stops it.
    // Placement models are feasibility problems: a complete grouping is the whole answer, so the
    // solver spends more on primal heuristics than its default (measured: about 2× faster).
    instance.options.set({ output_flag: false, mip_heuristic_effort: 1, time_limit: timeLimitSeconds });
    instance.passModel({
      numCols: model.columnCount,
      numRows: model.rowCount,
      colCost: model.cost,
      colLower: model.lower,
      colUpper: model.upper,
      rowLower: finite(model.rowLower, highs.infinity),
      rowUpper: finite(model.rowUpper, highs.infinity),
      matrix: {
        format: 'csr',
        numRows: model.rowCount,
        numCols: model.columnCount,
        starts: model.rowStart,
        indices: model.rowColumns,
        values: model.rowValues,
      },
      integrality: Int32Array.from(model.isInteger),
    });
    if (model.start) {
      try {
        instance.setSolution({ colValue: model.start });
      } catch {
        // A start is only a hint; HiGHS refusing it must not stop the solve.
      }
    }
    instance.run();
    const code = instance.getModelStatus();
    // HiGHS model status codes: 7 optimal, 8 infeasible, 13 time limit.
    const status = code === 7 ? 'optimal' : code === 8 ? 'infeasible' : code === 13 ? 'time-limit' : 'failed';
    const objective = instance.getObjectiveValue();
    const hasSolution = (status === 'optimal' || status === 'time-limit') && Number.isFinite(objective);
    let bound: number | null = null;
    try {
      const value = Number(instance.info.get('mip_dual_bound'));
      bound = Number.isFinite(value) ? value : null;
    } catch {
      bound = null;
    }
    const isLinear = model.isInteger.every((flag) => flag === 0);
    const solution = hasSolution ? instance.getSolution() : null;
    return {
      status,
      values: solution?.colValue ?? null,
      rowDuals: isLinear && status === 'optimal' ? (solution?.rowDual ?? null) : null,
      objective: hasSolution ? objective : null,
      bound: status === 'optimal' && hasSolution ? objective : bound,
      seconds: instance.getRunTime(),
    };
  } finally {
    instance.dispose();
  }
}
