/**
 * Places as many people as the hard rules allow, exactly (issue 13): the slot model decides who
 * meets at which hour and how many groups meet then, the partition model splits each hour's
 * people into its groups. The heuristic answer seeds the slot model, so the solver starts from
 * a good incumbent and only has to improve it or prove nothing better exists. Before any model,
 * flows try the heuristic's hours with the missing groups opened (hour-flow.ts) and matching
 * splits the hours (split-hour.ts): when they place everyone, that is the proof, and HiGHS is
 * not needed at all.
 */

import { assignHoursByFlow, type HourAssignment } from './hour-flow.ts';
import type { MipSolver } from './mip.ts';
import { buildPartitionModel, readPartition } from './partition-model.ts';
import {
  buildSlotModel,
  type PlacedGroup,
  type Relaxation,
  type RelaxedRules,
  readSlotModel,
  relaxRules,
} from './placement-model.ts';
import type { Problem } from './prepare.ts';
import { splitByMatching } from './split-hour.ts';

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
  let seconds = 0;
  const previous = new Int32Array(problem.count).fill(-1);
  start?.forEach((group, index) => {
    for (const person of group.members) previous[person] = index;
  });
  if (start && relaxation.kind === 'none') {
    // Cheapest first: the heuristic's hours kept, the missing groups opened by flows (hour-flow.ts).
    const hours = assignHoursByFlow(problem, start);
    if (hours) {
      const rules = relaxRules(problem, relaxation);
      const outcome = splitHours(problem, rules, hours, [], previous, solve, timeLimitSeconds);
      seconds += outcome.seconds;
      if (outcome.groups) {
        return provenPlacement(outcome.groups, seconds);
      }
    }
  }
  if (start) {
    // Then keep the heuristic's groups' hours in the model: usually enough to place everyone, in a
    // fraction of the time. Placing everyone who has a usable hour needs no further proof.
    const kept = buildSlotModel(problem, relaxation, start, true);
    const quick = solve(kept.model, { timeLimitSeconds: Math.max(1, timeLimitSeconds - seconds) });
    seconds += quick.seconds;
    if (quick.status === 'optimal' && quick.objective !== null && quick.objective < 0.5 && quick.values) {
      const { atSlot, pinned } = readSlotModel(kept, quick.values);
      const outcome = splitHours(
        problem,
        kept.rules,
        atSlot,
        pinned,
        previous,
        solve,
        timeLimitSeconds - seconds,
      );
      seconds += outcome.seconds;
      if (outcome.groups) {
        return provenPlacement(outcome.groups, seconds);
      }
    }
  }
  const slotModel = buildSlotModel(problem, relaxation, start);
  const answer = solve(slotModel.model, { timeLimitSeconds: Math.max(1, timeLimitSeconds - seconds) });
  seconds += answer.seconds;
  const mostPlaceable =
    answer.bound === null ? null : slotModel.people.length - Math.ceil(answer.bound - 1e-6);
  if (!answer.values) {
    return { status: 'time-limit', groups: null, placedCount: 0, mostPlaceable: null, seconds };
  }
  const { atSlot, pinned } = readSlotModel(slotModel, answer.values);
  const split = splitHours(
    problem,
    slotModel.rules,
    atSlot,
    pinned,
    previous,
    solve,
    timeLimitSeconds - seconds,
  );
  seconds += split.seconds;
  const groups = split.groups;
  if (!groups) {
    return { status: split.status, groups: null, placedCount: 0, mostPlaceable: null, seconds };
  }
  if (answer.status === 'optimal') return provenPlacement(groups, seconds);
  const placedCount = groups.reduce((sum, group) => sum + group.members.length, 0);
  return { status: 'time-limit', groups, placedCount, mostPlaceable, seconds };
}

/** Everyone the groups hold is as many as can be placed: the grouping is its own proof. */
function provenPlacement(groups: PlacedGroup[], seconds: number): ExactPlacement {
  const placedCount = groups.reduce((sum, group) => sum + group.members.length, 0);
  return { status: 'proven', groups, placedCount, mostPlaceable: placedCount, seconds };
}

/**
 * Stage 2: each hour's people split into that hour's groups — by matching where it succeeds
 * (split-hour.ts), else by the partition model; null groups when one cannot be split.
 */
function splitHours(
  problem: Problem,
  rules: RelaxedRules,
  atSlot: HourAssignment,
  pinned: readonly PlacedGroup[],
  previousGroupOf: Int32Array,
  solve: MipSolver,
  timeLimitSeconds: number,
): { groups: PlacedGroup[] | null; status: 'time-limit' | 'unsplit'; seconds: number } {
  const groups: PlacedGroup[] = [...pinned];
  let seconds = 0;
  for (const { slot, groups: count, members } of atSlot) {
    if (count === 1) {
      groups.push({ members, slot, pin: -1 });
      continue;
    }
    const matched = splitByMatching(problem, rules, members, count, previousGroupOf);
    if (matched) {
      for (const part of matched) groups.push({ members: part, slot, pin: -1 });
      continue;
    }
    const partition = buildPartitionModel(problem, rules, members, count);
    const split = solve(partition.model, { timeLimitSeconds: Math.max(1, timeLimitSeconds - seconds) });
    seconds += split.seconds;
    if (split.status !== 'optimal' || !split.values) {
      return { groups: null, status: split.status === 'time-limit' ? 'time-limit' : 'unsplit', seconds };
    }
    for (const part of readPartition(partition, split.values)) groups.push({ members: part, slot, pin: -1 });
  }
  return { groups, status: 'unsplit', seconds };
}
