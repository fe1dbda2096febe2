import { describe, expect, it } from 'vitest';
import { scoreResponse } from './score-response.ts';
import { who5 } from './who-5.ts';

function score(values: readonly (number | null)[]) {
  const result = scoreResponse(who5, Object.fromEntries(values.map((value, index) => [index + 1, value])));
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  const [wellBeing] = result.subscales;
  if (!wellBeing) throw new Error('no subscale');
  return { result, wellBeing };
}

describe('WHO-5 scoring', () => {
  it('multiplies the raw sum by 4', () => {
    // 4 + 3 + 3 + 2 + 5 = 17 raw → 17 × 4 = 68 → good well-being, no support flag.
    const { result, wellBeing } = score([4, 3, 3, 2, 5]);
    expect(wellBeing).toMatchObject({ status: 'complete', rawScore: 17, score: 68, band: { id: 'good' } });
    expect(result.supportFlags).toEqual([]);
  });

  it('reads a percentage of 28 or less as very low and offers support', () => {
    // 2 + 2 + 1 + 1 + 1 = 7 raw → 28 → very low (≤ 28).
    const { result, wellBeing } = score([2, 2, 1, 1, 1]);
    expect(wellBeing).toMatchObject({
      rawScore: 7,
      score: 28,
      band: { id: 'very-low' },
      suggestsSupport: true,
    });
    expect(result.supportFlags).toEqual([
      { subscaleId: 'well-being', subscaleName: 'Well-being', bandId: 'very-low', bandLabel: 'Very low' },
    ]);
  });

  it('reads raw 12 (48) as low with support, and raw 13 (52) as good', () => {
    // 3 + 3 + 2 + 2 + 2 = 12 raw → 48 ≤ 50 → low, support offered.
    expect(score([3, 3, 2, 2, 2]).wellBeing).toMatchObject({
      score: 48,
      band: { id: 'low' },
      suggestsSupport: true,
    });
    // 3 + 3 + 2 + 2 + 3 = 13 raw → 52 > 50 → good.
    expect(score([3, 3, 2, 2, 3]).wellBeing).toMatchObject({
      score: 52,
      band: { id: 'good' },
      suggestsSupport: false,
    });
    // 2 + 2 + 2 + 1 + 1 = 8 raw → 32: the first score above 28 → low.
    expect(score([2, 2, 2, 1, 1]).wellBeing).toMatchObject({ score: 32, band: { id: 'low' } });
  });

  it('spans 0 ("At no time" throughout) to 100 ("All of the time")', () => {
    expect(score([0, 0, 0, 0, 0]).wellBeing).toMatchObject({ score: 0, band: { id: 'very-low' } });
    expect(score([5, 5, 5, 5, 5]).wellBeing).toMatchObject({ score: 100, band: { id: 'good' } });
  });

  it('leaves the index incomplete when an item is unanswered', () => {
    expect(score([5, 5, null, 5, 5]).wellBeing).toMatchObject({ status: 'incomplete', missingItems: [3] });
  });

  it('refuses 6 and −1 with a problem per item', () => {
    const result = scoreResponse(who5, { 1: 6, 2: -1, 3: 3, 4: 3, 5: 3 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.problems.map((problem) => problem.code === 'ANSWER_OUT_OF_SCALE' && problem.itemNumber),
    ).toEqual([1, 2]);
    expect(result.problems[0]?.message).toBe('Item 1 of WHO-5 accepts 0, 1, 2, 3, 4 or 5; it received 6.');
  });
});
