import { type MemberOwners, peopleCounter } from './find-atoms.ts';

/**
 * The fallback of `releaseAggregates` for groups of cells too large to search exactly (decision
 * 003): any derivable group is a union of atoms (people who belong to exactly the same released
 * cells), so while every atom has at least the minimum people nothing small can be derived.
 *
 * Cells are released one at a time, building up rather than tearing down: those already seen
 * first (they stay released whatever follows), then the others in order of importance — a group's
 * own figures before the shares that split it (a distribution's bands), larger before smaller — and
 * a cell is released only if every atom it cuts is split into parts of the minimum or more, and the
 * people it adds to no atom yet are the minimum or more. A total and its large parts are thus kept,
 * and the detail that would cut people into small atoms goes. One pass: each candidate costs its own
 * members (and, counting people behind answers, the members of the atoms it cuts).
 *
 * People are dense indices (0 … personCount − 1), each cell's members a sorted, duplicate-free
 * Int32Array. Hides by setting `reasons`; fixed cells never go.
 */
export function releaseByAtomSize<Reason extends string>(input: {
  members: readonly Int32Array[];
  indices: readonly number[];
  reasons: (Reason | null)[];
  isFixed: readonly boolean[];
  /** Cells of detail (a band of a distribution, a share): released after the groups' own figures. */
  isDetail: readonly boolean[];
  minimum: number;
  personCount: number;
  owners?: MemberOwners;
  reason: Reason;
}): void {
  const { members, reasons, isFixed, minimum, owners } = input;
  const released = input.indices.filter((index) => reasons[index] === null);
  const order = [...released].sort(
    (a, b) =>
      Number(isFixed[b]) - Number(isFixed[a]) ||
      Number(input.isDetail[a]) - Number(input.isDetail[b]) ||
      members[b]!.length - members[a]!.length ||
      a - b,
  );

  // classOf[member]: the member's atom so far (−1: in no released cell yet). With owners, each
  // atom's members are listed too, to count the people left outside a cell that cuts it.
  const classOf = new Int32Array(input.personCount).fill(-1);
  const size: number[] = [];
  const listed: number[][] = [];
  const inCell = new Uint8Array(input.personCount);
  const countPeople = peopleCounter(owners);

  const keepsAtomsLarge = (cell: Int32Array): boolean => {
    const insideOf = new Map<number, number[]>();
    for (const member of cell) {
      const atom = classOf[member]!;
      const inside = insideOf.get(atom);
      if (inside) inside.push(member);
      else insideOf.set(atom, [member]);
    }
    for (const member of cell) inCell[member] = 1;
    try {
      for (const [atom, inside] of insideOf) {
        if (countPeople(inside) < minimum) return false;
        if (atom < 0) continue;
        const outside = owners
          ? countPeople(listed[atom]!.filter((member) => inCell[member] === 0))
          : size[atom]! - inside.length;
        if (outside > 0 && outside < minimum) return false;
      }
      return true;
    } finally {
      for (const member of cell) inCell[member] = 0;
    }
  };

  const release = (cell: Int32Array) => {
    const splitInto = new Map<number, number>();
    for (const member of cell) {
      const old = classOf[member]!;
      let target = splitInto.get(old);
      if (target === undefined) {
        target = size.length;
        size.push(0);
        if (owners) listed.push([]);
        splitInto.set(old, target);
      }
      classOf[member] = target;
      size[target]!++;
      if (owners) listed[target]!.push(member);
      if (old >= 0) size[old]!--;
    }
    if (owners) {
      for (const old of splitInto.keys()) {
        if (old >= 0) listed[old] = listed[old]!.filter((member) => classOf[member] === old);
      }
    }
  };

  for (const index of order) {
    const cell = members[index]!;
    if (isFixed[index] || keepsAtomsLarge(cell)) release(cell);
    else reasons[index] = input.reason;
  }
}
