import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivableSmallGroups } from './rational-oracle.test-helper.ts';
import {
  type AggregateCell,
  effectiveMinimumGroupSize,
  type ReleasedCell,
  releaseAggregates,
} from './release-aggregates.ts';

const people = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => `p${from + index}`);
const cell = (id: string, memberIds: readonly string[]): AggregateCell<{ label: string }> => ({
  id,
  memberIds,
  figures: { label: id },
});

function statusById(release: ReturnType<typeof releaseAggregates>) {
  return Object.fromEntries(
    release.cells.map((entry) => [entry.id, entry.status === 'released' ? 'released' : entry.reason]),
  );
}

describe('effectiveMinimumGroupSize', () => {
  it('defaults to 5, never goes below 3, and rounds up to whole people', () => {
    expect(effectiveMinimumGroupSize()).toBe(5);
    expect(effectiveMinimumGroupSize(Number.NaN)).toBe(5);
    expect(effectiveMinimumGroupSize(Number.POSITIVE_INFINITY)).toBe(5);
    expect(effectiveMinimumGroupSize(2)).toBe(3);
    expect(effectiveMinimumGroupSize(-10)).toBe(3);
    expect(effectiveMinimumGroupSize(4.2)).toBe(5);
    expect(effectiveMinimumGroupSize(10)).toBe(10);
  });
});

describe('releaseAggregates', () => {
  it('hides a cell with fewer than the minimum contributors, an empty one included', () => {
    const release = releaseAggregates({
      cells: [cell('nursing', people(1, 5)), cell('pharmacy', people(6, 9)), cell('dentistry', [])],
    });
    expect(statusById(release)).toEqual({
      nursing: 'released',
      pharmacy: 'below-minimum',
      dentistry: 'below-minimum',
    });
    expect(release.minimumGroupSize).toBe(5);
    expect(release.released).toEqual([
      { id: 'nursing', status: 'released', memberCount: 5, figures: { label: 'nursing' } },
    ]);
    expect(release.suppressed[0]).toEqual({
      id: 'pharmacy',
      status: 'suppressed',
      reason: 'below-minimum',
      explanation: 'Hidden: fewer than 5 people contribute to it.',
    });
  });

  it('applies a minimum below 3 as 3', () => {
    const release = releaseAggregates({
      cells: [cell('a', people(1, 3)), cell('b', people(4, 5))],
      minimumGroupSize: 1,
    });
    expect(release.minimumGroupSize).toBe(3);
    expect(statusById(release)).toEqual({ a: 'released', b: 'below-minimum' });
  });

  it('hides the next-smallest part when the total minus the other parts would reveal a small one', () => {
    // Program of 12: nursing 5, medicine 5, pharmacy 2. Pharmacy is hidden, but program − nursing −
    // medicine would give it back. Nursing and medicine tie as the smallest parts: the first listed goes,
    // and program − medicine now covers 7 people.
    const release = releaseAggregates({
      cells: [
        cell('program', people(1, 12)),
        cell('nursing', people(1, 5)),
        cell('medicine', people(6, 10)),
        cell('pharmacy', people(11, 12)),
      ],
    });
    expect(statusById(release)).toEqual({
      program: 'released',
      nursing: 'reveals-small-group-by-subtraction',
      medicine: 'released',
      pharmacy: 'below-minimum',
    });
  });

  it('hides the smaller of two nested cells that differ by fewer than the minimum', () => {
    // Everyone (10) and those who answered the follow-up (8): the 2 who did not would be exposed.
    const release = releaseAggregates({
      cells: [cell('baseline', people(1, 10)), cell('follow-up', people(1, 8))],
    });
    expect(statusById(release)).toEqual({
      baseline: 'released',
      'follow-up': 'reveals-small-group-by-subtraction',
    });
    expect(release.suppressed[0]?.explanation).toBe(
      'Hidden so that nobody can subtract the figures shown to learn about fewer than 5 people.',
    );
  });

  it('releases nested cells that differ by the minimum or more, and identical ones', () => {
    const release = releaseAggregates({
      cells: [cell('all', people(1, 13)), cell('residents', people(1, 8)), cell('same-again', people(1, 13))],
    });
    expect(release.suppressed).toEqual([]);
  });

  it('hides an overlap that inclusion–exclusion would reveal', () => {
    // Window 1: 1..8, window 2: 5..12, either window: 1..12. 1..8 + 5..12 − 1..12 = 5..8 (4 people).
    const release = releaseAggregates({
      cells: [cell('either', people(1, 12)), cell('window-1', people(1, 8)), cell('window-2', people(5, 12))],
    });
    expect(release.released.map((released) => released.id)).toEqual(['either']);
  });

  it('releases the margins of a cross-table even though its inner cells are small', () => {
    // Levels × disciplines, each inner cell 3 people: rows and columns do not pin down any inner cell.
    const inner = [people(1, 3), people(4, 6), people(7, 9), people(10, 12)];
    const release = releaseAggregates({
      cells: [
        cell('total', people(1, 12)),
        cell('students', [...inner[0]!, ...inner[1]!]),
        cell('residents', [...inner[2]!, ...inner[3]!]),
        cell('nursing', [...inner[0]!, ...inner[2]!]),
        cell('medicine', [...inner[1]!, ...inner[3]!]),
        cell('students-nursing', inner[0]!),
      ],
    });
    expect(statusById(release)).toMatchObject({
      total: 'released',
      students: 'released',
      residents: 'released',
      nursing: 'released',
      medicine: 'released',
      'students-nursing': 'below-minimum',
    });
  });

  it('hides a band of a histogram and the next-smallest band when one is small', () => {
    const release = releaseAggregates({
      cells: [
        cell('burnout: all', people(1, 20)),
        cell('burnout: lower', people(1, 9)),
        cell('burnout: moderate', people(10, 17)),
        cell('burnout: higher', people(18, 20)),
      ],
    });
    expect(statusById(release)).toEqual({
      'burnout: all': 'released',
      'burnout: lower': 'released',
      'burnout: moderate': 'reveals-small-group-by-subtraction',
      'burnout: higher': 'below-minimum',
    });
  });

  it('counts each person once per cell and never returns member ids', () => {
    const release = releaseAggregates({ cells: [cell('a', [...people(1, 5), 'p1', 'p2'])] });
    expect(release.released[0]).toEqual({
      id: 'a',
      status: 'released',
      memberCount: 5,
      figures: { label: 'a' },
    });
    expect(JSON.stringify(release)).not.toMatch(/p\d/);
  });

  it('refuses two cells with the same id', () => {
    expect(() => releaseAggregates({ cells: [cell('a', people(1, 5)), cell('a', people(6, 10))] })).toThrow(
      RangeError,
    );
  });
});

// ---- Properties ---------------------------------------------------------------------------------

type Scenario = { cells: AggregateCell<null>[]; minimumGroupSize: number };

/** Any cells over up to 16 people: nested, overlapping, disjoint, duplicated, empty. */
const randomCells: fc.Arbitrary<Scenario> = fc.record({
  cells: fc
    .array(fc.uniqueArray(fc.integer({ min: 1, max: 16 }), { maxLength: 16 }), { minLength: 1, maxLength: 7 })
    .map((lists) =>
      lists.map((list, index) => ({ id: `c${index}`, memberIds: list.map((n) => `p${n}`), figures: null })),
    ),
  minimumGroupSize: fc.integer({ min: 0, max: 7 }),
});

/**
 * The shape of a real report: a total, a partition of it (e.g. disciplines), a crossing partition
 * (e.g. levels), and a sub-partition of one part (e.g. bands within one discipline).
 */
const reportCells: fc.Arbitrary<Scenario & { total: string; partitions: string[][] }> = fc
  .record({
    size: fc.integer({ min: 0, max: 40 }),
    disciplineOf: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 40, maxLength: 40 }),
    levelOf: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
    bandOf: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 40, maxLength: 40 }),
    minimumGroupSize: fc.integer({ min: 3, max: 8 }),
  })
  .map(({ size, disciplineOf, levelOf, bandOf, minimumGroupSize }) => {
    const everyone = Array.from({ length: size }, (_, index) => index);
    const partition = (prefix: string, of: number[], count: number, within = everyone) =>
      Array.from({ length: count }, (_, part) => ({
        id: `${prefix}${part}`,
        memberIds: within.filter((person) => of[person] === part).map((person) => `p${person}`),
        figures: null,
      }));
    const disciplines = partition('discipline-', disciplineOf, 5);
    const levels = partition('level-', levelOf, 4);
    const bands = partition(
      'discipline-0-band-',
      bandOf,
      3,
      everyone.filter((person) => disciplineOf[person] === 0),
    );
    return {
      minimumGroupSize,
      total: 'total',
      cells: [
        { id: 'total', memberIds: everyone.map((person) => `p${person}`), figures: null },
        ...disciplines,
        ...levels,
        ...bands,
      ],
      partitions: [
        ['total', ...disciplines.map((c) => c.id)],
        ['total', ...levels.map((c) => c.id)],
        ['discipline-0', ...bands.map((c) => c.id)],
      ],
    };
  });

function releasedSets(scenario: Scenario) {
  const release = releaseAggregates(scenario);
  const memberSets = new Map(scenario.cells.map((c) => [c.id, new Set(c.memberIds)]));
  const released = release.released.map((c: ReleasedCell<null>) => ({
    id: c.id,
    members: memberSets.get(c.id)!,
  }));
  return { release, memberSets, released };
}

const anyScenario = fc.oneof(randomCells, reportCells);

describe('releaseAggregates properties', () => {
  it('never releases a cell with fewer contributors than the minimum', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const { release, released } = releasedSets(scenario);
        expect(release.minimumGroupSize).toBe(Math.max(3, scenario.minimumGroupSize));
        for (const cell of released)
          expect(cell.members.size).toBeGreaterThanOrEqual(release.minimumGroupSize);
      }),
      { numRuns: 300 },
    );
  });

  it('never releases two nested cells whose difference is 1 to minimum − 1 people', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const { release, released } = releasedSets(scenario);
        for (const outer of released) {
          for (const inner of released) {
            if (![...inner.members].every((person) => outer.members.has(person))) continue;
            const difference = outer.members.size - inner.members.size;
            expect(difference === 0 || difference >= release.minimumGroupSize).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves a small remainder of a released parent recoverable from its released parts', () => {
    fc.assert(
      fc.property(reportCells, (scenario) => {
        const { release, memberSets } = releasedSets(scenario);
        const isReleased = new Set(release.released.map((c) => c.id));
        for (const [parent, ...parts] of scenario.partitions) {
          if (!isReleased.has(parent!)) continue;
          const hidden = parts.filter((part) => !isReleased.has(part));
          const remainder = hidden.reduce((total, part) => total + memberSets.get(part)!.size, 0);
          expect(remainder === 0 || remainder >= release.minimumGroupSize).toBe(true);
          // In particular, exactly one hidden part is never a small one.
          if (hidden.length === 1) {
            const size = memberSets.get(hidden[0]!)!.size;
            expect(size === 0 || size >= release.minimumGroupSize).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no group of 1 to minimum − 1 people derivable by any sum or difference (brute-force oracle)', () => {
    fc.assert(
      fc.property(randomCells, (scenario) => {
        const { release, released } = releasedSets(scenario);
        let groups: string[][];
        try {
          groups = derivableSmallGroups(
            released.map((c) => c.members),
            release.minimumGroupSize,
          );
        } catch {
          return; // too many atoms to brute-force
        }
        expect(groups).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves nothing small derivable on the fast path for large groups too (atom sizes, brute-force oracle)', () => {
    fc.assert(
      fc.property(randomCells, (scenario) => {
        const release = releaseAggregates({ ...scenario, exactSearchSmallAtomLimit: 0 });
        const memberSets = new Map(scenario.cells.map((c) => [c.id, new Set(c.memberIds)]));
        let groups: string[][];
        try {
          groups = derivableSmallGroups(
            release.released.map((c) => memberSets.get(c.id)!),
            release.minimumGroupSize,
          );
        } catch {
          return;
        }
        expect(groups).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('hides a cell of the minimum or more only to stop subtraction, and lists every cell once, in order', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const { release, memberSets } = releasedSets(scenario);
        expect(release.cells.map((c) => c.id)).toEqual(scenario.cells.map((c) => c.id));
        expect(release.released.length + release.suppressed.length).toBe(scenario.cells.length);
        for (const hidden of release.suppressed) {
          const size = memberSets.get(hidden.id)!.size;
          expect(hidden.reason).toBe(
            size < release.minimumGroupSize ? 'below-minimum' : 'reveals-small-group-by-subtraction',
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is stable: releasing the released cells again hides nothing more', () => {
    fc.assert(
      fc.property(anyScenario, (scenario) => {
        const { release } = releasedSets(scenario);
        const kept = new Set(release.released.map((c) => c.id));
        const again = releaseAggregates({
          cells: scenario.cells.filter((c) => kept.has(c.id)),
          minimumGroupSize: scenario.minimumGroupSize,
        });
        expect(again.suppressed).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
