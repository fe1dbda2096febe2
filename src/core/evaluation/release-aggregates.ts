import { findDerivableSmallGroup } from './find-derivable-group.ts';

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
export type AggregateCell<Figures> = {
  id: string;
  memberIds: readonly string[] | ReadonlySet<string>;
  figures: Figures;
  /**
   * For a share ("3 of the 8 attendees reflected"; a band of a distribution): everyone it is a
   * share of. The share says something about the rest too ("the other 5 did not"), so it is shown
   * only when the rest is at least the minimum as well; "8 of 8" or "7 of 8" tells about everyone.
   */
  shareOf?: readonly string[] | ReadonlySet<string>;
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
 * sum or difference of released cells' figures describes a group of 1 to minimum − 1 people.
 * Figures are passed through untouched; member ids never leave this function.
 *
 * All cells shown together (one report, one dashboard) must go through one call: cells released
 * by separate calls are not checked against each other.
 */
export function releaseAggregates<Figures>(input: {
  cells: readonly AggregateCell<Figures>[];
  minimumGroupSize?: number;
  /**
   * Ids of cells this audience has already seen (a frozen earlier publication). They stay released
   * and count in every derivation; only the other cells can be hidden to protect the union.
   */
  alreadyReleased?: ReadonlySet<string>;
  /** Ids of cells hidden in the earlier publication: they stay hidden, for the reason given then. */
  alreadySuppressed?: ReadonlyMap<string, SuppressionReason>;
  /** Above this many small atoms in a connected group, the atom-size rule settles it (tests lower it). */
  exactSearchSmallAtomLimit?: number;
}): AggregateRelease<Figures> {
  const minimum = effectiveMinimumGroupSize(input.minimumGroupSize);
  const seen = new Set<string>();
  for (const cell of input.cells) {
    if (seen.has(cell.id)) throw new RangeError(`cell id ${cell.id} appears twice`);
    seen.add(cell.id);
  }
  const members = input.cells.map((cell) => new Set(cell.memberIds));
  const reasons: (SuppressionReason | null)[] = members.map((set, index) => {
    if (set.size < minimum) return 'below-minimum';
    const population = input.cells[index]!.shareOf;
    if (population !== undefined) {
      let rest = 0;
      for (const person of population) if (!set.has(person)) rest++;
      if (rest < minimum) return 'rest-below-minimum';
    }
    return input.alreadySuppressed?.get(input.cells[index]!.id) ?? null;
  });
  const isFixed = input.cells.map((cell) => input.alreadyReleased?.has(cell.id) === true);

  // Cells that share nobody can never be combined to any effect, and suppressing a cell only
  // splits groups further: each connected group is settled on its own, with the same result as
  // searching them all together, but every search stays as small as its group.
  for (const connected of groupConnectedCells(members, reasons)) settleGroup(connected);

  function settleGroup(cellIndices: readonly number[]): void {
    for (;;) {
      const releasedIndices = cellIndices.filter((index) => reasons[index] === null);
      if (isTooLargeForExactSearch(releasedIndices)) {
        settleByAtomSize(releasedIndices);
        return;
      }
      const search = findDerivableSmallGroup(
        releasedIndices.map((index) => members[index]!),
        minimum,
      );
      if (search.kind === 'none') break;
      if (search.kind === 'undecided') {
        settleByAtomSize(releasedIndices);
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
        group.length > 0 && group.every((person) => members[index]!.has(person));
      candidates.sort(
        (a, b) =>
          Number(containsGroup(a)) - Number(containsGroup(b)) || members[a]!.size - members[b]!.size || a - b,
      );
      reasons[candidates[0]!] = 'reveals-small-group-by-subtraction';
    }
  }

  /** People grouped by the released cells (of `indices`) they belong to: the atoms. */
  function findAtoms(indices: readonly number[]): Map<string, { cells: number[]; size: number }> {
    const cellsOf = new Map<string, number[]>();
    for (const index of indices) {
      if (reasons[index] !== null) continue;
      for (const person of members[index]!) {
        const list = cellsOf.get(person);
        if (list) list.push(index);
        else cellsOf.set(person, [index]);
      }
    }
    const atoms = new Map<string, { cells: number[]; size: number }>();
    for (const cells of cellsOf.values()) {
      const key = cells.join(',');
      const atom = atoms.get(key);
      if (atom) atom.size++;
      else atoms.set(key, { cells, size: 1 });
    }
    return atoms;
  }

  /** The exact search's elimination grows with cells × atoms and its search with the small atoms. */
  function isTooLargeForExactSearch(indices: readonly number[]): boolean {
    const atoms = findAtoms(indices);
    let small = 0;
    for (const atom of atoms.values()) if (atom.size < minimum) small++;
    if (small === 0) return false;
    return (
      small > (input.exactSearchSmallAtomLimit ?? exactSearchSmallAtomLimit) ||
      atoms.size * indices.length > exactSearchMatrixLimit
    );
  }

  /**
   * The fallback for groups of cells too large to search exactly: any derivable group is a union of
   * atoms, so once every atom has at least the minimum people nothing small can be derived. While
   * some atom is smaller, it is merged with a neighbour: an atom whose cells differ from its own by
   * one cell, that cell hidden — the smallest such, so totals and margins survive (a person outside
   * every detail cell is merged by hiding a detail cell, not the total). Without such a neighbour the
   * smallest cell containing it goes. Sound and fast (each round is a pass over the memberships), but
   * it hides more than the exact search: also cells whose small atoms could not in fact be solved.
   */
  function settleByAtomSize(indices: readonly number[]): void {
    for (;;) {
      const atoms = [...findAtoms(indices).values()];
      // Signatures are compared by a sum of per-cell hashes, so "this signature without cell c" costs
      // one subtraction. A collision only makes a worse choice of cell; the loop still ends only when
      // the exact atoms (found by their full signatures) are all large enough.
      const signatureHash = (cells: readonly number[]) => {
        let hash = 0;
        for (const cell of cells) hash = (hash + cellHash(cell)) >>> 0;
        return hash;
      };
      const hashes = new Set<number>();
      const extensions = new Map<number, number[]>();
      for (const atom of atoms) {
        const hash = signatureHash(atom.cells);
        hashes.add(hash);
        for (const cell of atom.cells) {
          const key = (hash - cellHash(cell)) >>> 0;
          const list = extensions.get(key);
          if (list) list.push(cell);
          else extensions.set(key, [cell]);
        }
      }
      const toHide = new Set<number>();
      for (const atom of atoms) {
        if (atom.size >= minimum) continue;
        const hash = signatureHash(atom.cells);
        const neighbours = [
          ...atom.cells.filter((cell) => hashes.has((hash - cellHash(cell)) >>> 0)),
          ...(extensions.get(hash) ?? []),
        ];
        const smallest = (candidates: readonly number[]) => {
          let chosen = -1;
          for (const index of candidates) {
            if (isFixed[index] || reasons[index] !== null) continue;
            if (chosen < 0 || members[index]!.size < members[chosen]!.size) chosen = index;
          }
          return chosen;
        };
        const nearest = smallest(neighbours);
        const chosen = nearest >= 0 ? nearest : smallest(atom.cells);
        if (chosen >= 0) toHide.add(chosen);
      }
      // Only cells already seen keep a small atom apart: nothing left to hide can help.
      if (toHide.size === 0) return;
      for (const index of toHide) reasons[index] = 'reveals-small-group-by-subtraction';
    }
  }

  const cells = input.cells.map((cell, index): ReleasedCell<Figures> | SuppressedCell => {
    const reason = reasons[index];
    if (reason === null || reason === undefined) {
      return { id: cell.id, status: 'released', memberCount: members[index]!.size, figures: cell.figures };
    }
    return { id: cell.id, status: 'suppressed', reason, explanation: explain(reason, minimum) };
  });
  return {
    minimumGroupSize: minimum,
    cells,
    released: cells.filter((cell): cell is ReleasedCell<Figures> => cell.status === 'released'),
    suppressed: cells.filter((cell): cell is SuppressedCell => cell.status === 'suppressed'),
  };
}

/** Indices of the cells still released, grouped so that cells sharing a person are in one group. */
function groupConnectedCells(
  members: readonly ReadonlySet<string>[],
  reasons: readonly (SuppressionReason | null)[],
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
  const firstCellOf = new Map<string, number>();
  members.forEach((set, index) => {
    if (reasons[index] !== null) return;
    for (const person of set) {
      const first = firstCellOf.get(person);
      if (first === undefined) firstCellOf.set(person, index);
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

function explain(reason: SuppressionReason, minimum: number): string {
  switch (reason) {
    case 'below-minimum':
      return `Hidden: fewer than ${minimum} people contribute to it.`;
    case 'rest-below-minimum':
      return `Hidden: it would also tell about the fewer than ${minimum} people it leaves out.`;
    case 'reveals-small-group-by-subtraction':
      return `Hidden so that nobody can subtract the figures shown to learn about fewer than ${minimum} people.`;
  }
}

/** A well-mixed 32-bit hash of a cell's index (for comparing atoms' signatures quickly). */
function cellHash(index: number): number {
  let value = Math.imul(index + 0x9e3779b9, 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  value ^= value >>> 16;
  return value >>> 0;
}
