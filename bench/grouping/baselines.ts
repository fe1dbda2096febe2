/**
 * What coordinators use today, for comparison on the same rosters:
 * - random: an LMS "auto-create groups" — shuffle, chunk into groups of the target size, spread
 *   the remainder — ignoring availability, facilitators and conflicts;
 * - greedy: the engine's construction phase alone (slot-first greedy fill, repair), no search.
 */
import { formGroups } from '../../src/core/grouping/form-groups.ts';
import type { GroupAssignment, GroupingInput } from '../../src/core/grouping/model.ts';
import { createRandom, shuffleInPlace } from '../../src/core/grouping/random.ts';

export function randomGroups(input: GroupingInput, targetSize = 9): GroupAssignment {
  const ids = shuffleInPlace(
    input.participants.map((participant) => participant.id),
    createRandom(input.seed ?? 1),
  );
  const count = Math.max(1, Math.round(ids.length / targetSize));
  const groups = Array.from({ length: count }, (_, index) => ({
    id: `random-${index + 1}`,
    memberIds: [] as string[],
  }));
  ids.forEach((id, index) => {
    groups[index % count]?.memberIds.push(id);
  });
  return { groups };
}

export function greedyGroups(input: GroupingInput): GroupAssignment {
  const result = formGroups({ ...input, effort: 0 });
  return {
    groups: result.groups.map((group) => ({ id: group.id, memberIds: group.memberIds, slot: group.slot })),
  };
}
