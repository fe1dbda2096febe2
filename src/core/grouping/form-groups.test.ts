import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGrouping } from './evaluate-grouping.ts';
import { formGroups } from './form-groups.ts';
import type { ConflictOfInterest, GroupingInput, GroupingResult, Participant } from './model.ts';
import { makeCohort } from './test-rosters.ts';
import type { weeklySlotAt } from './weekly-slot.ts';

const quick = { effort: 0.05 };

/** Every hard rule, checked from scratch on the engine's output. */
function expectLegal(input: GroupingInput, result: GroupingResult): void {
  const rules = {
    size: { min: 8, max: 10, ...input.rules?.groupSize },
    facilitators: { min: 1, max: 2, ...input.rules?.facilitatorsPerGroup },
  };
  const byId = new Map(input.participants.map((participant) => [participant.id, participant]));
  const seen = new Set<string>();
  for (const group of result.groups) {
    expect(group.memberIds.length).toBeGreaterThanOrEqual(rules.size.min);
    expect(group.memberIds.length).toBeLessThanOrEqual(rules.size.max);
    const facilitators = group.memberIds.filter((id) => byId.get(id)?.isFacilitator);
    expect(facilitators.length).toBeGreaterThanOrEqual(rules.facilitators.min);
    expect(facilitators.length).toBeLessThanOrEqual(rules.facilitators.max);
    expect(group.facilitatorIds.sort()).toEqual(facilitators.sort());
    for (const id of group.memberIds) {
      expect(byId.get(id)?.availability).toContain(group.slot);
      expect(byId.get(id)?.pinnedGroupId ?? group.id).toBe(group.id);
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
    for (const conflict of input.conflicts ?? []) {
      const [first, second] = conflict.participantIds;
      expect(group.memberIds.includes(first) && group.memberIds.includes(second)).toBe(false);
    }
  }
  for (const entry of result.unplaced) {
    expect(seen.has(entry.id)).toBe(false);
    expect(entry.message.length).toBeGreaterThan(10);
    seen.add(entry.id);
  }
  expect(seen).toEqual(new Set(input.participants.map((participant) => participant.id)));
  const evaluation = evaluateGrouping(input, { groups: result.groups });
  expect(evaluation.violations).toEqual([]);
  expect(evaluation.score.total).toBeCloseTo(result.score.total, 6);
}

const slotPool = ['mon-12', 'tue-12', 'tue-18', 'wed-07', 'thu-12', 'sat-10'].map(
  (slot) => slot as ReturnType<typeof weeklySlotAt>,
);

const rosterArbitrary = fc
  .record({
    people: fc.array(
      fc.record({
        level: fc.constantFrom('student-1', 'student-2', 'student-3', 'resident', 'practitioner', 'faculty'),
        discipline: fc.constantFrom('medicine', 'nursing', 'pharmacy'),
        slots: fc.subarray(slotPool, { minLength: 0, maxLength: 4 }),
        interests: fc.subarray(['burnout', 'sleep', 'grief'], { maxLength: 2 }),
        isFacilitator: fc.boolean(),
        experience: fc.nat(20),
        pin: fc.constantFrom(undefined, undefined, undefined, undefined, 'A', 'B'),
        previous: fc.constantFrom(undefined, 'x', 'y'),
      }),
      { maxLength: 45 },
    ),
    conflicts: fc.array(fc.tuple(fc.nat(44), fc.nat(44)), { maxLength: 8 }),
    size: fc.record({ min: fc.integer({ min: 2, max: 6 }), extra: fc.nat(3) }),
    facilitators: fc.record({ min: fc.integer({ min: 0, max: 1 }), extra: fc.nat(1) }),
    mode: fc.constantFrom('new-combinations' as const, 'stable' as const),
    seed: fc.nat(1000),
  })
  .map(({ people, conflicts, size, facilitators, mode, seed }): GroupingInput => {
    const participants: Participant[] = people.map((person, index) => ({
      id: `p${index}`,
      level: person.level,
      discipline: person.discipline,
      availability: person.slots,
      interests: person.interests,
      isFacilitator: person.isFacilitator,
      facilitatorExperience: person.experience,
      ...(person.pin ? { pinnedGroupId: person.pin } : {}),
      ...(person.previous ? { previousGroupId: person.previous } : {}),
    }));
    const pairs: ConflictOfInterest[] = conflicts
      .filter(
        ([first, second]) => first < participants.length && second < participants.length && first !== second,
      )
      .map(([first, second]) => ({ participantIds: [`p${first}`, `p${second}`], kind: 'request' }));
    return {
      participants,
      conflicts: pairs,
      rules: {
        groupSize: { min: size.min, max: size.min + size.extra },
        facilitatorsPerGroup: { min: facilitators.min, max: facilitators.min + facilitators.extra },
      },
      historyMode: mode,
      seed,
      effort: 0.01,
    };
  });

describe('formGroups', () => {
  it('never breaks a hard rule, whatever the roster (property)', () => {
    fc.assert(
      fc.property(rosterArbitrary, (input) => {
        expectLegal(input, formGroups(input));
      }),
      { numRuns: 120 },
    );
  });

  it('forms legal, mixed groups for a cohort that fits', () => {
    const input: GroupingInput = { participants: makeCohort(36, { facilitators: 4 }), ...quick };
    const result = formGroups(input);
    expectLegal(input, result);
    expect(result.unplaced).toEqual([]);
    expect(result.groups).toHaveLength(4);
    for (const group of result.groups) {
      expect(group.slot).toBe('tue-12');
      expect(group.explanation).toMatch(
        /^levels: .*faculty; disciplines: .*; facilitated by .*; all free Tuesdays 12:00–13:00/,
      );
    }
  });

  it('is deterministic for a seed', () => {
    const participants = makeCohort(40, { facilitators: 5, slots: ['tue-12', 'wed-18', 'thu-08'] });
    const first = formGroups({ participants, seed: 42, ...quick });
    const second = formGroups({ participants, seed: 42, ...quick });
    expect(second).toEqual(first);
  });

  it('explains a group in plain language, levels in training order', () => {
    const participants: Participant[] = [
      {
        id: 'f',
        name: 'Dr Ana',
        level: 'faculty',
        availability: ['tue-12'],
        isFacilitator: true,
        facilitatorExperience: 12,
      },
      ...[
        'student-1',
        'student-1',
        'student-3',
        'student-3',
        'resident',
        'resident',
        'practitioner',
        'practitioner',
      ].map((level, index) => ({
        id: `m${index}`,
        level,
        availability: ['tue-12' as const],
        interests: ['burnout'],
      })),
    ];
    const [group] = formGroups({ participants, ...quick }).groups;
    expect(group?.explanation).toBe(
      'levels: 2 first-year, 2 third-year, 2 residents, 2 practitioners, 1 faculty; facilitated by Dr Ana (12 years); 8 of 9 share an interest in burnout; all free Tuesdays 12:00–13:00',
    );
  });

  it('names the facilitator shortage with numbers and leaves the rest unplaced with that reason', () => {
    const input: GroupingInput = { participants: makeCohort(40, { facilitators: 3 }), ...quick };
    const result = formGroups(input);
    expectLegal(input, result);
    expect(result.groups).toHaveLength(3);
    expect(result.diagnoses.map((diagnosis) => diagnosis.message)).toContain(
      'not enough facilitators: 4 needed, 3 available (each group needs at least 1)',
    );
    expect(result.unplaced).toHaveLength(10);
    expect(result.unplaced[0]?.reason).toBe('not-enough-facilitators');
    expect(result.unplaced[0]?.message).toMatch(/^not enough facilitators: 4 needed, 3 available/);
  });

  it('says who shares no slot with enough others, and who gave no availability', () => {
    const participants = [
      ...makeCohort(9, { facilitators: 1 }),
      { id: 'night', level: 'resident', availability: ['sun-03' as const] },
      { id: 'silent', level: 'resident', availability: [] },
    ];
    const result = formGroups({ participants, ...quick });
    expect(result.groups).toHaveLength(1);
    expect(result.unplaced).toEqual([
      {
        id: 'night',
        reason: 'no-shared-slot',
        message:
          'no slot shared with enough others: no one else is free at any of their hours; a group needs 8',
      },
      { id: 'silent', reason: 'no-availability', message: 'gave no weekly hours when they are free' },
    ]);
  });

  it('diagnoses a cohort too small for one group instead of failing', () => {
    const result = formGroups({ participants: makeCohort(5), ...quick });
    expect(result.groups).toEqual([]);
    expect(result.unplaced).toHaveLength(5);
    expect(result.diagnoses.map((diagnosis) => diagnosis.code)).toContain('TOO_FEW_PEOPLE');
  });

  it('never puts a conflict pair together, and says so when every group is blocked', () => {
    // One group is possible (one facilitator, p1); x is supervised by p1; p2 and p3 asked not to be together.
    const participants = [
      ...makeCohort(9, { facilitators: 1 }),
      { id: 'x', level: 'resident', availability: ['tue-12' as const] },
    ];
    const conflicts: ConflictOfInterest[] = [
      { participantIds: ['x', 'p1'], kind: 'supervision' },
      { participantIds: ['p2', 'p3'], kind: 'request' },
    ];
    const input: GroupingInput = { participants, conflicts, ...quick };
    const result = formGroups(input);
    expectLegal(input, result);
    expect(result.groups).toHaveLength(1);
    expect(result.unplaced).toHaveLength(2);
    expect(result.unplaced).toContainEqual({
      id: 'x',
      reason: 'conflict',
      message: 'in conflict with every group it could join: group-1 (with "p1")',
    });
  });

  it('rejects invalid rules with a diagnosis, placing no one', () => {
    const result = formGroups({ participants: makeCohort(20), rules: { groupSize: { min: 10, max: 8 } } });
    expect(result.groups).toEqual([]);
    expect(result.unplaced.every((entry) => entry.reason === 'invalid-rules')).toBe(true);
    expect(result.diagnoses[0]).toEqual({
      code: 'INVALID_RULES',
      message: 'the maximum group size (8) is below the minimum (10)',
    });
  });

  it('keeps pinned people in their pinned group, which keeps its id', () => {
    const participants = makeCohort(30, { facilitators: 3, slots: ['tue-12', 'wed-18'] }).map(
      (participant, index) =>
        index === 5 || index === 6 ? { ...participant, pinnedGroupId: 'blue' } : participant,
    );
    const input: GroupingInput = { participants, ...quick };
    const result = formGroups(input);
    expectLegal(input, result);
    const blue = result.groups.find((group) => group.id === 'blue');
    expect(blue?.memberIds).toEqual(expect.arrayContaining(['p6', 'p7']));
  });

  it('lists a pinned person whose pin cannot hold, with the reason', () => {
    const late: Participant = {
      id: 'late',
      level: 'resident',
      availability: ['fri-20'],
      pinnedGroupId: 'p-group',
    };
    const participants: Participant[] = [...makeCohort(18, { facilitators: 2 }), late].map(
      (participant, index) => (index === 4 ? { ...participant, pinnedGroupId: 'p-group' } : participant),
    );
    const result = formGroups({ participants, ...quick });
    expect(result.unplaced).toContainEqual({
      id: 'late',
      reason: 'pinned-group-infeasible',
      message: 'pinned to group "p-group", but they share no free hour with the others pinned there',
    });
    expect(result.diagnoses.map((diagnosis) => diagnosis.code)).toContain('PINNED_GROUP_INFEASIBLE');
  });

  it('prefers new combinations or stable groups, as the coordinator chooses', () => {
    // Last term: two groups of 9; this term the same 18 people (2 facilitators each time).
    const participants = makeCohort(18, { facilitators: 2 }).map((participant, index) => ({
      ...participant,
      previousGroupId: index % 2 === 0 ? 'old-a' : 'old-b',
    }));
    const repeatedPairs = (result: GroupingResult) =>
      result.groups.reduce((sum, group) => {
        const old = group.memberIds.map(
          (id) => participants.find((participant) => participant.id === id)?.previousGroupId,
        );
        const a = old.filter((value) => value === 'old-a').length;
        const b = old.length - a;
        return sum + (a * (a - 1)) / 2 + (b * (b - 1)) / 2;
      }, 0);
    const weights = { history: 20 };
    const fresh = formGroups({ participants, weights, historyMode: 'new-combinations', ...quick });
    const stable = formGroups({ participants, weights, historyMode: 'stable', ...quick });
    expect(repeatedPairs(stable)).toBe(72);
    expect(repeatedPairs(fresh)).toBeLessThanOrEqual(32);
    expect(stable.groups[0]?.explanation).toContain('keeps 36 pairs of previous groupmates together');
  });

  it('scores its own groups exactly as evaluateGrouping does', () => {
    const participants = makeCohort(60, { facilitators: 7, slots: ['tue-12', 'wed-18'] });
    const input: GroupingInput = { participants, ...quick };
    const result = formGroups(input);
    const evaluation = evaluateGrouping(input, { groups: result.groups });
    expect(evaluation.score.total).toBeCloseTo(result.score.total, 9);
    result.groups.forEach((group, index) => {
      expect(evaluation.groups[index]?.score.total).toBeCloseTo(group.score.total, 9);
    });
  });

  it('mixes levels better than chunking the roster in order', () => {
    const participants = makeCohort(54, { facilitators: 6 }).sort((a, b) => a.level.localeCompare(b.level));
    const input: GroupingInput = { participants, ...quick };
    const engine = formGroups(input);
    const chunks = Array.from({ length: 6 }, (_, group) => ({
      id: `g${group}`,
      memberIds: participants.slice(group * 9, group * 9 + 9).map((participant) => participant.id),
    }));
    expect(engine.score.level).toBeLessThan(evaluateGrouping(input, { groups: chunks }).score.level / 2);
  });
});
