import { describe, expect, it } from 'vitest';
import { logGamma, regularizedIncompleteBeta, studentTCumulative, studentTQuantile } from './student-t.ts';

describe('studentTQuantile', () => {
  // Two-sided 95% critical values (p = 0.975) from standard t tables, to 4 decimals or more.
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [3, 3.1824],
    [4, 2.7764],
    [5, 2.5706],
    [9, 2.2622],
    [10, 2.2281],
    [19, 2.093],
    [29, 2.0452],
    [30, 2.0423],
    [60, 2.0003],
    [120, 1.9799],
  ])('gives t(0.975, %i) = %f', (degreesOfFreedom, expected) => {
    expect(Math.abs(studentTQuantile(0.975, degreesOfFreedom) - expected)).toBeLessThan(1e-4);
  });

  it.each([
    [0.95, 10, 1.8125],
    [0.9, 5, 1.4759],
    [0.995, 4, 4.6041],
    [0.995, 30, 2.75],
    [0.9995, 1, 636.6192],
    [0.9995, 10, 4.5869],
    [0.75, 3, 0.7649],
  ])('gives t(%f, %i) = %f', (p, degreesOfFreedom, expected) => {
    expect(Math.abs(studentTQuantile(p, degreesOfFreedom) - expected) / expected).toBeLessThan(1e-4);
  });

  it('is symmetric and 0 at the median', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-studentTQuantile(0.975, 10), 12);
  });

  it('approaches the normal quantile 1.959964 for very many degrees of freedom', () => {
    expect(Math.abs(studentTQuantile(0.975, 1e6) - 1.959964)).toBeLessThan(1e-5);
  });

  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    // ν = 1 (Cauchy): tan(π(p − ½)). ν = 2: (2p − 1) / √(2p(1 − p)).
    for (const p of [0.6, 0.8, 0.9, 0.99, 0.999]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 8);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 8);
    }
  });

  it('inverts the cumulative distribution', () => {
    for (const degreesOfFreedom of [1, 2.5, 7, 40, 300]) {
      for (const p of [0.001, 0.05, 0.3, 0.7, 0.975, 0.9999]) {
        expect(studentTCumulative(studentTQuantile(p, degreesOfFreedom), degreesOfFreedom)).toBeCloseTo(
          p,
          10,
        );
      }
    }
  });

  it('refuses p outside (0, 1) and non-positive degrees of freedom', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, Number.NaN)).toThrow(RangeError);
  });
});

describe('studentTCumulative', () => {
  it('matches known values', () => {
    // ν = 1: ½ + atan(t)/π.
    expect(studentTCumulative(1, 1)).toBeCloseTo(0.75, 12);
    expect(studentTCumulative(2.228139, 10)).toBeCloseTo(0.975, 6);
    expect(studentTCumulative(-2.228139, 10)).toBeCloseTo(0.025, 6);
    expect(studentTCumulative(0, 3)).toBe(0.5);
    expect(studentTCumulative(Number.POSITIVE_INFINITY, 3)).toBe(1);
  });
});

describe('special functions', () => {
  it('computes ln Γ at integers and halves', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(4.5)).toBeCloseTo(Math.log(11.631728396567448), 12);
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 10);
  });

  it('computes I_x(a, b) against closed forms', () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedIncompleteBeta(0.3, 3, 1)).toBeCloseTo(0.027, 14);
    expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
    expect(regularizedIncompleteBeta(0.5, 7, 7)).toBeCloseTo(0.5, 14);
  });
});
