/**
 * A mixed-integer program as plain data, and the solver the caller passes in. The core builds
 * models and reads answers; solving happens outside it (HiGHS in the grouping worker and the
 * CLI), so the core stays free of WebAssembly loading and of the clock a time limit needs.
 */
export type MipModel = {
  columnCount: number;
  /** Minimised: Σ cost[j]·x[j]. */
  cost: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  isInteger: Uint8Array;
  rowCount: number;
  /** Rows in compressed sparse row form: row r holds entries rowStart[r]..rowStart[r+1]. */
  rowStart: Int32Array;
  rowColumns: Int32Array;
  rowValues: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** A feasible assignment to start from (the heuristic's answer), or null. */
  start: Float64Array | null;
};

export type MipAnswer = {
  /** 'optimal' is proven; 'time-limit' may still carry the best assignment found. */
  status: 'optimal' | 'infeasible' | 'time-limit' | 'failed';
  values: Float64Array | null;
  objective: number | null;
  /** Proven lower bound on the objective. */
  bound: number | null;
  /** Solver time, as the solver measured it: lets the caller share one time limit over several solves. */
  seconds: number;
  /** For a model without integer columns solved to optimality: each row's dual value. */
  rowDuals?: Float64Array | null;
};

/** Solves `model` within `timeLimitSeconds`; synchronous so `formGroups` can stay a plain function. */
export type MipSolver = (model: MipModel, limits: { timeLimitSeconds: number }) => MipAnswer;

/** Collects columns and rows; `build()` packs them into a MipModel. */
export class MipBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly isInteger: number[] = [];
  private readonly rowStart: number[] = [0];
  private readonly rowColumns: number[] = [];
  private readonly rowValues: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];

  get columnCount(): number {
    return this.cost.length;
  }

  get rowCount(): number {
    return this.rowLower.length;
  }

  addBinary(cost = 0): number {
    return this.addColumn(cost, 0, 1, true);
  }

  addColumn(cost: number, lower: number, upper: number, isInteger: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.isInteger.push(isInteger ? 1 : 0);
    return this.cost.length - 1;
  }

  /** lower ≤ Σ values[k]·x[columns[k]] ≤ upper; duplicate columns are summed. */
  addRow(columns: readonly number[], values: readonly number[], lower: number, upper: number): void {
    const merged = new Map<number, number>();
    columns.forEach((column, index) => {
      merged.set(column, (merged.get(column) ?? 0) + (values[index] ?? 0));
    });
    for (const [column, value] of merged) {
      if (value === 0) continue;
      this.rowColumns.push(column);
      this.rowValues.push(value);
    }
    this.rowStart.push(this.rowColumns.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }

  build(start: Float64Array | null): MipModel {
    return {
      columnCount: this.cost.length,
      cost: Float64Array.from(this.cost),
      lower: Float64Array.from(this.lower),
      upper: Float64Array.from(this.upper),
      isInteger: Uint8Array.from(this.isInteger),
      rowCount: this.rowLower.length,
      rowStart: Int32Array.from(this.rowStart),
      rowColumns: Int32Array.from(this.rowColumns),
      rowValues: Float64Array.from(this.rowValues),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      start,
    };
  }
}
