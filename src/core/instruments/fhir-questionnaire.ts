import { type Instrument, responseScaleOf, type Subscale } from './instrument.ts';
import type { Answers } from './score-response.ts';

/**
 * FHIR R4 exports of an instrument (Questionnaire) and of one person's answers
 * (QuestionnaireResponse), so another system can render, score and store them.
 *
 * - Each item is a `choice` whose answer options carry the item score twice, so R4 tools that know
 *   either can score: R4 core's `ordinalValue` on the option's coding and the extensions pack's
 *   `itemWeight` on the option. Reversed items carry the reversed score (ProQOL burnout item 1:
 *   "Never" weighs 5), mapped items the mapped score (CBI: 100/75/50/25/0).
 * - Each subscale is a read-only item whose SDC `calculatedExpression` sums (or averages) the
 *   weights of its items in FHIRPath and applies the multiplier (WHO-5: × 4) — only when enough
 *   items are answered (all of them, or as many as the authors' missing-answer rule allows):
 *   otherwise it gives no value, as Tend reports the subscale incomplete.
 * - `name` follows R4's pattern (a capital letter, then letters, digits or _), and a response's
 *   items carry the same texts as the Questionnaire it points to (same helper term).
 * Shape: /work/shared/instruments/fhir-proqol-bo-skeleton.json.
 */

export const itemWeightUrl = 'http://hl7.org/fhir/StructureDefinition/itemWeight';
export const ordinalValueUrl = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
export const calculatedExpressionUrl =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';

type Coding = { system: string; code: string; display: string; extension?: Extension[] };
type Extension =
  | { url: string; valueDecimal: number }
  | { url: string; valueExpression: { language: string; expression: string } };

export type FhirQuestionnaireItem = {
  linkId: string;
  type: 'choice' | 'decimal' | 'display';
  text: string;
  required?: boolean;
  readOnly?: boolean;
  answerOption?: { extension: Extension[]; valueCoding: Coding }[];
  extension?: Extension[];
};

export type FhirQuestionnaire = {
  resourceType: 'Questionnaire';
  url: string;
  name: string;
  title: string;
  version: string;
  status: 'active';
  description: string;
  copyright: string;
  item: FhirQuestionnaireItem[];
};

export type FhirQuestionnaireResponse = {
  resourceType: 'QuestionnaireResponse';
  questionnaire: string;
  status: 'completed' | 'in-progress';
  authored: string;
  item: { linkId: string; text: string; answer: { valueCoding: Coding }[] }[];
};

export function itemLinkId(itemNumber: number): string {
  return `q${itemNumber}`;
}

function scaleSystem(instrument: Instrument, scaleId: string): string {
  return `urn:tend:instrument:${instrument.id}:scale:${scaleId}`;
}

/** The item score an answer contributes, or null for an item in no subscale (none shipped). */
function weightOf(instrument: Instrument, itemNumber: number, value: number): number {
  const subscale = instrument.subscales.find((candidate) => candidate.items.includes(itemNumber));
  const mapped = subscale?.itemScores ? (subscale.itemScores[value] ?? value) : value;
  const reverse = instrument.reverseScoring;
  return reverse?.items.includes(itemNumber) ? reverse.subtractFrom - mapped : mapped;
}

function subscaleExpression(subscale: Subscale): string {
  const ids = subscale.items.map((number) => `'${itemLinkId(number)}'`).join('|');
  const answers = `%resource.item.where(linkId in (${ids})).answer`;
  const weights = `${answers}.value.weight()`;
  const allowedMissing = subscale.aggregation === 'mean' ? (subscale.missingAnswers?.maximum ?? 0) : 0;
  const needed = subscale.items.length - allowedMissing;
  // A mean with missing answers allowed divides by the answers given, as its authors score it.
  const divisor = allowedMissing > 0 ? `${answers}.count()` : String(subscale.items.length);
  const aggregated = subscale.aggregation === 'sum' ? `${weights}.sum()` : `(${weights}.sum() / ${divisor})`;
  const scored = subscale.multiplier === 1 ? aggregated : `${aggregated} * ${subscale.multiplier}`;
  const condition =
    allowedMissing > 0 ? `${answers}.count() >= ${needed}` : `${answers}.count() = ${subscale.items.length}`;
  return `iif(${condition}, ${scored})`;
}

/** R4's Questionnaire.name pattern: `[A-Z]([A-Za-z0-9_]){0,254}`. */
export function fhirNameOf(instrumentId: string): string {
  const words = instrumentId.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return /^[A-Z]/.test(name) ? name.slice(0, 255) : `Q${name}`.slice(0, 255);
}

/**
 * The instrument (already rendered with the audience's terms) as a FHIR R4 Questionnaire. Pass the
 * `helperTerm` it was rendered with: each rendering has its own texts, so its own canonical `url`,
 * the one a QuestionnaireResponse answered with those texts names (`toFhirQuestionnaireResponse`).
 */
export function toFhirQuestionnaire(
  instrument: Instrument,
  options: { baseUrl: string; helperTerm?: string | null },
): FhirQuestionnaire {
  const items: FhirQuestionnaireItem[] = instrument.items.map((item) => ({
    linkId: itemLinkId(item.number),
    type: 'choice',
    text: item.text,
    required: true,
    answerOption: responseScaleOf(instrument, item).options.map((option) => ({
      extension: [{ url: itemWeightUrl, valueDecimal: weightOf(instrument, item.number, option.value) }],
      valueCoding: codingOf(instrument, item.number, item.responseScaleId, option),
    })),
  }));
  const scores: FhirQuestionnaireItem[] = instrument.subscales.map((subscale) => ({
    linkId: `${subscale.id}-score`,
    type: 'decimal',
    text: `${subscale.name} score`,
    readOnly: true,
    extension: [
      {
        url: calculatedExpressionUrl,
        valueExpression: { language: 'text/fhirpath', expression: subscaleExpression(subscale) },
      },
    ],
  }));
  return {
    resourceType: 'Questionnaire',
    url: questionnaireUrl(instrument, options.baseUrl, options.helperTerm),
    name: fhirNameOf(instrument.id),
    title: instrument.name,
    version: instrument.version,
    status: 'active',
    description: instrument.instructions,
    copyright: [...instrument.licence.notices, instrument.citation].join(' '),
    item: [...items, ...scores],
  };
}

/** The coding of one answer, with its score as R4's `ordinalValue`. */
function codingOf(
  instrument: Instrument,
  itemNumber: number,
  responseScaleId: string,
  option: { value: number; label: string },
): Coding {
  return {
    extension: [{ url: ordinalValueUrl, valueDecimal: weightOf(instrument, itemNumber, option.value) }],
    system: scaleSystem(instrument, responseScaleId),
    code: String(option.value),
    display: option.label,
  };
}

/**
 * The canonical URL of one rendering of the instrument, where it is served: with the helper term its
 * texts were rendered with, if any (trimmed, as rendering trims it). Questionnaire.url and
 * QuestionnaireResponse.questionnaire both come from here, so they are the same string.
 */
export function questionnaireUrl(
  instrument: Instrument,
  baseUrl: string,
  helperTerm?: string | null,
): string {
  const url = `${baseUrl.replace(/\/+$/, '')}/api/instruments/${instrument.id}/fhir`;
  const term = helperTerm?.trim();
  return term ? `${url}?helperTerm=${encodeURIComponent(term)}` : url;
}

/**
 * One person's answers as a QuestionnaireResponse; unanswered items are left out, as FHIR expects.
 * `instrument` must be rendered as the Questionnaire was (pass the same `helperTerm`), so the items'
 * texts match. Every item is required, so a response missing one is `in-progress`, even once
 * submitted (Tend may still score a subscale from fewer items where its authors allow it).
 */
export function toFhirQuestionnaireResponse(
  instrument: Instrument,
  answers: Answers,
  options: { baseUrl: string; authored: string; isComplete: boolean; helperTerm?: string | null },
): FhirQuestionnaireResponse {
  const item = instrument.items.flatMap((entry) => {
    const value = answers[entry.number];
    if (typeof value !== 'number') return [];
    const option = responseScaleOf(instrument, entry).options.find((candidate) => candidate.value === value);
    if (!option) return [];
    return [
      {
        linkId: itemLinkId(entry.number),
        text: entry.text,
        answer: [{ valueCoding: codingOf(instrument, entry.number, entry.responseScaleId, option) }],
      },
    ];
  });
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: questionnaireUrl(instrument, options.baseUrl, options.helperTerm),
    status: options.isComplete && item.length === instrument.items.length ? 'completed' : 'in-progress',
    authored: options.authored,
    item,
  };
}
