import { type AggregateCell, releaseAggregates } from '../evaluation/release-aggregates.ts';
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

function ratingCell(id: string, answers: readonly FeedbackAnswer[]): AggregateCell<RatingFigures> {
  return {
    id,
    memberIds: new Set(answers.map((answer) => answer.personId)),
    figures: {
      answers: answers.length,
      usefulnessMean: answers.length ? mean(answers.map((answer) => answer.usefulness)) : 0,
      feltSafeMean: answers.length ? mean(answers.map((answer) => answer.feltSafe)) : 0,
    },
  };
}

/**
 * A program's feedback as a coordinator may see it. Every rating figure — the program's means, each
 * band of the two distributions, each topic's means — is a cell of one `releaseAggregates` call, so
 * none can be subtracted from another to learn about fewer than the minimum. The counts behind the
 * recommendation (who asked for which topic, who can meet when, out of how many) go through a
 * second call of their own: they describe everyone enrolled, not only those who answered, and in one
 * call with the ratings the gate would hide every rating whenever a few enrolled people did not
 * answer (enrolled − answered is a small group). Across the two calls only head counts can be
 * combined — never a rating — and the program overview already shows how many are enrolled
 * (docs/decisions/007-feedback-and-working-condition-reports.md). Comments are released for the
 * whole program only (one level of grouping), once `commentMinimum` people have written one.
 */
export function summarizeFeedback(input: {
  answers: readonly FeedbackAnswer[];
  topicTitles: ReadonlyMap<string, string>;
  candidates: NextCandidates;
  minimumGroupSize?: number;
  commentMinimum?: number;
}): FeedbackSummary {
  const { answers, candidates } = input;
  type Figures = RatingFigures | { answers: number };
  const cells: AggregateCell<Figures>[] = [ratingCell('program', answers)];
  const answeredBy = new Set(answers.map((answer) => answer.personId));
  for (const [name, pick] of [
    ['usefulness', (answer: FeedbackAnswer) => answer.usefulness],
    ['feltSafe', (answer: FeedbackAnswer) => answer.feltSafe],
  ] as const) {
    for (const rating of ratingScale) {
      const inBand = answers.filter((answer) => pick(answer) === rating);
      // A band is a share of everyone who answered: "all 9 rated it 5" tells each one's rating.
      cells.push({
        id: `${name}:${rating}`,
        memberIds: new Set(inBand.map((answer) => answer.personId)),
        shareOf: answeredBy,
        figures: { answers: inBand.length },
      });
    }
  }
  const topicIds = [...new Set(answers.flatMap((answer) => (answer.topicId ? [answer.topicId] : [])))];
  for (const topicId of topicIds) {
    cells.push(
      ratingCell(
        `topic:${topicId}`,
        answers.filter((answer) => answer.topicId === topicId),
      ),
    );
  }
  const recommendationCells: AggregateCell<null>[] = [
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

  const minimum = input.minimumGroupSize === undefined ? {} : { minimumGroupSize: input.minimumGroupSize };
  const release = releaseAggregates({ cells, ...minimum });
  const recommendationRelease = releaseAggregates({ cells: recommendationCells, ...minimum });
  const byId = new Map(release.cells.map((cell) => [cell.id, cell]));
  function figureOf<Figures>(id: string): ReleasedFigure<Figures> {
    const cell = byId.get(id);
    if (!cell || cell.status === 'suppressed') {
      return { status: 'suppressed', explanation: cell?.explanation ?? 'Hidden.' };
    }
    return { status: 'released', people: cell.memberCount, figures: cell.figures as Figures };
  }
  const recommendationById = new Map(recommendationRelease.cells.map((cell) => [cell.id, cell]));
  const countOf = (id: string) => {
    const cell = recommendationById.get(id);
    return cell?.status === 'released' ? cell.memberCount : null;
  };

  const commentsOf = (pick: (answer: FeedbackAnswer) => string) =>
    foldComments(
      releaseComments(
        answers.map((answer) => ({ personId: answer.personId, text: pick(answer) })),
        input.commentMinimum,
      ),
    );

  return {
    minimumGroupSize: release.minimumGroupSize,
    overall: figureOf<RatingFigures>('program'),
    usefulness: ratingScale.map((rating) => ({ rating, figure: figureOf(`usefulness:${rating}`) })),
    feltSafe: ratingScale.map((rating) => ({ rating, figure: figureOf(`feltSafe:${rating}`) })),
    topics: topicIds.map((topicId) => ({
      topicId,
      title: input.topicTitles.get(topicId) ?? topicId,
      figure: figureOf<RatingFigures>(`topic:${topicId}`),
    })),
    keep: commentsOf((answer) => answer.keep),
    change: commentsOf((answer) => answer.change),
    recommendations: explainRecommendations({
      topics: candidates.topics.map((topic) => ({ ...topic, count: countOf(`wanted:${topic.topicId}`) })),
      times: candidates.times.map((time) => ({ ...time, count: countOf(`time:${time.slot}`) })),
      respondents: countOf('respondents'),
    }),
  };
}
