import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  reportFigures,
  reportUnits,
  reportWeeks,
} from '../src/core/evaluation/aggregate-figures.test-helper.ts';
import { findSmallDerivedGroups } from '../src/core/evaluation/small-group-adversary.test-helper.ts';
import { stressorCategories } from '../src/core/working-conditions/report-form.ts';
import type { ReportSummary, StoredReport } from '../src/core/working-conditions/summarize-reports.ts';
import { aggregateReleases, workingConditionReports } from '../src/db/schema.ts';
import { demoOrganizationId } from './helpers/meeting-fixtures.ts';
import { createTestApp, emailOf, TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * Issue 11's adversary, reading the working-condition summary through the API as a leader would:
 * every weekly release of a generated set of reports, each read on the Monday it is made, solved
 * together exactly (small-group-adversary.test-helper.ts) for any group of fewer than the minimum.
 */
let context: TestContext;
let organizationId: string;
const minimumGroupSize = 5;

beforeAll(async () => {
  context = await createTestApp();
  organizationId = await demoOrganizationId(context.connection.db);
});
afterAll(() => context.close());

/** Enough reports that most weeks release some counts and hide others: what a subtraction needs. */
const reportsArbitrary = fc
  .array(
    fc.record({
      category: fc.constantFrom(...stressorCategories.slice(0, 3)),
      unit: fc.constantFrom(...reportUnits, 'Not stated'),
      week: fc.constantFrom(...reportWeeks),
      text: fc.constantFrom('', 'Short staffed'),
    }),
    { minLength: 10, maxLength: 45 },
  )
  .map((drawn) => drawn.map((report, index): StoredReport => ({ ...report, id: `r${index}` })));

/** The Mondays after each generated week, at noon in Toronto: each makes one release. */
const readingDays = reportWeeks.map((week) => new Date(`${week}T17:00:00Z`).getTime() + 7 * 86_400_000);

async function storeReports(reports: readonly StoredReport[]): Promise<StoredReport[]> {
  const { db } = context.connection;
  await db.delete(workingConditionReports).where(eq(workingConditionReports.organizationId, organizationId));
  await db
    .delete(aggregateReleases)
    .where(
      and(
        eq(aggregateReleases.organizationId, organizationId),
        eq(aggregateReleases.kind, 'working-conditions'),
      ),
    );
  if (reports.length === 0) return [];
  const rows = await db
    .insert(workingConditionReports)
    .values(reports.map(({ id: _, ...report }) => ({ ...report, organizationId })))
    .returning({ id: workingConditionReports.id });
  return reports.map((report, index) => ({ ...report, id: rows[index]?.id as string }));
}

/** Every summary a leader reads, one each Monday, with the reports each covers. */
async function readEveryRelease(stored: readonly StoredReport[]) {
  const read: { summary: ReportSummary; covered: StoredReport[] }[] = [];
  for (const [index, day] of readingDays.entries()) {
    context.clock.now = new Date(day);
    const leader = new TestClient(context.app, `10.42.0.${index + 1}`);
    expect((await leader.signIn(emailOf.leader)).statusCode).toBe(204);
    const response = await leader.request('GET', '/api/working-condition-reports/summary');
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json() as ReportSummary;
    const shown = new Set(summary.weeks);
    read.push({ summary, covered: stored.filter((report) => shown.has(report.week)) });
  }
  return read;
}

describe('the working-condition summaries a leader reads through the API', () => {
  it('give nobody away, week after week, however the reports fall', async () => {
    await fc.assert(
      fc.asyncProperty(reportsArbitrary, async (generated) => {
        const stored = await storeReports(generated);
        const releases = await readEveryRelease(stored);
        const figures = releases.flatMap(({ summary, covered }) => reportFigures(summary, covered));
        expect(findSmallDerivedGroups(figures, minimumGroupSize)).toEqual([]);

        // And the adversary would see it if the API let one hidden small count out: this test can fail.
        const { summary, covered } = releases.at(-1) ?? { summary: null, covered: [] };
        const hiddenSmall = summary?.categories.flatMap((category) =>
          summary.weeks.flatMap((week, weekIndex) => {
            const members = covered.filter(
              (report) => report.category === category.category && report.week === week,
            );
            return category.byWeek[weekIndex]?.status !== 'released' &&
              members.length > 0 &&
              members.length < minimumGroupSize
              ? [members.map((report) => report.id)]
              : [];
          }),
        );
        for (const leaked of (hiddenSmall ?? []).slice(0, 1))
          expect(findSmallDerivedGroups([...figures, leaked], minimumGroupSize)).not.toEqual([]);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
