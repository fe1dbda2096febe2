import { type FixedReason, type GroupPlan, isConflict } from './group-plan.ts';
import type { GroupingState } from './grouping-state.ts';
import { compatibleGroups } from './insert-waiting.ts';
import type { UnplacedParticipant } from './model.ts';
import { describeWeeklySlot, weeklySlotAt } from './weekly-slot.ts';

/**
 * Why each person without a group is without one, most fundamental reason first: no free
 * hour given; no hour shared with enough others; no group or facilitator at their hours; every
 * group they could join has a conflict of interest, or is full (of people or of facilitators).
 */
export function diagnoseUnplaced(
  state: GroupingState,
  plan: GroupPlan,
  fixed: ReadonlyMap<number, FixedReason>,
  groupIdOf: (group: number) => string,
): UnplacedParticipant[] {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const unplaced: UnplacedParticipant[] = [];
  const stamp = new Int32Array(state.groupLimit).fill(-1);
  let mark = 0;
  const shortage = plan.facilitatorShortage;
  const shortageMessage = shortage
    ? `not enough facilitators: ${shortage.needed} needed, ${shortage.available} available, so only ${state.activeCount} group${state.activeCount === 1 ? '' : 's'} could be formed`
    : '';
  for (let person = 0; person < problem.count; person++) {
    if (state.groupOf[person]! >= 0) continue;
    const id = problem.participants[person]?.id ?? '?';
    const known = fixed.get(person);
    if (known) {
      unplaced.push({ id, ...known });
      continue;
    }
    let bestShare = 0;
    let bestSlot = -1;
    let facilitatorsFree = 0;
    for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
      const slot = problem.slotList[at]!;
      if (problem.slotPopularity[slot]! > bestShare) {
        bestShare = problem.slotPopularity[slot]!;
        bestSlot = slot;
      }
      if (problem.slotPopularity[slot]! >= groupSize.min) {
        for (let index = plan.slotPeopleStart[slot]!; index < plan.slotPeopleStart[slot + 1]!; index++) {
          const other = plan.slotPeopleList[index]!;
          if (other !== person && problem.isFacilitator[other]) facilitatorsFree++;
        }
      }
    }
    if (bestShare < groupSize.min) {
      const where = bestSlot >= 0 ? ` (the most is at ${describeWeeklySlot(weeklySlotAt(bestSlot))})` : '';
      unplaced.push({
        id,
        reason: 'no-shared-slot',
        message:
          bestShare <= 1
            ? `no slot shared with enough others: no one else is free at any of their hours; a group needs ${groupSize.min}`
            : `no slot shared with enough others: at most ${bestShare - 1} other${bestShare === 2 ? ' is' : 's are'} free at one of their hours${where}; a group needs ${groupSize.min}`,
      });
      continue;
    }
    const groups = compatibleGroups(state, person, stamp, mark++);
    if (groups.length === 0) {
      if (shortage) unplaced.push({ id, reason: 'not-enough-facilitators', message: shortageMessage });
      else if (facilitatorsFree === 0 && !problem.isFacilitator[person] && facilitatorsPerGroup.min > 0) {
        unplaced.push({
          id,
          reason: 'no-facilitator-free',
          message: 'no facilitator is free at any of the hours they share with enough others',
        });
      } else {
        unplaced.push({
          id,
          reason: 'no-shared-slot',
          message: `no slot shared with enough others: no group meets at any of their free hours, and too few people left free then to start one`,
        });
      }
      continue;
    }
    const open = groups.filter((group) => !state.hasConflictIn(person, group, -1));
    if (open.length === 0) {
      const examples = groups.slice(0, 3).map((group) => {
        const other = state.membersOf(group).find((member) => isConflict(problem, person, member)) ?? -1;
        const otherId = problem.participants[other]?.id ?? '?';
        return `${groupIdOf(group)} (with "${otherId}")`;
      });
      unplaced.push({
        id,
        reason: 'conflict',
        message: `in conflict with every group it could join: ${examples.join(', ')}${groups.length > 3 ? ', …' : ''}`,
      });
      continue;
    }
    const facilitatorFull = problem.isFacilitator[person]
      ? open.every((group) => state.facilitators[group]! >= facilitatorsPerGroup.max)
      : false;
    if (facilitatorFull) {
      unplaced.push({
        id,
        reason: 'too-many-facilitators',
        message: `every group meeting at a time they are free already has ${facilitatorsPerGroup.max} facilitator${facilitatorsPerGroup.max === 1 ? '' : 's'} (the maximum)`,
      });
    } else if (shortage) {
      unplaced.push({ id, reason: 'not-enough-facilitators', message: shortageMessage });
    } else {
      unplaced.push({
        id,
        reason: 'groups-full',
        message: `every group meeting at a time they are free is full (${groupSize.max} people) and no member could move to make room`,
      });
    }
  }
  return unplaced;
}
