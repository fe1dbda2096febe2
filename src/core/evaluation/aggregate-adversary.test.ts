import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedbackDecisions } from '../feedback/summarize-feedback.ts';
import {
  feedbackRatingCells,
  feedbackRecommendationCells,
  publishFeedback,
} from '../feedback/summarize-feedback.ts';
import type { StoredReport } from '../working-conditions/summarize-reports.ts';
import { buildReportCells, publishReports } from '../working-conditions/summarize-reports.ts';
import {
  engagementCohortArbitrary,
  engagementFigures,
  feedbackCohortArbitrary,
  feedbackFigures,
  feedbackTopicTitles,
  type GeneratedAnswer,
  noFeedbackCandidates,
  personOfAnswer,
  personOfFact,
  reportCohortArbitrary,
  reportFigures,
  reportUnits,
  reportWeeks,
  summarizeGeneratedFeedback,
  summarizeGeneratedReports,
} from './aggregate-figures.test-helper.ts';
import type { CellDecision } from './release-after-earlier.ts';
import { findSmallDerivedGroups } from './small-group-adversary.test-helper.ts';

// Issue 11: the exact adversary of the outcome publications, pointed at every other aggregate a
// coordinator or leader reads. aggregate-adversary-weak-gate.test.ts runs the same adversary
// against a gate that judges each figure alone, and finds people there.
const minimum = fc.integer({ min: 3, max: 5 });

describe('everything a reader can combine from one summary gives nobody away', () => {
  it('feedback of people who answered one or several meetings: means, both rating distributions, topics, listed comments', () => {
    fc.assert(
      fc.property(
        feedbackCohortArbitrary(),
        minimum,
        fc.integer({ min: 3, max: 6 }),
        (answers, k, comments) => {
          const summary = summarizeGeneratedFeedback(answers, k, comments);
          expect(findSmallDerivedGroups(feedbackFigures(summary, answers), k, personOfAnswer)).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('working conditions: totals, categories by week and unit, and listed texts', () => {
    fc.assert(
      fc.property(reportCohortArbitrary, minimum, fc.integer({ min: 3, max: 6 }), (reports, k, comments) => {
        const summary = summarizeGeneratedReports(reports, k, comments);
        expect(findSmallDerivedGroups(reportFigures(summary, reports), k)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('engagement: who attended, reflected and practised, per meeting', () => {
    fc.assert(
      fc.property(engagementCohortArbitrary, minimum, (meetings, k) => {
        expect(findSmallDerivedGroups(engagementFigures(meetings, k), k, personOfFact)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});

describe('everything a reader combines from every release so far gives nobody away', () => {
  it('feedback released as each meeting’s period closes, each release judged against the ones before (people answer several)', () => {
    fc.assert(
      fc.property(
        feedbackCohortArbitrary(),
        minimum,
        fc.integer({ min: 3, max: 6 }),
        (answers, k, comments) => {
          const releases: { covered: GeneratedAnswer[]; decisions: FeedbackDecisions }[] = [];
          const figures: string[][] = [];
          for (const lastMeeting of [0, 1, 2]) {
            const covered = answers.filter((answer) => answer.meetingIndex <= lastMeeting);
            const earlier = (pick: keyof FeedbackDecisions) =>
              releases.map((release, index) => ({
                key: `release ${index}`,
                decisions: release.decisions[pick],
                cells:
                  pick === 'ratings'
                    ? feedbackRatingCells(release.covered, comments)
                    : feedbackRecommendationCells(noFeedbackCandidates),
              }));
            const { summary, decisions } = publishFeedback({
              answers: covered,
              topicTitles: feedbackTopicTitles,
              candidates: noFeedbackCandidates,
              minimumGroupSize: k,
              commentMinimum: comments,
              earlier: { ratings: earlier('ratings'), recommendations: earlier('recommendations') },
            });
            releases.push({ covered, decisions });
            figures.push(...feedbackFigures(summary, covered));
          }
          expect(findSmallDerivedGroups(figures, k, personOfAnswer)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('working-condition summaries as each week ends, each judged against the ones before', () => {
    fc.assert(
      fc.property(reportCohortArbitrary, minimum, fc.integer({ min: 3, max: 6 }), (reports, k, comments) => {
        const releases: { weekCount: number; decisions: Record<string, CellDecision> }[] = [];
        const figures: string[][] = [];
        const input = (weekCount: number) => ({
          reports,
          units: reportUnits,
          firstWeek: reportWeeks[0] ?? '',
          weekCount,
          minimumGroupSize: k,
          commentMinimum: comments,
        });
        for (const weekCount of [1, 2, 3]) {
          const { summary, decisions } = publishReports({
            ...input(weekCount),
            earlier: releases.map((release, index) => ({
              key: `release ${index}`,
              decisions: release.decisions,
              cells: buildReportCells(input(release.weekCount)).cells,
            })),
          });
          releases.push({ weekCount, decisions });
          const shown = new Set(summary.weeks);
          const covered: StoredReport[] = reports.filter((report) => shown.has(report.week));
          figures.push(...reportFigures(summary, covered));
        }
        expect(findSmallDerivedGroups(figures, k)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
