import { describe, expect, it } from 'vitest';
import { foldComments } from './fold-comments.ts';

describe('foldComments', () => {
  it('folds repeats whatever their case and spacing, most-written first', () => {
    const folded = foldComments({
      status: 'released',
      respondentCount: 12,
      comments: [
        'More time for practice',
        'more  time for practice.',
        'Shorter check-in',
        ' MORE TIME FOR PRACTICE',
        'More time for practice',
      ],
    });
    expect(folded).toEqual({
      status: 'released',
      respondentCount: 12,
      comments: [
        { text: 'More time for practice', count: 4 },
        { text: 'Shorter check-in', count: 1 },
      ],
    });
  });

  it('keeps a withheld release withheld', () => {
    const withheld = {
      status: 'withheld',
      minimumRespondents: 10,
      message: 'Comments appear once…',
    } as const;
    expect(foldComments(withheld)).toBe(withheld);
  });
});
