import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDerivableSmallGroup, reduceFractionFree } from './find-derivable-group.ts';
import { derivableSmallGroups, isInRowSpace, rationalRank } from './rational-oracle.test-helper.ts';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `p${from + index}`);
const cell = (from: number, to: number) => new Set(range(from, to));

describe('findDerivableSmallGroup', () => {
  it('finds the difference of two nested cells', () => {
    const result = findDerivableSmallGroup([cell(1, 10), cell(1, 8)], 5);
    expect(result).toEqual({ kind: 'found', personIds: ['p9', 'p10'], cellIndices: [0, 1] });
  });

  it('finds the part a total leaves after all other parts', () => {
    const result = findDerivableSmallGroup([cell(1, 12), cell(1, 5), cell(6, 10)], 5);
    expect(result).toMatchObject({ kind: 'found', cellIndices: [0, 1, 2] });
    if (result.kind === 'found') expect([...result.personIds].sort()).toEqual(['p11', 'p12']);
  });

  it('finds an intersection by inclusion–exclusion over overlapping cells', () => {
    // X = 1..8, Y = 5..12 (intersection 5..8) and their union 1..12 minus 1..4, 9..12 distinct:
    // X + Y − (X ∪ Y) = X ∩ Y, four people.
    const union = cell(1, 12);
    const withoutSlivers = [cell(1, 8), cell(5, 12), union];
    const result = findDerivableSmallGroup(withoutSlivers, 5);
    expect(result.kind).toBe('found');
  });

  it('finds nothing in the margins of a cross-table with small inner cells', () => {
    // 2 × 2 table, each inner cell 3 people: rows, columns and total reveal no inner cell.
    const inner = [range(1, 3), range(4, 6), range(7, 9), range(10, 12)];
    const rows = [new Set([...inner[0]!, ...inner[1]!]), new Set([...inner[2]!, ...inner[3]!])];
    const columns = [new Set([...inner[0]!, ...inner[2]!]), new Set([...inner[1]!, ...inner[3]!])];
    expect(findDerivableSmallGroup([cell(1, 12), ...rows, ...columns], 5)).toEqual({ kind: 'none' });
  });

  it('finds nothing among cells of five or more that share nobody', () => {
    expect(findDerivableSmallGroup([cell(1, 5), cell(6, 11), cell(12, 20)], 5)).toEqual({ kind: 'none' });
  });

  it('says "undecided" rather than guess when the search limit is reached', () => {
    const inner = Array.from({ length: 16 }, (_, index) => range(index * 2 + 1, index * 2 + 2));
    const rows = [0, 1, 2, 3].map((r) => new Set(inner.slice(r * 4, r * 4 + 4).flat()));
    const columns = [0, 1, 2, 3].map((c) => new Set([0, 1, 2, 3].flatMap((r) => inner[r * 4 + c]!)));
    const result = findDerivableSmallGroup([...rows, ...columns], 5, { searchLimit: 1 });
    expect(result.kind).toBe('undecided');
  });

  it('agrees with a brute-force rational oracle on random cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { maxLength: 14 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 3, max: 6 }),
        (memberLists, minimum) => {
          const cells = memberLists.map((list) => new Set(list.map((person) => `p${person}`)));
          let oracle: string[][];
          try {
            oracle = derivableSmallGroups(cells, minimum);
          } catch {
            return; // too many atoms for brute force
          }
          const result = findDerivableSmallGroup(cells, minimum);
          expect(result.kind === 'found').toBe(oracle.length > 0);
          if (result.kind === 'found') {
            const group = new Set(result.personIds);
            expect(group.size).toBeGreaterThanOrEqual(1);
            expect(group.size).toBeLessThan(minimum);
            expect(
              oracle.some(
                (candidate) => candidate.length === group.size && candidate.every((p) => group.has(p)),
              ),
            ).toBe(true);
            // The cells it names suffice on their own to derive the group.
            const people = [...new Set(cells.flatMap((c) => [...c]))];
            const rows = result.cellIndices.map((index) =>
              people.map((person) => (cells[index]!.has(person) ? 1 : 0)),
            );
            expect(
              isInRowSpace(
                rows,
                people.map((person) => (group.has(person) ? 1 : 0)),
              ),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('reduceFractionFree', () => {
  it('keeps exact integers and matches the rational rank on random matrices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((width) =>
          fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 7,
          }),
        ),
        (rows) => {
          const matrix = rows.map((row) => row.map((value) => BigInt(value)));
          const { rank, pivotColumns, determinant } = reduceFractionFree(matrix, rows[0]!.length);
          expect(rank).toBe(rationalRank(rows));
          // D × RREF: each pivot D, zero in every other row of a pivot column.
          pivotColumns.forEach((column, row) => {
            matrix.forEach((values, other) => {
              expect(values[column]).toBe(other === row ? determinant : 0n);
            });
          });
          // Rows past the rank are zero.
          for (let row = rank; row < matrix.length; row++)
            expect(matrix[row]!.every((value) => value === 0n)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
