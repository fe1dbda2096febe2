import { describe, expect, it } from 'vitest';
import { proqol5 } from '../instruments/proqol-5.ts';
import { who5 } from '../instruments/who-5.ts';
import { releaseAggregates } from './release-aggregates.ts';
import {
  classifyReliableChange,
  classifyReliableChangeOnSubscale,
  reliableChangeCells,
  reliableChangeIndex,
} from './reliable-change.ts';

const people = [
  { personId: 'a', before: 40, after: 25 },
  { personId: 'b', before: 40, after: 30 },
  { personId: 'c', before: 30, after: 44 },
  { personId: 'd', before: 30, after: 43 },
];

describe('classifyReliableChange (Jacobson–Truax)', () => {
  it('works an example by hand on a lower-is-better scale', () => {
    // r = .75, SD_before = 10: SE_diff = 10 · √2 · √(1 − .75) = 10 · 1.4142136 · 0.5 = 7.0710678.
    // Threshold 1.96 · 7.0710678 = 13.8592929.
    // a: −15 / 7.0710678 = −2.1213 → beyond −1.96, a fall → improved.
    // b: −10 → −1.4142 → no reliable change. c: +14 → 1.9799 → deteriorated. d: +13 → 1.8385 → none.
    const result = classifyReliableChange(people, {
      reliability: 0.75,
      direction: 'lower-is-better',
      standardDeviationBefore: 10,
    });
    expect(result).toMatchObject({
      status: 'computed',
      n: 4,
      improved: ['a'],
      deteriorated: ['c'],
      noReliableChange: ['b', 'd'],
      shareImproved: 0.25,
      shareDeteriorated: 0.25,
      shareNoReliableChange: 0.5,
    });
    if (result.status !== 'computed') return;
    expect(result.standardErrorOfDifference).toBeCloseTo(7.0710678, 6);
    expect(result.reliableChangeThreshold).toBeCloseTo(13.8592929, 6);
  });

  it('turns improvement around on a higher-is-better scale', () => {
    const result = classifyReliableChange(people, {
      reliability: 0.75,
      direction: 'higher-is-better',
      standardDeviationBefore: 10,
    });
    expect(result).toMatchObject({ improved: ['c'], deteriorated: ['a'] });
  });

  it("uses the group's own starting SD by default", () => {
    // before 40, 40, 30, 30: mean 35, squared deviations 4 × 25 = 100, SD = √(100 / 3) = 5.7735027.
    // SE_diff = 5.7735027 · √2 · 0.5 = 4.0824829; threshold 8.0016665: a, b, c and d all change reliably.
    const result = classifyReliableChange(people, { reliability: 0.75, direction: 'lower-is-better' });
    expect(result).toMatchObject({
      status: 'computed',
      standardDeviationBefore: expect.closeTo(5.7735027, 6),
      improved: ['a', 'b'],
      deteriorated: ['c', 'd'],
    });
  });

  it('needs a change beyond the threshold, not equal to it', () => {
    // SE_diff 1 → RCI = change; exactly 1.96 is not reliable, 1.97 is.
    const seDiffOne = 1 / (Math.SQRT2 * Math.sqrt(0.5));
    const result = classifyReliableChange(
      [
        { personId: 'edge', before: 0, after: 1.96 },
        { personId: 'over', before: 0, after: 1.97 },
      ],
      { reliability: 0.5, direction: 'higher-is-better', standardDeviationBefore: seDiffOne },
    );
    expect(result).toMatchObject({ improved: ['over'], noReliableChange: ['edge'] });
    expect(reliableChangeIndex(10, 13, 1.5)).toBe(2);
  });

  it('declines when the starting spread cannot be estimated', () => {
    expect(
      classifyReliableChange([people[0]!], { reliability: 0.8, direction: 'lower-is-better' }),
    ).toMatchObject({
      status: 'not-computed',
      reason: 'too-few-people',
    });
    expect(
      classifyReliableChange(
        [
          { personId: 'x', before: 3, after: 4 },
          { personId: 'y', before: 3, after: 2 },
        ],
        { reliability: 0.8, direction: 'lower-is-better' },
      ),
    ).toMatchObject({ status: 'not-computed', reason: 'no-spread-before' });
    expect(() => classifyReliableChange(people, { reliability: 1, direction: 'lower-is-better' })).toThrow(
      RangeError,
    );
  });
});

describe('classifyReliableChangeOnSubscale', () => {
  it("uses the subscale's published reliability and direction", () => {
    // ProQOL burnout: alpha .75, lower is better — the same as the hand-worked example above.
    const burnout = proqol5.subscales.find((subscale) => subscale.id === 'burnout')!;
    expect(classifyReliableChangeOnSubscale(burnout, people, { standardDeviationBefore: 10 })).toMatchObject({
      improved: ['a'],
      deteriorated: ['c'],
    });
  });

  it('does not compute reliable change for the WHO-5, whose reliability is unknown', () => {
    expect(classifyReliableChangeOnSubscale(who5.subscales[0]!, people)).toMatchObject({
      status: 'not-computed',
      reason: 'reliability-unknown',
    });
  });
});

describe('reliableChangeCells', () => {
  it('lets the shares be shown only through the release gate', () => {
    // 12 people, SD_before 10, r = .75 (threshold 13.86): one improves by 20, eleven change by 1.
    const group = [
      { personId: 'p0', before: 40, after: 20 },
      ...Array.from({ length: 11 }, (_, index) => ({ personId: `p${index + 1}`, before: 30, after: 31 })),
    ];
    const change = classifyReliableChange(group, {
      reliability: 0.75,
      direction: 'lower-is-better',
      standardDeviationBefore: 10,
    });
    if (change.status !== 'computed') throw new Error('not computed');
    expect(change.shareImproved).toBeCloseTo(1 / 12, 12);
    const release = releaseAggregates<unknown>({
      cells: [
        { id: 'cohort', memberIds: group.map((person) => person.personId), figures: null },
        ...reliableChangeCells('cohort', change),
      ],
    });
    // One improved person: hidden. No one deteriorated: hidden, and as a pair they cover one person,
    // so "no reliable change" (11 of 12) would give it away and is hidden by subtraction too.
    expect(release.cells.map((cell) => [cell.id, cell.status])).toEqual([
      ['cohort', 'released'],
      ['cohort/reliable-change/improved', 'suppressed'],
      ['cohort/reliable-change/deteriorated', 'suppressed'],
      ['cohort/reliable-change/no-reliable-change', 'suppressed'],
    ]);
  });
});
