import { describe, expect, it } from 'vitest';
import { briefResilienceScale } from './brief-resilience-scale.ts';
import { instruments } from './catalog.ts';
import {
  calculatedExpressionUrl,
  itemWeightUrl,
  ordinalValueUrl,
  toFhirQuestionnaire,
  toFhirQuestionnaireResponse,
} from './fhir-questionnaire.ts';
import { proqol5 } from './proqol-5.ts';
import { renderInstrument } from './render-instrument.ts';
import { scoreResponse } from './score-response.ts';
import { who5 } from './who-5.ts';

const baseUrl = 'https://tend.example.org';

/**
 * Evaluates the only FHIRPath shape the export writes — `iif(<answers>.count() = N (or >= N),
 * (<weights>.sum() / <divisor>) * <multiplier>)` — against answers, reading each answer's weight
 * from R4 core's `ordinalValue` on the coding and checking the `itemWeight` beside it agrees.
 * Null where FHIRPath gives no value.
 */
function evaluateScore(
  expression: string,
  questionnaire: ReturnType<typeof toFhirQuestionnaire>,
  answers: Record<number, number | null>,
): number | null {
  const linkIds = [...new Set([...expression.matchAll(/'(q\d+)'/g)].map((match) => match[1] as string))];
  const weights: number[] = [];
  for (const linkId of linkIds) {
    const answer = answers[Number(linkId.slice(1))];
    if (typeof answer !== 'number') continue;
    const item = questionnaire.item.find((entry) => entry.linkId === linkId);
    const option = item?.answerOption?.find((entry) => entry.valueCoding.code === String(answer));
    const ordinal = option?.valueCoding.extension?.find((extension) => extension.url === ordinalValueUrl);
    const weight = option?.extension.find((extension) => extension.url === itemWeightUrl);
    const ordinalValue = ordinal && 'valueDecimal' in ordinal ? ordinal.valueDecimal : Number.NaN;
    expect(weight && 'valueDecimal' in weight ? weight.valueDecimal : Number.NaN).toBe(ordinalValue);
    weights.push(ordinalValue);
  }
  const condition = /^iif\(.*?\.answer\.count\(\) (=|>=) (\d+), /.exec(expression);
  if (!condition) throw new Error(`unexpected expression ${expression}`);
  const needed = Number(condition[2]);
  if (condition[1] === '=' ? weights.length !== needed : weights.length < needed) return null;
  const sum = weights.reduce((total, value) => total + value, 0);
  const fixedDivisor = /\.sum\(\) \/ (\d+)\)/.exec(expression);
  const countDivisor = /\.sum\(\) \/ %resource.*\.count\(\)\)/.test(expression);
  const multiplier = /\* (\d+)\)$/.exec(expression);
  const aggregated = fixedDivisor ? sum / Number(fixedDivisor[1]) : countDivisor ? sum / weights.length : sum;
  return aggregated * (multiplier ? Number(multiplier[1]) : 1);
}

describe('FHIR Questionnaire export', () => {
  it('weights a reversed ProQOL burnout item backwards and a plain one forwards', () => {
    const questionnaire = toFhirQuestionnaire(renderInstrument(proqol5, { helperTerm: 'nurse' }), {
      baseUrl,
    });
    const weights = (linkId: string) =>
      questionnaire.item
        .find((item) => item.linkId === linkId)
        ?.answerOption?.map((option) => (option.extension[0] as { valueDecimal: number }).valueDecimal);
    expect(weights('q1')).toEqual([5, 4, 3, 2, 1]);
    expect(weights('q8')).toEqual([1, 2, 3, 4, 5]);
    expect(questionnaire.item.find((item) => item.linkId === 'q7')?.text).toContain('as a nurse');
    expect(questionnaire.copyright).toContain('ProQOL');
  });

  it('sums each subscale with an SDC calculatedExpression that gives the same score as Tend', () => {
    for (const instrument of instruments) {
      const questionnaire = toFhirQuestionnaire(renderInstrument(instrument), { baseUrl });
      const answers: Record<number, number> = {};
      instrument.items.forEach((item, index) => {
        const options =
          instrument.responseScales.find((scale) => scale.id === item.responseScaleId)?.options ?? [];
        answers[item.number] = options[(index * 7 + 3) % options.length]?.value as number;
      });
      const scored = scoreResponse(instrument, answers);
      if (!scored.ok) throw new Error('test answers invalid');
      for (const subscale of instrument.subscales) {
        const item = questionnaire.item.find((entry) => entry.linkId === `${subscale.id}-score`);
        const extension = item?.extension?.[0];
        expect(extension?.url).toBe(calculatedExpressionUrl);
        const expression =
          extension && 'valueExpression' in extension ? extension.valueExpression.expression : '';
        expect(expression).toMatch(/^iif\(%resource\.item\.where\(linkId in \(/);
        const score = scored.subscales.find((entry) => entry.subscaleId === subscale.id);
        expect(score?.status).toBe('complete');
        if (score?.status === 'complete')
          expect(evaluateScore(expression, questionnaire, answers)).toBeCloseTo(
            score.rawScore * subscale.multiplier,
            6,
          );
      }
    }
  });

  it('turns answers into a QuestionnaireResponse that leaves unanswered items out', () => {
    const response = toFhirQuestionnaireResponse(
      proqol5,
      { 1: 4, 2: 5, 3: null },
      {
        baseUrl,
        authored: '2027-01-05T10:00:00.000Z',
        isComplete: false,
      },
    );
    expect(response).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'in-progress' });
    expect(response.questionnaire).toBe(`${baseUrl}/api/instruments/proqol-5/fhir`);
    expect(response.item.map((item) => [item.linkId, item.answer[0]?.valueCoding.code])).toEqual([
      ['q1', '4'],
      ['q2', '5'],
    ]);
  });

  it('gives no total for a subscale Tend reports incomplete, and the authors’ score where they allow gaps', () => {
    for (const [instrument, missingItem] of [
      [who5, 3],
      [proqol5, 1],
      [briefResilienceScale, 6],
    ] as const) {
      const questionnaire = toFhirQuestionnaire(renderInstrument(instrument), { baseUrl });
      const answers: Record<number, number | null> = {};
      for (const item of instrument.items) {
        const options =
          instrument.responseScales.find((scale) => scale.id === item.responseScaleId)?.options ?? [];
        answers[item.number] = item.number === missingItem ? null : (options[1]?.value as number);
      }
      const scored = scoreResponse(instrument, answers);
      if (!scored.ok) throw new Error('test answers invalid');
      for (const subscale of instrument.subscales) {
        const item = questionnaire.item.find((entry) => entry.linkId === `${subscale.id}-score`);
        const extension = item?.extension?.[0];
        const expression =
          extension && 'valueExpression' in extension ? extension.valueExpression.expression : '';
        const tend = scored.subscales.find((entry) => entry.subscaleId === subscale.id);
        const value = evaluateScore(expression, questionnaire, answers);
        if (tend?.status === 'complete') expect(value).toBeCloseTo(tend.rawScore * subscale.multiplier, 6);
        else expect(value).toBeNull();
      }
    }
  });

  it('names the Questionnaire as R4 requires', () => {
    for (const instrument of instruments) {
      expect(toFhirQuestionnaire(instrument, { baseUrl }).name).toMatch(/^[A-Z]([A-Za-z0-9_]){0,254}$/);
    }
  });

  it('marks a submitted response with a required item missing as in-progress, its texts and weights as the Questionnaire’s', () => {
    const rendered = renderInstrument(proqol5, { helperTerm: 'nurse' });
    const questionnaire = toFhirQuestionnaire(rendered, { baseUrl });
    const answers = Object.fromEntries(
      proqol5.items.map((item) => [item.number, item.number === 30 ? null : 3]),
    );
    const response = toFhirQuestionnaireResponse(rendered, answers, {
      baseUrl,
      authored: '2027-01-05T10:00:00.000Z',
      isComplete: true,
      helperTerm: 'nurse',
    });
    expect(response.status).toBe('in-progress');
    expect(response.questionnaire).toBe(`${baseUrl}/api/instruments/proqol-5/fhir?helperTerm=nurse`);
    for (const item of response.item) {
      const asked = questionnaire.item.find((entry) => entry.linkId === item.linkId);
      expect(item.text).toBe(asked?.text);
      expect(item.answer[0]?.valueCoding.extension?.[0]?.url).toBe(ordinalValueUrl);
    }
  });

  it('points every QuestionnaireResponse at the url of the Questionnaire served for it, whose item texts it repeats', () => {
    for (const instrument of instruments) {
      for (const helperTerm of [null, 'nurse', ' pharmacy student ']) {
        // As the routes do: the Questionnaire rendered for ?helperTerm=…, the response for its window.
        const rendered = renderInstrument(instrument, helperTerm ? { helperTerm } : {});
        const questionnaire = toFhirQuestionnaire(rendered, { baseUrl, helperTerm });
        const answers = Object.fromEntries(
          instrument.items.map((item) => {
            const scale = instrument.responseScales.find((entry) => entry.id === item.responseScaleId);
            return [item.number, scale?.options[0]?.value as number];
          }),
        );
        const response = toFhirQuestionnaireResponse(rendered, answers, {
          baseUrl,
          authored: '2027-01-05T10:00:00.000Z',
          isComplete: true,
          helperTerm,
        });
        expect(response.questionnaire).toBe(questionnaire.url);
        expect(response.item).toHaveLength(instrument.items.length);
        for (const item of response.item) {
          expect(item.text).toBe(questionnaire.item.find((entry) => entry.linkId === item.linkId)?.text);
        }
      }
    }
    const nurses = toFhirQuestionnaire(renderInstrument(proqol5, { helperTerm: 'nurse' }), {
      baseUrl,
      helperTerm: 'nurse',
    });
    expect(nurses.url).toBe(`${baseUrl}/api/instruments/proqol-5/fhir?helperTerm=nurse`);
    expect(toFhirQuestionnaire(renderInstrument(proqol5), { baseUrl }).url).toBe(
      `${baseUrl}/api/instruments/proqol-5/fhir`,
    );
  });
});
