import type { GroupPlan } from './group-plan.ts';
import type { GroupingState } from './grouping-state.ts';
import { maskWords } from './prepare.ts';
import type { Random } from './random.ts';

/** Annealing then, for small and medium cohorts, an exhaustive descent polish. */
export function improve(
  state: GroupingState,
  plan: GroupPlan,
  random: Random,
  iterations: number,
  heat: number,
  descentPasses = 25,
): number {
  const { problem } = state;
  const movableList: number[] = [];
  for (let person = 0; person < problem.count; person++) {
    const isWaiting = state.groupOf[person]! < 0 && plan.isPlaceable[person] === 1;
    if ((state.groupOf[person]! >= 0 || isWaiting) && problem.pinOf[person]! < 0) movableList.push(person);
  }
  const movable = Int32Array.from(movableList);
  if (iterations === 0 || movable.length === 0) return 0;
  const done = anneal(state, movable, random, iterations, heat);
  if (plan.placeableCount <= 300) descend(state, movable, descentPasses);
  return done;
}

/** Steepest descent over moves and swaps for every movable person (no annealing). */
export function descendAll(state: GroupingState, plan: GroupPlan, maxPasses = 25): number {
  const { problem } = state;
  const movable: number[] = [];
  for (let person = 0; person < problem.count; person++) {
    const isWaiting = state.groupOf[person]! < 0 && plan.isPlaceable[person] === 1;
    if ((state.groupOf[person]! >= 0 || isWaiting) && problem.pinOf[person]! < 0) movable.push(person);
  }
  return descend(state, Int32Array.from(movable), maxPasses);
}

/**
 * Simulated annealing over the legal neighbourhood. A proposal picks a movable person and an
 * hour — mostly one their group already shares (then a swap with any group meeting at that
 * hour keeps both groups' hour), sometimes any of their free hours (so groups can drift to
 * other hours) — then a group whose members are all free then (from `state.slotGroups`), and
 * moves the person there, swaps them with a member, or, for an unplaced person, inserts them or
 * lets them take a member's place. Proposals that would break a hard rule are skipped, so the
 * state is legal after every step; the objective change comes from the incremental delta.
 * Insertions (one more person placed) are always taken. Geometric cooling from a temperature
 * calibrated on sampled uphill moves; the best state of the cool phase is restored at the end.
 */
export function anneal(
  state: GroupingState,
  movable: Int32Array,
  random: Random,
  iterations: number,
  heat = 0.6,
): number {
  if (movable.length === 0 || iterations <= 0) return 0;
  const proposal: Proposal = { kind: 'move', first: -1, second: -1 };
  const uphill: number[] = [];
  for (let sample = 0; sample < 2000 && uphill.length < 200; sample++) {
    const delta = propose(state, movable, random, proposal);
    if (delta > 1e-9 && Number.isFinite(delta)) uphill.push(delta);
  }
  uphill.sort((a, b) => a - b);
  const typical = uphill.length > 0 ? (uphill[Math.floor(uphill.length / 2)] ?? 1) : 1;
  const startTemperature = typical * heat;
  const endTemperature = typical * 0.004;
  const ratio = endTemperature / startTemperature;
  let current = state.total();
  let best = current;
  let bestPlaced = state.placedCount;
  let bestGroupOf: Int32Array | null = null;
  const coolPhase = Math.floor(iterations * 0.6);
  let temperature = startTemperature;
  for (let iteration = 0; iteration < iterations; iteration++) {
    if ((iteration & 255) === 0) temperature = startTemperature * ratio ** (iteration / iterations);
    const delta = propose(state, movable, random, proposal);
    if (!Number.isFinite(delta)) continue;
    const isGain = proposal.kind === 'insert';
    if (!isGain && delta > 0 && random.next() >= Math.exp(-delta / temperature)) continue;
    apply(state, proposal);
    current += delta;
    if (state.placedCount > bestPlaced || (iteration >= coolPhase && current < best - 1e-9)) {
      best = current;
      bestPlaced = state.placedCount;
      bestGroupOf = iteration >= coolPhase ? state.groupOf.slice() : null;
    }
  }
  if (bestGroupOf && state.placedCount === bestPlaced && current > best + 1e-9) {
    state.load(bestGroupOf, state.isActive.slice(), state.pinOfGroup.slice());
  }
  return iterations;
}

/**
 * The last legal proposal drawn: move `first` to group `second`; swap people `first` and
 * `second`; let unplaced `first` take the place of `second`; or insert unplaced `first` into group `second`.
 */
type Proposal = { kind: 'move' | 'swap' | 'replace' | 'insert'; first: number; second: number };

function apply(state: GroupingState, proposal: Proposal): void {
  const { kind, first, second } = proposal;
  if (kind === 'move') state.move(first, second);
  else if (kind === 'swap') state.swap(first, second);
  else if (kind === 'insert') state.add(first, second);
  else {
    const group = state.groupOf[second]!;
    state.remove(second);
    state.add(first, group);
  }
}

/** Draws one proposal into `proposal` and returns its delta (Infinity when the draw was not legal). */
function propose(state: GroupingState, movable: Int32Array, random: Random, proposal: Proposal): number {
  const { problem } = state;
  const person = movable[random.below(movable.length)]!;
  const from = state.groupOf[person]!;
  // Mostly an hour the person's group already shares (a swap with a group meeting then is always
  // free for both sides); sometimes any hour of the person's, so groups can drift to other hours.
  const slot =
    from >= 0 && random.next() < 0.5
      ? randomSharedSlot(state, from, random)
      : randomFreeSlot(state, person, random);
  if (slot < 0) return Infinity;
  const groupCount = state.slotGroupCount[slot]!;
  if (groupCount === 0) return Infinity;
  const group = state.slotGroups[slot * state.groupLimit + random.below(groupCount)]!;
  if (group === from) return Infinity;
  proposal.first = person;
  if (from < 0) {
    if (state.canJoin(person, group)) {
      proposal.kind = 'insert';
      proposal.second = group;
      return state.insertDelta(person, group);
    }
    const other = state.memberAt(group, random.below(state.size[group]!));
    if (problem.pinOf[other]! >= 0 || !state.canReplace(other, person)) return Infinity;
    proposal.kind = 'replace';
    proposal.second = other;
    return state.replaceDelta(other, person);
  }
  if (random.next() < 0.35) {
    if (!state.canLeave(person) || !state.canJoin(person, group)) return Infinity;
    proposal.kind = 'move';
    proposal.second = group;
    return state.moveDelta(person, group);
  }
  const size = state.size[group]!;
  let other = state.memberAt(group, random.below(size));
  if (problem.isFacilitator[person] && !problem.isFacilitator[other] && random.next() < 0.8) {
    const offset = random.below(size);
    for (let step = 0; step < size; step++) {
      const candidate = state.memberAt(group, (offset + step) % size);
      if (problem.isFacilitator[candidate]) {
        other = candidate;
        break;
      }
    }
  }
  if (problem.pinOf[other]! >= 0 || !state.canSwap(person, other)) return Infinity;
  proposal.kind = 'swap';
  proposal.second = other;
  return state.swapDelta(person, other);
}

/**
 * Steepest-descent polish: for each movable person, tries every legal move and swap into the
 * groups free at one of their hours and applies the best improving one, until a full pass finds
 * nothing (or `maxPasses`). Exhaustive, so used for small and medium cohorts.
 */
export function descend(state: GroupingState, movable: Int32Array, maxPasses: number): number {
  const { problem } = state;
  const stamp = new Int32Array(state.groupLimit).fill(-1);
  let mark = 0;
  let evaluations = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (const person of movable) {
      const from = state.groupOf[person]!;
      if (from < 0) {
        if (placeWaiting(state, person, stamp, ++mark)) improved = true;
        continue;
      }
      let bestDelta = -1e-9;
      let bestGroup = -1;
      let bestOther = -1;
      mark++;
      for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
        const slot = problem.slotList[at]!;
        for (let position = 0; position < state.slotGroupCount[slot]!; position++) {
          const group = state.slotGroups[slot * state.groupLimit + position]!;
          if (group === from || stamp[group] === mark) continue;
          stamp[group] = mark;
          if (state.canLeave(person) && state.canJoin(person, group)) {
            evaluations++;
            const delta = state.moveDelta(person, group);
            if (delta < bestDelta) {
              bestDelta = delta;
              bestGroup = group;
              bestOther = -1;
            }
          }
          for (let index = 0; index < state.size[group]!; index++) {
            const other = state.memberAt(group, index);
            if (problem.pinOf[other]! >= 0 || !state.canSwap(person, other)) continue;
            evaluations++;
            const delta = state.swapDelta(person, other);
            if (delta < bestDelta) {
              bestDelta = delta;
              bestGroup = group;
              bestOther = other;
            }
          }
        }
      }
      if (bestGroup < 0) continue;
      if (bestOther >= 0) state.swap(person, bestOther);
      else state.move(person, bestGroup);
      improved = true;
    }
    if (!improved) break;
  }
  return evaluations;
}

/** For an unplaced person: join a group with room, else take the place of the member whose replacement helps most. */
function placeWaiting(state: GroupingState, person: number, stamp: Int32Array, mark: number): boolean {
  const { problem } = state;
  let bestDelta = -1e-9;
  let bestOther = -1;
  for (let at = problem.slotStart[person]!; at < problem.slotStart[person + 1]!; at++) {
    const slot = problem.slotList[at]!;
    for (let position = 0; position < state.slotGroupCount[slot]!; position++) {
      const group = state.slotGroups[slot * state.groupLimit + position]!;
      if (stamp[group] === mark) continue;
      stamp[group] = mark;
      if (state.canJoin(person, group)) {
        state.add(person, group);
        return true;
      }
      for (let index = 0; index < state.size[group]!; index++) {
        const other = state.memberAt(group, index);
        if (problem.pinOf[other]! >= 0 || !state.canReplace(other, person)) continue;
        const delta = state.replaceDelta(other, person);
        if (delta < bestDelta) {
          bestDelta = delta;
          bestOther = other;
        }
      }
    }
  }
  if (bestOther < 0) return false;
  const group = state.groupOf[bestOther]!;
  state.remove(bestOther);
  state.add(person, group);
  return true;
}

function randomFreeSlot(state: GroupingState, person: number, random: Random): number {
  const { slotStart, slotList } = state.problem;
  const count = slotStart[person + 1]! - slotStart[person]!;
  return count === 0 ? -1 : slotList[slotStart[person]! + random.below(count)]!;
}

/** A uniformly random hour among those all members of `group` are free at. */
function randomSharedSlot(state: GroupingState, group: number, random: Random): number {
  const base = group * maskWords;
  let count = 0;
  for (let word = 0; word < maskWords; word++) count += bitCount(state.masks[base + word]!);
  if (count === 0) return -1;
  let pick = random.below(count);
  for (let word = 0; word < maskWords; word++) {
    let bits = state.masks[base + word]!;
    const inWord = bitCount(bits);
    if (pick >= inWord) {
      pick -= inWord;
      continue;
    }
    while (pick-- > 0) bits &= bits - 1;
    return word * 32 + (31 - Math.clz32(bits & -bits));
  }
  return -1;
}

function bitCount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
