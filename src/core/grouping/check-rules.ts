import type { RuleViolation } from './model.ts';
import { maskWords, type Problem } from './prepare.ts';
import { describeWeeklySlot, weeklySlotAt, weeklySlotCount } from './weekly-slot.ts';

function nameOf(problem: Problem, person: number): string {
  const participant = problem.participants[person];
  return participant?.name?.trim() || participant?.id || '?';
}

function listNames(problem: Problem, people: readonly number[]): string {
  const names = people.slice(0, 6).map((person) => nameOf(problem, person));
  if (people.length > 6) names.push(`${people.length - 6} more`);
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Hours every member is free, in week order. */
export function commonSlotsOf(problem: Problem, members: readonly number[]): number[] {
  const mask = new Uint32Array(maskWords).fill(0xffffffff);
  for (const person of members) {
    for (let word = 0; word < maskWords; word++)
      mask[word]! &= problem.availability[person * maskWords + word]!;
  }
  const slots: number[] = [];
  if (members.length === 0) return slots;
  for (let slot = 0; slot < weeklySlotCount; slot++)
    if ((mask[slot >>> 5]! >>> (slot & 31)) & 1) slots.push(slot);
  return slots;
}

/** The meeting hour among the common ones: the one most of the cohort is free at (easiest to keep when members change), earliest on ties. */
export function chooseSlot(problem: Problem, commonSlots: readonly number[]): number | null {
  let chosen: number | null = null;
  for (const slot of commonSlots) {
    if (chosen === null || problem.slotPopularity[slot]! > problem.slotPopularity[chosen]!) chosen = slot;
  }
  return chosen;
}

export function isFreeAt(problem: Problem, person: number, slot: number): boolean {
  return ((problem.availability[person * maskWords + (slot >>> 5)]! >>> (slot & 31)) & 1) === 1;
}

/**
 * Every hard rule one group breaks: size, facilitators per group, a common weekly hour (the
 * given `slot`, or any when none is given), conflicts of interest. Pins are checked by the caller.
 */
export function checkGroup(
  problem: Problem,
  groupId: string,
  members: readonly number[],
  givenSlot: number | null,
): { violations: RuleViolation[]; commonSlots: number[]; slot: number | null } {
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const violations: RuleViolation[] = [];
  const ids = (people: readonly number[]) => people.map((person) => problem.participants[person]?.id ?? '?');
  if (members.length < groupSize.min || members.length > groupSize.max) {
    violations.push({
      rule: 'group-size',
      groupId,
      participantIds: [],
      message: `group ${groupId} has ${members.length} member${members.length === 1 ? '' : 's'}; groups need ${groupSize.min}–${groupSize.max}`,
    });
  }
  const facilitators = members.filter((person) => problem.isFacilitator[person]);
  if (facilitators.length < facilitatorsPerGroup.min || facilitators.length > facilitatorsPerGroup.max) {
    const range =
      facilitatorsPerGroup.min === facilitatorsPerGroup.max
        ? `exactly ${facilitatorsPerGroup.min}`
        : `${facilitatorsPerGroup.min}–${facilitatorsPerGroup.max}`;
    violations.push({
      rule: 'facilitators-per-group',
      groupId,
      participantIds: ids(facilitators),
      message: `group ${groupId} has ${facilitators.length} facilitator${facilitators.length === 1 ? '' : 's'}; each group needs ${range}`,
    });
  }
  const commonSlots = commonSlotsOf(problem, members);
  let slot: number | null = givenSlot;
  if (givenSlot !== null) {
    const busy = members.filter((person) => !isFreeAt(problem, person, givenSlot));
    if (busy.length > 0) {
      violations.push({
        rule: 'common-slot',
        groupId,
        participantIds: ids(busy),
        message: `group ${groupId} meets ${describeWeeklySlot(weeklySlotAt(givenSlot))}, when ${listNames(problem, busy)} ${busy.length === 1 ? 'is' : 'are'} not free`,
      });
    }
  } else if (members.length > 0) {
    slot = chooseSlot(problem, commonSlots);
    if (slot === null) {
      let best = 0;
      let bestFree = -1;
      for (let candidate = 0; candidate < weeklySlotCount; candidate++) {
        let free = 0;
        for (const person of members) if (isFreeAt(problem, person, candidate)) free++;
        if (free > bestFree) {
          bestFree = free;
          best = candidate;
        }
      }
      const busy = members.filter((person) => !isFreeAt(problem, person, best));
      violations.push({
        rule: 'common-slot',
        groupId,
        participantIds: ids(busy),
        message: `group ${groupId} has no hour when all members are free; the best is ${describeWeeklySlot(weeklySlotAt(best))} (${bestFree} of ${members.length} free), when ${listNames(problem, busy)} ${busy.length === 1 ? 'is' : 'are'} not`,
      });
    }
  }
  const inGroup = new Set(members);
  for (const person of members) {
    for (let at = problem.conflictStart[person]!; at < problem.conflictStart[person + 1]!; at++) {
      const other = problem.conflictList[at]!;
      if (other > person && inGroup.has(other)) {
        violations.push({
          rule: 'conflict-of-interest',
          groupId,
          participantIds: ids([person, other]),
          message: `${listNames(problem, [person, other])} must not share a group (conflict of interest), but both are in group ${groupId}`,
        });
      }
    }
  }
  return { violations, commonSlots, slot };
}
