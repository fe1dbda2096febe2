import { describe, expect, it } from 'vitest';
import { type AggregateCell, releaseAggregates } from './release-aggregates.ts';

// The fallback for groups of cells too large to search exactly (forced here with a limit of 0).
const people = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `p${from + index}`);
const cell = (id: string, memberIds: readonly string[], isDetail = false): AggregateCell<null> => ({
  id,
  memberIds,
  figures: null,
  ...(isDetail ? { isDetail } : {}),
});
const statuses = (release: ReturnType<typeof releaseAggregates>) =>
  Object.fromEntries(
    release.cells.map((entry) => [entry.id, entry.status === 'released' ? 'released' : entry.reason]),
  );

describe('the atom-size rule on groups too large to search exactly', () => {
  // Four levels of 10 people; each level's scores fall 6 in one band and 4 in the other.
  const levels = [1, 11, 21, 31].map((first, index) => ({
    name: `level ${index + 1}`,
    members: people(first, first + 9),
  }));
  const cells = [
    cell('everyone', people(1, 40)),
    ...levels.map((level) => cell(level.name, level.members)),
    cell(
      'everyone/band/high',
      levels.flatMap((level) => level.members.slice(0, 6)),
      true,
    ),
    cell(
      'everyone/band/low',
      levels.flatMap((level) => level.members.slice(6)),
      true,
    ),
    ...levels.flatMap((level) => [
      cell(`${level.name}/band/high`, level.members.slice(0, 6), true),
      cell(`${level.name}/band/low`, level.members.slice(6), true),
    ]),
  ];

  it('keeps every group’s own figures and lets the detail go that would cut them into small groups', () => {
    const judged = statuses(releaseAggregates({ cells, minimumGroupSize: 5, exactSearchSmallAtomLimit: 0 }));
    expect(judged).toMatchObject({
      everyone: 'released',
      'level 1': 'released',
      'level 2': 'released',
      'level 3': 'released',
      'level 4': 'released',
      // 24 and 16 people, but either cuts each level into 6 and 4, and the 4 would be a group of
      // their own: the distribution goes, not the levels' figures.
      'everyone/band/high': 'reveals-small-group-by-subtraction',
      'everyone/band/low': 'reveals-small-group-by-subtraction',
      'level 1/band/high': 'reveals-small-group-by-subtraction',
      'level 1/band/low': 'below-minimum',
    });
  });

  it('keeps what the audience has already seen, and judges the rest against it', () => {
    const judged = statuses(
      releaseAggregates({
        cells,
        minimumGroupSize: 5,
        exactSearchSmallAtomLimit: 0,
        alreadyReleased: new Set(['everyone/band/low']),
      }),
    );
    expect(judged['everyone/band/low']).toBe('released');
    // With the low band seen, each level's own figure would leave 6 and 4 apart: the 4 stay whole
    // only if the levels go.
    expect(judged['level 1']).toBe('reveals-small-group-by-subtraction');
    expect(judged.everyone).toBe('released');
  });
});
