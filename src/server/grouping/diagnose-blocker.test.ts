import { describe, expect, it } from 'vitest';
import { formGroups } from '../../core/grouping/form-groups.ts';
import type { GroupingInput } from '../../core/grouping/model.ts';
import { makeCohort } from '../../core/grouping/test-rosters.ts';
import { loadHighsSolver } from './highs-solver.ts';

async function form(input: GroupingInput) {
  const solve = await loadHighsSolver();
  return formGroups({ ...input, effort: 0.1 }, { exact: { solve, timeLimitSeconds: 10 } });
}

function expectNamed(result: Awaited<ReturnType<typeof form>>, message: string, left: number) {
  expect(result.diagnoses).toContainEqual({ code: 'NO_COMPLETE_GROUPING', message });
  expect(result.unplaced).toHaveLength(left);
  expect(result.unplaced.filter((entry) => entry.message === message).length).toBeGreaterThan(0);
}

describe('naming what keeps people out, proven by the exact model', () => {
  it('names the conflict pair when the only 10 people free at an hour include both', async () => {
    const participants = makeCohort(10, { facilitators: 1 });
    participants[2]!.name = 'Ana';
    participants[3]!.name = 'Ben';
    const result = await form({
      participants,
      conflicts: [{ participantIds: ['p3', 'p4'], kind: 'request' }],
      rules: { groupSize: { min: 10, max: 10 } },
    });
    const message =
      'Ana and Ben are a conflict pair and the only 10 people free at Tuesdays 12:00–13:00 include both';
    expectNamed(result, message, 10);
    expect(result.unplaced.every((entry) => entry.message === message)).toBe(true);
  });

  it('names the facilitator rule when one facilitator can lead only one of two groups', async () => {
    const result = await form({ participants: makeCohort(20, { facilitators: 1 }) });
    expectNamed(
      result,
      'each group needs 1–2 facilitators, and with the 1 facilitator at the hours they are free at most 10 of 20 people can be placed',
      10,
    );
  });

  it('names the group size when the people free at one hour cannot fill whole groups', async () => {
    const result = await form({
      participants: makeCohort(15, { facilitators: 2 }),
      rules: { groupSize: { min: 10, max: 10 } },
    });
    expectNamed(
      result,
      'groups of 10 cannot be made from the people free at the same hours: at most 10 of 15 can be placed',
      5,
    );
  });

  it('names the one person whose free hours keep a group from forming', async () => {
    const participants = [
      ...makeCohort(17, { facilitators: 2 }),
      ...makeCohort(1, { facilitators: 0, slots: ['wed-18'], prefix: 'x' }),
    ];
    participants[17]!.name = 'Cleo';
    const result = await form({ participants, rules: { groupSize: { min: 9, max: 9 } } });
    expectNamed(
      result,
      'Cleo is free only Wednesdays 18:00–19:00, when no legal group can meet with them; free at another hour, more people could be placed',
      9,
    );
  });
});
