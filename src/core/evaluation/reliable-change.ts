import type { ScoreDirection, Subscale } from '../instruments/instrument.ts';
import { standardDeviation } from './descriptive-statistics.ts';
import type { AggregateCell } from './release-aggregates.ts';

export type PersonChange = { personId: string; before: number; after: number };

export type ReliableChangeOptions = {
  /** Reliability r of the measure (Cronbach's alpha or test–retest), 0 < r < 1. */
  reliability: number;
  direction: ScoreDirection;
  /** SD of the scores before; by default the SD of these people's before scores. */
  standardDeviationBefore?: number;
  /** |RCI| must exceed this; 1.96 (two-sided 95%) as Jacobson & Truax (1991). */
  criticalValue?: number;
};

export type ReliableChange =
  | {
      status: 'computed';
      n: number;
      reliability: number;
      standardDeviationBefore: number;
      /** SE_diff = SD_before · √2 · √(1 − r). */
      standardErrorOfDifference: number;
      /** The smallest change counted as reliable: criticalValue · SE_diff (a change must exceed it). */
      reliableChangeThreshold: number;
      improved: readonly string[];
      deteriorated: readonly string[];
      noReliableChange: readonly string[];
      shareImproved: number;
      shareDeteriorated: number;
      shareNoReliableChange: number;
    }
  | {
      status: 'not-computed';
      reason: 'reliability-unknown' | 'too-few-people' | 'no-spread-before';
      message: string;
    };

/** Jacobson–Truax Reliable Change Index: (after − before) / SE_diff. */
export function reliableChangeIndex(
  before: number,
  after: number,
  standardErrorOfDifference: number,
): number {
  if (!(standardErrorOfDifference > 0)) throw new RangeError('SE_diff must be positive');
  return (after - before) / standardErrorOfDifference;
}

/**
 * Classifies each person's change as reliable improvement, reliable deterioration or neither, by
 * the Jacobson–Truax (1991) Reliable Change Index: SE_measurement = SD_before · √(1 − r),
 * SE_diff = √2 · SE_measurement, RCI = (after − before) / SE_diff, reliable when |RCI| > 1.96.
 * "Improved" follows the subscale's direction (a fall in burnout is an improvement).
 *
 * The id lists and shares describe the people passed in, however few: never show them directly.
 * To report the shares, release `reliableChangeCells` together with the group's own cell and
 * divide the released counts, so a category of one or two people stays hidden.
 */
export function classifyReliableChange(
  people: readonly PersonChange[],
  options: ReliableChangeOptions,
): ReliableChange {
  const { reliability, direction } = options;
  const criticalValue = options.criticalValue ?? 1.96;
  if (!(reliability > 0 && reliability < 1))
    throw new RangeError(`reliability must be in (0, 1), got ${reliability}`);
  if (!(criticalValue > 0)) throw new RangeError(`critical value must be positive, got ${criticalValue}`);
  const n = people.length;
  const standardDeviationBefore =
    options.standardDeviationBefore ?? standardDeviation(people.map((person) => person.before));
  if (standardDeviationBefore === null) {
    return {
      status: 'not-computed',
      reason: 'too-few-people',
      message: 'Reliable change needs the spread of at least two people’s starting scores.',
    };
  }
  if (!(standardDeviationBefore > 0)) {
    return {
      status: 'not-computed',
      reason: 'no-spread-before',
      message: 'Everyone started with the same score, so the measurement error cannot be estimated.',
    };
  }
  const standardErrorOfDifference = standardDeviationBefore * Math.SQRT2 * Math.sqrt(1 - reliability);
  const improved: string[] = [];
  const deteriorated: string[] = [];
  const noReliableChange: string[] = [];
  for (const person of people) {
    const category = categorizeChange(person, { standardErrorOfDifference, direction, criticalValue });
    if (category === 'improved') improved.push(person.personId);
    else if (category === 'deteriorated') deteriorated.push(person.personId);
    else noReliableChange.push(person.personId);
  }
  return {
    status: 'computed',
    n,
    reliability,
    standardDeviationBefore,
    standardErrorOfDifference,
    reliableChangeThreshold: criticalValue * standardErrorOfDifference,
    improved,
    deteriorated,
    noReliableChange,
    shareImproved: n === 0 ? 0 : improved.length / n,
    shareDeteriorated: n === 0 ? 0 : deteriorated.length / n,
    shareNoReliableChange: n === 0 ? 0 : noReliableChange.length / n,
  };
}

/** `classifyReliableChange` with the subscale's published reliability and direction; not computed when unknown. */
export function classifyReliableChangeOnSubscale(
  subscale: Subscale,
  people: readonly PersonChange[],
  options: Omit<ReliableChangeOptions, 'reliability' | 'direction'> = {},
): ReliableChange {
  if (subscale.reliability.status === 'unknown') {
    return {
      status: 'not-computed',
      reason: 'reliability-unknown',
      message: `${subscale.name} has no published reliability, so reliable change is not computed.`,
    };
  }
  return classifyReliableChange(people, {
    ...options,
    reliability: subscale.reliability.coefficient,
    direction: subscale.direction,
  });
}

export type ReliableChangeCategory = 'improved' | 'deteriorated' | 'no-reliable-change';

/**
 * One person's category under a classification already computed (its SE_diff), as
 * `classifyReliableChange` sorts everyone: for callers that sort many groups of the same cohort.
 */
export function categorizeChange(
  change: { before: number; after: number },
  scale: { standardErrorOfDifference: number; direction: ScoreDirection; criticalValue?: number },
): ReliableChangeCategory {
  const index = reliableChangeIndex(change.before, change.after, scale.standardErrorOfDifference);
  const towardsBetter = scale.direction === 'higher-is-better' ? index : -index;
  const criticalValue = scale.criticalValue ?? 1.96;
  if (towardsBetter > criticalValue) return 'improved';
  if (towardsBetter < -criticalValue) return 'deteriorated';
  return 'no-reliable-change';
}

/** The three categories as cells for `releaseAggregates`, ids `${groupCellId}/reliable-change/${category}`. */
export function reliableChangeCells(
  groupCellId: string,
  change: Extract<ReliableChange, { status: 'computed' }>,
): AggregateCell<{ category: ReliableChangeCategory }>[] {
  const categories: [ReliableChangeCategory, readonly string[]][] = [
    ['improved', change.improved],
    ['deteriorated', change.deteriorated],
    ['no-reliable-change', change.noReliableChange],
  ];
  return categories.map(([category, personIds]) => ({
    id: `${groupCellId}/reliable-change/${category}`,
    memberIds: personIds,
    figures: { category },
  }));
}
