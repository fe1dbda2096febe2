/**
 * Places as many people as the hard rules allow, exactly (issue 13): the slot model decides who
 * meets at which hour and how many groups meet then, the partition model splits each hour's
 * people into its groups. The heuristic answer seeds the slot model, so the solver starts from
 * a good incumbent and only has to improve it or prove nothing better exists.
 */
import type { MipSolver } from './mip.ts';
import { buildPartitionModel, readPartition } from './partition-model.ts';
import { buildSlotModel, type PlacedGroup, type Relaxation, readSlotModel } from './placement-model.ts';
import type { Problem } from './prepare.ts';

export type ExactPlacement = {
  /**
   * 'proven': `groups` place the most people possible (`mostPlaceable`); 'time-limit': the solver
   * stopped before proving it; 'unsplit': an hour's people could not be split into its groups,
   * so nothing is proven either.
   */
  status: 'proven' | 'time-limit' | 'unsplit';
  /** The best legal grouping found, or null when none was read. */
  groups: PlacedGroup[] | null;
  placedCount: number;
  /** Most people any legal grouping places (proven only with status 'proven'). */
  mostPlaceable: number | null;
  seconds: number;
};

export function placeExactly(
  problem: Problem,
  relaxation: Relaxation,
  solve: MipSolver,
  timeLimitSeconds: number,
  start: readonly PlacedGroup[] | null,
): ExactPlacement {
  const slotModel = buildSlotModel(problem, relaxation, start);
  const answer = solve(slotModel.model, { timeLimitSeconds });
  let seconds = answer.seconds;
  const mostPlaceable =
    answer.bound === null ? null : slotModel.people.length - Math.ceil(answer.bound - 1e-6);
  if (!answer.values) {
    return { status: 'time-limit', groups: null, placedCount: 0, mostPlaceable: null, seconds };
  }
  const { atSlot, pinned } = readSlotModel(slotModel, answer.values);
  const groups: PlacedGroup[] = [...pinned];
  for (const { slot, groups: count, members } of atSlot) {
    if (count === 1) {
      groups.push({ members, slot, pin: -1 });
      continue;
    }
    const partition = buildPartitionModel(problem, slotModel.rules, members, count);
    const split = solve(partition.model, { timeLimitSeconds: Math.max(1, timeLimitSeconds - seconds) });
    seconds += split.seconds;
    if (split.status !== 'optimal' || !split.values) {
      return {
        status: split.status === 'time-limit' ? 'time-limit' : 'unsplit',
        groups: null,
        placedCount: 0,
        mostPlaceable: null,
        seconds,
      };
    }
    for (const part of readPartition(partition, split.values)) groups.push({ members: part, slot, pin: -1 });
  }
  const placedCount = groups.reduce((sum, group) => sum + group.members.length, 0);
  return {
    status: answer.status === 'optimal' ? 'proven' : 'time-limit',
    groups,
    placedCount,
    mostPlaceable: answer.status === 'optimal' ? placedCount : mostPlaceable,
    seconds,
  };
}
