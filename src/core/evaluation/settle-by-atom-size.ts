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

/**
 * Atoms as classes of a partition refinement: class `c` holds the people in exactly the cells of
 * its chain (`lastCell[c]`, then its `parent`'s chain), and `hash[c]` is the sum of those cells'
 * hashes. `atoms` lists the classes that are not empty.
 */
export type AtomPartition = {
  atoms: Int32Array;
  /** Each member's class (−1: in none of the cells). */
  classOf: Int32Array;
  size: Int32Array;
  hash: Int32Array;
  parent: Int32Array;
  lastCell: Int32Array;
};

/** Working arrays reused from one round to the next: the rounds would otherwise allocate most. */
export type AtomScratch = { arrays: Int32Array[]; capacity: number; personCount: number };

export function createAtomScratch(): AtomScratch {
  return { arrays: [], capacity: 0, personCount: 0 };
}

/**
 * The atoms of the cells at `indices`, by partition refinement: each cell splits every class of
 * people it cuts into the part inside and the part outside. A class remembers the class it was split
 * from and the cell that split it, so its exact set of cells is that chain, never copied while
 * refining. Linear in the memberships; exact (the hash only serves to find neighbours quickly).
 * The result lives in `scratch` until the next call.
 */
export function findAtoms(
  members: readonly Int32Array[],
  indices: readonly number[],
  personCount: number,
  scratch: AtomScratch = createAtomScratch(),
): AtomPartition {
  let memberships = 0;
  for (const index of indices) memberships += members[index]!.length;
  // Every class is created by at least one membership, so there are at most `memberships` of them.
  if (scratch.capacity < memberships + 2 || scratch.personCount < personCount) {
    scratch.capacity = Math.max(memberships + 2, scratch.capacity);
    scratch.personCount = Math.max(personCount, scratch.personCount);
    scratch.arrays = [
      new Int32Array(scratch.personCount),
      ...Array.from({ length: 7 }, () => new Int32Array(scratch.capacity)),
    ];
  }
  const [classOf, parent, lastCell, size, hash, splitBy, splitInto, live] = scratch.arrays as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  classOf.fill(-1, 0, personCount);
  // Indexed by a class + 1 (0: people in no cell so far): the class its members in the current cell move to.
  splitBy.fill(-1, 0, memberships + 2);
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
        size[created] = 0;
        hash[created] = ((old >= 0 ? hash[old]! : 0) + cellHashValue) & hashMask;
      }
      const target = splitInto[slot]!;
      classOf[person] = target;
      size[target]!++;
      if (old >= 0) size[old]!--;
    }
  }
  let atomCount = 0;
  for (let atom = 0; atom < classCount; atom++) if (size[atom] !== 0) live[atomCount++] = atom;
  return { atoms: live.subarray(0, atomCount), classOf, size, hash, parent, lastCell };
}

/**
 * Whose each member is, when members are not people (answers, several of one person):
 * `ownerOf[member]` is a dense person index, and `byOwner` lists the members ordered by it.
 */
export type MemberOwners = { ownerOf: Int32Array; byOwner: Int32Array };

export function memberOwners(ownerOf: Int32Array): MemberOwners {
  const byOwner = Int32Array.from(ownerOf.keys()).sort((a, b) => ownerOf[a]! - ownerOf[b]! || a - b);
  return { ownerOf, byOwner };
}

/**
 * How many people each atom holds: its size, or with `owners` the different people among its
 * members — what "smaller than the minimum" is about. Indexed by class, like `size`.
 */
export function peoplePerAtom(partition: AtomPartition, owners: MemberOwners | undefined): Int32Array {
  if (!owners) return partition.size;
  const { classOf } = partition;
  const people = new Int32Array(partition.size.length);
  // Members come owner by owner, so a class counts a person once: at the first member it sees.
  const lastOwner = new Int32Array(partition.size.length).fill(-1);
  for (const member of owners.byOwner) {
    const atom = member < classOf.length ? classOf[member]! : -1;
    if (atom < 0) continue;
    const owner = owners.ownerOf[member]!;
    if (lastOwner[atom] !== owner) {
      lastOwner[atom] = owner;
      people[atom]!++;
    }
  }
  return people;
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
  /** Whose each member is, when members are answers rather than people. */
  owners?: MemberOwners;
  reason: Reason;
}): void {
  const { members, reasons, isFixed, minimum } = input;
  const scratch = createAtomScratch();
  const cellHashes = Int32Array.from(members, (_, index) => cellHash(index));
  for (;;) {
    const released = input.indices.filter((index) => reasons[index] === null);
    const partition = findAtoms(members, released, input.personCount, scratch);
    const { atoms, hash, parent, lastCell } = partition;
    const size = peoplePerAtom(partition, input.owners);
    // Signatures are compared by a sum of per-cell hashes, so "this signature without cell c" costs
    // one subtraction. A collision only makes a worse choice of cell; the loop still ends only when
    // the exact atoms are all large enough. Hashes keep to 30 bits, which V8 holds unboxed.
    const hashes = new Set<number>();
    const smallHashes = new Set<number>();
    for (const atom of atoms) {
      hashes.add(hash[atom]!);
      if (size[atom]! < minimum) smallHashes.add(hash[atom]!);
    }
    if (smallHashes.size === 0) return;
    // For each small atom's signature, the cells that extend it to another atom's.
    const extensions = new Map<number, number[]>();
    for (const atom of atoms) {
      const atomHash = hash[atom]!;
      for (let current = atom; current >= 0; current = parent[current]!) {
        const cell = lastCell[current]!;
        const key = (atomHash - cellHashes[cell]!) & hashMask;
        if (!smallHashes.has(key)) continue;
        const list = extensions.get(key);
        if (list) list.push(cell);
        else extensions.set(key, [cell]);
      }
    }
    // The better of two cells to hide: still released, not fixed, the smaller, then the lower index.
    const better = (index: number, chosen: number) => {
      if (isFixed[index] || reasons[index] !== null) return chosen;
      if (chosen < 0) return index;
      const difference = members[index]!.length - members[chosen]!.length;
      return difference < 0 || (difference === 0 && index < chosen) ? index : chosen;
    };
    const toHide = new Set<number>();
    for (const atom of atoms) {
      if (size[atom]! >= minimum) continue;
      const atomHash = hash[atom]!;
      let nearest = -1;
      let containing = -1;
      for (let current = atom; current >= 0; current = parent[current]!) {
        const cell = lastCell[current]!;
        containing = better(cell, containing);
        if (hashes.has((atomHash - cellHashes[cell]!) & hashMask)) nearest = better(cell, nearest);
      }
      for (const cell of extensions.get(atomHash) ?? []) nearest = better(cell, nearest);
      const chosen = nearest >= 0 ? nearest : containing;
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
