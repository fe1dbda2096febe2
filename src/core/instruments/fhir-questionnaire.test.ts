import { describe, expect, it } from 'vitest';
import { instruments } from './catalog.ts';
import {
  calculatedExpressionUrl,
  itemWeightUrl,
  toFhirQuestionnaire,
  toFhirQuestionnaireResponse,
} from './fhir-questionnaire.ts';
import { proqol5 } from './proqol-5.ts';
import { renderInstrument } from './render-instrument.ts';
import { scoreResponse } from './score-response.ts';

const baseUrl = 'https://tend.example.org';

/** Evaluates the only FHIRPath shape the export writes: a sum (or mean) of answer weights, times a multiplier. */
function evaluateScore(
  expression: string,
  questionnaire: ReturnType<typeof toFhirQuestionnaire>,
  answers: Record<number, number>,
) {
  const linkIds = [...expression.matchAll(/'(q\d+)'/g)].map((match) => match[1]);
  let sum = 0;
  for (const linkId of linkIds) {
    const item = questionnaire.item.find((entry) => entry.linkId === linkId);
    const option = item?.answerOption?.find(
      (entry) => entry.valueCoding.code === String(answers[Number(linkId?.slice(1))]),
    );
    const weight = option?.extension.find((extension) => extension.url === itemWeightUrl);
    sum += weight && 'valueDecimal' in weight ? weight.valueDecimal : Number.NaN;
  }
  const divisor = /\/ (\d+)\)/.exec(expression);
  const multiplier = /\* (\d+)$/.exec(expression);
  return (divisor ? sum / Number(divisor[1]) : sum) * (multiplier ? Number(multiplier[1]) : 1);
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
        expect(expression).toMatch(/^\(?%resource\.item\.where\(linkId in \(/);
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
});
