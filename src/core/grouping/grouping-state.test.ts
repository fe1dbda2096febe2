import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroupingState } from './grouping-state.ts';
import type { Participant } from './model.ts';
import { experienceTargetOf, scoreGroup } from './objective.ts';
import { prepareProblem } from './prepare.ts';

function fromScratch(state: GroupingState): number {
  const groups = state.activeGroups().map((group) => state.membersOf(group));
  const target = experienceTargetOf(state.problem, groups);
  return groups.reduce((sum, members) => sum + scoreGroup(state.problem, members, target).total, 0);
}

describe('GroupingState (incremental objective)', () => {
  it('predicts every move, swap and replacement exactly as a from-scratch recount (property)', () => {
    const personArbitrary = fc.record({
      level: fc.constantFrom('student-1', 'student-2', 'resident', 'faculty'),
      discipline: fc.constantFrom('medicine', 'nursing'),
      interests: fc.subarray(['burnout', 'sleep', 'grief']),
      isFacilitator: fc.boolean(),
      experience: fc.nat(15),
      previous: fc.constantFrom(undefined, 'a', 'b'),
    });
    fc.assert(
      fc.property(
        fc.array(personArbitrary, { minLength: 12, maxLength: 30 }),
        fc.constantFrom('new-combinations' as const, 'stable' as const),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(3)), { minLength: 1, maxLength: 60 }),
        (people, historyMode, steps) => {
          const participants: Participant[] = people.map((person, index) => ({
            id: `p${index}`,
            level: person.level,
            discipline: person.discipline,
            interests: person.interests,
            availability: ['tue-12'],
            isFacilitator: person.isFacilitator,
            facilitatorExperience: person.experience,
            ...(person.previous ? { previousGroupId: person.previous } : {}),
          }));
          const problem = prepareProblem({
            participants,
            historyMode,
            rules: { groupSize: { min: 2, max: 20 }, facilitatorsPerGroup: { min: 0, max: 20 } },
          });
          const state = new GroupingState(problem, 4);
          for (let group = 0; group < 3; group++) state.openGroup();
          const waiting: number[] = [];
          participants.forEach((_, person) => {
            if (person % 5 === 4) waiting.push(person);
            else state.add(person, person % 3);
          });
          for (const [first, second, kind] of steps) {
            const person = first % participants.length;
            const other = second % participants.length;
            const before = state.total();
            let delta: number;
            if (kind === 0 && state.groupOf[person]! >= 0) {
              const target = (state.groupOf[person]! + 1 + (second % 2)) % 3;
              delta = state.moveDelta(person, target);
              state.move(person, target);
            } else if (kind === 1 && state.groupOf[person]! >= 0 && state.canSwap(person, other)) {
              delta = state.swapDelta(person, other);
              state.swap(person, other);
            } else if (kind === 2 && state.groupOf[person]! >= 0 && waiting.length > 0) {
              const into = waiting.shift()!;
              const group = state.groupOf[person]!;
              delta = state.replaceDelta(person, into);
              state.remove(person);
              state.add(into, group);
              waiting.push(person);
            } else if (kind === 3 && waiting.length > 0) {
              const into = waiting.shift()!;
              delta = state.insertDelta(into, other % 3);
              state.add(into, other % 3);
            } else continue;
            expect(state.total() - before).toBeCloseTo(delta, 9);
            expect(state.total()).toBeCloseTo(fromScratch(state), 9);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
