import { describe, expect, it } from 'vitest';
import { briefResilienceScale } from './brief-resilience-scale.ts';
import { scoreResponse } from './score-response.ts';

/** `values[n - 1]` answers item n. */
function score(values: readonly (number | null)[]) {
  const result = scoreResponse(
    briefResilienceScale,
    Object.fromEntries(values.map((value, index) => [index + 1, value])),
  );
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  const [resilience] = result.subscales;
  if (!resilience) throw new Error('no subscale');
  return { result, resilience };
}

describe('Brief Resilience Scale scoring', () => {
  it('reverses items 2, 4 and 6 as 6 − answer and reports the mean', () => {
    // Answers 4, 2, 4, 1, 3, 2. Reversed: item 2: 6 − 2 = 4, item 4: 6 − 1 = 5, item 6: 6 − 2 = 4.
    // Item scores 4, 4, 4, 5, 3, 4 → sum 24 → mean 24 / 6 = 4.00 → typical (3.00–4.30).
    const { resilience } = score([4, 2, 4, 1, 3, 2]);
    expect(resilience).toMatchObject({ status: 'complete', rawScore: 4, score: 4, band: { id: 'normal' } });
  });

  it('rounds the mean to two decimals before banding: 26 / 6 = 4.33 is high, 25 / 6 = 4.17 typical', () => {
    // Answers 5, 1, 4, 2, 4, 2 → 5, (6 − 1) = 5, 4, (6 − 2) = 4, 4, (6 − 2) = 4 → 26 / 6 = 4.333… → 4.33.
    expect(score([5, 1, 4, 2, 4, 2]).resilience).toMatchObject({ score: 4.33, band: { id: 'high' } });
    // Answers 5, 1, 4, 2, 4, 3 → 5, 5, 4, 4, 4, (6 − 3) = 3 → 25 / 6 = 4.1666… → 4.17.
    expect(score([5, 1, 4, 2, 4, 3]).resilience).toMatchObject({ score: 4.17, band: { id: 'normal' } });
  });

  it('reads 3.00 as typical and 2.83 as lower', () => {
    // All 3s: 3, (6 − 3) = 3, … → 18 / 6 = 3.00 → typical.
    expect(score([3, 3, 3, 3, 3, 3]).resilience).toMatchObject({ score: 3, band: { id: 'normal' } });
    // 2, 3, 3, 3, 3, 3 → 2 + 3 + 3 + 3 + 3 + 3 = 17 → 17 / 6 = 2.833… → 2.83 → lower.
    expect(score([2, 3, 3, 3, 3, 3]).resilience).toMatchObject({ score: 2.83, band: { id: 'low' } });
  });

  it('scores the extremes 1.00 and 5.00', () => {
    // 1, 5, 1, 5, 1, 5 → 1, (6 − 5) = 1, 1, 1, 1, 1 → 1.00. The mirror image gives 5.00.
    expect(score([1, 5, 1, 5, 1, 5]).resilience).toMatchObject({ score: 1, band: { id: 'low' } });
    expect(score([5, 1, 5, 1, 5, 1]).resilience).toMatchObject({ score: 5, band: { id: 'high' } });
  });

  it('scores from the answered items as the authors do, while at most half are missing', () => {
    // Items 1–5 answered 4, 2, 4, 1, 3 → scores 4, 4, 4, 5, 3 (2 and 4 reversed): mean 20 / 5 = 4.
    const { result, resilience } = score([4, 2, 4, 1, 3, null]);
    expect(resilience).toMatchObject({ status: 'complete', score: 4, missingItems: [6] });
    expect(result.isComplete).toBe(true);
    const tooFew = score([4, 2, null, null, null, null]);
    expect(tooFew.resilience).toMatchObject({ status: 'incomplete', missingItems: [3, 4, 5, 6] });
  });

  it('never suggests support, whatever the score', () => {
    expect(score([1, 5, 1, 5, 1, 5]).result.supportFlags).toEqual([]);
  });
});
