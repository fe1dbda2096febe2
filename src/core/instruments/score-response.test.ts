import { describe, expect, it } from 'vitest';
import { briefResilienceScale } from './brief-resilience-scale.ts';
import { type Answers, findAnswerProblems, scoreResponse } from './score-response.ts';

const complete = { 1: 4, 2: 2, 3: 4, 4: 1, 5: 3, 6: 2 };

describe('scoreResponse validation', () => {
  it('names an unknown item, including 0, 7 and non-numeric keys', () => {
    const answers = { ...complete, 0: 3, 7: 3, first: 3 } as unknown as Answers;
    expect(findAnswerProblems(briefResilienceScale, answers)).toEqual([
      {
        code: 'UNKNOWN_ITEM',
        item: '0',
        message: 'BRS has no item "0"; its items are numbered 1 to 6.',
      },
      expect.objectContaining({ code: 'UNKNOWN_ITEM', item: '7' }),
      expect.objectContaining({ code: 'UNKNOWN_ITEM', item: 'first' }),
    ]);
  });

  it('refuses fractions, NaN, strings and booleans as answers', () => {
    const answers = { ...complete, 1: 2.5, 2: Number.NaN, 3: '4', 4: true } as unknown as Answers;
    const result = scoreResponse(briefResilienceScale, answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.problems.map((problem) => [problem.code, 'itemNumber' in problem && problem.itemNumber]),
    ).toEqual([
      ['ANSWER_OUT_OF_SCALE', 1],
      ['ANSWER_OUT_OF_SCALE', 2],
      ['ANSWER_OUT_OF_SCALE', 3],
      ['ANSWER_OUT_OF_SCALE', 4],
    ]);
    expect(result.problems[2]?.message).toBe('Item 3 of BRS accepts 1, 2, 3, 4 or 5; it received "4".');
    expect(result.problems[3]?.message).toBe(
      'Item 4 of BRS accepts 1, 2, 3, 4 or 5; it received a value of type boolean.',
    );
  });

  it('fails the whole response, scoring nothing, when any answer is invalid', () => {
    const result = scoreResponse(briefResilienceScale, { ...complete, 6: 9 });
    expect(result).toEqual({
      ok: false,
      instrumentId: 'brief-resilience-scale',
      problems: [expect.anything()],
    });
  });

  it('treats null and absent answers alike, as missing', () => {
    const withNull = scoreResponse(briefResilienceScale, { ...complete, 3: null });
    const { 3: _omitted, ...rest } = complete;
    const absent = scoreResponse(briefResilienceScale, rest);
    expect(withNull).toEqual(absent);
    expect(absent).toMatchObject({ ok: true, subscales: [{ status: 'complete', missingItems: [3] }] });
  });

  it('reports every subscale incomplete for an empty response', () => {
    expect(scoreResponse(briefResilienceScale, {})).toMatchObject({
      ok: true,
      isComplete: false,
      subscales: [{ status: 'incomplete', missingItems: [1, 2, 3, 4, 5, 6] }],
      supportFlags: [],
    });
  });
});
