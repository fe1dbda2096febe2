import type { Instrument } from './instrument.ts';

/**
 * Brief Resilience Scale (BRS): six statements about bouncing back from stress; the score is the
 * mean of the six item scores (1.00–5.00) after reversing items 2, 4 and 6.
 *
 * Wording and key: /work/shared/instruments/brs.json (Smith et al. 2008, Box 1 reprint).
 * Interpretation bands: Smith et al. (2013), as recorded in the shared data. Missing answers: the
 * published scoring divides the sum by the number of items answered; the authors set no limit, so
 * Tend takes the CBI's (at least half answered: at most 3 of 6 missing) — see `missingAnswers`.
 */

const agreement = 'agreement';

export const briefResilienceScale: Instrument = {
  id: 'brief-resilience-scale',
  name: 'Brief Resilience Scale',
  shortName: 'BRS',
  version: '2008',
  citation:
    'Smith BW, Dalen J, Wiggins K, Tooley E, Christopher P, Bernard J. The brief resilience scale: assessing the ability to bounce back. Int J Behav Med. 2008;15(3):194-200. doi:10.1080/10705500802222972',
  instructions:
    'Please indicate the extent to which you agree with each of the following statements by using the following scale: 1 = strongly disagree, 2 = disagree, 3 = neutral, 4 = agree, 5 = strongly agree.',
  recallPeriod: null,
  responseScales: [
    {
      id: agreement,
      options: [
        { value: 1, label: 'Strongly disagree' },
        { value: 2, label: 'Disagree' },
        { value: 3, label: 'Neutral' },
        { value: 4, label: 'Agree' },
        { value: 5, label: 'Strongly agree' },
      ],
    },
  ],
  items: [
    { number: 1, text: 'I tend to bounce back quickly after hard times', responseScaleId: agreement },
    { number: 2, text: 'I have a hard time making it through stressful events', responseScaleId: agreement },
    {
      number: 3,
      text: 'It does not take me long to recover from a stressful event',
      responseScaleId: agreement,
    },
    {
      number: 4,
      text: 'It is hard for me to snap back when something bad happens',
      responseScaleId: agreement,
    },
    {
      number: 5,
      text: 'I usually come through difficult times with little trouble',
      responseScaleId: agreement,
    },
    {
      number: 6,
      text: 'I tend to take a long time to get over set-backs in my life',
      responseScaleId: agreement,
    },
  ],
  reverseScoring: { items: [2, 4, 6], subtractFrom: 6 },
  subscales: [
    {
      id: 'resilience',
      name: 'Resilience',
      abbreviation: 'BRS',
      description: 'How quickly you usually bounce back after stressful events.',
      items: [1, 2, 3, 4, 5, 6],
      aggregation: 'mean',
      missingAnswers: {
        maximum: 3,
        source:
          'Smith et al. (2008) scoring: sum ÷ number of items answered; no limit given, Tend requires at least half answered.',
      },
      multiplier: 1,
      decimals: 2,
      range: { min: 1, max: 5 },
      direction: 'higher-is-better',
      bandsAreOfficial: true,
      bandsSource: 'Smith et al. (2013): 1.00–2.99 low, 3.00–4.30 normal, 4.31–5.00 high resilience.',
      bands: [
        {
          id: 'low',
          label: 'Lower',
          meaning:
            'Bouncing back after hard times may feel slow for you at the moment. Resilience grows with practice and support, which is what this program is for.',
          min: 1,
          max: 2.99,
          suggestsSupport: false,
        },
        {
          id: 'normal',
          label: 'Typical',
          meaning: 'You usually recover from stressful events about as well as most people do.',
          min: 3,
          max: 4.3,
          suggestsSupport: false,
        },
        {
          id: 'high',
          label: 'Higher',
          meaning: 'You tend to bounce back quickly after stressful events.',
          min: 4.31,
          max: 5,
          suggestsSupport: false,
        },
      ],
      // Smith et al. (2008) report Cronbach's alpha .80–.91 in four samples and test–retest
      // reliability .69 (one month) and .62 (three months). Tend uses the lowest alpha, .80: the
      // most cautious internal-consistency figure, giving the widest reliable-change threshold.
      reliability: {
        status: 'published',
        coefficient: 0.8,
        kind: 'cronbach-alpha',
        source: 'Smith et al. (2008), Int J Behav Med 15(3):194-200 — lowest of the four samples (.80–.91).',
      },
    },
  ],
  replaceableWords: [],
  wording: { isAltered: false },
  licence: {
    summary: 'Free to use without permission; cite Smith et al. (2008).',
    notices: [
      'Brief Resilience Scale: Smith BW, Dalen J, Wiggins K, Tooley E, Christopher P, Bernard J. The brief resilience scale: assessing the ability to bounce back. Int J Behav Med. 2008;15(3):194-200.',
    ],
    links: [{ label: 'doi:10.1080/10705500802222972', url: 'https://doi.org/10.1080/10705500802222972' }],
    conditions: [
      'Cite Smith et al. (2008) and acknowledge the authors wherever the scale or its results are shown.',
    ],
    useCondition: null,
    nameWhenAltered: 'Adapted from the Brief Resilience Scale',
    sources: [
      'https://measure.whatworkswellbeing.org/measures-bank/brief-resilience-scale/',
      'https://www.psytoolkit.org/survey-library/resilience-brs.html',
    ],
  },
};
