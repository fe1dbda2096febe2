import { describe, expect, it } from 'vitest';
import { evaluateGrouping } from './evaluate-grouping.ts';
import { formGroups } from './form-groups.ts';
import type { GroupingInput } from './model.ts';
import { makeCohort } from './test-rosters.ts';

const participants = makeCohort(20, { facilitators: 2 });
const ids = (from: number, to: number) => participants.slice(from, to).map((participant) => participant.id);
const input: GroupingInput = { participants };

describe('evaluateGrouping', () => {
  it('accepts a legal assignment and scores it like the engine', () => {
    const legal = {
      groups: [
        { id: 'a', memberIds: [...ids(0, 1), ...ids(2, 11)] },
        { id: 'b', memberIds: [...ids(1, 2), ...ids(11, 20)] },
      ],
    };
    const evaluation = evaluateGrouping(input, legal);
    expect(evaluation.violations).toEqual([]);
    expect(evaluation.isValid).toBe(true);
    expect(evaluation.groups[0]?.slot).toBe('tue-12');
    expect(evaluation.score.total).toBeCloseTo(
      evaluation.groups.reduce((sum, group) => sum + group.score.total, 0),
      9,
    );
  });

  it('flags every broken rule, group by group', () => {
    const edited: GroupingInput = {
      participants: participants.map((participant) =>
        participant.id === 'p5' ? { ...participant, availability: ['wed-18'] } : participant,
      ),
      conflicts: [{ participantIds: ['p3', 'p4'], kind: 'supervision' }],
    };
    const evaluation = evaluateGrouping(edited, {
      groups: [
        { id: 'a', memberIds: [...ids(0, 2), ...ids(2, 9)] },
        { id: 'b', memberIds: [...ids(9, 14), 'ghost', 'p10'] },
      ],
    });
    expect(evaluation.isValid).toBe(false);
    expect(evaluation.violations.map((violation) => [violation.groupId, violation.rule])).toEqual([
      ['a', 'common-slot'],
      ['a', 'conflict-of-interest'],
      ['b', 'unknown-participant'],
      ['b', 'placed-twice'],
      ['b', 'group-size'],
      ['b', 'facilitators-per-group'],
    ]);
    const messages = evaluation.violations.map((violation) => violation.message);
    expect(messages).toContain(
      'group a has no hour when all members are free; the best is Tuesdays 12:00–13:00 (8 of 9 free), when Person p5 is not',
    );
    expect(messages).toContain(
      'Person p3 and Person p4 must not share a group (conflict of interest), but both are in group a',
    );
    expect(messages).toContain('group b has 5 members; groups need 8–10');
    expect(messages).toContain('group b has 0 facilitators; each group needs 1–2');
    expect(evaluation.unassignedIds).toEqual(ids(14, 20));
  });

  it('checks a given meeting slot against every member', () => {
    const evaluation = evaluateGrouping(input, {
      groups: [{ id: 'a', memberIds: ids(0, 9), slot: 'wed-18' }],
    });
    expect(evaluation.violations).toEqual([
      expect.objectContaining({
        rule: 'common-slot',
        message: expect.stringMatching(
          /^group a meets Wednesdays 18:00–19:00, when Person p1, .* and 3 more are not free$/,
        ),
      }),
    ]);
  });

  it('flags a pinned person placed in another group', () => {
    const pinned: GroupingInput = {
      participants: participants.map((participant) =>
        participant.id === 'p7' ? { ...participant, pinnedGroupId: 'b' } : participant,
      ),
    };
    const evaluation = evaluateGrouping(pinned, { groups: [{ id: 'a', memberIds: ids(0, 9) }] });
    expect(evaluation.violations).toEqual([
      expect.objectContaining({
        rule: 'pinned-group',
        message: '"p7" is pinned to group b but is in group a',
      }),
    ]);
  });

  it('re-scores a hand edit of the engine result in a few milliseconds for 200 people', () => {
    const cohort: GroupingInput = {
      participants: makeCohort(200, { slots: ['tue-12', 'wed-18'] }),
      effort: 0,
    };
    const result = formGroups(cohort);
    const groups = result.groups.map((group) => ({ id: group.id, memberIds: [...group.memberIds] }));
    const moved = groups[0]?.memberIds.pop();
    if (moved) groups[1]?.memberIds.push(moved);
    const started = performance.now();
    for (let round = 0; round < 10; round++) evaluateGrouping(cohort, { groups });
    expect((performance.now() - started) / 10).toBeLessThan(50);
  });
});
