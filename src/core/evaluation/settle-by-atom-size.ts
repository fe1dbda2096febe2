/**
 * The fallback of `releaseAggregates` for groups of cells too large to search exactly (decision
 * 003): any derivable group is a union of atoms (people who belong to exactly the same released
 * cells), so once every atom has at least the minimum people nothing small can be derived.
 *
 * People are dense indices (0 … personCount − 1) and each cell's members a sorted, duplicate-free
 * Int32Array: a publication's large groups of cells hold hundreds of thousands of memberships, and
 * the atoms are found again after every round of hiding.
 */

/** Signature hashes keep to 30 bits, which V8 holds as small integers (Map keys without boxing). */
const hashMask = 0x3fffffff;

/** People in exactly the cells `cells` (ascending) of those looked at, and a hash of that set. */
export type Atom = { cells: number[]; size: number; hash: number };

/**
 * The atoms of the cells at `indices`, by partition refinement: each cell splits every class of
 * people it cuts into the part inside and the part outside. A class remembers the class it was split
 * from and the cell that split it, so its exact set of cells is that chain, never copied while
 * refining. Linear in the memberships; exact (the hash only serves to find neighbours quickly).
 */
export function findAtoms(
  members: readonly Int32Array[],
  indices: readonly number[],
  personCount: number,
): Atom[] {
  let memberships = 0;
  for (const index of indices) memberships += members[index]!.length;
  // Every class is created by at least one membership, so there are at most `memberships` of them.
  const capacity = memberships + 1;
  const classOf = new Int32Array(personCount).fill(-1);
  const parent = new Int32Array(capacity);
  const lastCell = new Int32Array(capacity);
  const signatureLength = new Int32Array(capacity);
  const size = new Int32Array(capacity);
  const hash = new Int32Array(capacity);
  // Indexed by a class + 1 (0: people in no cell so far): the class its members in the current cell move to.
  const splitBy = new Int32Array(capacity + 1).fill(-1);
  const splitInto = new Int32Array(capacity + 1);
  let classCount = 0;
  for (const cell of indices) {
    const cellHashValue = cellHash(cell);
    for (const person of members[cell]!) {
      const old = classOf[person]!;
      const slot = old + 1;
      if (splitBy[slot] !== cell) {
        const created = classCount++;
        splitBy[slot] = cell;
        splitInto[slot] = created;
        parent[created] = old;
        lastCell[created] = cell;
        signatureLength[created] = old >= 0 ? signatureLength[old]! + 1 : 1;
        hash[created] = ((old >= 0 ? hash[old]! : 0) + cellHashValue) & hashMask;
      }
      const target = splitInto[slot]!;
      classOf[person] = target;
      size[target]!++;
      if (old >= 0) size[old]!--;
    }
  }
  const atoms: Atom[] = [];
  for (let atom = 0; atom < classCount; atom++) {
    if (size[atom] === 0) continue;
    const cells = new Array<number>(signatureLength[atom]!);
    let position = cells.length;
    for (let current = atom; current >= 0; current = parent[current]!) cells[--position] = lastCell[current]!;
    atoms.push({ cells, size: size[atom]!, hash: hash[atom]! });
  }
  return atoms;
}

/**
 * While some atom is smaller than the minimum, it is merged with a neighbour: an atom whose cells
 * differ from its own by one cell, that cell hidden — the smallest such, so totals and margins
 * survive (a person outside every detail cell is merged by hiding a detail cell, not the total).
 * Without such a neighbour the smallest cell containing it goes. Sound and fast (each round is a
 * pass over the memberships), but it hides more than the exact search: also cells whose small atoms
 * could not in fact be solved. Hides by setting `reasons`; fixed cells (already seen) never go.
 */
export function settleByAtomSize<Reason extends string>(input: {
  members: readonly Int32Array[];
  indices: readonly number[];
  reasons: (Reason | null)[];
  isFixed: readonly boolean[];
  minimum: number;
  personCount: number;
  reason: Reason;
}): void {
  const { members, reasons, isFixed, minimum } = input;
  for (;;) {
    const released = input.indices.filter((index) => reasons[index] === null);
    const atoms = findAtoms(members, released, input.personCount);
    // Signatures are compared by a sum of per-cell hashes, so "this signature without cell c" costs
    // one subtraction. A collision only makes a worse choice of cell; the loop still ends only when
    // the exact atoms are all large enough. Hashes keep to 30 bits, which V8 holds unboxed.
    const hashes = new Set<number>();
    const smallHashes = new Set<number>();
    for (const atom of atoms) {
      hashes.add(atom.hash);
      if (atom.size < minimum) smallHashes.add(atom.hash);
    }
    // For each small atom's signature, the cells that extend it to another atom's.
    const extensions = new Map<number, number[]>();
    for (const atom of atoms) {
      for (const cell of atom.cells) {
        const key = (atom.hash - cellHash(cell)) & hashMask;
        if (!smallHashes.has(key)) continue;
        const list = extensions.get(key);
        if (list) list.push(cell);
        else extensions.set(key, [cell]);
      }
    }
    const smallest = (candidates: readonly number[]) => {
      let chosen = -1;
      for (const index of candidates) {
        if (isFixed[index] || reasons[index] !== null) continue;
        const size = members[index]!.length;
        if (
          chosen < 0 ||
          size < members[chosen]!.length ||
          (size === members[chosen]!.length && index < chosen)
        )
          chosen = index;
      }
      return chosen;
    };
    const toHide = new Set<number>();
    for (const atom of atoms) {
      if (atom.size >= minimum) continue;
      const neighbours = [
        ...atom.cells.filter((cell) => hashes.has((atom.hash - cellHash(cell)) & hashMask)),
        ...(extensions.get(atom.hash) ?? []),
      ];
      const nearest = smallest(neighbours);
      const chosen = nearest >= 0 ? nearest : smallest(atom.cells);
      if (chosen >= 0) toHide.add(chosen);
    }
    // Only cells already seen keep a small atom apart: nothing left to hide can help.
    if (toHide.size === 0) return;
    for (const index of toHide) reasons[index] = input.reason;
  }
}

/** A well-mixed 30-bit hash of a cell's index (for comparing atoms' signatures quickly). */
function cellHash(index: number): number {
  let value = Math.imul(index + 0x9e3779b9, 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  value ^= value >>> 16;
  return value & hashMask;
}
