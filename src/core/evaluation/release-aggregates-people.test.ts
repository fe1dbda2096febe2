import { describe, expect, it } from 'vitest';
import { findDerivableSmallGroup } from './find-derivable-group.ts';
import { type AggregateCell, releaseAggregates } from './release-aggregates.ts';

// Members that are answers, several of one person ("p1@m2": p1's answer about meeting 2): every
// minimum counts the people behind them, not the answers.
const personOf = (answer: string) => answer.split('@')[0]!;
const answers = (people: readonly number[], meetings: readonly number[]) =>
  people.flatMap((person) => meetings.map((meeting) => `p${person}@m${meeting}`));
const cell = (
  id: string,
  memberIds: readonly string[],
  shareOf?: readonly string[],
): AggregateCell<null> => ({
  id,
  memberIds,
  figures: null,
  ...(shareOf ? { shareOf } : {}),
});
const statuses = (release: ReturnType<typeof releaseAggregates>) =>
  Object.fromEntries(
    release.cells.map((entry) => [entry.id, entry.status === 'released' ? 'released' : entry.reason]),
  );

describe('a group of answers is as small as the people who gave them', () => {
  it('finds two people behind six answers that two cells differ by', () => {
    const all = answers([1, 2, 3, 4, 5, 6, 7], [1, 2, 3]);
    const most = answers([1, 2, 3, 4, 5], [1, 2, 3]);
    expect(findDerivableSmallGroup([new Set(all), new Set(most)], 5).kind).toBe('none');
    const found = findDerivableSmallGroup([new Set(all), new Set(most)], 5, { personOf });
    expect(found).toMatchObject({ kind: 'found', cellIndices: [0, 1] });
    if (found.kind === 'found') expect(new Set(found.personIds.map(personOf))).toEqual(new Set(['p6', 'p7']));
  });

  it('hides a cell of many answers from fewer than the minimum people', () => {
    const release = releaseAggregates({
      cells: [
        cell('meeting 1–3', answers([1, 2, 3], [1, 2, 3])),
        cell('everyone', answers([1, 2, 3, 4, 5, 6], [1])),
      ],
      minimumGroupSize: 5,
      personOf,
    });
    expect(statuses(release)).toEqual({ 'meeting 1–3': 'below-minimum', everyone: 'released' });
  });

  it('hides a share whose rest is many answers of a few people', () => {
    const answered = answers([1, 2, 3, 4, 5, 6, 7, 8], [1, 2]);
    const gaveFive = answers([1, 2, 3, 4, 5, 6], [1, 2]);
    const release = releaseAggregates({
      cells: [cell('answered', answered), cell('rated 5', gaveFive, answered)],
      minimumGroupSize: 5,
      personOf,
    });
    expect(statuses(release)).toEqual({ answered: 'released', 'rated 5': 'rest-below-minimum' });
  });

  it('hides one of two cells that differ by a few people’s answers, by the exact search and by the atom-size rule', () => {
    const cells = [
      cell('program', answers([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3])),
      cell('topic', answers([1, 2, 3, 4, 5, 6, 7], [1, 2, 3])),
    ];
    for (const exactSearchSmallAtomLimit of [60, 0]) {
      const judged = statuses(
        releaseAggregates({ cells, minimumGroupSize: 5, personOf, exactSearchSmallAtomLimit }),
      );
      expect(judged).toEqual({ program: 'released', topic: 'reveals-small-group-by-subtraction' });
      // Counted as answers, the six answers of p8 and p9 looked like a group large enough.
      expect(statuses(releaseAggregates({ cells, minimumGroupSize: 5, exactSearchSmallAtomLimit }))).toEqual({
        program: 'released',
        topic: 'released',
      });
    }
  });
});
