/**
 * Exact placement, stage 2: split the people the slot model put at one hour into that hour's
 * groups — sizes, facilitators per group and conflict pairs — as person-in-group variables,
 * which stay few because one hour holds a handful of groups. Feasibility only: everyone given
 * must be placed. Groups are interchangeable, so the person of rank r (facilitators first) may
 * only be in group g ≤ r; every split has exactly one labelling that satisfies this (order groups
 * by their lowest-ranked member), so no answer is lost.
 */
import { MipBuilder, type MipModel } from './mip.ts';
import type { RelaxedRules } from './placement-model.ts';
import type { Problem } from './prepare.ts';

export type PartitionModel = {
  model: MipModel;
  members: readonly number[];
  groups: number;
  xColumn: Int32Array;
};

export function buildPartitionModel(
  problem: Problem,
  rules: RelaxedRules,
  members: readonly number[],
  groups: number,
): PartitionModel {
  const { size, facilitators } = rules;
  const ordered = [...members].sort((a, b) => problem.isFacilitator[b]! - problem.isFacilitator[a]! || a - b);
  const builder = new MipBuilder();
  const xColumn = new Int32Array(ordered.length * groups).fill(-1);
  ordered.forEach((_, rank) => {
    for (let group = 0; group <= Math.min(rank, groups - 1); group++) {
      xColumn[rank * groups + group] = builder.addBinary();
    }
  });
  ordered.forEach((_, rank) => {
    const columns = [...xColumn.subarray(rank * groups, rank * groups + groups)].filter(
      (column) => column >= 0,
    );
    builder.addRow(
      columns,
      columns.map(() => 1),
      1,
      1,
    );
  });
  const infinity = Number.POSITIVE_INFINITY;
  const position = new Map(ordered.map((person, rank) => [person, rank]));
  for (let group = 0; group < groups; group++) {
    const all: number[] = [];
    const facilitatorColumns: number[] = [];
    ordered.forEach((person, rank) => {
      const column = xColumn[rank * groups + group]!;
      if (column < 0) return;
      all.push(column);
      if (problem.isFacilitator[person]) facilitatorColumns.push(column);
    });
    builder.addRow(
      all,
      all.map(() => 1),
      size.min,
      size.max,
    );
    builder.addRow(
      facilitatorColumns,
      facilitatorColumns.map(() => 1),
      facilitators.min,
      facilitators.max < facilitatorColumns.length ? facilitators.max : infinity,
    );
    for (const person of ordered) {
      for (let at = problem.conflictStart[person]!; at < problem.conflictStart[person + 1]!; at++) {
        const other = problem.conflictList[at]!;
        if (other < person || !rules.isConflictKept(person, other)) continue;
        const first = xColumn[position.get(person)! * groups + group] ?? -1;
        const otherRank = position.get(other);
        const second = otherRank === undefined ? -1 : xColumn[otherRank * groups + group]!;
        if (first >= 0 && second >= 0) builder.addRow([first, second], [1, 1], -infinity, 1);
      }
    }
  }
  return { model: builder.build(null), members: ordered, groups, xColumn };
}

export function readPartition(partition: PartitionModel, values: Float64Array): number[][] {
  const { members, groups, xColumn } = partition;
  const result = Array.from({ length: groups }, () => [] as number[]);
  members.forEach((person, rank) => {
    for (let group = 0; group < groups; group++) {
      const column = xColumn[rank * groups + group]!;
      if (column >= 0 && values[column]! > 0.5) result[group]!.push(person);
    }
  });
  return result;
}
