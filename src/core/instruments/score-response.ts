import { findBand, type Instrument, responseScaleOf, roundScore, type Subscale } from './instrument.ts';

/**
 * A person's answers: item number → the chosen response value, or null/absent when unanswered.
 * Typed loosely on purpose: answers arrive from forms and storage, so every key and value is
 * checked before anything is scored.
 */
export type Answers = Readonly<Record<number, number | null | undefined>>;

export type AnswerProblem =
  | {
      code: 'ANSWER_OUT_OF_SCALE';
      itemNumber: number;
      value: unknown;
      allowedValues: readonly number[];
      message: string;
    }
  | { code: 'UNKNOWN_ITEM'; item: string; message: string };

export type BandSummary = { id: string; label: string; meaning: string };

export type SubscaleScore =
  | {
      subscaleId: string;
      name: string;
      status: 'complete';
      /** Sum or mean of the item scores, before the multiplier and rounding (WHO-5: 0–25). */
      rawScore: number;
      /** The reported score: raw × multiplier, rounded to the subscale's decimals (WHO-5: 0–100). */
      score: number;
      band: BandSummary;
      suggestsSupport: boolean;
      /** Items left unanswered that the authors' scoring allows (the mean of the others is used). */
      missingItems?: readonly number[];
    }
  | {
      subscaleId: string;
      name: string;
      /** More items unanswered than the authors' scoring allows (any, for most instruments): no score. */
      status: 'incomplete';
      missingItems: readonly number[];
    };

/** A reason to show the person support resources, privately. */
export type SupportFlag = {
  subscaleId: string;
  subscaleName: string;
  bandId: string;
  bandLabel: string;
};

export type ResponseScore = {
  ok: true;
  instrumentId: string;
  subscales: readonly SubscaleScore[];
  /** Every subscale complete. */
  isComplete: boolean;
  /** Complete subscales whose band suggests support; empty when none does. */
  supportFlags: readonly SupportFlag[];
};

export type ScoreResponseResult =
  | ResponseScore
  | { ok: false; instrumentId: string; problems: readonly AnswerProblem[] };

/**
 * Scores one response to an instrument, subscale by subscale. Invalid answers (an unknown item,
 * a value the item's scale does not offer) fail the whole response with a problem per item, so
 * nothing half-valid is stored; missing answers make only their subscales incomplete.
 */
export function scoreResponse(instrument: Instrument, answers: Answers): ScoreResponseResult {
  const problems = findAnswerProblems(instrument, answers);
  if (problems.length > 0) return { ok: false, instrumentId: instrument.id, problems };

  const subscales = instrument.subscales.map((subscale) => scoreSubscale(instrument, subscale, answers));
  const supportFlags: SupportFlag[] = [];
  for (const result of subscales) {
    if (result.status === 'complete' && result.suggestsSupport) {
      supportFlags.push({
        subscaleId: result.subscaleId,
        subscaleName: result.name,
        bandId: result.band.id,
        bandLabel: result.band.label,
      });
    }
  }
  return {
    ok: true,
    instrumentId: instrument.id,
    subscales,
    isComplete: subscales.every((result) => result.status === 'complete'),
    supportFlags,
  };
}

/** Every problem with the answers, one per offending item, in item order. Empty when all is well. */
export function findAnswerProblems(instrument: Instrument, answers: Answers): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  // Object.entries lists integer-like keys in ascending order, then any other keys.
  for (const [key, value] of Object.entries(answers as Readonly<Record<string, unknown>>)) {
    const item = /^[1-9][0-9]*$/.test(key)
      ? instrument.items.find((candidate) => candidate.number === Number(key))
      : undefined;
    if (!item) {
      problems.push({
        code: 'UNKNOWN_ITEM',
        item: key,
        message: `${instrument.shortName} has no item "${key}"; its items are numbered 1 to ${instrument.items.length}.`,
      });
      continue;
    }
    if (value === null || value === undefined) continue;
    const allowedValues = responseScaleOf(instrument, item)
      .options.map((option) => option.value)
      .sort((a, b) => a - b);
    if (typeof value !== 'number' || !allowedValues.includes(value)) {
      problems.push({
        code: 'ANSWER_OUT_OF_SCALE',
        itemNumber: item.number,
        value,
        allowedValues,
        message: `Item ${item.number} of ${instrument.shortName} accepts ${listValues(allowedValues)}; it received ${describeValue(value)}.`,
      });
    }
  }
  return problems;
}

/** The score one item contributes to `subscale`: mapped through `itemScores`, then reversed if keyed so. */
export function scoreItem(
  instrument: Instrument,
  subscale: Subscale,
  itemNumber: number,
  value: number,
): number {
  const mapped = subscale.itemScores ? subscale.itemScores[value] : value;
  if (mapped === undefined) {
    throw new RangeError(`${instrument.id} ${subscale.id} has no item score for answer ${value}`);
  }
  const reverse = instrument.reverseScoring;
  return reverse?.items.includes(itemNumber) ? reverse.subtractFrom - mapped : mapped;
}

function scoreSubscale(instrument: Instrument, subscale: Subscale, answers: Answers): SubscaleScore {
  const missingItems = subscale.items.filter((itemNumber) => typeof answers[itemNumber] !== 'number');
  const allowed = subscale.aggregation === 'mean' ? (subscale.missingAnswers?.maximum ?? 0) : 0;
  if (missingItems.length > allowed || missingItems.length === subscale.items.length) {
    return { subscaleId: subscale.id, name: subscale.name, status: 'incomplete', missingItems };
  }
  const answered = subscale.items.filter((itemNumber) => typeof answers[itemNumber] === 'number');
  let sum = 0;
  for (const itemNumber of answered) {
    sum += scoreItem(instrument, subscale, itemNumber, answers[itemNumber] as number);
  }
  const rawScore = subscale.aggregation === 'sum' ? sum : sum / answered.length;
  const score = roundScore(rawScore * subscale.multiplier, subscale.decimals);
  const band = findBand(subscale, score);
  if (!band) throw new RangeError(`${instrument.id} ${subscale.id}: score ${score} lies outside every band`);
  return {
    subscaleId: subscale.id,
    name: subscale.name,
    status: 'complete',
    rawScore,
    score,
    band: { id: band.id, label: band.label, meaning: band.meaning },
    suggestsSupport: band.suggestsSupport,
    ...(missingItems.length > 0 ? { missingItems } : {}),
  };
}

function listValues(values: readonly number[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  if (typeof value === 'number') return String(value);
  return `a value of type ${Array.isArray(value) ? 'array' : typeof value}`;
}
