/**
 * Atoms — people who belong to exactly the same released cells — of large groups of cells: how
 * `releaseAggregates` decides whether a group is too large to search exactly (decision 003).
 *
 * People are dense indices (0 … personCount − 1) and each cell's members a sorted, duplicate-free
 * Int32Array: a publication's large groups of cells hold hundreds of thousands of memberships, and
 * the atoms are found again after every exact search.
 */

/** Atoms as classes of a partition refinement; `atoms` lists the classes that are not empty. */
export type AtomPartition = {
  atoms: Int32Array;
  /** Each member's class (−1: in none of the cells). */
  classOf: Int32Array;
  size: Int32Array;
};

/** Working arrays reused from one round to the next: the rounds would otherwise allocate most. */
export type AtomScratch = { arrays: Int32Array[]; capacity: number; personCount: number };

export function createAtomScratch(): AtomScratch {
  return { arrays: [], capacity: 0, personCount: 0 };
}

/**
 * The atoms of the cells at `indices`, by partition refinement: each cell splits every class of
 * people it cuts into the part inside and the part outside. Linear in the memberships, exact.
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
      ...Array.from({ length: 4 }, () => new Int32Array(scratch.capacity)),
    ];
  }
  const [classOf, size, splitBy, splitInto, live] = scratch.arrays as [
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
    for (const person of members[cell]!) {
      const old = classOf[person]!;
      const slot = old + 1;
      if (splitBy[slot] !== cell) {
        const created = classCount++;
        splitBy[slot] = cell;
        splitInto[slot] = created;
        size[created] = 0;
      }
      const target = splitInto[slot]!;
      classOf[person] = target;
      size[target]!++;
      if (old >= 0) size[old]!--;
    }
  }
  let atomCount = 0;
  for (let atom = 0; atom < classCount; atom++) if (size[atom] !== 0) live[atomCount++] = atom;
  return { atoms: live.subarray(0, atomCount), classOf, size };
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

/** Counts the different people among dense members (each member its own person without owners). */
export function peopleCounter(owners: MemberOwners | undefined): (members: ArrayLike<number>) => number {
  if (!owners) return (members) => members.length;
  const seen = new Int32Array(owners.ownerOf.length);
  let stamp = 0;
  return (members) => {
    stamp++;
    let count = 0;
    for (let at = 0; at < members.length; at++) {
      const owner = owners.ownerOf[members[at]!]!;
      if (seen[owner] !== stamp) {
        seen[owner] = stamp;
        count++;
      }
    }
    return count;
  };
}
