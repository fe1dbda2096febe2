import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stressorCategories } from './report-form.ts';
import { type ReportCount, type StoredReport, summarizeReports } from './summarize-reports.ts';

const weeks = ['2026-11-09', '2026-11-16', '2026-11-23'];
const units = ['Wards', 'Clinics'];

function reports(count: number, overrides: Partial<StoredReport> = {}, from = 0): StoredReport[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `r${from + index}`,
    category: 'workload-and-staffing',
    unit: 'Wards',
    week: '2026-11-23',
    text: '',
    ...overrides,
  }));
}

const released = (count: ReportCount) => (count.status === 'released' ? count.reports : null);

describe('summarizeReports', () => {
  it('counts reports by category, unit and week once there are enough', () => {
    const summary = summarizeReports({
      reports: reports(6),
      units,
      firstWeek: weeks[0] ?? '',
      weekCount: 3,
    });
    const workload = summary.categories.find((entry) => entry.category === 'workload-and-staffing');
    expect(released(summary.total)).toBe(6);
    expect(workload && released(workload.total)).toBe(6);
    expect(workload?.byWeek.map(released)).toEqual([null, null, 6]);
    expect(workload?.byUnit.map(released)).toEqual([6, null]);
  });

  it('hides a category with fewer reports than the minimum, and the sibling that would give it away', () => {
    const summary = summarizeReports({
      reports: [...reports(6), ...reports(2, { category: 'safety' }, 6)],
      units,
      firstWeek: weeks[0] ?? '',
      weekCount: 3,
    });
    const byCategory = Object.fromEntries(
      summary.categories.map((entry) => [entry.category, released(entry.total)]),
    );
    expect(byCategory.safety).toBeNull();
    // 8 in total minus 6 for workload would show safety's 2: one of the two must go.
    expect(released(summary.total) !== null && byCategory['workload-and-staffing'] !== null).toBe(false);
  });

  it('shows a category’s free text only once it has the comment minimum of reports with text', () => {
    const nine = reports(9, { text: 'Too few nurses on nights' });
    const withheld = summarizeReports({ reports: nine, units, firstWeek: weeks[0] ?? '', weekCount: 3 });
    expect(withheld.categories[0]?.comments.status).toBe('withheld');
    const ten = [...nine, ...reports(1, { text: 'Breaks are skipped' }, 9)];
    const shown = summarizeReports({ reports: ten, units, firstWeek: weeks[0] ?? '', weekCount: 3 });
    expect(shown.categories[0]?.comments).toMatchObject({ status: 'released', respondentCount: 10 });
  });

  it('leaves out reports from outside the weeks shown', () => {
    const summary = summarizeReports({
      reports: reports(6, { week: '2026-10-05' }),
      units,
      firstWeek: weeks[0] ?? '',
      weekCount: 3,
    });
    expect(summary.total.status).toBe('suppressed');
  });

  it('never releases a count of fewer than the minimum, nor one a margin would give away', () => {
    const report = fc.record({
      category: fc.constantFrom(...stressorCategories.slice(0, 3)),
      unit: fc.constantFrom(...units, 'Not stated'),
      week: fc.constantFrom(...weeks),
      text: fc.constantFrom('', 'Short staffed'),
    });
    fc.assert(
      fc.property(
        fc.array(report, { maxLength: 40 }),
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 3, max: 10 }),
        (drawn, minimumGroupSize, commentMinimum) => {
          const all = drawn.map((entry, index) => ({ ...entry, id: `r${index}` }));
          const summary = summarizeReports({
            reports: all,
            units,
            firstWeek: weeks[0] ?? '',
            weekCount: weeks.length,
            minimumGroupSize,
            commentMinimum,
          });
          const counts = [
            summary.total,
            ...summary.unitTotals,
            ...summary.weekTotals,
            ...summary.categories.flatMap((entry) => [entry.total, ...entry.byWeek, ...entry.byUnit]),
          ];
          for (const count of counts) {
            if (count.status === 'released') expect(count.reports).toBeGreaterThanOrEqual(minimumGroupSize);
          }
          // A released margin minus its released parts is 0 or at least the minimum.
          for (const entry of summary.categories) {
            const total = released(entry.total);
            if (total === null) continue;
            for (const parts of [entry.byWeek, entry.byUnit]) {
              const rest = total - parts.reduce((sum, part) => sum + (released(part) ?? 0), 0);
              expect(rest === 0 || rest >= minimumGroupSize).toBe(true);
            }
          }
          for (const entry of summary.categories) {
            const withText = all.filter((item) => item.category === entry.category && item.text).length;
            if (withText < commentMinimum) expect(entry.comments.status).toBe('withheld');
          }
          // Listed texts count as released: the total minus every category's released count and
          // its listed texts where the count is hidden leaves 0 or at least the minimum.
          const total = released(summary.total);
          if (total !== null) {
            let known = 0;
            let isAnyUnknown = false;
            for (const entry of summary.categories) {
              const count = released(entry.total);
              if (count !== null) known += count;
              else if (entry.comments.status === 'released') known += entry.comments.comments.length;
              else isAnyUnknown = true;
            }
            const rest = total - known;
            if (isAnyUnknown) expect(rest === 0 || rest >= minimumGroupSize).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not let the texts listed for other categories give away a hidden count', () => {
    // 12 workload reports with text, 12 scheduling reports with text, 2 about safety without text:
    // total 26 minus 24 listed texts would be safety's hidden 2.
    const all = [
      ...reports(12, { category: 'workload-and-staffing', text: 'too many patients' }),
      ...reports(12, { category: stressorCategories[1], text: 'rota changes' }, 12),
      ...reports(2, { category: stressorCategories[2] }, 24),
    ];
    const summary = summarizeReports({
      reports: all,
      units,
      firstWeek: weeks[0] ?? '',
      weekCount: 3,
      commentMinimum: 10,
    });
    const listed = summary.categories.flatMap((entry) =>
      entry.comments.status === 'released' && released(entry.total) === null
        ? [entry.comments.comments.length]
        : [],
    );
    const total = released(summary.total);
    const shownCounts = summary.categories.reduce((sum, entry) => sum + (released(entry.total) ?? 0), 0);
    const derived =
      total === null ? null : total - shownCounts - listed.reduce((sum, count) => sum + count, 0);
    expect(derived === null || derived === 0 || derived >= 5).toBe(true);
    expect(summary.categories.some((entry) => entry.comments.status === 'released')).toBe(true);
  });
});
