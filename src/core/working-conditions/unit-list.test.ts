import { describe, expect, it } from 'vitest';
import { unitListProblems } from './unit-list.ts';

describe('unit list', () => {
  it('accepts distinct named units', () => {
    expect(unitListProblems(['Ward 4', 'Ward 5', 'Pharmacy']).size).toBe(0);
  });

  it('flags blank, repeated (ignoring case and spaces), over-long and "Not stated" entries by position', () => {
    const problems = unitListProblems(['Ward 4', '  ', ' ward 4 ', 'not stated', 'x'.repeat(81)]);
    expect([...problems]).toEqual([
      [1, 'is required'],
      [2, 'is listed twice'],
      [3, '“Not stated” is always offered'],
      [4, 'must be at most 80 characters'],
    ]);
  });
});
