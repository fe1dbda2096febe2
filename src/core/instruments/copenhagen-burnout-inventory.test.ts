import { describe, expect, it } from 'vitest';
import { copenhagenBurnoutInventory } from './copenhagen-burnout-inventory.ts';
import { type ResponseScore, scoreResponse } from './score-response.ts';

// Answers are stored 4..0: 4 = "Always" / "To a very high degree" → 100, 3 → 75, 2 → 50, 1 → 25,
// 0 = "Never/almost never" / "To a very low degree" → 0.

function scored(values: readonly (number | null)[]): ResponseScore {
  const result = scoreResponse(
    copenhagenBurnoutInventory,
    Object.fromEntries(values.map((value, index) => [index + 1, value])),
  );
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  return result;
}

function subscale(result: ResponseScore, id: string) {
  return result.subscales.find((candidate) => candidate.subscaleId === id);
}

describe('Copenhagen Burnout Inventory scoring', () => {
  it('maps answers to 100/75/50/25/0, averages each scale and reverses item 13 as 100 − x', () => {
    const result = scored([
      // Personal, items 1–6: 3, 2, 2, 1, 3, 0 → 75 + 50 + 50 + 25 + 75 + 0 = 275 → 275 / 6 = 45.833… → 45.83.
      3, 2, 2, 1, 3, 0,
      // Work, items 7–13: 4, 3, 2, 3, 2, 1 → 100 + 75 + 50 + 75 + 50 + 25 = 375; item 13 answered 1
      // ("Seldom" enough energy) → 25 → reversed 100 − 25 = 75. 375 + 75 = 450 → 450 / 7 = 64.2857… → 64.29.
      4, 3, 2, 3, 2, 1, 1,
      // Client, items 14–19: all 2 ("Somewhat" / "Sometimes") → 50 each → 300 / 6 = 50.00.
      2, 2, 2, 2, 2, 2,
    ]);
    expect(subscale(result, 'personal-burnout')).toMatchObject({
      status: 'complete',
      score: 45.83,
      band: { id: 'lower' },
      suggestsSupport: false,
    });
    expect(subscale(result, 'work-related-burnout')).toMatchObject({
      score: 64.29,
      band: { id: 'higher' },
      suggestsSupport: true,
    });
    expect(subscale(result, 'client-related-burnout')).toMatchObject({
      score: 50,
      band: { id: 'higher' },
      suggestsSupport: true,
    });
    expect(result.supportFlags.map((flag) => flag.subscaleId)).toEqual([
      'work-related-burnout',
      'client-related-burnout',
    ]);
  });

  it('scores "Always" enough energy on item 13 as no burnout on that item', () => {
    // Work items 7–12 all 0 → 0 each; item 13 = 4 ("Always") → 100 → reversed 0. Mean 0.
    // With item 13 = 0 ("Never") instead → 0 → reversed 100; mean 100 / 7 = 14.2857… → 14.29.
    const base = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0];
    expect(subscale(scored(base), 'work-related-burnout')).toMatchObject({ score: 0 });
    const never = [...base];
    never[13 - 1] = 0;
    expect(subscale(scored(never), 'work-related-burnout')).toMatchObject({
      score: 14.29,
      band: { id: 'lower' },
    });
  });

  it('reads 46.43, the highest work score below 50, as lower', () => {
    // Work: 2, 2, 2, 2, 2, 1, item 13 = 2 → 50 × 5 + 25 + (100 − 50) = 325 → 325 / 7 = 46.428… → 46.43.
    const values = Array(19).fill(0);
    [2, 2, 2, 2, 2, 1, 2].forEach((value, index) => {
      values[7 - 1 + index] = value;
    });
    expect(subscale(scored(values), 'work-related-burnout')).toMatchObject({
      score: 46.43,
      band: { id: 'lower' },
    });
  });

  it('scores a scale from the items answered, as Kristensen et al. do, unless fewer than half are', () => {
    const values: (number | null)[] = Array(19).fill(4);
    values[16 - 1] = null;
    for (const item of [7, 8, 9, 10]) values[item - 1] = null;
    const result = scored(values);
    expect(subscale(result, 'client-related-burnout')).toMatchObject({
      status: 'complete',
      score: 100,
      missingItems: [16],
    });
    // Four of seven work items missing: fewer than half answered, so no score.
    expect(subscale(result, 'work-related-burnout')).toMatchObject({
      status: 'incomplete',
      missingItems: [7, 8, 9, 10],
    });
    expect(subscale(result, 'personal-burnout')).toMatchObject({ status: 'complete', score: 100 });
    expect(result.supportFlags.map((flag) => flag.subscaleId)).toEqual([
      'personal-burnout',
      'client-related-burnout',
    ]);
  });

  it('refuses the published item scores as answers: 100 is not an answer value', () => {
    const values = Array(19).fill(2);
    values[0] = 100;
    const result = scoreResponse(
      copenhagenBurnoutInventory,
      Object.fromEntries(values.map((value, index) => [index + 1, value])),
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: 'ANSWER_OUT_OF_SCALE', itemNumber: 1, value: 100, allowedValues: [0, 1, 2, 3, 4] }],
    });
  });
});
