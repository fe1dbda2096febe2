/**
 * Can someone who sees a set of released cells work out the total of a small group of people by
 * adding and subtracting them? That is the question `releaseAggregates` asks after every
 * suppression. See docs/decisions/003-privacy-safe-aggregation.md for the reasoning; in short:
 *
 * People who belong to exactly the same released cells form an *atom*: no sum or difference of
 * released figures can tell them apart. Each released cell is a 0/1 row over the atoms. A group of
 * atoms T can be worked out exactly when its indicator vector 1_T lies in the row space of the
 * released cells. In reduced row echelon form (RREF) that membership is decided by the pivots:
 * 1_T is in the row space if and only if 1_T equals the sum of the RREF rows whose pivot column
 * lies in T. So the search is over sets of RREF rows whose pivots are small atoms (an atom with
 * `minimum` or more people can never be part of a small group), with at most `minimum − 1` people
 * among their pivots, looking for a sum that is exactly 0/1 with between 1 and `minimum − 1`
 * people on its ones.
 *
 * Members need not be people: with `personOf` they are, say, answers, several of one person, and a
 * group is small when its members belong to 1 to `minimum − 1` different people. An atom is then
 * small by its people, and a branch is pruned once the people of the atoms it has fixed are too many.
 *
 * Arithmetic is exact: a fraction-free Gauss–Jordan elimination on BigInt, after which every pivot
 * equals the same integer D, so "0/1" means "every entry 0 or D". The depth-first search adds rows
 * modulo a prime for speed and prunes a branch once an entry that no later row touches is neither
 * 0 nor D; every candidate it reports is then checked in exact arithmetic.
 */

export type DerivableGroupSearch<Member = string> =
  /** No group of 1 to minimum − 1 people can be worked out from these cells. */
  | { kind: 'none' }
  /** `personIds` can be worked out by combining the cells at `cellIndices` (indices into the input). */
  | { kind: 'found'; personIds: readonly Member[]; cellIndices: readonly number[] }
  /**
   * The search would take too long to finish (very fine, heavily overlapping cells). `cellIndices`
   * are the cells that contain people of small atoms; suppressing one of them shrinks the search.
   */
  | { kind: 'undecided'; cellIndices: readonly number[] };

const prime = 2147483647; // 2^31 − 1: residue sums stay exact in a double.
const primeBig = BigInt(prime);

type Atom<Member> = { cells: number[]; members: Member[]; people: number[]; firstSeen: number };

/**
 * Searches `cells` (sets of member ids) for a derivable group of 1 to `minimum − 1` people;
 * `personOf` tells whose each member is (members are people themselves by default).
 */
export function findDerivableSmallGroup<Member>(
  cells: readonly Iterable<Member>[],
  minimum: number,
  options: { searchLimit?: number; personOf?: (member: Member) => unknown } = {},
): DerivableGroupSearch<Member> {
  const searchLimit = options.searchLimit ?? 200_000;
  const atoms = findAtoms(cells, options.personOf ?? ((member) => member));
  for (const component of findComponents(cells.length, atoms)) {
    const result = searchComponent(component, minimum, searchLimit);
    if (result.kind !== 'none') return result;
  }
  return { kind: 'none' };
}

/** Groups members by the exact set of cells they belong to; people are numbered densely. */
function findAtoms<Member>(
  cells: readonly Iterable<Member>[],
  personOf: (member: Member) => unknown,
): Atom<Member>[] {
  const cellsOfPerson = new Map<Member, number[]>();
  cells.forEach((cell, index) => {
    for (const person of cell) {
      const list = cellsOfPerson.get(person);
      if (list) list.push(index);
      else cellsOfPerson.set(person, [index]);
    }
  });
  const atomsBySignature = new Map<string, Atom<Member>>();
  const personIndex = new Map<unknown, number>();
  let order = 0;
  for (const [member, cellIndices] of cellsOfPerson) {
    const signature = cellIndices.join(',');
    const owner = personOf(member);
    let person = personIndex.get(owner);
    if (person === undefined) {
      person = personIndex.size;
      personIndex.set(owner, person);
    }
    const atom = atomsBySignature.get(signature);
    if (atom) {
      atom.members.push(member);
      if (!atom.people.includes(person)) atom.people.push(person);
    } else {
      atomsBySignature.set(signature, {
        cells: cellIndices,
        members: [member],
        people: [person],
        firstSeen: order,
      });
    }
    order++;
  }
  return [...atomsBySignature.values()];
}

type Component<Member> = { cells: number[]; atoms: Atom<Member>[] };

/** Cells that share no person cannot be combined to any effect; they are searched separately. */
function findComponents<Member>(cellCount: number, atoms: readonly Atom<Member>[]): Component<Member>[] {
  const parent = Array.from({ length: cellCount }, (_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) {
      parent[current] = parent[parent[current]!]!;
      current = parent[current]!;
    }
    return current;
  };
  for (const atom of atoms) {
    const first = root(atom.cells[0]!);
    for (const cell of atom.cells) parent[root(cell)] = first;
  }
  const components = new Map<number, Component<Member>>();
  for (let cell = 0; cell < cellCount; cell++) {
    const key = root(cell);
    const component: Component<Member> = components.get(key) ?? { cells: [], atoms: [] };
    component.cells.push(cell);
    components.set(key, component);
  }
  for (const atom of atoms) components.get(root(atom.cells[0]!))?.atoms.push(atom);
  return [...components.values()];
}

/** Atom with most people first; ties in the order members first appear, so the result never depends on chance. */
function compareAtoms<Member>(a: Atom<Member>, b: Atom<Member>): number {
  return b.people.length - a.people.length || a.firstSeen - b.firstSeen;
}

function searchComponent<Member>(
  component: Component<Member>,
  minimum: number,
  searchLimit: number,
): DerivableGroupSearch<Member> {
  const budget = minimum - 1;
  if (component.atoms.every((atom) => atom.people.length > budget)) return { kind: 'none' };

  // Columns: atoms, largest first, so rows take their pivots on large atoms whenever they can.
  const atoms = [...component.atoms].sort(compareAtoms);
  const weights = atoms.map((atom) => atom.people.length);
  // Distinct people of a set of atoms: each count marks the people it has seen with a fresh stamp.
  let personCount = 0;
  for (const atom of atoms) for (const person of atom.people) personCount = Math.max(personCount, person + 1);
  const stamps = new Int32Array(personCount);
  let stamp = 0;
  const startCount = () => ++stamp;
  const addPeople = (column: number): number => {
    let added = 0;
    for (const person of atoms[column]!.people) {
      if (stamps[person] !== stamp) {
        stamps[person] = stamp;
        added++;
      }
    }
    return added;
  };
  const localIndexOfCell = new Map(component.cells.map((cell, index) => [cell, index]));
  const rowCount = component.cells.length;
  const atomCount = atoms.length;
  // Each row: the cell's 0/1 incidence over the atoms, then an identity block recording which
  // original cells each reduced row combines.
  const matrix: bigint[][] = component.cells.map((_, row) => {
    const values = new Array<bigint>(atomCount + rowCount).fill(0n);
    values[atomCount + row] = 1n;
    return values;
  });
  atoms.forEach((atom, column) => {
    for (const cell of atom.cells) matrix[localIndexOfCell.get(cell)!]![column] = 1n;
  });
  const { rank, pivotColumns, determinant } = reduceFractionFree(matrix, atomCount);

  const smallRows: number[] = [];
  for (let row = 0; row < rank; row++) if (weights[pivotColumns[row]!]! <= budget) smallRows.push(row);
  const cellsWithSmallAtoms = component.cells.filter((cell) =>
    atoms.some((atom, column) => weights[column]! <= budget && atom.cells.includes(cell)),
  );
  if (smallRows.length === 0) return { kind: 'none' };

  const determinantResidue = Number(((determinant % primeBig) + primeBig) % primeBig);
  if (determinantResidue === 0) return { kind: 'undecided', cellIndices: cellsWithSmallAtoms };

  const residues = smallRows.map((row) =>
    Float64Array.from(matrix[row]!.slice(0, atomCount), (value) =>
      Number(((value % primeBig) + primeBig) % primeBig),
    ),
  );
  // The last search position whose row touches each column: after it, the column's entry is final.
  const lastTouch = new Int32Array(atomCount).fill(-1);
  smallRows.forEach((row, position) => {
    matrix[row]!.forEach((value, column) => {
      if (column < atomCount && value !== 0n) lastTouch[column] = position;
    });
  });

  const sum = new Float64Array(atomCount);
  const chosen: number[] = [];
  let nodes = 0;

  const verify = (): Member[] | null => {
    let weight = 0;
    const members: Member[] = [];
    startCount();
    for (let column = 0; column < atomCount; column++) {
      let exact = 0n;
      for (const position of chosen) exact += matrix[smallRows[position]!]![column]!;
      if (exact === determinant) {
        weight += addPeople(column);
        members.push(...atoms[column]!.members);
      } else if (exact !== 0n) {
        return null;
      }
    }
    return weight >= 1 && weight <= budget ? members : null;
  };

  const involvedCells = (): number[] => {
    const involved: number[] = [];
    for (let local = 0; local < rowCount; local++) {
      let coefficient = 0n;
      for (const position of chosen) coefficient += matrix[smallRows[position]!]![atomCount + local]!;
      if (coefficient !== 0n) involved.push(component.cells[local]!);
    }
    return involved;
  };

  // How many of the chosen rows' pivot atoms hold each person: the group holds all of them.
  const pivotPeople = new Int32Array(personCount);
  let pivotWeight = 0;
  const changePivot = (position: number, change: 1 | -1) => {
    for (const person of atoms[pivotColumns[smallRows[position]!]!]!.people) {
      const before = pivotPeople[person]!;
      pivotPeople[person] = before + change;
      if (before === 0) pivotWeight++;
      else if (before + change === 0) pivotWeight--;
    }
  };

  type Outcome = DerivableGroupSearch<Member> | null;
  const search = (start: number): Outcome => {
    for (let position = start; position < smallRows.length; position++) {
      changePivot(position, 1);
      if (pivotWeight > budget) {
        changePivot(position, -1);
        continue;
      }
      nodes++;
      if (nodes > searchLimit) return { kind: 'undecided', cellIndices: cellsWithSmallAtoms };
      const row = residues[position]!;
      for (let column = 0; column < atomCount; column++) sum[column] = (sum[column]! + row[column]!) % prime;
      chosen.push(position);

      let isZeroOne = true;
      let isFeasible = true;
      let lockedWeight = 0;
      startCount();
      for (let column = 0; column < atomCount; column++) {
        const value = sum[column]!;
        const isFinal = lastTouch[column]! <= position;
        if (value === determinantResidue) {
          if (isFinal) lockedWeight += addPeople(column);
        } else if (value !== 0) {
          isZeroOne = false;
          if (isFinal) {
            isFeasible = false;
            break;
          }
        }
      }
      let outcome: Outcome = null;
      if (isFeasible && lockedWeight <= budget) {
        const members = isZeroOne ? verify() : null;
        outcome = members
          ? { kind: 'found', personIds: members, cellIndices: involvedCells() }
          : search(position + 1);
      }

      chosen.pop();
      changePivot(position, -1);
      for (let column = 0; column < atomCount; column++) {
        sum[column] = (sum[column]! - row[column]! + prime) % prime;
      }
      if (outcome) return outcome;
    }
    return null;
  };

  return search(0) ?? { kind: 'none' };
}

/**
 * Fraction-free Gauss–Jordan elimination (Bareiss' exact-division step applied to every row, above
 * and below the pivot) on the first `columnCount` columns, in place. Afterwards the first `rank`
 * rows are D × the reduced row echelon form, with D = `determinant`, the last pivot; the remaining
 * columns carry the same row operations. Every division is exact; a remainder would mean a bug,
 * and throws rather than risk a wrong answer.
 */
export function reduceFractionFree(
  matrix: bigint[][],
  columnCount: number,
): { rank: number; pivotColumns: number[]; determinant: bigint } {
  const rowCount = matrix.length;
  const width = matrix[0]?.length ?? 0;
  let previous = 1n;
  let rank = 0;
  const pivotColumns: number[] = [];
  for (let column = 0; column < columnCount && rank < rowCount; column++) {
    let pivotRow = -1;
    for (let row = rank; row < rowCount; row++) {
      if (matrix[row]![column] !== 0n) {
        pivotRow = row;
        break;
      }
    }
    if (pivotRow < 0) continue;
    [matrix[rank], matrix[pivotRow]] = [matrix[pivotRow]!, matrix[rank]!];
    const pivotValues = matrix[rank]!;
    const pivot = pivotValues[column]!;
    for (let row = 0; row < rowCount; row++) {
      if (row === rank) continue;
      const values = matrix[row]!;
      const factor = values[column]!;
      for (let index = 0; index < width; index++) {
        const numerator = pivot * values[index]! - factor * pivotValues[index]!;
        const quotient = numerator / previous;
        if (quotient * previous !== numerator) throw new Error('fraction-free elimination lost exactness');
        values[index] = quotient;
      }
    }
    previous = pivot;
    pivotColumns.push(column);
    rank++;
  }
  for (let row = 0; row < rank; row++) {
    if (matrix[row]![pivotColumns[row]!] !== previous)
      throw new Error('fraction-free elimination lost its common pivot');
  }
  return { rank, pivotColumns, determinant: previous };
}
