/**
 * Test-only exact rational arithmetic on BigInt, for the oracles and adversaries that check the
 * disclosure gate: kept apart from the gate's own fraction-free elimination so a mistake there is
 * caught, not copied.
 */

export type Fraction = { n: bigint; d: bigint };

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** n / d in lowest terms, the sign on the numerator. */
export function fraction(n: bigint, d = 1n): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  const divisor = gcd(n, d) || 1n;
  return { n: n / divisor, d: d / divisor };
}

export const subtract = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
export const multiply = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.n, a.d * b.d);
export const divide = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d, a.d * b.n);
