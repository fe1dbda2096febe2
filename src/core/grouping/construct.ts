/** The greedy first grouping, hour by hour from the most demanded; group-plan.ts decides its targets. */
import type { GroupPlan } from './group-plan.ts';
import type { GroupingState } from './grouping-state.ts';
import { insertWaiting } from './insert-waiting.ts';
import { maskWords } from './prepare.ts';
import { type Random, shuffleInPlace } from './random.ts';
import { weeklySlotCount } from './weekly-slot.ts';

/**
 * Greedy construction. Repeatedly picks the weekly hour with the most unplaced demand (people
 * weighted by 1 / the number of hours they could meet at, so the hard-to-place count most),
 * opens a group there with a facilitator free then, and fills it with people free then — the
 * least flexible first, ties broken by the smallest increase of the objective. Pinned groups
 * are filled first. Leftovers are inserted where they fit best, then `repairGroups` fixes sizes.
 */
export function constructGroups(state: GroupingState, plan: GroupPlan, random: Random, greediness = 1): void {
  const { problem } = state;
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const weight = new Float64Array(weeklySlotCount);
  const people = new Int32Array(weeklySlotCount);
  const facilitators = new Int32Array(weeklySlotCount);
  const isWaiting = (person: number) => plan.isPlaceable[person] === 1 && state.groupOf[person]! < 0;
  const track = (person: number, sign: number) => {
    const share = sign / Math.max(1, plan.viableSlots[person]!);
    for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
      const slot = problem.slotList[at]!;
      weight[slot]! += share;
      people[slot]! += sign;
      facilitators[slot]! += sign * problem.isFacilitator[person]!;
    }
  };
  for (let person = 0; person < problem.count; person++) if (isWaiting(person)) track(person, 1);
  const place = (person: number, group: number) => {
    state.add(person, group);
    track(person, -1);
  };

  const fillAt = (group: number, slot: number) => {
    const candidates: number[] = [];
    for (let at = plan.slotPeopleStart[slot]!; at < plan.slotPeopleStart[slot + 1]!; at++) {
      const person = plan.slotPeopleList[at]!;
      if (isWaiting(person)) candidates.push(person);
    }
    shuffleInPlace(candidates, random);
    const facilitatorCandidates = candidates
      .filter((person) => problem.isFacilitator[person])
      .sort((a, b) => plan.viableSlots[a]! - plan.viableSlots[b]!);
    for (const person of facilitatorCandidates) {
      if (state.facilitators[group]! >= facilitatorsPerGroup.min) break;
      if (state.canJoin(person, group)) place(person, group);
    }
    const bucket = (person: number) => Math.min(plan.viableSlots[person]!, 4);
    const pool = candidates
      .filter((person) => !problem.isFacilitator[person])
      .sort((a, b) => bucket(a) - bucket(b))
      .slice(0, Math.max(4 * plan.targetSize, 24));
    while (state.size[group]! < plan.targetSize) {
      let best = -1;
      let bestKey = Infinity;
      for (const person of pool) {
        if (state.groupOf[person]! >= 0 || !state.canJoin(person, group)) continue;
        const key = bucket(person) * 1e6 + state.insertDelta(person, group);
        if (key < bestKey) {
          bestKey = key;
          best = person;
        }
      }
      if (best < 0) break;
      place(best, group);
    }
  };

  // With greediness < 1 (randomised restarts), the hour is drawn among those within that share of the best demand.
  const bestSlot = (group: number, isStrict: boolean) => {
    let chosen = -1;
    const candidates: number[] = [];
    for (let slot = 0; slot < weeklySlotCount; slot++) {
      if (group >= 0 && !((state.masks[group * maskWords + (slot >>> 5)]! >>> (slot & 31)) & 1)) continue;
      const neededFacilitators = facilitatorsPerGroup.min - (group >= 0 ? state.facilitators[group]! : 0);
      const neededPeople = groupSize.min - (group >= 0 ? state.size[group]! : 0);
      if (isStrict && (facilitators[slot]! < neededFacilitators || people[slot]! < neededPeople)) continue;
      candidates.push(slot);
      if (chosen < 0 || weight[slot]! > weight[chosen]!) chosen = slot;
    }
    if (greediness >= 1 || chosen < 0) return chosen;
    const threshold = weight[chosen]! * greediness;
    const near = candidates.filter((slot) => weight[slot]! >= threshold);
    return near[random.below(near.length)] ?? chosen;
  };

  for (const group of state.activeGroups()) {
    const slot = bestSlot(group, true);
    const fallback = slot >= 0 ? slot : bestSlot(group, false);
    if (fallback >= 0) fillAt(group, fallback);
  }
  while (state.activeCount < plan.targetGroups) {
    const slot = bestSlot(-1, true);
    if (slot < 0) break;
    const group = state.openGroup();
    if (group < 0) break;
    fillAt(group, slot);
    if (state.size[group] === 0) {
      state.closeGroup(group);
      break;
    }
  }
  insertWaiting(state, plan);
}
