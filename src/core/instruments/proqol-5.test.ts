import { describe, expect, it } from 'vitest';
import { proqol5 } from './proqol-5.ts';
import { type Answers, type ResponseScore, scoreResponse } from './score-response.ts';

/** Answers for all 30 items: `answers[n - 1]` is the answer to item n. */
function answersFrom(values: readonly (number | null)[]): Answers {
  return Object.fromEntries(values.map((value, index) => [index + 1, value]));
}

function scored(answers: Answers): ResponseScore {
  const result = scoreResponse(proqol5, answers);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  return result;
}

function subscale(result: ResponseScore, id: string) {
  const found = result.subscales.find((candidate) => candidate.subscaleId === id);
  if (!found) throw new Error(`no subscale ${id}`);
  return found;
}

describe('ProQOL 5 scoring', () => {
  it('scores all "Sometimes" as 30 on every subscale, reversed items included', () => {
    // Every answer 3. CS: 10 × 3 = 30. STS: 10 × 3 = 30.
    // BO: five reversed items 6 − 3 = 3 each, five plain items 3 each: 10 × 3 = 30.
    const result = scored(answersFrom(Array(30).fill(3)));
    for (const id of ['compassion-satisfaction', 'burnout', 'secondary-traumatic-stress']) {
      expect(subscale(result, id)).toMatchObject({ status: 'complete', rawScore: 30, score: 30 });
      expect(subscale(result, id)).toMatchObject({ band: { id: 'moderate' } });
    }
    expect(result.supportFlags).toEqual([]);
    expect(result.isComplete).toBe(true);
  });

  it('reverses burnout items 1, 4, 15, 17 and 29 as 6 − answer', () => {
    // Every answer 5 ("Very Often"). BO plain items 8, 10, 19, 21, 26: 5 × 5 = 25.
    // BO reversed items 1, 4, 15, 17, 29: (6 − 5) × 5 = 5. BO = 25 + 5 = 30, not 50.
    // CS and STS have no reversed items: 10 × 5 = 50 each.
    const result = scored(answersFrom(Array(30).fill(5)));
    expect(subscale(result, 'burnout')).toMatchObject({ score: 30, band: { id: 'moderate' } });
    expect(subscale(result, 'compassion-satisfaction')).toMatchObject({ score: 50, band: { id: 'high' } });
    expect(subscale(result, 'secondary-traumatic-stress')).toMatchObject({ score: 50, band: { id: 'high' } });
  });

  it('scores a hand-worked response item by item and flags high burnout and STS for support', () => {
    const values: (number | null)[] = Array(30).fill(null);
    const answer = (item: number, value: number) => {
      values[item - 1] = value;
    };
    // Burnout. Reversed: item 1 = 1 → 5, item 4 = 1 → 5, item 15 = 2 → 4, item 17 = 1 → 5,
    // item 29 = 1 → 5 (sum 24). Plain: 8 = 4, 10 = 5, 19 = 5, 21 = 4, 26 = 5 (sum 23).
    // BO = 24 + 23 = 47 → high (42 or more).
    answer(1, 1);
    answer(4, 1);
    answer(15, 2);
    answer(17, 1);
    answer(29, 1);
    answer(8, 4);
    answer(10, 5);
    answer(19, 5);
    answer(21, 4);
    answer(26, 5);
    // STS: 2 = 5, 5 = 4, 7 = 5, 9 = 4, 11 = 5, 13 = 4, 14 = 5, 23 = 4, 25 = 5, 28 = 1.
    // 5 + 4 + 5 + 4 + 5 + 4 + 5 + 4 + 5 + 1 = 42 → high, exactly on the boundary.
    for (const [item, value] of [
      [2, 5],
      [5, 4],
      [7, 5],
      [9, 4],
      [11, 5],
      [13, 4],
      [14, 5],
      [23, 4],
      [25, 5],
      [28, 1],
    ] as const) {
      answer(item, value);
    }
    // CS: 3 = 2, 6 = 2, 12 = 3, 16 = 2, 18 = 2, 20 = 3, 22 = 2, 24 = 2, 27 = 2, 30 = 2.
    // 2 + 2 + 3 + 2 + 2 + 3 + 2 + 2 + 2 + 2 = 22 → low, exactly on the boundary.
    for (const [item, value] of [
      [3, 2],
      [6, 2],
      [12, 3],
      [16, 2],
      [18, 2],
      [20, 3],
      [22, 2],
      [24, 2],
      [27, 2],
      [30, 2],
    ] as const) {
      answer(item, value);
    }

    const result = scored(answersFrom(values));
    expect(subscale(result, 'burnout')).toMatchObject({
      score: 47,
      band: { id: 'high' },
      suggestsSupport: true,
    });
    expect(subscale(result, 'secondary-traumatic-stress')).toMatchObject({
      score: 42,
      band: { id: 'high' },
      suggestsSupport: true,
    });
    expect(subscale(result, 'compassion-satisfaction')).toMatchObject({
      score: 22,
      band: { id: 'low' },
      suggestsSupport: false,
    });
    expect(result.supportFlags.map((flag) => flag.subscaleId)).toEqual([
      'burnout',
      'secondary-traumatic-stress',
    ]);
  });

  it('reads 41 as moderate and 23 as moderate, the inner edges of the bands', () => {
    // STS: nine answers of 4 and one of 5: 36 + 5 = 41. CS: seven 2s and three 3s: 14 + 9 = 23.
    const values = Array(30).fill(3);
    for (const item of [2, 5, 7, 9, 11, 13, 14, 23, 25]) values[item - 1] = 4;
    values[28 - 1] = 5;
    for (const item of [3, 6, 12, 16, 18, 20, 22]) values[item - 1] = 2;
    const result = scored(answersFrom(values));
    expect(subscale(result, 'secondary-traumatic-stress')).toMatchObject({
      score: 41,
      band: { id: 'moderate' },
    });
    expect(subscale(result, 'compassion-satisfaction')).toMatchObject({
      score: 23,
      band: { id: 'moderate' },
    });
  });

  it('reports a subscale with a missing answer as incomplete, naming the items, and never flags it', () => {
    // Item 21 (BO) unanswered, item 2 (STS) absent; all other answers 5.
    // STS would be 50 and BO high-looking, but neither is scored from 9 items.
    const values: (number | null)[] = Array(30).fill(5);
    values[21 - 1] = null;
    const answers: Record<number, number | null | undefined> = { ...answersFrom(values) };
    delete answers[2];
    const result = scored(answers);
    expect(subscale(result, 'burnout')).toEqual({
      subscaleId: 'burnout',
      name: 'Burnout',
      status: 'incomplete',
      missingItems: [21],
    });
    expect(subscale(result, 'secondary-traumatic-stress')).toMatchObject({
      status: 'incomplete',
      missingItems: [2],
    });
    expect(subscale(result, 'compassion-satisfaction')).toMatchObject({ status: 'complete', score: 50 });
    expect(result.isComplete).toBe(false);
    expect(result.supportFlags).toEqual([]);
  });

  it('refuses an answer outside 1–5 with a typed problem naming the item', () => {
    const values = Array(30).fill(3);
    values[7 - 1] = 6;
    values[12 - 1] = 0;
    expect(scoreResponse(proqol5, answersFrom(values))).toEqual({
      ok: false,
      instrumentId: 'proqol-5',
      problems: [
        {
          code: 'ANSWER_OUT_OF_SCALE',
          itemNumber: 7,
          value: 6,
          allowedValues: [1, 2, 3, 4, 5],
          message: 'Item 7 of ProQOL 5 accepts 1, 2, 3, 4 or 5; it received 6.',
        },
        expect.objectContaining({ code: 'ANSWER_OUT_OF_SCALE', itemNumber: 12, value: 0 }),
      ],
    });
  });
});
