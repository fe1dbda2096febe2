/**
 * A fixed CPU workload timed beside the engine, so a figure from a shared, loaded machine can be
 * read as a ratio (engine time ÷ reference time) that the load mostly cancels out of. Random
 * reads and writes over typed arrays, like the engine's search; it never changes with the engine.
 */
export function runReferenceWork(): number {
  const cells = new Int32Array(1 << 20);
  let state = 2463534242;
  let sum = 0;
  for (let step = 0; step < 40_000_000; step++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const at = state & 0xfffff;
    cells[at] = (cells[at]! + step) | 0;
    sum = (sum + cells[(at * 7) & 0xfffff]!) | 0;
  }
  return sum;
}

/** Wall milliseconds of one reference run. */
export function timeReferenceWork(): number {
  const started = performance.now();
  runReferenceWork();
  return performance.now() - started;
}
