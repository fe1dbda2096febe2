import { type Instrument, responseScaleOf, type Subscale } from './instrument.ts';
import type { Answers } from './score-response.ts';

/**
 * FHIR R4 exports of an instrument (Questionnaire) and of one person's answers
 * (QuestionnaireResponse), so another system can render, score and store them.
 *
 * - Each item is a `choice` whose answer options carry the item score as the `itemWeight`
 *   extension: reversed items carry the reversed score (ProQOL burnout item 1: "Never" weighs 5),
 *   mapped items the mapped score (CBI: 100/75/50/25/0).
 * - Each subscale is a read-only item whose SDC `calculatedExpression` sums (or averages) the
 *   weights of its items in FHIRPath, then applies the multiplier (WHO-5: × 4).
 * Shape: /work/shared/instruments/fhir-proqol-bo-skeleton.json.
 */

export const itemWeightUrl = 'http://hl7.org/fhir/StructureDefinition/itemWeight';
export const calculatedExpressionUrl =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';

type Coding = { system: string; code: string; display: string };
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
  const weights = `%resource.item.where(linkId in (${ids})).answer.value.weight()`;
  const aggregated =
    subscale.aggregation === 'sum' ? `${weights}.sum()` : `(${weights}.sum() / ${subscale.items.length})`;
  return subscale.multiplier === 1 ? aggregated : `${aggregated} * ${subscale.multiplier}`;
}

/** The instrument (already rendered with the audience's terms) as a FHIR R4 Questionnaire. */
export function toFhirQuestionnaire(instrument: Instrument, options: { baseUrl: string }): FhirQuestionnaire {
  const items: FhirQuestionnaireItem[] = instrument.items.map((item) => ({
    linkId: itemLinkId(item.number),
    type: 'choice',
    text: item.text,
    required: true,
    answerOption: responseScaleOf(instrument, item).options.map((option) => ({
      extension: [{ url: itemWeightUrl, valueDecimal: weightOf(instrument, item.number, option.value) }],
      valueCoding: {
        system: scaleSystem(instrument, item.responseScaleId),
        code: String(option.value),
        display: option.label,
      },
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
    url: questionnaireUrl(instrument, options.baseUrl),
    name: instrument.id.replace(/[^A-Za-z0-9]/g, ''),
    title: instrument.name,
    version: instrument.version,
    status: 'active',
    description: instrument.instructions,
    copyright: [...instrument.licence.notices, instrument.citation].join(' '),
    item: [...items, ...scores],
  };
}

export function questionnaireUrl(instrument: Instrument, baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/instruments/${instrument.id}/fhir`;
}

/** One person's answers as a QuestionnaireResponse; unanswered items are left out, as FHIR expects. */
export function toFhirQuestionnaireResponse(
  instrument: Instrument,
  answers: Answers,
  options: { baseUrl: string; authored: string; isComplete: boolean },
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
        answer: [
          {
            valueCoding: {
              system: scaleSystem(instrument, entry.responseScaleId),
              code: String(option.value),
              display: option.label,
            },
          },
        ],
      },
    ];
  });
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: questionnaireUrl(instrument, options.baseUrl),
    status: options.isComplete ? 'completed' : 'in-progress',
    authored: options.authored,
    item,
  };
}
