import {
  createAtomScratch,
  findAtoms,
  type MemberOwners,
  memberOwners,
  peopleCounter,
  peoplePerAtom,
} from './find-atoms.ts';
import { findDerivableSmallGroup } from './find-derivable-group.ts';
import { releaseByAtomSize } from './release-by-atom-size.ts';

/**
 * The one gate every aggregate figure passes before anyone sees it (DESIGN.md: "Aggregates go
 * through one function in core/evaluation"). Policy and reasoning:
 * docs/decisions/003-privacy-safe-aggregation.md.
 */

/** The organisation's minimum reporting group size when none is set. */
export const defaultMinimumGroupSize = 5;
/** No organisation setting can go below this. */
export const lowestMinimumGroupSize = 3;

/**
 * Above this many atoms smaller than the minimum, a connected group of cells is settled by the
 * atom-size rule instead of the exact search, whose cost grows exponentially with them.
 */
const exactSearchSmallAtomLimit = 60;
/** …or above this many cells × atoms, where the exact elimination alone takes seconds. */
const exactSearchMatrixLimit = 40_000;

/** The minimum actually applied: default 5, never below 3, rounded up to a whole number of people. */
export function effectiveMinimumGroupSize(requested?: number): number {
  if (requested === undefined || !Number.isFinite(requested)) return defaultMinimumGroupSize;
  return Math.max(lowestMinimumGroupSize, Math.ceil(requested));
}

/**
 * One figure (or set of figures) about a group: a program, a level, a discipline, a window, a
 * band of a histogram, the total. `memberIds` are everyone whose data the figures are computed
 * from; cells may nest and overlap in any way, and the function works out how.
 */
export type AggregateCell<Figures, Member extends string | number = string> = {
  id: string;
  memberIds: Iterable<Member>;
  figures: Figures;
  /**
   * For a share ("3 of the 8 attendees reflected"; a band of a distribution): everyone it is a
   * share of. The share says something about the rest too ("the other 5 did not"), so it is shown
   * only when the rest is at least the minimum as well; "8 of 8" or "7 of 8" tells about everyone.
   */
  shareOf?: Iterable<Member>;
  /**
   * Detail that splits a group the other cells show (a band of a distribution; any share is too).
   * When the gate must choose, on groups of cells too large to search exactly, it keeps the groups'
   * own figures and lets detail go first.
   */
  isDetail?: boolean;
};

export type SuppressionReason = 'below-minimum' | 'rest-below-minimum' | 'reveals-small-group-by-subtraction';

export type ReleasedCell<Figures> = {
  id: string;
  status: 'released';
  memberCount: number;
  figures: Figures;
};

/** A hidden cell: no count, no figures, only why. */
export type SuppressedCell = {
  id: string;
  status: 'suppressed';
  reason: SuppressionReason;
  explanation: string;
};

export type AggregateRelease<Figures> = {
  /** The minimum applied (see `effectiveMinimumGroupSize`). */
  minimumGroupSize: number;
  /** Every input cell, in input order, released or suppressed. */
  cells: readonly (ReleasedCell<Figures> | SuppressedCell)[];
  released: readonly ReleasedCell<Figures>[];
  suppressed: readonly SuppressedCell[];
};

/**
 * Decides which cells may be shown.
 *
 * 1. Primary suppression: a cell with fewer than the minimum contributors (zero included) is hidden.
 * 2. Complementary suppression: while some group of 1 to minimum − 1 people can be worked out by
 *    adding and subtracting the cells still released (a nested pair differing by two people, a
 *    total minus all but one of its parts, an inclusion–exclusion over overlapping cells), one
 *    more cell of that derivation is hidden — the smallest one that does not contain the whole
 *    small group, so totals survive and a detail cell goes instead.
 *
 * The guarantee on the result: no released cell has fewer than the minimum contributors, and no
 * sum or difference of released cells' figures describes a group of 1 to minimum − 1 people
 * (people as `personOf` tells them, when members are answers).
 * Figures are passed through untouched; member ids never leave this function.
 *
 * All cells shown together (one report, one dashboard) must go through one call: cells released
 * by separate calls are not checked against each other.
 */
export function releaseAggregates<Figures, Member extends string | number = string>(input: {
  cells: readonly AggregateCell<Figures, Member>[];
  minimumGroupSize?: number;
  /**
   * Ids of cells this audience has already seen (a frozen earlier publication). They stay released
   * and count in every derivation; only the other cells can be hidden to protect the union.
   */
  alreadyReleased?: ReadonlySet<string>;
  /** Ids of cells hidden in the earlier publication: they stay hidden, for the reason given then. */
  alreadySuppressed?: ReadonlyMap<string, SuppressionReason>;
  /**
   * Whose each member is, when members are not people: answers about several meetings, one person
   * giving many. Every minimum then counts different people — a cell, a share's rest, and every
   * group a reader could work out — so eight answers of two people are a group of two.
   */
  personOf?: (member: Member) => string | number;
  /** Above this many small atoms in a connected group, the atom-size rule settles it (tests lower it). */
  exactSearchSmallAtomLimit?: number;
}): AggregateRelease<Figures> {
  const minimum = effectiveMinimumGroupSize(input.minimumGroupSize);
  const seen = new Set<string>();
  for (const cell of input.cells) {
    if (seen.has(cell.id)) throw new RangeError(`cell id ${cell.id} appears twice`);
    seen.add(cell.id);
  }
  // People become dense indices and each cell a sorted list of them without repeats: a publication
  // holds hundreds of thousands of memberships, and typed arrays keep them small and fast to scan.
  const indexOf = new Map<Member, number>();
  const members = input.cells.map((cell) => {
    const list: number[] = [];
    for (const person of cell.memberIds) {
      let index = indexOf.get(person);
      if (index === undefined) {
        index = indexOf.size;
        indexOf.set(person, index);
      }
      list.push(index);
    }
    const sorted = Int32Array.from(list).sort();
    let length = 0;
    for (let at = 0; at < sorted.length; at++) {
      if (at === 0 || sorted[at] !== sorted[at - 1]) sorted[length++] = sorted[at]!;
    }
    return sorted.slice(0, length);
  });
  const personCount = indexOf.size;
  const owners = input.personOf ? ownersOf(indexOf, input.personOf) : undefined;
  const countPeople = peopleCounter(owners);
  const isMarked = new Uint8Array(personCount);
  const reasons: (SuppressionReason | null)[] = members.map((list, index) => {
    if (countPeople(list) < minimum) return 'below-minimum';
    const population = input.cells[index]!.shareOf;
    if (population !== undefined) {
      for (const person of list) isMarked[person] = 1;
      const rest = new Set<unknown>();
      for (const member of population) {
        const dense = indexOf.get(member);
        if (dense === undefined || isMarked[dense] === 0)
          rest.add(input.personOf ? input.personOf(member) : member);
      }
      for (const person of list) isMarked[person] = 0;
      if (rest.size < minimum) return 'rest-below-minimum';
    }
    return input.alreadySuppressed?.get(input.cells[index]!.id) ?? null;
  });
  const isFixed = input.cells.map((cell) => input.alreadyReleased?.has(cell.id) === true);
  const isDetail = input.cells.map((cell) => cell.isDetail ?? cell.shareOf !== undefined);
  const scratch = createAtomScratch();

  // Cells that share nobody can never be combined to any effect, and suppressing a cell only
  // splits groups further: each connected group is settled on its own, with the same result as
  // searching them all together, but every search stays as small as its group.
  for (const connected of groupConnectedCells(members, reasons, personCount)) settleGroup(connected);

  function settleGroup(cellIndices: readonly number[]): void {
    const settleCoarsely = (indices: readonly number[]) =>
      releaseByAtomSize({
        members,
        indices,
        reasons,
        isFixed,
        isDetail,
        minimum,
        personCount,
        ...(owners ? { owners } : {}),
        reason: 'reveals-small-group-by-subtraction',
      });
    for (;;) {
      const releasedIndices = cellIndices.filter((index) => reasons[index] === null);
      if (isTooLargeForExactSearch(releasedIndices)) {
        settleCoarsely(releasedIndices);
        return;
      }
      const search = findDerivableSmallGroup(
        releasedIndices.map((index) => members[index]!),
        minimum,
        owners ? { personOf: (member: number) => owners.ownerOf[member] } : {},
      );
      if (search.kind === 'none') break;
      if (search.kind === 'undecided') {
        settleCoarsely(releasedIndices);
        return;
      }
      const candidates = search.cellIndices
        .map((position) => releasedIndices[position]!)
        .filter((index) => !isFixed[index]);
      if (candidates.length === 0) {
        // Only cells already seen take part: nothing can undo that, so everything new that touches
        // them stays hidden rather than add to it. A publication made by this function at the same
        // minimum never gets here; a changed minimum or changed data can.
        for (const index of releasedIndices)
          if (!isFixed[index]) reasons[index] = 'reveals-small-group-by-subtraction';
        break;
      }
      const group = search.kind === 'found' ? search.personIds : [];
      const containsGroup = (index: number) =>
        group.length > 0 && group.every((person) => hasMember(members[index]!, person));
      candidates.sort(
        (a, b) =>
          Number(containsGroup(a)) - Number(containsGroup(b)) ||
          members[a]!.length - members[b]!.length ||
          a - b,
      );
      reasons[candidates[0]!] = 'reveals-small-group-by-subtraction';
    }
  }

  /** The exact search's elimination grows with cells × atoms and its search with the small atoms. */
  function isTooLargeForExactSearch(indices: readonly number[]): boolean {
    const partition = findAtoms(members, indices, personCount, scratch);
    const { atoms } = partition;
    const size = peoplePerAtom(partition, owners);
    let small = 0;
    for (const atom of atoms) if (size[atom]! < minimum) small++;
    if (small === 0) return false;
    return (
      small > (input.exactSearchSmallAtomLimit ?? exactSearchSmallAtomLimit) ||
      atoms.length * indices.length > exactSearchMatrixLimit
    );
  }

  const cells = input.cells.map((cell, index): ReleasedCell<Figures> | SuppressedCell => {
    const reason = reasons[index];
    if (reason === null || reason === undefined) {
      return { id: cell.id, status: 'released', memberCount: members[index]!.length, figures: cell.figures };
    }
    return { id: cell.id, status: 'suppressed', reason, explanation: explainSuppression(reason, minimum) };
  });
  return {
    minimumGroupSize: minimum,
    cells,
    released: cells.filter((cell): cell is ReleasedCell<Figures> => cell.status === 'released'),
    suppressed: cells.filter((cell): cell is SuppressedCell => cell.status === 'suppressed'),
  };
}

/** Each dense member's dense person, for `personOf`. */
function ownersOf<Member>(
  indexOf: ReadonlyMap<Member, number>,
  personOf: (member: Member) => unknown,
): MemberOwners {
  const ownerOf = new Int32Array(indexOf.size);
  const personIndex = new Map<unknown, number>();
  for (const [member, dense] of indexOf) {
    const person = personOf(member);
    let owner = personIndex.get(person);
    if (owner === undefined) {
      owner = personIndex.size;
      personIndex.set(person, owner);
    }
    ownerOf[dense] = owner;
  }
  return memberOwners(ownerOf);
}

/** Whether the sorted list holds `person`. */
function hasMember(list: Int32Array, person: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = list[middle]!;
    if (value === person) return true;
    if (value < person) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Indices of the cells still released, grouped so that cells sharing a person are in one group. */
function groupConnectedCells(
  members: readonly Int32Array[],
  reasons: readonly (SuppressionReason | null)[],
  personCount: number,
): number[][] {
  const parent = members.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) {
      parent[current] = parent[parent[current]!]!;
      current = parent[current]!;
    }
    return current;
  };
  const firstCellOf = new Int32Array(personCount).fill(-1);
  members.forEach((list, index) => {
    if (reasons[index] !== null) return;
    for (const person of list) {
      const first = firstCellOf[person]!;
      if (first < 0) firstCellOf[person] = index;
      else parent[root(index)] = root(first);
    }
  });
  const groups = new Map<number, number[]>();
  members.forEach((_, index) => {
    if (reasons[index] !== null) return;
    const key = root(index);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()];
}

/** Why a cell is hidden, in words a reader can act on. */
export function explainSuppression(reason: SuppressionReason, minimum: number): string {
  switch (reason) {
    case 'below-minimum':
      return `Hidden: fewer than ${minimum} people contribute to it.`;
    case 'rest-below-minimum':
      return `Hidden: it would also tell about the fewer than ${minimum} people it leaves out.`;
    case 'reveals-small-group-by-subtraction':
      return `Hidden so that nobody can subtract the figures shown to learn about fewer than ${minimum} people.`;
  }
}
