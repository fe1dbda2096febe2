import { describe, expect, it } from 'vitest';
import { checkGroup } from './check-rules.ts';
import { relaxRules } from './placement-model.ts';
import { prepareProblem } from './prepare.ts';
import { splitByMatching } from './split-hour.ts';
import { makeCohort } from './test-rosters.ts';

describe('splitting one hour into its groups by matching', () => {
  it('splits supervisors away from everyone they supervise, sizes and facilitators within the rules', () => {
    const participants = makeCohort(30, { facilitators: 3 });
    // Each facilitator supervises nine learners: only one group per learner is left open to most.
    const conflicts = participants.slice(3).map((learner, index) => ({
      participantIds: [participants[index % 3]!.id, learner.id] as [string, string],
      kind: 'supervision' as const,
    }));
    const problem = prepareProblem({
      participants,
      conflicts,
      rules: { groupSize: { min: 10, max: 10 }, facilitatorsPerGroup: { min: 1, max: 1 } },
    });
    const members = participants.map((_, index) => index);
    const groups = splitByMatching(problem, relaxRules(problem, { kind: 'none' }), members, 3);
    expect(groups).not.toBeNull();
    expect(groups!.flat().sort((a, b) => a - b)).toEqual(members);
    for (const group of groups!) expect(checkGroup(problem, 'g', group, null).violations).toEqual([]);
  });

  it('gives up, for the partition model to decide, when no split exists', () => {
    const participants = makeCohort(20, { facilitators: 2 });
    // Both facilitators supervise the same learner: no group can take them.
    const conflicts = [0, 1].map((facilitator) => ({
      participantIds: [participants[facilitator]!.id, participants[5]!.id] as [string, string],
      kind: 'supervision' as const,
    }));
    const problem = prepareProblem({ participants, conflicts });
    const members = participants.map((_, index) => index);
    expect(splitByMatching(problem, relaxRules(problem, { kind: 'none' }), members, 2)).toBeNull();
  });
});
