import type { Instrument } from './instrument.ts';

/**
 * Perceived Stress Scale, 10-item version (PSS-10): how unpredictable, uncontrollable and
 * overloaded life felt in the last month. Answers 0–4; items 4, 5, 7 and 8 reversed (4 − x);
 * score = sum, 0–40.
 *
 * Wording and key: /work/shared/instruments/pss10.json. The authors publish no cut-offs (LOINC
 * and PhenX say so explicitly), so the low/moderate/high bands below are a common convention,
 * marked `bandsAreOfficial: false`, and no band prompts the support message.
 *
 * Use condition: free without permission for non-profit academic research or educational use
 * only. `licence.useCondition` carries that text so the admin screen shows it before the scale is
 * switched on; commercial use needs the rights holder's permission.
 */

const frequency = 'frequency';

export const perceivedStressScale10: Instrument = {
  id: 'perceived-stress-scale-10',
  name: 'Perceived Stress Scale (10-item)',
  shortName: 'PSS-10',
  version: '10-item (1988)',
  citation:
    'Cohen S, Kamarck T, Mermelstein R. A global measure of perceived stress. J Health Soc Behav. 1983;24:385-396. Cohen S, Williamson G. Perceived stress in a probability sample of the United States. In: Spacapan S, Oskamp S, eds. The Social Psychology of Health. Newbury Park, CA: Sage; 1988.',
  instructions:
    'The questions in this scale ask you about your feelings and thoughts during the last month. In each case, you will be asked to indicate by circling how often you felt or thought a certain way.',
  recallPeriod: 'last month',
  responseScales: [
    {
      id: frequency,
      options: [
        { value: 0, label: 'Never' },
        { value: 1, label: 'Almost Never' },
        { value: 2, label: 'Sometimes' },
        { value: 3, label: 'Fairly Often' },
        { value: 4, label: 'Very Often' },
      ],
    },
  ],
  items: [
    {
      number: 1,
      text: 'In the last month, how often have you been upset because of something that happened unexpectedly?',
      responseScaleId: frequency,
    },
    {
      number: 2,
      text: 'In the last month, how often have you felt that you were unable to control the important things in your life?',
      responseScaleId: frequency,
    },
    {
      number: 3,
      text: 'In the last month, how often have you felt nervous and "stressed"?',
      responseScaleId: frequency,
    },
    {
      number: 4,
      text: 'In the last month, how often have you felt confident about your ability to handle your personal problems?',
      responseScaleId: frequency,
    },
    {
      number: 5,
      text: 'In the last month, how often have you felt that things were going your way?',
      responseScaleId: frequency,
    },
    {
      number: 6,
      text: 'In the last month, how often have you found that you could not cope with all the things that you had to do?',
      responseScaleId: frequency,
    },
    {
      number: 7,
      text: 'In the last month, how often have you been able to control irritations in your life?',
      responseScaleId: frequency,
    },
    {
      number: 8,
      text: 'In the last month, how often have you felt that you were on top of things?',
      responseScaleId: frequency,
    },
    {
      number: 9,
      text: 'In the last month, how often have you been angered because of things that were outside of your control?',
      responseScaleId: frequency,
    },
    {
      number: 10,
      text: 'In the last month, how often have you felt difficulties were piling up so high that you could not overcome them?',
      responseScaleId: frequency,
    },
  ],
  // 0→4, 1→3, 2→2, 3→1, 4→0.
  reverseScoring: { items: [4, 5, 7, 8], subtractFrom: 4 },
  subscales: [
    {
      id: 'perceived-stress',
      name: 'Perceived stress',
      abbreviation: 'PSS',
      description: 'How unpredictable, uncontrollable and overloaded your life has felt in the last month.',
      items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      aggregation: 'sum',
      multiplier: 1,
      decimals: 0,
      range: { min: 0, max: 40 },
      direction: 'lower-is-better',
      bandsAreOfficial: false,
      bandsSource:
        'Common convention (0–13 low, 14–26 moderate, 27–40 high), not from the authors: the PSS has no official cut-offs.',
      bands: [
        {
          id: 'low',
          label: 'Lower',
          meaning: 'Life has felt fairly manageable to you over the last month.',
          min: 0,
          max: 13,
          suggestsSupport: false,
        },
        {
          id: 'moderate',
          label: 'Moderate',
          meaning:
            'Life has felt stressful at times over the last month, as it does for many people in health care and training.',
          min: 14,
          max: 26,
          suggestsSupport: false,
        },
        {
          id: 'high',
          label: 'Higher',
          meaning:
            'Life has often felt stressful and hard to control over the last month. Stress rises and falls; the skills in this program and the people around you can help.',
          min: 27,
          max: 40,
          suggestsSupport: false,
        },
      ],
      // Not in the shared data. Cohen & Williamson (1988), US probability sample:
      // Cronbach's alpha = .78 for the PSS-10.
      reliability: {
        status: 'published',
        coefficient: 0.78,
        kind: 'cronbach-alpha',
        source: 'Cohen & Williamson (1988), US probability sample.',
      },
    },
  ],
  replaceableWords: [],
  wording: { isAltered: false },
  licence: {
    summary:
      'Free without permission for non-profit academic research or educational use. Commercial use is not covered: ask the rights holder first.',
    notices: [
      'Perceived Stress Scale: Cohen S, Kamarck T, Mermelstein R. A global measure of perceived stress. J Health Soc Behav. 1983;24:385-396; 10-item version: Cohen S, Williamson G, 1988.',
    ],
    links: [{ label: 'LOINC 64394-0', url: 'https://loinc.org/64394-0' }],
    conditions: [
      'Use only for non-profit academic research or educational purposes, unless the rights holder has given permission.',
      'Cite Cohen, Kamarck & Mermelstein (1983) and Cohen & Williamson (1988).',
    ],
    useCondition: {
      text: 'Permission for use of scales is not necessary when use is for nonprofit academic research or educational purposes.',
      source: 'https://loinc.org/64394-0',
    },
    nameWhenAltered: 'Adapted from the Perceived Stress Scale (10-item)',
    sources: ['https://loinc.org/64394-0', 'http://www.psy.cmu.edu/~scohen/PSSscore.html'],
  },
};
