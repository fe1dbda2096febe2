import {
  type CellDecision,
  type EarlierRelease,
  releaseAfterEarlier,
} from '../evaluation/release-after-earlier.ts';
import type { AggregateCell } from '../evaluation/release-aggregates.ts';
import { type CommentRelease, releaseComments } from '../evaluation/release-comments.ts';
import { addDays } from '../scheduling/local-date.ts';
import { type StressorCategory, stressorCategories, stressorCategoryLabels } from './report-form.ts';

/** One stored report: it carries no person, so its own id stands in for the person behind it. */
export type StoredReport = {
  id: string;
  category: StressorCategory;
  unit: string;
  /** ISO week start, yyyy-mm-dd. */
  week: string;
  text: string;
};

export type ReportCount =
  | { status: 'released'; reports: number }
  | { status: 'suppressed'; explanation: string };

export type ReportSummary = {
  minimumGroupSize: number;
  weeks: string[];
  units: string[];
  total: ReportCount;
  categories: {
    category: StressorCategory;
    label: string;
    total: ReportCount;
    byWeek: ReportCount[];
    byUnit: ReportCount[];
    comments: CommentRelease;
  }[];
  unitTotals: ReportCount[];
  weekTotals: ReportCount[];
};

/** The cells one report counts in: the total, its week, its unit, its category and both crossings. */
export function cellIdsOf(report: Pick<StoredReport, 'week' | 'unit' | 'category'>): string[] {
  return [
    'total',
    `week:${report.week}`,
    `unit:${report.unit}`,
    `category:${report.category}`,
    `category:${report.category}|week:${report.week}`,
    `category:${report.category}|unit:${report.unit}`,
  ];
}

/**
 * Counts of working-condition reports for leaders: by category, by unit and by week, and the
 * category × week and category × unit tables — all cells of one `releaseAggregates` call, so no
 * count of fewer than the minimum is shown or can be subtracted out. Reports carry no person, so
 * each report counts as one contributor: a person who files several reports counts several times,
 * which a leader should keep in mind (the limiter in the server keeps that small). Free text is
 * released per category only, once `commentMinimum` reports in it have text.
 */
export function buildReportCells(input: ReportSummaryInput) {
  const categories = input.categories ?? stressorCategories;
  const weeks = Array.from({ length: input.weekCount }, (_, index) => addDays(input.firstWeek, 7 * index));
  const isShownWeek = new Set(weeks);
  const inWindow = input.reports.filter((report) => isShownWeek.has(report.week));
  const units = [...new Set([...input.units, ...inWindow.map((report) => report.unit)])];
  // Each report joins its cells in one pass: the server rebuilds the cells of every earlier weekly
  // release this way (a year of them each week), so this stays linear in the reports.
  const reportIdsOf = new Map<string, string[]>();
  for (const report of inWindow) {
    for (const id of cellIdsOf(report)) {
      const list = reportIdsOf.get(id);
      if (list) list.push(report.id);
      else reportIdsOf.set(id, [report.id]);
    }
  }
  const cells: AggregateCell<null>[] = [];
  const add = (id: string) => cells.push({ id, memberIds: reportIdsOf.get(id) ?? [], figures: null });

  add('total');
  for (const week of weeks) add(`week:${week}`);
  for (const unit of units) add(`unit:${unit}`);
  for (const category of categories) {
    add(`category:${category}`);
    for (const week of weeks) add(`category:${category}|week:${week}`);
    for (const unit of units) add(`category:${category}|unit:${unit}`);
  }

  // Listed texts are counts too: a category's texts, once shown, say how many of its reports have
  // text, so "all reports minus the texts listed elsewhere" could give a hidden category's count.
  // The reports whose text would be listed are a cell of the same call; texts are shown only if it
  // is released.
  const commentsByCategory = new Map(
    categories.map((category) => {
      const answers = inWindow
        .filter((report) => report.category === category)
        .map((report) => ({ personId: report.id, text: report.text }));
      return [category, { answers, release: releaseComments(answers, input.commentMinimum) }] as const;
    }),
  );
  for (const [category, { answers, release }] of commentsByCategory) {
    if (release.status !== 'released') continue;
    cells.push({
      id: `category:${category}|text`,
      memberIds: answers.filter((answer) => answer.text.trim()).map((answer) => answer.personId),
      figures: null,
    });
  }
  return { categories, weeks, units, cells, commentsByCategory };
}

export type ReportSummaryInput = {
  reports: readonly StoredReport[];
  units: readonly string[];
  /** The first week shown (an ISO week start) and how many weeks from it. */
  firstWeek: string;
  weekCount: number;
  minimumGroupSize?: number;
  commentMinimum?: number;
  /**
   * The categories counted, in order: by default the report form's. A report in a category not
   * listed counts in the totals only. (The disclosure benchmark passes an eighth.)
   */
  categories?: readonly StressorCategory[];
};

/**
 * The summary, judged against `earlier` (the organisation's frozen summaries, their cells rebuilt
 * from the reports each covered) when given; the decisions come back to be stored with it.
 */
export function publishReports(input: ReportSummaryInput & { earlier?: readonly EarlierRelease[] }): {
  summary: ReportSummary;
  decisions: Record<string, CellDecision>;
} {
  const { categories, weeks, units, cells, commentsByCategory } = buildReportCells(input);
  const { release, decisions } = releaseAfterEarlier({
    cells,
    earlier: input.earlier ?? [],
    ...(input.minimumGroupSize === undefined ? {} : { minimumGroupSize: input.minimumGroupSize }),
  });
  const byId = new Map(release.cells.map((cell) => [cell.id, cell]));
  const countOf = (id: string): ReportCount => {
    const cell = byId.get(id);
    if (!cell || cell.status === 'suppressed') {
      return { status: 'suppressed', explanation: cell?.explanation ?? 'Hidden.' };
    }
    return { status: 'released', reports: cell.memberCount };
  };

  const commentsOf = (category: StressorCategory): CommentRelease => {
    const comments = commentsByCategory.get(category)?.release;
    if (comments?.status !== 'released') return comments ?? withheld(input.commentMinimum);
    if (byId.get(`category:${category}|text`)?.status === 'released') return comments;
    return {
      status: 'withheld',
      minimumRespondents: 0,
      message:
        'What people wrote is hidden here: with the counts shown, it would let someone work out a hidden count.',
    };
  };

  const summary: ReportSummary = {
    minimumGroupSize: release.minimumGroupSize,
    weeks,
    units,
    total: countOf('total'),
    categories: categories.map((category) => ({
      category,
      label: stressorCategoryLabels[category] ?? category,
      total: countOf(`category:${category}`),
      byWeek: weeks.map((week) => countOf(`category:${category}|week:${week}`)),
      byUnit: units.map((unit) => countOf(`category:${category}|unit:${unit}`)),
      comments: describeInReports(commentsOf(category)),
    })),
    unitTotals: units.map((unit) => countOf(`unit:${unit}`)),
    weekTotals: weeks.map((week) => countOf(`week:${week}`)),
  };
  return { summary, decisions };
}

/** The summary of one moment, judged on its own (see `publishReports`). */
export function summarizeReports(input: ReportSummaryInput): ReportSummary {
  return publishReports(input).summary;
}

function withheld(commentMinimum: number | undefined): CommentRelease {
  return releaseComments([], commentMinimum);
}

/** Reports stand in for people here, so the withheld message speaks of reports. */
function describeInReports(release: CommentRelease): CommentRelease {
  if (release.status === 'released' || release.minimumRespondents === 0) return release;
  return {
    ...release,
    message: `What people wrote appears once at least ${release.minimumRespondents} reports in this category have text.`,
  };
}
