/** Plain descriptive statistics. Empty or too-short inputs give null rather than NaN. */

function checkFinite(values: readonly number[]): void {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`statistics need finite numbers, got ${value}`);
  }
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  checkFinite(values);
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample standard deviation (divisor n − 1, two-pass for accuracy); null for fewer than two values. */
export function standardDeviation(values: readonly number[]): number | null {
  const average = mean(values);
  if (average === null || values.length < 2) return null;
  let squares = 0;
  for (const value of values) squares += (value - average) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}
