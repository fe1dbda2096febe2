/**
 * Frozen releases of aggregates per closed period (decisions 003 and 007): written once, inside a
 * transaction that holds the program's or organisation's row, and read unchanged ever after.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/connect.ts';
import { type AggregateReleaseKind, aggregateReleases, organizations, programs } from '../../db/schema.ts';

export type StoredRelease<Contents> = {
  periodKey: string;
  periodClosedAt: Date;
  releasedAt: Date;
  contents: Contents;
};

type Scope = { organizationId: string; kind: AggregateReleaseKind; scopeId: string };

const ofScope = (scope: Scope) =>
  and(
    eq(aggregateReleases.organizationId, scope.organizationId),
    eq(aggregateReleases.kind, scope.kind),
    eq(aggregateReleases.scopeId, scope.scopeId),
  );

const asStoredRelease = <Contents>(row: typeof aggregateReleases.$inferSelect): StoredRelease<Contents> => ({
  periodKey: row.periodKey,
  periodClosedAt: row.periodClosedAt,
  releasedAt: row.releasedAt,
  contents: row.contents as Contents,
});

/** Every release of one kind for one program or organisation, in the order they were made. */
export async function readReleases<Contents>(
  db: Database | Transaction,
  scope: Scope,
): Promise<StoredRelease<Contents>[]> {
  const rows = await db
    .select()
    .from(aggregateReleases)
    .where(ofScope(scope))
    .orderBy(asc(aggregateReleases.releasedAt), asc(aggregateReleases.periodKey));
  return rows.map(asStoredRelease<Contents>);
}

/**
 * One release: the one of a period, or else the latest made. A page reads the release it shows, not
 * every one made before it (a year of weekly summaries is 52 of them).
 */
export async function readRelease<Contents>(
  db: Database | Transaction,
  scope: Scope,
  which: { periodKey: string } | 'latest',
): Promise<StoredRelease<Contents> | null> {
  const [row] = await db
    .select()
    .from(aggregateReleases)
    .where(
      and(ofScope(scope), which === 'latest' ? undefined : eq(aggregateReleases.periodKey, which.periodKey)),
    )
    .orderBy(desc(aggregateReleases.releasedAt), desc(aggregateReleases.periodKey))
    .limit(1);
  return row ? asStoredRelease<Contents>(row) : null;
}

/**
 * Runs `work` holding the scope's row (the program, else the organisation), so two first reads
 * after a period closes make one release, and a release is always made knowing every earlier one.
 * NO KEY UPDATE leaves rows that merely reference the program free to be written meanwhile.
 */
export async function whileHoldingScope<Result>(
  db: Database,
  scope: Scope,
  work: (tx: Transaction) => Promise<Result>,
): Promise<Result> {
  return db.transaction(async (tx) => {
    if (scope.scopeId === scope.organizationId) {
      await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, scope.organizationId))
        .for('no key update');
    } else {
      await tx
        .select({ id: programs.id })
        .from(programs)
        .where(and(eq(programs.id, scope.scopeId), eq(programs.organizationId, scope.organizationId)))
        .for('no key update');
    }
    return work(tx);
  });
}

/** Stores new releases; a period already stored keeps its first release. */
export async function storeReleases(
  tx: Transaction,
  scope: Scope,
  releases: readonly StoredRelease<unknown>[],
): Promise<void> {
  if (releases.length === 0) return;
  await tx
    .insert(aggregateReleases)
    .values(releases.map((release) => ({ ...scope, ...release })))
    .onConflictDoNothing();
}
