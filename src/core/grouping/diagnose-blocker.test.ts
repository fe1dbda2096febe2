import { describe, expect, it } from 'vitest';
import { formGroups } from './form-groups.ts';
import { makeCohort } from './test-rosters.ts';

// Causes the engine names without a solver; the ones needing the exact model are tested in
// src/server/grouping/diagnose-blocker.test.ts with HiGHS.
describe('naming what keeps people out, without a solver', () => {
  it('says a group needs 8 people when 7 enrolled', () => {
    const result = formGroups({ participants: makeCohort(7, { facilitators: 1 }), effort: 0.1 });
    expect(result.groups).toEqual([]);
    expect(result.diagnoses).toContainEqual({
      code: 'TOO_FEW_PEOPLE',
      message: 'a group needs 8 people; 7 enrolled',
    });
    expect(result.diagnoses.map((diagnosis) => diagnosis.message).join(' ')).not.toContain('only 0');
  });

  it('says when two facilitators are pinned to a group that allows one, for everyone it leaves out', () => {
    const participants = makeCohort(20, { facilitators: 2 });
    participants[0]!.pinnedGroupId = 'Group 1';
    participants[1]!.pinnedGroupId = 'Group 1';
    const result = formGroups({
      participants,
      rules: { facilitatorsPerGroup: { min: 1, max: 1 } },
      effort: 0.1,
    });
    const message = '2 facilitators are pinned to Group 1, which allows 1';
    expect(result.diagnoses).toContainEqual({ code: 'PINNED_GROUP_INFEASIBLE', message });
    expect(result.unplaced).toHaveLength(10);
    // The second facilitator is told about their own pin; the 9 others left out, about the cause.
    expect(result.unplaced.every((entry) => entry.reason === 'pinned-group-infeasible')).toBe(true);
    expect(result.unplaced.filter((entry) => entry.message === message)).toHaveLength(9);
  });

  it('says when more people are pinned to a group than it holds', () => {
    const participants = makeCohort(24, { facilitators: 3 });
    for (const person of participants.slice(3, 15)) person.pinnedGroupId = 'blue';
    const result = formGroups({ participants, effort: 0.1 });
    expect(result.diagnoses).toContainEqual({
      code: 'PINNED_GROUP_INFEASIBLE',
      message: '12 people are pinned to blue, which allows 10',
    });
  });
});
