/**
 * A validated questionnaire as plain data: its exact wording, response scales, scoring key,
 * interpretation bands, published reliability and licence. Scoring (`score-response.ts`) and
 * rendering (`render-instrument.ts`) read nothing but this shape, so a new instrument is a new
 * data file, not new code.
 */

/** One answer a participant can pick: the stored `value` and the words shown beside it. */
export type ResponseOption = {
  value: number;
  label: string;
};

/** The answers an item offers, in the order they are shown. */
export type ResponseScale = {
  id: string;
  options: readonly ResponseOption[];
};

export type Item = {
  /** 1-based, as numbered on the published form. */
  number: number;
  /** Exact published wording (bracketed words such as `[helper]` included, see `replaceableWords`). */
  text: string;
  responseScaleId: string;
};

/** Whether a rising score is good news (resilience, well-being) or not (burnout, stress). */
export type ScoreDirection = 'higher-is-better' | 'lower-is-better';

/**
 * A range of the subscale's reported score with what it means, in plain, non-alarming language.
 * `min` and `max` are inclusive and compared with the score as reported (rounded to the
 * subscale's `decimals`); every reachable score falls in exactly one band (checked by tests).
 */
export type Band = {
  id: string;
  label: string;
  meaning: string;
  min: number;
  max: number;
  /** A score here shows the person support resources, privately. Nobody else is told. */
  suggestsSupport: boolean;
};

/**
 * The reliability coefficient used for the Jacobson–Truax Reliable Change Index, with where it
 * was published. `unknown` means Tend does not compute reliable change for the subscale.
 */
export type Reliability =
  | {
      status: 'published';
      coefficient: number;
      kind: 'cronbach-alpha' | 'test-retest';
      source: string;
    }
  | { status: 'unknown'; note: string };

/**
 * How a subscale is scored: each answer becomes an item score (through `itemScores` when the
 * published key maps answers to other numbers, as the CBI does with 0/25/50/75/100), reversed
 * items become `reverseScoring.subtractFrom − item score`, the item scores are summed or
 * averaged, and the result is multiplied by `multiplier` (WHO-5: × 4).
 */
export type Subscale = {
  id: string;
  name: string;
  abbreviation: string;
  /** What the subscale measures, in a sentence a participant understands. */
  description: string;
  items: readonly number[];
  aggregation: 'sum' | 'mean';
  /** Answer value → item score. Absent: the answer value is the item score. */
  itemScores?: Readonly<Record<number, number>>;
  multiplier: number;
  /** Decimal places of the reported score; bands are read on the rounded score. */
  decimals: number;
  /** Lowest and highest reachable reported score. */
  range: { min: number; max: number };
  direction: ScoreDirection;
  bands: readonly Band[];
  /** True when the bands come from the instrument's authors, false for a common convention. */
  bandsAreOfficial: boolean;
  bandsSource: string;
  reliability: Reliability;
  /**
   * How many unanswered items the authors' scoring allows: the subscale (a mean) is then the mean
   * of the answered items. Absent: every item must be answered, as ProQOL, PSS-10 and WHO-5 ask.
   */
  missingAnswers?: { maximum: number; source: string };
  /** A change this large (in reported points) is meaningful according to the instrument's literature. */
  meaningfulChange?: { points: number; source: string };
};

export type ReverseScoring = {
  items: readonly number[];
  /** Reversed item score = subtractFrom − item score (ProQOL and BRS 6 − x, PSS-10 4 − x, CBI 100 − x). */
  subtractFrom: number;
};

/**
 * A word in the published wording that the licence lets the organisation replace with a term
 * for its audience (ProQOL's `[helper]`, the CBI's "clients"). `term` names the
 * `renderInstrument` option that replaces it; without that option `defaultText` is shown.
 */
export type ReplaceableWord = {
  token: string;
  defaultText: string;
  term?: 'helper' | 'client';
};

export type Licence = {
  /** One line for the administrator: may the organisation use it, and on what terms. */
  summary: string;
  /** Shown verbatim with the questionnaire and with every result drawn from it. */
  notices: readonly string[];
  links: readonly { label: string; url: string }[];
  /** What the organisation agrees to respect by switching the instrument on. */
  conditions: readonly string[];
  /**
   * A condition on who may use the instrument at all, which the admin screen must show and the
   * administrator confirm before switching it on (PSS-10: non-profit academic or educational use).
   */
  useCondition: { text: string; source: string } | null;
  /** The name to show once wording changes beyond the replaceable words (see `alterWording`). */
  nameWhenAltered: string;
  sources: readonly string[];
};

/** Whether the wording shown differs from the published wording beyond the replaceable words. */
export type Wording = { isAltered: false } | { isAltered: true; description: string };

export type Instrument = {
  /** Kebab-case, stable: stored with every response. */
  id: string;
  name: string;
  shortName: string;
  version: string;
  citation: string;
  instructions: string;
  /** The period the items ask about, e.g. 'last 30 days'; null when the form names none. */
  recallPeriod: string | null;
  responseScales: readonly ResponseScale[];
  items: readonly Item[];
  reverseScoring: ReverseScoring | null;
  subscales: readonly Subscale[];
  replaceableWords: readonly ReplaceableWord[];
  wording: Wording;
  licence: Licence;
};

/** The response scale an item uses. Throws only for a malformed definition (tests check all shipped ones). */
export function responseScaleOf(instrument: Instrument, item: Item): ResponseScale {
  const scale = instrument.responseScales.find((candidate) => candidate.id === item.responseScaleId);
  if (!scale) {
    throw new RangeError(`${instrument.id} item ${item.number} names unknown scale ${item.responseScaleId}`);
  }
  return scale;
}

export function findSubscale(instrument: Instrument, subscaleId: string): Subscale | undefined {
  return instrument.subscales.find((subscale) => subscale.id === subscaleId);
}

/** Rounds half away from zero to `decimals` places, the way scores are reported and banded. */
export function roundScore(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // The small nudge keeps 4.165 (stored as 4.16499999…) rounding to 4.17.
  const rounded = Math.round(scaled + scaled * Number.EPSILON * 4) / factor;
  return value < 0 ? -rounded : rounded;
}

/** The band a reported score falls in, or undefined when it lies outside every band. */
export function findBand(subscale: Subscale, score: number): Band | undefined {
  const reported = roundScore(score, subscale.decimals);
  return subscale.bands.find((band) => reported >= band.min && reported <= band.max);
}
