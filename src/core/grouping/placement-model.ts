/**
 * Exact placement, stage 1 (issue 13): how many people can be placed at all while every hard
 * rule holds. Feasibility only — the soft goals are left to the local search, which continues
 * from the answer. Groups are interchangeable apart from their meeting hour, so instead of
 * person-in-group variables (100,000 of them at 1,000 people, too many for HiGHS in seconds)
 * the model decides who meets at which hour and how many groups meet then:
 *
 *   y[i,s] person i meets at hour s;  n[s] groups at hour s (integer);  u[i] left out
 *   Σs y[i,s] + u[i] = 1;   min·n[s] ≤ Σi y[i,s] ≤ max·n[s];   fmin·n[s] ≤ Σ facilitators ≤ fmax·n[s]
 *   conflict pair at hour s: y[i,s] + y[j,s] ≤ 1 + m[s], with m[s] = 1 only when n[s] ≥ 2
 *   minimise Σ u[i]
 *
 * A pinned group is one group whose hour is chosen (v[i,p], w[p,s] — person-in-group variables,
 * as there are few pins). Stage 2 (partition-model.ts) splits each hour's people into its n[s]
 * groups; the conflict rows above make that split possible in every case we generate, and when
 * it is not, the caller says it could not prove the answer.
 *
 * One rule family can be dropped (`Relaxation`), which is how diagnose-blocker.ts finds the rule
 * that keeps people out.
 */
import { MipBuilder, type MipModel } from './mip.ts';
import { maskWords, type Problem } from './prepare.ts';
import { weeklySlotCount } from './weekly-slot.ts';

export type Relaxation =
  | { kind: 'none' }
  | { kind: 'conflicts' }
  | { kind: 'conflict'; first: number; second: number }
  | { kind: 'pins' }
  | { kind: 'facilitators' }
  | { kind: 'size' }
  | { kind: 'availability'; person: number };

/** The rules and availability with one family dropped. */
export type RelaxedRules = {
  size: { min: number; max: number };
  facilitators: { min: number; max: number };
  freeAt(person: number, slot: number): boolean;
  pinOf(person: number): number;
  pinCount: number;
  isConflictKept(first: number, second: number): boolean;
};

export function relaxRules(problem: Problem, relaxation: Relaxation): RelaxedRules {
  const { groupSize, facilitatorsPerGroup } = problem.rules;
  const facilitators =
    relaxation.kind === 'facilitators' ? { min: 0, max: problem.count } : facilitatorsPerGroup;
  const size =
    relaxation.kind === 'size' ? { min: Math.max(1, facilitators.min), max: problem.count } : groupSize;
  const usesPins = relaxation.kind !== 'pins';
  return {
    size,
    facilitators,
    freeAt: (person, slot) =>
      (relaxation.kind === 'availability' && relaxation.person === person) ||
      ((problem.availability[person * maskWords + (slot >>> 5)]! >>> (slot & 31)) & 1) === 1,
    pinOf: (person) => (usesPins ? problem.pinOf[person]! : -1),
    pinCount: usesPins ? problem.pinIds.length : 0,
    isConflictKept: (first, second) =>
      relaxation.kind !== 'conflicts' &&
      !(
        relaxation.kind === 'conflict' &&
        ((relaxation.first === first && relaxation.second === second) ||
          (relaxation.first === second && relaxation.second === first))
      ),
  };
}

/** The hours at which enough people, and enough facilitators, are free for one group. */
export function usableSlots(
  problem: Problem,
  { size, facilitators, freeAt }: Pick<RelaxedRules, 'size' | 'facilitators' | 'freeAt'>,
): number[] {
  const slots: number[] = [];
  for (let slot = 0; slot < weeklySlotCount; slot++) {
    let free = 0;
    let freeFacilitators = 0;
    for (let person = 0; person < problem.count; person++) {
      if (!freeAt(person, slot)) continue;
      free++;
      freeFacilitators += problem.isFacilitator[person]!;
    }
    if (free >= size.min && freeFacilitators >= facilitators.min) slots.push(slot);
  }
  return slots;
}

/** Each conflict pair once, lower index first. */
export function conflictPairs(problem: Problem): [number, number][] {
  const pairs: [number, number][] = [];
  for (let person = 0; person < problem.count; person++) {
    for (let at = problem.conflictStart[person]!; at < problem.conflictStart[person + 1]!; at++) {
      const other = problem.conflictList[at]!;
      if (other > person) pairs.push([person, other]);
    }
  }
  return pairs;
}

/** A grouping as the exact model sees it: members, meeting hour, pin index (or -1). */
export type PlacedGroup = { members: number[]; slot: number; pin: number };

export type SlotModel = {
  model: MipModel;
  rules: RelaxedRules;
  people: number[];
  slots: number[];
  /** Column of y[i,s] at people-index·slots + slot-index, or -1. */
  yColumn: Int32Array;
  nColumn: Int32Array;
  /** Column of m[s] (two or more groups at hour s), or -1 when no conflict pair shares s. */
  mColumn: Int32Array;
  /** Column of v[i,p] at people-index·pins + pin, or -1. */
  vColumn: Int32Array;
  wColumn: Int32Array;
  uColumn: Int32Array;
};

const infinity = Number.POSITIVE_INFINITY;

/**
 * `keepStartGroups`: at least as many groups meet at each hour as in `start`. A restriction, not
 * a relaxation — it only helps the solver find a complete grouping fast (with the hours' group
 * counts fixed, the rest is close to a transportation problem); placeExactly drops it when the
 * restricted model cannot place everyone.
 */
export function buildSlotModel(
  problem: Problem,
  relaxation: Relaxation,
  start: readonly PlacedGroup[] | null,
  keepStartGroups = false,
): SlotModel {
  const rules = relaxRules(problem, relaxation);
  const { size, facilitators, freeAt, pinOf, pinCount } = rules;
  const slots = usableSlots(problem, rules);
  const people: number[] = [];
  for (let person = 0; person < problem.count; person++) {
    if (slots.some((slot) => freeAt(person, slot))) people.push(person);
  }
  const slotCount = slots.length;
  const builder = new MipBuilder();
  const yColumn = new Int32Array(people.length * slotCount).fill(-1);
  const vColumn = new Int32Array(people.length * pinCount).fill(-1);
  const uColumn = new Int32Array(people.length);
  people.forEach((person, index) => {
    const pin = pinOf(person);
    slots.forEach((slot, slotIndex) => {
      if (pin < 0 && freeAt(person, slot)) yColumn[index * slotCount + slotIndex] = builder.addBinary();
    });
    for (let other = 0; other < pinCount; other++) {
      if (pin < 0 || pin === other) vColumn[index * pinCount + other] = builder.addBinary();
    }
    uColumn[index] = builder.addBinary(1);
  });
  const nColumn = new Int32Array(slotCount);
  slots.forEach((_, slotIndex) => {
    let free = 0;
    people.forEach((_person, index) => {
      if (yColumn[index * slotCount + slotIndex]! >= 0) free++;
    });
    const kept = keepStartGroups
      ? (start ?? []).filter((group) => group.pin < 0 && group.slot === slots[slotIndex]).length
      : 0;
    nColumn[slotIndex] = builder.addColumn(0, kept, Math.max(kept, Math.floor(free / size.min)), true);
  });
  const wColumn = new Int32Array(pinCount * slotCount);
  const aColumn = new Int32Array(pinCount);
  for (let pin = 0; pin < pinCount; pin++) {
    aColumn[pin] = builder.addBinary();
    slots.forEach((_, slotIndex) => {
      wColumn[pin * slotCount + slotIndex] = builder.addBinary();
    });
  }

  people.forEach((_, index) => {
    const columns = [uColumn[index]!];
    for (let slotIndex = 0; slotIndex < slotCount; slotIndex++) {
      const column = yColumn[index * slotCount + slotIndex]!;
      if (column >= 0) columns.push(column);
    }
    for (let pin = 0; pin < pinCount; pin++) {
      const column = vColumn[index * pinCount + pin]!;
      if (column >= 0) columns.push(column);
    }
    builder.addRow(columns, ones(columns.length), 1, 1);
  });

  /** Size and facilitator rows for a set of member columns counted against `groups`·bounds. */
  const boundRows = (members: number[], facilitatorMembers: number[], groups: number) => {
    builder.addRow([...members, groups], [...ones(members.length), -size.min], 0, infinity);
    builder.addRow([...members, groups], [...ones(members.length), -size.max], -infinity, 0);
    if (facilitators.min > 0) {
      const values = [...ones(facilitatorMembers.length), -facilitators.min];
      builder.addRow([...facilitatorMembers, groups], values, 0, infinity);
    }
    if (facilitators.max < facilitatorMembers.length) {
      const values = [...ones(facilitatorMembers.length), -facilitators.max];
      builder.addRow([...facilitatorMembers, groups], values, -infinity, 0);
    }
  };
  const pairs = conflictPairs(problem).filter(([first, second]) => rules.isConflictKept(first, second));
  const indexOf = new Int32Array(problem.count).fill(-1);
  people.forEach((person, index) => {
    indexOf[person] = index;
  });
  const mColumn = new Int32Array(slotCount).fill(-1);
  slots.forEach((_, slotIndex) => {
    const members: number[] = [];
    const facilitatorMembers: number[] = [];
    people.forEach((person, index) => {
      const column = yColumn[index * slotCount + slotIndex]!;
      if (column < 0) return;
      members.push(column);
      if (problem.isFacilitator[person]) facilitatorMembers.push(column);
    });
    const n = nColumn[slotIndex]!;
    boundRows(members, facilitatorMembers, n);
    let several = -1;
    for (const [first, second] of pairs) {
      const firstColumn = indexOf[first]! < 0 ? -1 : yColumn[indexOf[first]! * slotCount + slotIndex]!;
      const secondColumn = indexOf[second]! < 0 ? -1 : yColumn[indexOf[second]! * slotCount + slotIndex]!;
      if (firstColumn < 0 || secondColumn < 0) continue;
      if (several < 0) {
        // m[s] = 1 only when at least two groups meet at s (n[s] ≥ 2·m[s]).
        several = builder.addBinary();
        mColumn[slotIndex] = several;
        builder.addRow([n, several], [1, -2], 0, infinity);
      }
      builder.addRow([firstColumn, secondColumn, several], [1, 1, -1], -infinity, 1);
    }
  });
  for (let pin = 0; pin < pinCount; pin++) {
    const members: number[] = [];
    const facilitatorMembers: number[] = [];
    const a = aColumn[pin]!;
    people.forEach((person, index) => {
      const column = vColumn[index * pinCount + pin]!;
      if (column < 0) return;
      members.push(column);
      if (problem.isFacilitator[person]) facilitatorMembers.push(column);
      const columns = [column];
      slots.forEach((slot, slotIndex) => {
        if (freeAt(person, slot)) columns.push(wColumn[pin * slotCount + slotIndex]!);
      });
      builder.addRow(columns, [1, ...columns.slice(1).map(() => -1)], -infinity, 0);
    });
    boundRows(members, facilitatorMembers, a);
    const groupSlots = slots.map((_, slotIndex) => wColumn[pin * slotCount + slotIndex]!);
    builder.addRow([...groupSlots, a], [...ones(groupSlots.length), -1], 0, 0);
    for (const [first, second] of pairs) {
      const firstColumn = indexOf[first]! < 0 ? -1 : vColumn[indexOf[first]! * pinCount + pin]!;
      const secondColumn = indexOf[second]! < 0 ? -1 : vColumn[indexOf[second]! * pinCount + pin]!;
      if (firstColumn >= 0 && secondColumn >= 0) {
        builder.addRow([firstColumn, secondColumn], [1, 1], -infinity, 1);
      }
    }
  }
  const model = { rules, people, slots, yColumn, nColumn, mColumn, vColumn, wColumn, uColumn };
  const startValues = start ? startFrom(model, builder, aColumn, start) : null;
  return { model: builder.build(startValues), ...model };
}

function ones(count: number): number[] {
  return new Array<number>(count).fill(1);
}

/**
 * The heuristic's groups as a starting point. HiGHS checks a start and ignores it when it
 * breaks a row, so only the column values need to be right, not every auxiliary.
 */
function startFrom(
  model: Omit<SlotModel, 'model'>,
  builder: MipBuilder,
  aColumn: Int32Array,
  start: readonly PlacedGroup[],
): Float64Array | null {
  const { people, slots, yColumn, nColumn, vColumn, wColumn, uColumn, rules } = model;
  const values = new Float64Array(builder.columnCount);
  const indexOf = new Map(people.map((person, index) => [person, index]));
  const slotIndexOf = new Map(slots.map((slot, index) => [slot, index]));
  const placed = new Set<number>();
  for (const group of start) {
    const slotIndex = slotIndexOf.get(group.slot);
    if (slotIndex === undefined) return null;
    const pin = group.pin < rules.pinCount ? group.pin : -1;
    if (pin >= 0) {
      values[aColumn[pin]!] = 1;
      values[wColumn[pin * slots.length + slotIndex]!] = 1;
    } else values[nColumn[slotIndex]!]! += 1;
    for (const person of group.members) {
      const index = indexOf.get(person);
      if (index === undefined) return null;
      const column =
        pin >= 0 ? vColumn[index * rules.pinCount + pin]! : yColumn[index * slots.length + slotIndex]!;
      if (column < 0) return null;
      values[column] = 1;
      placed.add(person);
    }
  }
  people.forEach((person, index) => {
    if (!placed.has(person)) values[uColumn[index]!] = 1;
  });
  // m[s] = 1 where two or more groups meet, so conflict pairs split over them are allowed.
  slots.forEach((_, slotIndex) => {
    const column = model.mColumn[slotIndex]!;
    if (column >= 0 && values[nColumn[slotIndex]!]! >= 2) values[column] = 1;
  });
  return values;
}

/** Who meets at which hour (unpinned), and the pinned groups, from the solver's values. */
export function readSlotModel(
  model: SlotModel,
  values: Float64Array,
): { atSlot: { slot: number; groups: number; members: number[] }[]; pinned: PlacedGroup[] } {
  const { people, slots, yColumn, nColumn, vColumn, wColumn, rules } = model;
  const atSlot = slots.map((slot, slotIndex) => ({
    slot,
    groups: Math.round(values[nColumn[slotIndex]!]!),
    members: people.filter((_, index) => {
      const column = yColumn[index * slots.length + slotIndex]!;
      return column >= 0 && values[column]! > 0.5;
    }),
  }));
  const pinned: PlacedGroup[] = [];
  for (let pin = 0; pin < rules.pinCount; pin++) {
    const members = people.filter((_, index) => {
      const column = vColumn[index * rules.pinCount + pin]!;
      return column >= 0 && values[column]! > 0.5;
    });
    if (members.length === 0) continue;
    const slotIndex = slots.findIndex((_, index) => values[wColumn[pin * slots.length + index]!]! > 0.5);
    pinned.push({ members, slot: slots[slotIndex] ?? -1, pin });
  }
  return { atSlot: atSlot.filter((entry) => entry.groups > 0), pinned };
}
