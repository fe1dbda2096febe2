import {
  type AggregateCell,
  type AggregateRelease,
  releaseAggregates,
  type SuppressionReason,
} from './release-aggregates.ts';

/** What the gate decided for one cell of a frozen release, kept so later releases can honour it. */
export type CellDecision = 'released' | SuppressionReason;

/**
 * An earlier release to the same audience: its cells as they are now (member sets recomputed from
 * the data it covered) and the decisions it was published with.
 */
export type EarlierRelease = {
  key: string;
  cells: readonly AggregateCell<unknown>[];
  decisions: Readonly<Record<string, CellDecision>>;
};

/**
 * Releases new cells judged against every earlier release of the same audience, as outcome
 * publications do (decision 003): what was released stays released and counts in every derivation,
 * what was hidden stays hidden, and only new cells can be hidden, so reading at two moments gives
 * nothing that one reading would not. Returns the new cells' release and decisions.
 */
export function releaseAfterEarlier<Figures>(input: {
  cells: readonly AggregateCell<Figures>[];
  earlier: readonly EarlierRelease[];
  minimumGroupSize?: number;
  /** Whose each member is, when members are answers (see `releaseAggregates`). */
  personOf?: (member: string) => string;
}): { release: AggregateRelease<Figures>; decisions: Record<string, CellDecision> } {
  const alreadyReleased = new Set<string>();
  const alreadySuppressed = new Map<string, SuppressionReason>();
  const earlierCells: AggregateCell<Figures>[] = [];
  for (const release of input.earlier) {
    for (const cell of release.cells) {
      const decision = release.decisions[cell.id];
      // A cell the earlier release did not have was never shown: it takes no part.
      if (decision === undefined) continue;
      const id = `${release.key}/${cell.id}`;
      earlierCells.push({ ...cell, id, figures: null as Figures });
      if (decision === 'released') alreadyReleased.add(id);
      else alreadySuppressed.set(id, decision);
    }
  }
  const all = releaseAggregates({
    cells: [...earlierCells, ...input.cells],
    alreadyReleased,
    alreadySuppressed,
    ...(input.personOf ? { personOf: input.personOf } : {}),
    ...(input.minimumGroupSize === undefined ? {} : { minimumGroupSize: input.minimumGroupSize }),
  });
  const cells = all.cells.slice(earlierCells.length);
  const decisions: Record<string, CellDecision> = {};
  for (const cell of cells) decisions[cell.id] = cell.status === 'released' ? 'released' : cell.reason;
  return {
    decisions,
    release: {
      minimumGroupSize: all.minimumGroupSize,
      cells,
      released: cells.flatMap((cell) => (cell.status === 'released' ? [cell] : [])),
      suppressed: cells.flatMap((cell) => (cell.status === 'suppressed' ? [cell] : [])),
    },
  };
}
