import { describe, expect, it } from 'vitest';
import { releaseComments } from './release-comments.ts';

const answers = (count: number, text = (index: number) => `comment ${String.fromCharCode(106 - index)}`) =>
  Array.from({ length: count }, (_, index) => ({ personId: `p${index}`, text: text(index) }));

describe('releaseComments', () => {
  it('withholds comments until ten people have written', () => {
    expect(releaseComments(answers(9))).toEqual({
      status: 'withheld',
      minimumRespondents: 10,
      message: 'Comments appear once at least 10 people have written one.',
    });
    expect(releaseComments(answers(10))).toMatchObject({ status: 'released', respondentCount: 10 });
  });

  it('counts people, not comments, and ignores blank answers', () => {
    const many = [
      ...answers(6),
      ...answers(6).map((answer) => ({ ...answer, text: `${answer.text} again` })),
    ];
    expect(releaseComments(many).status).toBe('withheld');
    const withBlanks = [...answers(9), { personId: 'p99', text: '   ' }];
    expect(releaseComments(withBlanks).status).toBe('withheld');
  });

  it('releases the texts only, trimmed and sorted, so neither author nor order shows', () => {
    const result = releaseComments(answers(10, (index) => ` ${String.fromCharCode(106 - index)} `));
    expect(result).toEqual({
      status: 'released',
      respondentCount: 10,
      comments: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'],
    });
  });

  it('uses a chosen minimum, but never below 3', () => {
    expect(releaseComments(answers(5), 5).status).toBe('released');
    expect(releaseComments(answers(2), 1)).toMatchObject({ status: 'withheld', minimumRespondents: 3 });
    expect(releaseComments(answers(3), 1).status).toBe('released');
  });
});
