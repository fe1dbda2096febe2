import { describe, expect, it } from 'vitest';
import type { GroupAssignment, GroupingInput, Participant } from './model.ts';
import { applyMoves, checkChange, proposePlacement } from './propose-placement.ts';
import { tellUnplaced } from './tell-unplaced.ts';
import { makeCohort } from './test-rosters.ts';

/** Two published groups meeting Tuesdays at noon: A has 8 (one short of B), B is full at 10. */
function publishedTerm(extra: Participant[] = []): { input: GroupingInput; assignment: GroupAssignment } {
  const people = makeCohort(18, { facilitators: 2 });
  const ids = people.map((person) => person.id);
  return {
    input: {
      participants: [...people, ...extra],
      conflicts: [],
      rules: { groupSize: { min: 8, max: 10 }, facilitatorsPerGroup: { min: 1, max: 2 } },
    },
    assignment: {
      groups: [
        { id: 'A', memberIds: [ids[0] as string, ...ids.slice(2, 9)], slot: 'tue-12' },
        { id: 'B', memberIds: [ids[1] as string, ...ids.slice(9, 18)], slot: 'tue-12' },
      ],
    },
  };
}

const late = (id: string, availability: Participant['availability']): Participant => ({
  id,
  name: `Late ${id}`,
  level: 'resident',
  availability,
  interests: [],
  isFacilitator: false,
});

describe('changing published groups', () => {
  it('proposes the group with room for a late enrollee, and says why the full one cannot take them', () => {
    const { input, assignment } = publishedTerm([late('x', ['tue-12'])]);
    const proposal = proposePlacement(input, assignment, 'x');
    expect(proposal.proposedGroupId).toBe('A');
    const full = proposal.candidates.find((candidate) => candidate.groupId === 'B');
    expect(full?.isLegal).toBe(false);
    expect(full?.newViolations.map((violation) => violation.rule)).toEqual(['group-size']);
  });

  it('names no group for someone free only when no group meets, with a reason that names nobody', () => {
    const { input, assignment } = publishedTerm([late('y', ['sat-08'])]);
    const proposal = proposePlacement(input, assignment, 'y');
    expect(proposal.proposedGroupId).toBeNull();
    expect(proposal.reason).toBe('no-group-at-their-hours');
    const told = tellUnplaced(proposal.reason, 'Resilience');
    expect(told.body).toContain('no group meets at an hour you said you are free');
    for (const person of input.participants) expect(told.body).not.toContain(person.name);
  });

  it('allows a change that leaves an old broken rule as it was, and refuses one that breaks a rule anew', () => {
    const { input, assignment } = publishedTerm();
    // A withdrawal leaves A at 7: a broken rule already.
    const afterWithdrawal = applyMoves(assignment, [{ userId: 'p3', toGroupId: null }]);
    const filled = checkChange(
      input,
      afterWithdrawal,
      applyMoves(afterWithdrawal, [{ userId: 'p12', toGroupId: 'A' }]),
    );
    expect(filled.newViolations).toEqual([]);
    const widened = checkChange(
      input,
      afterWithdrawal,
      applyMoves(afterWithdrawal, [{ userId: 'p4', toGroupId: 'B' }]),
    );
    expect(widened.newViolations.map((violation) => violation.rule)).toContain('group-size');
  });

  it('accepts a facilitator swap as one change though each half alone would break a rule', () => {
    const newcomer: Participant = { ...late('f3', ['tue-12']), level: 'faculty', isFacilitator: true };
    const { input, assignment } = publishedTerm([newcomer]);
    const halfway = checkChange(
      input,
      assignment,
      applyMoves(assignment, [{ userId: 'p1', toGroupId: null }]),
    );
    expect(halfway.newViolations.map((violation) => violation.rule)).toContain('facilitators-per-group');
    const swapped = checkChange(
      input,
      assignment,
      applyMoves(assignment, [
        { userId: 'f3', toGroupId: 'A' },
        { userId: 'p1', toGroupId: null },
      ]),
    );
    expect(swapped.newViolations).toEqual([]);
  });
});
