import { describe, expect, it } from 'vitest';
import { mean, standardDeviation } from './descriptive-statistics.ts';
import { hedgesCorrection, summarizePairedChange } from './paired-change.ts';

describe('mean and standardDeviation', () => {
  it('compute the mean and the sample (n − 1) standard deviation', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32 / 7.
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });

  it('give null where undefined instead of NaN, and refuse non-finite input', () => {
    expect(mean([])).toBeNull();
    expect(standardDeviation([3])).toBeNull();
    expect(() => mean([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('summarizePairedChange', () => {
  it('works a five-person example by hand', () => {
    // before 10, 12, 9, 11, 13 (mean 55 / 5 = 11); after 14, 13, 15, 12, 16 (mean 70 / 5 = 14).
    // Changes 4, 1, 6, 1, 3: mean 15 / 5 = 3; deviations 1, −2, 3, −2, 0; squares sum 18;
    // SD = √(18 / 4) = √4.5 = 2.1213203; SE = 2.1213203 / √5 = 0.9486833.
    // t(0.975, 4) = 2.7764451 → margin 2.6339705 → 95% CI 0.3660295 to 5.6339705.
    // d_z = 3 / 2.1213203 = 1.4142136 (= √2, since 3 / √4.5 = √2).
    // J(4) = Γ(2) / (√2 · Γ(1.5)) = 1 / (1.4142136 · 0.8862269) = 0.7978846 → g_z = 1.1283792.
    const summary = summarizePairedChange([
      { before: 10, after: 14 },
      { before: 12, after: 13 },
      { before: 9, after: 15 },
      { before: 11, after: 12 },
      { before: 13, after: 16 },
    ]);
    expect(summary).not.toBeNull();
    if (!summary) return;
    expect(summary.n).toBe(5);
    expect(summary.meanBefore).toBe(11);
    expect(summary.meanAfter).toBe(14);
    expect(summary.meanChange).toBe(3);
    expect(summary.standardDeviationBefore).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(summary.standardDeviationOfChange).toBeCloseTo(2.1213203, 6);
    expect(summary.standardErrorOfChange).toBeCloseTo(0.9486833, 6);
    expect(summary.confidenceInterval?.level).toBe(0.95);
    expect(summary.confidenceInterval?.lower).toBeCloseTo(0.3660295, 5);
    expect(summary.confidenceInterval?.upper).toBeCloseTo(5.6339705, 5);
    expect(summary.cohensDz).toBeCloseTo(Math.SQRT2, 12);
    // Hedges' g_av: d_av = 3 / ((1.5811388 + 1.5811388) / 2) = 1.8973666, J(4) = 0.7978846.
    expect(summary.hedgesGav).toBeCloseTo(1.8973666 * 0.7978846, 6);
    // Not J · d_z, which an earlier version reported as "Hedges' g".
    expect(summary.hedgesGav).not.toBeCloseTo(0.7978846 * Math.SQRT2, 3);
  });

  it('widens the interval for a 99% level', () => {
    // t(0.995, 4) = 4.6040949 → margin 4.6040949 × 0.9486833 = 4.3678289.
    const summary = summarizePairedChange(
      [
        { before: 10, after: 14 },
        { before: 12, after: 13 },
        { before: 9, after: 15 },
        { before: 11, after: 12 },
        { before: 13, after: 16 },
      ],
      { confidenceLevel: 0.99 },
    );
    expect(summary?.confidenceInterval?.upper).toBeCloseTo(3 + 4.3678289, 5);
  });

  it('reports a fall as a negative change', () => {
    const summary = summarizePairedChange([
      { before: 40, after: 30 },
      { before: 35, after: 31 },
    ]);
    // Changes −10, −4: mean −7, SD √((9 + 9) / 1) = 4.2426407, d_z = −7 / 4.2426407 = −1.6499158.
    expect(summary?.meanChange).toBe(-7);
    expect(summary?.cohensDz).toBeCloseTo(-1.6499158, 6);
    // Two people: ν = 1, Hedges' correction is undefined.
    expect(summary?.hedgesGav).toBeNull();
  });

  it('gives no spread-based figures for one person or identical changes', () => {
    expect(summarizePairedChange([])).toBeNull();
    const one = summarizePairedChange([{ before: 3, after: 4 }]);
    expect(one).toMatchObject({
      n: 1,
      meanChange: 1,
      standardDeviationOfChange: null,
      confidenceInterval: null,
    });
    expect(one?.cohensDz).toBeNull();
    const same = summarizePairedChange([
      { before: 3, after: 5 },
      { before: 4, after: 6 },
      { before: 1, after: 3 },
    ]);
    expect(same).toMatchObject({
      meanChange: 2,
      standardDeviationOfChange: 0,
      cohensDz: null,
    });
    // g_av does not need the changes to vary: 2 / √(7/3) with J(2) = 1/Γ(1/2) = 0.5641896.
    expect(same?.hedgesGav).toBeCloseTo((0.5641896 * 2) / Math.sqrt(7 / 3), 6);
    expect(same?.confidenceInterval).toEqual({ level: 0.95, lower: 2, upper: 2 });
  });
});

describe('hedgesCorrection', () => {
  it('is the exact gamma-ratio form, close to 1 − 3/(4ν − 1)', () => {
    // J(9) = Γ(4.5) / (√4.5 · Γ(4)) = 11.6317284 / (2.1213203 · 6) = 11.6317284 / 12.7279221 = 0.9138749.
    expect(hedgesCorrection(9)).toBeCloseTo(0.9138749, 6);
    for (const nu of [5, 10, 20, 50, 200]) {
      expect(Math.abs(hedgesCorrection(nu) - (1 - 3 / (4 * nu - 1)))).toBeLessThan(0.002);
    }
    expect(() => hedgesCorrection(1)).toThrow(RangeError);
  });
});
