/**
 * Test-only: what a coordinator or leader reads from the feedback, working-condition and engagement
 * summaries, as the true member sets behind each figure released — the input of the adversary
 * (small-group-adversary.test-helper.ts) — and cohorts to generate them from. A reader knows who
 * answered which meeting and who attended; a working-condition report is its own member.
 */
import fc from 'fast-check';
import type { FeedbackAnswer, Rating } from '../feedback/feedback-form.ts';
import { findNextCandidates } from '../feedback/recommend-next.ts';
import { type FeedbackSummary, summarizeFeedback } from '../feedback/summarize-feedback.ts';
import { isPractised, type SkillUse } from '../reflection/compute-habit-weeks.ts';
import { type MeetingEngagementInput, measureEngagement } from '../reflection/measure-engagement.ts';
import { stressorCategories } from '../working-conditions/report-form.ts';
import {
  type ReportSummary,
  type StoredReport,
  summarizeReports,
} from '../working-conditions/summarize-reports.ts';

// Feedback ------------------------------------------------------------------------------------------

export const feedbackTopics = [
  { id: 'stress-anxiety-and-burnout', title: 'Stress, anxiety and burnout', tags: ['burnout'] },
  { id: 'self-care-and-boundaries', title: 'Self-care and boundaries', tags: ['boundaries'] },
];
const topicOfMeeting = [
  'stress-anxiety-and-burnout',
  'self-care-and-boundaries',
  'stress-anxiety-and-burnout',
];

/** An answer's member id: one person's answer about one meeting. */
export const answerKey = (answer: { personId: string; meetingIndex: number }) =>
  `${answer.personId}@m${answer.meetingIndex}`;
export const personOfAnswer = (key: string) => key.split('@')[0] ?? key;

export type GeneratedAnswer = FeedbackAnswer & { meetingIndex: number };

/**
 * Feedback answers of up to 9 people about 3 meetings; with `oneEach`, each person answered one of
 * them (every figure then counts people and answers alike).
 */
export const feedbackCohortArbitrary = (options: { oneEach?: boolean } = {}) =>
  fc
    .uniqueArray(
      fc.record({
        person: fc.integer({ min: 0, max: 8 }),
        meetingIndex: fc.integer({ min: 0, max: 2 }),
        usefulness: fc.integer({ min: 1, max: 5 }),
        feltSafe: fc.integer({ min: 4, max: 5 }),
        keep: fc.constantFrom('', 'the check-in'),
      }),
      {
        maxLength: 16,
        selector: (answer) =>
          options.oneEach ? `${answer.person}` : `${answer.person}@${answer.meetingIndex}`,
      },
    )
    .map((drawn) =>
      drawn.map(
        (answer): GeneratedAnswer => ({
          // As the server counts them: one answer of one person about one meeting.
          answerId: `p${answer.person}@m${answer.meetingIndex}`,
          personId: `p${answer.person}`,
          meetingIndex: answer.meetingIndex,
          topicId: topicOfMeeting[answer.meetingIndex] ?? null,
          usefulness: answer.usefulness as Rating,
          feltSafe: answer.feltSafe as Rating,
          keep: answer.keep,
          change: '',
        }),
      ),
    );

export const feedbackTopicTitles = new Map(feedbackTopics.map((topic) => [topic.id, topic.title]));
export const noFeedbackCandidates = findNextCandidates({ voices: [], topics: feedbackTopics });

export function summarizeGeneratedFeedback(
  answers: readonly GeneratedAnswer[],
  minimumGroupSize: number,
  commentMinimum: number,
): FeedbackSummary {
  return summarizeFeedback({
    answers,
    topicTitles: feedbackTopicTitles,
    candidates: noFeedbackCandidates,
    minimumGroupSize,
    commentMinimum,
  });
}

/** The answers behind each released rating figure: means, the bands of both scales, topics, comments. */
export function feedbackFigures(summary: FeedbackSummary, answers: readonly GeneratedAnswer[]): string[][] {
  const keys = (chosen: readonly GeneratedAnswer[]) => chosen.map(answerKey);
  const figures: string[][] = [];
  if (summary.overall.status === 'released') figures.push(keys(answers));
  for (const band of summary.usefulness) {
    if (band.figure.status === 'released')
      figures.push(keys(answers.filter((answer) => answer.usefulness === band.rating)));
  }
  for (const band of summary.feltSafe) {
    if (band.figure.status === 'released')
      figures.push(keys(answers.filter((answer) => answer.feltSafe === band.rating)));
  }
  for (const topic of summary.topics) {
    if (topic.figure.status === 'released')
      figures.push(keys(answers.filter((answer) => answer.topicId === topic.topicId)));
  }
  // Every listed text is one answer with something to keep: the list is a count of them.
  if (summary.keep.status === 'released') figures.push(keys(answers.filter((answer) => answer.keep.trim())));
  return figures;
}

// Working-condition reports -------------------------------------------------------------------------

export const reportWeeks = ['2026-11-09', '2026-11-16', '2026-11-23'];
export const reportUnits = ['Wards', 'Clinics'];

export const reportCohortArbitrary = fc
  .array(
    fc.record({
      category: fc.constantFrom(...stressorCategories.slice(0, 3)),
      unit: fc.constantFrom(...reportUnits, 'Not stated'),
      week: fc.constantFrom(...reportWeeks),
      text: fc.constantFrom('', 'Short staffed'),
    }),
    { maxLength: 18 },
  )
  .map((drawn) => drawn.map((report, index): StoredReport => ({ ...report, id: `r${index}` })));

export function summarizeGeneratedReports(
  reports: readonly StoredReport[],
  minimumGroupSize: number,
  commentMinimum: number,
): ReportSummary {
  return summarizeReports({
    reports,
    units: reportUnits,
    firstWeek: reportWeeks[0] ?? '',
    weekCount: reportWeeks.length,
    minimumGroupSize,
    commentMinimum,
  });
}

/** The reports behind each released count, and behind each category's listed texts. */
export function reportFigures(summary: ReportSummary, reports: readonly StoredReport[]): string[][] {
  const figures: string[][] = [];
  const add = (count: { status: string }, keep: (report: StoredReport) => boolean) => {
    if (count.status === 'released') figures.push(reports.filter(keep).map((report) => report.id));
  };
  add(summary.total, () => true);
  for (const [index, unit] of summary.units.entries()) {
    add(summary.unitTotals[index]!, (report) => report.unit === unit);
  }
  for (const [index, week] of summary.weeks.entries()) {
    add(summary.weekTotals[index]!, (report) => report.week === week);
  }
  for (const entry of summary.categories) {
    const inCategory = (report: StoredReport) => report.category === entry.category;
    add(entry.total, inCategory);
    for (const [index, week] of summary.weeks.entries()) {
      add(entry.byWeek[index]!, (report) => inCategory(report) && report.week === week);
    }
    for (const [index, unit] of summary.units.entries()) {
      add(entry.byUnit[index]!, (report) => inCategory(report) && report.unit === unit);
    }
    add(entry.comments, (report) => inCategory(report) && report.text.trim() !== '');
  }
  return figures;
}

// Engagement ----------------------------------------------------------------------------------------

export const engagementCohortArbitrary = fc
  .array(
    fc.record({
      attendees: fc.subarray(Array.from({ length: 10 }, (_, index) => `p${index}`)),
      reflected: fc.array(fc.constantFrom<SkillUse | null>(null, 'yes', 'tried', 'not-yet'), {
        minLength: 10,
        maxLength: 10,
      }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((drawn) =>
    drawn.map(
      (meeting, index): MeetingEngagementInput => ({
        meetingId: `m${index}`,
        attendeeIds: meeting.attendees,
        reflections: meeting.attendees.flatMap((userId, at) => {
          const skillUsed = meeting.reflected[at];
          return skillUsed ? [{ userId, skillUsed }] : [];
        }),
      }),
    ),
  );

/** The attendees, reflectors and practisers behind each released share, as "<meeting>:<person>". */
export function engagementFigures(meetings: readonly MeetingEngagementInput[], minimumGroupSize: number) {
  const release = measureEngagement(meetings, minimumGroupSize);
  const status = new Map(release.cells.map((cell) => [cell.id, cell.status]));
  const figures: string[][] = [];
  for (const meeting of meetings) {
    const key = (person: string) => `${meeting.meetingId}:${person}`;
    const reflectors = meeting.reflections.map((reflection) => reflection.userId);
    const practisers = meeting.reflections
      .filter((reflection) => isPractised(reflection.skillUsed))
      .map((reflection) => reflection.userId);
    for (const [cell, members] of [
      ['attended', meeting.attendeeIds],
      ['reflected', reflectors],
      ['practised', practisers],
    ] as const) {
      if (status.get(`${meeting.meetingId}:${cell}`) === 'released') figures.push(members.map(key));
    }
  }
  return figures;
}
export const personOfFact = (key: string) => key.split(':')[1] ?? key;
