import {
  type CellDecision,
  type EarlierRelease,
  releaseAfterEarlier,
} from '../evaluation/release-after-earlier.ts';
import type { AggregateCell } from '../evaluation/release-aggregates.ts';
import { releaseComments } from '../evaluation/release-comments.ts';
import { type FeedbackAnswer, ratingScale } from './feedback-form.ts';
import { type FoldedCommentRelease, foldComments } from './fold-comments.ts';
import { explainRecommendations, type NextCandidates, type Recommendation } from './recommend-next.ts';

export type RatingFigures = { answers: number; usefulnessMean: number; feltSafeMean: number };

export type ReleasedFigure<Figures> =
  | { status: 'released'; people: number; figures: Figures }
  | { status: 'suppressed'; explanation: string };

export type FeedbackSummary = {
  minimumGroupSize: number;
  overall: ReleasedFigure<RatingFigures>;
  /** Answers per rating 1–5, each band its own cell. */
  usefulness: { rating: number; figure: ReleasedFigure<{ answers: number }> }[];
  feltSafe: { rating: number; figure: ReleasedFigure<{ answers: number }> }[];
  topics: { topicId: string; title: string; figure: ReleasedFigure<RatingFigures> }[];
  /** Repeated comments folded into one line with a count. */
  keep: FoldedCommentRelease;
  change: FoldedCommentRelease;
  recommendations: Recommendation[];
};

function mean(values: readonly number[]): number {
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
}

type Figures = RatingFigures | { answers: number };

/** The member id the gate counts: one answer (person and meeting), else the person. */
const memberOf = (answer: FeedbackAnswer) => answer.answerId ?? answer.personId;

function ratingCell(id: string, answers: readonly FeedbackAnswer[]): AggregateCell<RatingFigures> {
  return {
    id,
    memberIds: new Set(answers.map(memberOf)),
    figures: {
      answers: answers.length,
      usefulnessMean: answers.length ? mean(answers.map((answer) => answer.usefulness)) : 0,
      feltSafeMean: answers.length ? mean(answers.map((answer) => answer.feltSafe)) : 0,
    },
  };
}

const commentPicks = {
  keep: (answer: FeedbackAnswer) => answer.keep,
  change: (answer: FeedbackAnswer) => answer.change,
} as const;

function commentsOf(
  answers: readonly FeedbackAnswer[],
  pick: (answer: FeedbackAnswer) => string,
  minimum: number | undefined,
) {
  return releaseComments(
    answers.map((answer) => ({ personId: answer.personId, text: pick(answer) })),
    minimum,
  );
}

function topicIdsOf(answers: readonly FeedbackAnswer[]): string[] {
  return [...new Set(answers.flatMap((answer) => (answer.topicId ? [answer.topicId] : [])))];
}

/**
 * The rating cells of a set of answers: the program's means, each band of the two distributions,
 * each topic's means, and — for comments that would be listed — the answers whose texts they are.
 * A later release rebuilds an earlier release's cells from the answers it covered.
 */
export function feedbackRatingCells(
  answers: readonly FeedbackAnswer[],
  commentMinimum?: number,
): AggregateCell<Figures>[] {
  const cells: AggregateCell<Figures>[] = [ratingCell('program', answers)];
  const answered = new Set(answers.map(memberOf));
  for (const [name, pick] of [
    ['usefulness', (answer: FeedbackAnswer) => answer.usefulness],
    ['feltSafe', (answer: FeedbackAnswer) => answer.feltSafe],
  ] as const) {
    for (const rating of ratingScale) {
      const inBand = answers.filter((answer) => pick(answer) === rating);
      // A band is a share of everyone who answered: "all 9 rated it 5" tells each one's rating.
      cells.push({
        id: `${name}:${rating}`,
        memberIds: new Set(inBand.map(memberOf)),
        shareOf: answered,
        figures: { answers: inBand.length },
      });
    }
  }
  for (const topicId of topicIdsOf(answers)) {
    cells.push(
      ratingCell(
        `topic:${topicId}`,
        answers.filter((answer) => answer.topicId === topicId),
      ),
    );
  }
  // Listed texts are counts too ("12 answered, 10 wrote something to keep"), so the answers whose
  // texts would be listed are a cell of the same call, and the texts are shown only if it is released.
  for (const [name, pick] of Object.entries(commentPicks)) {
    if (commentsOf(answers, pick, commentMinimum).status !== 'released') continue;
    const written = answers.filter((answer) => pick(answer).trim());
    cells.push({
      id: `${name}:text`,
      memberIds: new Set(written.map(memberOf)),
      figures: { answers: written.length },
    });
  }
  return cells;
}

/** The counts behind the recommendation: respondents, and who wants each topic and each hour. */
export function feedbackRecommendationCells(candidates: NextCandidates): AggregateCell<null>[] {
  return [
    { id: 'respondents', memberIds: candidates.respondentIds, figures: null },
    ...candidates.topics.map((topic) => ({
      id: `wanted:${topic.topicId}`,
      memberIds: topic.memberIds,
      figures: null,
    })),
    ...candidates.times.map((time) => ({
      id: `time:${time.slot}`,
      memberIds: time.memberIds,
      figures: null,
    })),
  ];
}

export type FeedbackSummaryInput = {
  answers: readonly FeedbackAnswer[];
  topicTitles: ReadonlyMap<string, string>;
  candidates: NextCandidates;
  minimumGroupSize?: number;
  commentMinimum?: number;
};

export type FeedbackDecisions = {
  ratings: Record<string, CellDecision>;
  recommendations: Record<string, CellDecision>;
};

/**
 * A program's feedback as a coordinator may see it. Every rating figure — the program's means, each
 * band of the two distributions, each topic's means, the comments listed — is a cell of one
 * `releaseAggregates` call, so none can be subtracted from another to learn about fewer than the
 * minimum. The counts behind the recommendation (who asked for which topic, who can meet when, out
 * of how many) go through a second call of their own: they describe everyone enrolled, not only
 * those who answered, and in one call with the ratings the gate would hide every rating whenever a
 * few enrolled people did not answer (enrolled − answered is a small group). Across the two calls
 * only head counts can be combined — never a rating — and the program overview already shows how
 * many are enrolled (docs/decisions/007-feedback-and-working-condition-reports.md). Comments are
 * released for the whole program only (one level of grouping), once `commentMinimum` people have
 * written one.
 *
 * With `earlier` (the program's frozen releases, their cells rebuilt from the answers each covered)
 * both calls are judged against them as well, and the decisions come back to be stored.
 */
export function publishFeedback(
  input: FeedbackSummaryInput & {
    earlier?: { ratings: readonly EarlierRelease[]; recommendations: readonly EarlierRelease[] };
  },
): { summary: FeedbackSummary; decisions: FeedbackDecisions } {
  const { answers, candidates } = input;
  const cells = feedbackRatingCells(answers, input.commentMinimum);
  const minimum = input.minimumGroupSize === undefined ? {} : { minimumGroupSize: input.minimumGroupSize };
  // The gate counts answers (so a later release minus an earlier one is a set of answers) and the
  // people they are from: a figure, and anything worked out from figures, needs the minimum of
  // different people behind it. Answers of earlier releases are among today's, as answers stay.
  const personOfAnswer = new Map(answers.map((answer) => [memberOf(answer), answer.personId]));
  const peopleIn = new Map(
    cells.map((cell) => {
      const people = [...cell.memberIds].map((member) => personOfAnswer.get(member) ?? member);
      return [cell.id, new Set(people).size] as const;
    }),
  );
  const ratings = releaseAfterEarlier({
    cells,
    earlier: input.earlier?.ratings ?? [],
    personOf: (member) => personOfAnswer.get(member) ?? member,
    ...minimum,
  });
  const recommendations = releaseAfterEarlier({
    cells: feedbackRecommendationCells(candidates),
    earlier: input.earlier?.recommendations ?? [],
    ...minimum,
  });
  const byId = new Map(ratings.release.cells.map((cell) => [cell.id, cell]));
  function figureOf<Figures>(id: string): ReleasedFigure<Figures> {
    const cell = byId.get(id);
    if (!cell || cell.status === 'suppressed') {
      return { status: 'suppressed', explanation: cell?.explanation ?? 'Hidden.' };
    }
    return { status: 'released', people: peopleIn.get(id) ?? 0, figures: cell.figures as Figures };
  }
  const recommendationById = new Map(recommendations.release.cells.map((cell) => [cell.id, cell]));
  const countOf = (id: string) => {
    const cell = recommendationById.get(id);
    return cell?.status === 'released' ? cell.memberCount : null;
  };
  const listed = (name: keyof typeof commentPicks): FoldedCommentRelease => {
    const comments = commentsOf(answers, commentPicks[name], input.commentMinimum);
    if (comments.status !== 'released' || byId.get(`${name}:text`)?.status === 'released') {
      return foldComments(comments);
    }
    return {
      status: 'withheld',
      minimumRespondents: 0,
      message:
        'What people wrote is hidden here: with the figures shown, it would let someone work out a hidden one.',
    };
  };

  return {
    decisions: { ratings: ratings.decisions, recommendations: recommendations.decisions },
    summary: {
      minimumGroupSize: ratings.release.minimumGroupSize,
      overall: figureOf<RatingFigures>('program'),
      usefulness: ratingScale.map((rating) => ({ rating, figure: figureOf(`usefulness:${rating}`) })),
      feltSafe: ratingScale.map((rating) => ({ rating, figure: figureOf(`feltSafe:${rating}`) })),
      topics: topicIdsOf(answers).map((topicId) => ({
        topicId,
        title: input.topicTitles.get(topicId) ?? topicId,
        figure: figureOf<RatingFigures>(`topic:${topicId}`),
      })),
      keep: listed('keep'),
      change: listed('change'),
      recommendations: explainRecommendations({
        topics: candidates.topics.map((topic) => ({ ...topic, count: countOf(`wanted:${topic.topicId}`) })),
        times: candidates.times.map((time) => ({ ...time, count: countOf(`time:${time.slot}`) })),
        respondents: countOf('respondents'),
      }),
    },
  };
}

/** The feedback of one moment, judged on its own (see `publishFeedback`). */
export function summarizeFeedback(input: FeedbackSummaryInput): FeedbackSummary {
  return publishFeedback(input).summary;
}
