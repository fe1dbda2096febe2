import { maskWords, type Problem } from './prepare.ts';
import { weeklySlotCount } from './weekly-slot.ts';

/**
 * The weekly hours each group's members are all free, as an availability bitmask per group, and
 * per hour the groups free then (`slotGroups`) — the candidate destinations for a person free at
 * that hour. Reads the state's member lists (shared arrays) and is told when a group changes.
 */
export class SharedHours {
  readonly masks: Uint32Array;
  readonly slotGroups: Int32Array;
  readonly slotGroupCount: Int32Array;

  private readonly problem: Problem;
  private readonly groupLimit: number;
  private readonly capacity: number;
  private readonly members: Int32Array;
  private readonly size: Int32Array;
  private readonly listed: Uint32Array;
  private readonly slotGroupPosition: Int32Array;
  private readonly scratchMask: Uint32Array;

  constructor(problem: Problem, groupLimit: number, capacity: number, members: Int32Array, size: Int32Array) {
    this.problem = problem;
    this.groupLimit = groupLimit;
    this.capacity = capacity;
    this.members = members;
    this.size = size;
    this.masks = new Uint32Array(groupLimit * maskWords).fill(0xffffffff);
    this.listed = new Uint32Array(groupLimit * maskWords);
    this.slotGroups = new Int32Array(weeklySlotCount * groupLimit);
    this.slotGroupCount = new Int32Array(weeklySlotCount);
    this.slotGroupPosition = new Int32Array(weeklySlotCount * groupLimit).fill(-1);
    this.scratchMask = new Uint32Array(maskWords);
  }

  /** Narrows `group`'s hours to those `person`, who just joined, is free. */
  join(person: number, group: number): void {
    const base = group * maskWords;
    const personBase = person * maskWords;
    for (let word = 0; word < maskWords; word++)
      this.masks[base + word]! &= this.problem.availability[personBase + word]!;
    this.refreshSlotLists(group);
  }

  /** Works `group`'s hours out again after a member left. */
  leave(group: number): void {
    this.computeMaskWithout(group, -1, this.masks, group * maskWords);
    this.refreshSlotLists(group);
  }

  isFree(person: number, group: number): boolean {
    const base = group * maskWords;
    const personBase = person * maskWords;
    for (let word = 0; word < maskWords; word++) {
      if ((this.masks[base + word]! & this.problem.availability[personBase + word]!) !== 0) return true;
    }
    return false;
  }

  /** Whether `person` shares an hour with the members of `group` other than `except`. */
  isFreeWithout(person: number, group: number, except: number): boolean {
    this.computeMaskWithout(group, except, this.scratchMask, 0);
    const personBase = person * maskWords;
    for (let word = 0; word < maskWords; word++) {
      if ((this.scratchMask[word]! & this.problem.availability[personBase + word]!) !== 0) return true;
    }
    return false;
  }

  private computeMaskWithout(group: number, except: number, target: Uint32Array, offset: number): void {
    const { availability } = this.problem;
    for (let word = 0; word < maskWords; word++) target[offset + word] = 0xffffffff;
    const start = group * this.capacity;
    for (let position = 0; position < this.size[group]!; position++) {
      const member = this.members[start + position]!;
      if (member === except) continue;
      const memberBase = member * maskWords;
      for (let word = 0; word < maskWords; word++) target[offset + word]! &= availability[memberBase + word]!;
    }
  }

  private refreshSlotLists(group: number): void {
    const base = group * maskWords;
    const isListed = this.size[group]! > 0;
    for (let word = 0; word < maskWords; word++) {
      const wanted = isListed ? this.masks[base + word]! : 0;
      let changed = (wanted ^ this.listed[base + word]!) >>> 0;
      while (changed !== 0) {
        const bit = 31 - Math.clz32(changed);
        changed ^= 1 << bit;
        changed >>>= 0;
        const slot = word * 32 + bit;
        if (slot >= weeklySlotCount) continue;
        if ((wanted >>> bit) & 1) this.listSlotGroup(slot, group);
        else this.unlistSlotGroup(slot, group);
      }
      this.listed[base + word] = wanted;
    }
  }

  private listSlotGroup(slot: number, group: number): void {
    const key = slot * this.groupLimit;
    const count = this.slotGroupCount[slot]!;
    this.slotGroups[key + count] = group;
    this.slotGroupPosition[key + group] = count;
    this.slotGroupCount[slot] = count + 1;
  }

  private unlistSlotGroup(slot: number, group: number): void {
    const key = slot * this.groupLimit;
    const position = this.slotGroupPosition[key + group]!;
    const last = this.slotGroupCount[slot]! - 1;
    const moved = this.slotGroups[key + last]!;
    this.slotGroups[key + position] = moved;
    this.slotGroupPosition[key + moved] = position;
    this.slotGroupPosition[key + group] = -1;
    this.slotGroupCount[slot] = last;
  }
}
