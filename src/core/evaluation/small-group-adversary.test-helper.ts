/**
 * Test-only: the motivated reader of counts and sums (issue 11), for every aggregate that is not an
 * outcome publication — feedback ratings, working-condition counts, engagement shares. It is given,
 * for each figure released, the true set of members behind it (people, answers or reports): a count
 * tells how many they are, a mean times its count their sum, a share its count. Any combination of
 * released figures with rational coefficients whose members add up to a set S tells S's count and
 * sum; S is a disclosure when it holds 1 to minimum − 1 people.
 *
 * Such an S is a union of atoms (members that every figure either holds together or not at all),
 * and its indicator lies in the figures' row space exactly when it is orthogonal to their null
 * space. The null space is worked out once with BigInt fractions (exact), then every union of atoms
 * of fewer than the minimum people is checked against it. Written independently of the gate it
 * attacks (release-aggregates.ts), so a weaker gate is caught, not copied.
 */

import { divide, fraction, gcd, multiply, subtract } from './exact-fractions.test-helper.ts';

export type SmallGroup = { members: string[]; people: string[] };

/**
 * Every set of members the `figures` (each the members behind one released figure) let a reader
 * work out whose people number 1 to `minimumGroupSize` − 1. `personOf` maps a member to its person
 * (an answer to who gave it); members are people themselves by default.
 */
export function findSmallDerivedGroups(
  figures: readonly (readonly string[])[],
  minimumGroupSize: number,
  personOf: (member: string) => string = (member) => member,
): SmallGroup[] {
  const signatures = new Map<string, number[]>();
  figures.forEach((members, figure) => {
    for (const member of new Set(members)) {
      const signature = signatures.get(member) ?? [];
      signature.push(figure);
      signatures.set(member, signature);
    }
  });
  const atomsByKey = new Map<string, { members: string[]; figures: number[] }>();
  for (const [member, signature] of signatures) {
    const key = signature.join(',');
    const atom = atomsByKey.get(key) ?? { members: [], figures: signature };
    atom.members.push(member);
    atomsByKey.set(key, atom);
  }
  const atoms = [...atomsByKey.values()];
  const nullSpace = nullSpaceOf(figures.length, atoms);
  const isDerivable = (chosen: readonly number[]) =>
    nullSpace.every((vector) => chosen.reduce((sum, atom) => sum + vector[atom]!, 0n) === 0n);

  const small = atoms
    .map((atom, index) => ({ index, people: new Set(atom.members.map(personOf)) }))
    .filter((atom) => atom.people.size < minimumGroupSize);
  const found: SmallGroup[] = [];
  const chosen: number[] = [];
  const visit = (from: number, people: Set<string>) => {
    if (chosen.length > 0 && isDerivable(chosen)) {
      found.push({
        members: chosen.flatMap((atom) => atoms[atom]!.members).sort(),
        people: [...people].sort(),
      });
    }
    for (let next = from; next < small.length; next++) {
      const union = new Set([...people, ...small[next]!.people]);
      if (union.size >= minimumGroupSize) continue;
      chosen.push(small[next]!.index);
      visit(next + 1, union);
      chosen.pop();
    }
  };
  visit(0, new Set());
  return found;
}

/** A basis of {z : Σ over each figure's atoms of z = 0}, each vector scaled to integers. */
function nullSpaceOf(figureCount: number, atoms: readonly { figures: readonly number[] }[]): bigint[][] {
  const rows = Array.from({ length: figureCount }, () => atoms.map(() => fraction(0n)));
  atoms.forEach((atom, column) => {
    for (const figure of atom.figures) rows[figure]![column] = fraction(1n);
  });
  const pivotColumns: number[] = [];
  let rank = 0;
  for (let column = 0; column < atoms.length && rank < rows.length; column++) {
    const found = rows.findIndex((row, index) => index >= rank && row[column]!.n !== 0n);
    if (found < 0) continue;
    [rows[rank], rows[found]] = [rows[found]!, rows[rank]!];
    const pivotValue = rows[rank]![column]!;
    rows[rank] = rows[rank]!.map((value) => divide(value, pivotValue));
    const pivot = rows[rank]!;
    for (let index = 0; index < rows.length; index++) {
      const factor = rows[index]![column]!;
      if (index === rank || factor.n === 0n) continue;
      rows[index] = rows[index]!.map((value, at) => subtract(value, multiply(factor, pivot[at]!)));
    }
    pivotColumns.push(column);
    rank++;
  }
  const isPivot = new Set(pivotColumns);
  const basis: bigint[][] = [];
  for (let free = 0; free < atoms.length; free++) {
    if (isPivot.has(free)) continue;
    const vector = atoms.map(() => fraction(0n));
    vector[free] = fraction(1n);
    pivotColumns.forEach((column, row) => {
      vector[column] = fraction(-rows[row]![free]!.n, rows[row]![free]!.d);
    });
    const scale = vector.reduce((lcm, value) => (lcm * value.d) / gcd(lcm, value.d), 1n);
    basis.push(vector.map((value) => (value.n * scale) / value.d));
  }
  return basis;
}
