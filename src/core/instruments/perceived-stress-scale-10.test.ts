import { describe, expect, it } from 'vitest';
import { perceivedStressScale10 } from './perceived-stress-scale-10.ts';
import { scoreResponse } from './score-response.ts';

function score(values: readonly (number | null)[]) {
  const result = scoreResponse(
    perceivedStressScale10,
    Object.fromEntries(values.map((value, index) => [index + 1, value])),
  );
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  const [stress] = result.subscales;
  if (!stress) throw new Error('no subscale');
  return { result, stress };
}

describe('PSS-10 scoring', () => {
  it('reverses items 4, 5, 7 and 8 as 4 − answer and sums all ten', () => {
    // Answers 2, 3, 3, 1, 1, 2, 2, 1, 3, 2.
    // Reversed: item 4: 4 − 1 = 3, item 5: 4 − 1 = 3, item 7: 4 − 2 = 2, item 8: 4 − 1 = 3.
    // 2 + 3 + 3 + 3 + 3 + 2 + 2 + 3 + 3 + 2 = 26 → moderate (14–26, a convention).
    const { stress } = score([2, 3, 3, 1, 1, 2, 2, 1, 3, 2]);
    expect(stress).toMatchObject({ status: 'complete', rawScore: 26, score: 26, band: { id: 'moderate' } });
  });

  it('scores "Never" throughout as 16, because the four positive items reverse to 4', () => {
    // Six plain items 0 + four reversed items (4 − 0) × 4 = 16.
    expect(score(Array(10).fill(0)).stress).toMatchObject({ score: 16 });
    // "Very Often" throughout: 6 × 4 + 4 × (4 − 4) = 24.
    expect(score(Array(10).fill(4)).stress).toMatchObject({ score: 24 });
  });

  it('never flags support: the PSS has no official cut-offs', () => {
    // 3 + 3 + 3 + (4 − 0) + (4 − 0) + 3 + (4 − 1) + (4 − 1) + 3 + 3 = 32 → the conventional "higher" band.
    const { result, stress } = score([3, 3, 3, 0, 0, 3, 1, 1, 3, 3]);
    expect(stress).toMatchObject({ score: 32, band: { id: 'high' }, suggestsSupport: false });
    expect(result.supportFlags).toEqual([]);
  });

  it('leaves the scale incomplete when any item is unanswered', () => {
    expect(score([2, 3, 3, 1, null, 2, 2, 1, null, 2]).stress).toMatchObject({
      status: 'incomplete',
      missingItems: [5, 9],
    });
  });
});
