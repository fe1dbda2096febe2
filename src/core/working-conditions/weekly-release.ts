import type { CellDecision } from '../evaluation/release-after-earlier.ts';
import {
  buildReportCells,
  publishReports,
  type ReportSummary,
  type StoredReport,
} from './summarize-reports.ts';

/** An earlier weekly summary as stored: what it decided and which weeks and units it covered. */
export type StoredWeeklySummary = {
  key: string;
  decisions: Record<string, CellDecision>;
  units: string[];
  firstWeek: string;
  weekCount: number;
};

export type WeeklyReleaseInput = {
  /** Every report from the oldest week any of these summaries covers. */
  reports: readonly StoredReport[];
  minimumGroupSize?: number;
  commentMinimum?: number;
  units: string[];
  firstWeek: string;
  weekCount: number;
  earlier: readonly StoredWeeklySummary[];
};

/**
 * A new weekly summary, judged against every earlier one, whose cells are rebuilt from the reports of
 * the weeks each covered: whatever a leader combines across the weeks, no count of fewer than the
 * minimum comes out (decision 003).
 */
export function publishWeeklySummary(input: WeeklyReleaseInput): {
  summary: ReportSummary;
  decisions: Record<string, CellDecision>;
} {
  const common = {
    reports: input.reports,
    minimumGroupSize: input.minimumGroupSize,
    commentMinimum: input.commentMinimum,
  };
  return publishReports({
    ...common,
    units: input.units,
    firstWeek: input.firstWeek,
    weekCount: input.weekCount,
    earlier: input.earlier.map((release) => ({
      key: release.key,
      decisions: release.decisions,
      cells: buildReportCells({
        ...common,
        units: release.units,
        firstWeek: release.firstWeek,
        weekCount: release.weekCount,
      }).cells,
    })),
  });
}
