import { mean, standardDeviation } from './descriptive-statistics.ts';
import { logGamma, studentTQuantile } from './student-t.ts';

/** One person's score at the start (before) and at follow-up (after) on the same subscale. */
export type PairedScores = { before: number; after: number };

export type PairedChangeSummary = {
  /** Number of people with both scores. */
  n: number;
  meanBefore: number;
  meanAfter: number;
  standardDeviationBefore: number | null;
  standardDeviationAfter: number | null;
  /** Mean of (after − before): positive means scores went up, whatever the subscale's direction. */
  meanChange: number;
  standardDeviationOfChange: number | null;
  standardErrorOfChange: number | null;
  /** meanChange ± t(1 − α/2, n − 1) · SD_change / √n; null below two people. */
  confidenceInterval: { level: number; lower: number; upper: number } | null;
  /** Cohen's d_z = meanChange / SD_change; null below two people or when every change is the same. */
  cohensDz: number | null;
  /**
   * Hedges' g_av = J(n − 1) · d_av, with d_av = meanChange / ((SD_before + SD_after) / 2) (Lakens
   * 2013, eqs. 10–11): the effect size comparable with between-group studies; null below three
   * people or without spread.
   */
  hedgesGav: number | null;
};

/**
 * Hedges' small-sample correction J(ν) = Γ(ν/2) / (√(ν/2) · Γ((ν − 1)/2)), exact form from Hedges
 * (1981); its familiar approximation is 1 − 3/(4ν − 1). For a paired design ν = n − 1, the degrees
 * of freedom of SD_change. Defined for ν > 1.
 */
export function hedgesCorrection(degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 1))
    throw new RangeError(`Hedges' correction needs ν > 1, got ${degreesOfFreedom}`);
  const halfNu = degreesOfFreedom / 2;
  return Math.exp(logGamma(halfNu) - logGamma(halfNu - 0.5)) / Math.sqrt(halfNu);
}

/**
 * Summarises change in a paired (before/after) design.
 *
 * Effect sizes, each under its own name (Lakens 2013):
 * - Cohen's d_z = M_change / SD_change (eq. 6), standardised by the SD of the individual changes:
 *   the effect size the paired t-test tests (t = d_z · √n).
 * - Hedges' g_av = J(n − 1) · M_change / ((SD_before + SD_after) / 2) (eqs. 10–11), standardised by
 *   the average of the before and after SDs and corrected for small samples with Hedges' exact J:
 *   the one to compare with studies of separate groups.
 *
 * Returns null when there are no pairs.
 */
export function summarizePairedChange(
  pairs: readonly PairedScores[],
  options: { confidenceLevel?: number } = {},
): PairedChangeSummary | null {
  const level = options.confidenceLevel ?? 0.95;
  if (!(level > 0 && level < 1))
    throw new RangeError(`confidence level must be between 0 and 1, got ${level}`);
  const n = pairs.length;
  const before = pairs.map((pair) => pair.before);
  const after = pairs.map((pair) => pair.after);
  const changes = pairs.map((pair) => pair.after - pair.before);
  const meanChange = mean(changes);
  if (meanChange === null) return null;
  const standardDeviationOfChange = standardDeviation(changes);
  const standardErrorOfChange =
    standardDeviationOfChange === null ? null : standardDeviationOfChange / Math.sqrt(n);
  let confidenceInterval: PairedChangeSummary['confidenceInterval'] = null;
  if (standardErrorOfChange !== null) {
    const margin = cachedTQuantile(1 - (1 - level) / 2, n - 1) * standardErrorOfChange;
    confidenceInterval = { level, lower: meanChange - margin, upper: meanChange + margin };
  }
  const cohensDz =
    standardDeviationOfChange === null || standardDeviationOfChange === 0
      ? null
      : meanChange / standardDeviationOfChange;
  return {
    n,
    meanBefore: mean(before) as number,
    meanAfter: mean(after) as number,
    standardDeviationBefore: standardDeviation(before),
    standardDeviationAfter: standardDeviation(after),
    meanChange,
    standardDeviationOfChange,
    standardErrorOfChange,
    confidenceInterval,
    cohensDz,
    hedgesGav: averageStandardizedChange(meanChange, before, after, n),
  };
}

/** Hedges' g_av (see `summarizePairedChange`); null below three people or with no spread at all. */
function averageStandardizedChange(
  meanChange: number,
  before: readonly number[],
  after: readonly number[],
  n: number,
): number | null {
  const spreadBefore = standardDeviation(before);
  const spreadAfter = standardDeviation(after);
  if (n < 3 || spreadBefore === null || spreadAfter === null) return null;
  const averageSpread = (spreadBefore + spreadAfter) / 2;
  return averageSpread === 0 ? null : hedgesCorrection(n - 1) * (meanChange / averageSpread);
}

/**
 * t quantiles already worked out, by probability and degrees of freedom: a publication asks for the
 * same few (one per group size) tens of thousands of times, and each is a root search.
 */
const tQuantiles = new Map<string, number>();

function cachedTQuantile(p: number, degreesOfFreedom: number): number {
  const key = `${p}|${degreesOfFreedom}`;
  let quantile = tQuantiles.get(key);
  if (quantile === undefined) {
    quantile = studentTQuantile(p, degreesOfFreedom);
    tQuantiles.set(key, quantile);
  }
  return quantile;
}
