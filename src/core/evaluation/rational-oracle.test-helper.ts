/**
 * Test-only exact rational linear algebra, written independently of find-derivable-group.ts so the
 * property tests can check it against a brute-force oracle.
 */

import { divide, fraction, multiply, subtract } from './exact-fractions.test-helper.ts';

/** Rank over the rationals of an integer matrix. */
export function rationalRank(rows: readonly (readonly number[])[]): number {
  const matrix = rows.map((row) => row.map((value) => fraction(BigInt(value))));
  const width = matrix[0]?.length ?? 0;
  let rank = 0;
  for (let column = 0; column < width && rank < matrix.length; column++) {
    const pivotRow = matrix.findIndex((row, index) => index >= rank && row[column]!.n !== 0n);
    if (pivotRow < 0) continue;
    [matrix[rank], matrix[pivotRow]] = [matrix[pivotRow]!, matrix[rank]!];
    const pivot = matrix[rank]!;
    for (let row = 0; row < matrix.length; row++) {
      if (row === rank || matrix[row]![column]!.n === 0n) continue;
      const factor = divide(matrix[row]![column]!, pivot[column]!);
      matrix[row] = matrix[row]!.map((value, index) => subtract(value, multiply(factor, pivot[index]!)));
    }
    rank++;
  }
  return rank;
}

/** Whether `vector` is a rational combination of `rows`. */
export function isInRowSpace(rows: readonly (readonly number[])[], vector: readonly number[]): boolean {
  if (rows.length === 0) return vector.every((value) => value === 0);
  return rationalRank([...rows, vector]) === rationalRank(rows);
}

/**
 * Brute force: every group of people, made of whole atoms of the released cells, with 1 to
 * minimum − 1 members, whose total can be worked out from the released cells.
 */
export function derivableSmallGroups(cells: readonly ReadonlySet<string>[], minimum: number): string[][] {
  const signatures = new Map<string, string[]>();
  const people = new Set(cells.flatMap((cell) => [...cell]));
  for (const person of people) {
    const signature = cells.map((cell) => (cell.has(person) ? '1' : '0')).join('');
    signatures.set(signature, [...(signatures.get(signature) ?? []), person]);
  }
  const atoms = [...signatures.entries()];
  if (atoms.length > 16) throw new Error('too many atoms for brute force');
  const rows = cells.map((cell) => atoms.map(([, members]) => (cell.has(members[0]!) ? 1 : 0)));
  const groups: string[][] = [];
  for (let mask = 1; mask < 1 << atoms.length; mask++) {
    const chosen = atoms.filter((_, index) => mask & (1 << index));
    const size = chosen.reduce((total, [, members]) => total + members.length, 0);
    if (size >= minimum) continue;
    const indicator = atoms.map((_, index) => (mask & (1 << index) ? 1 : 0));
    if (isInRowSpace(rows, indicator)) groups.push(chosen.flatMap(([, members]) => members));
  }
  return groups;
}
