import type { Instrument } from './instrument.ts';

/**
 * WHO-Five Well-Being Index (WHO-5), 1998 version: five statements about the last two weeks,
 * each 0–5; the raw sum (0–25) × 4 gives the percentage score (0–100) that is reported and banded.
 *
 * Wording and cut-offs: /work/shared/instruments/who5.json. A percentage of 50 or less (raw
 * below 13) indicates poor well-being and is the usual prompt to screen further; 28 or less
 * suggests likely depression (Topp et al. 2015). Percentages move in steps of 4, so the bands
 * 0–28, 29–50 and 51–100 cover every reachable score. A change of 10 percentage points is
 * considered meaningful.
 *
 * The licence asks that altered wording be clearly marked: `wording.isAltered` says whether the
 * text shown is the published one, and `alterWording` is the only way to change it.
 */

const frequency = 'frequency';

export const who5: Instrument = {
  id: 'who-5',
  name: 'WHO-Five Well-Being Index',
  shortName: 'WHO-5',
  version: '1998',
  citation:
    'WHO-Five Well-Being Index (WHO-5), 1998 version. Psychiatric Research Unit, Mental Health Centre North Zealand, Hillerød, Denmark (WHO Regional Office for Europe, DepCare project). Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 Well-Being Index: a systematic review of the literature. Psychother Psychosom. 2015;84(3):167-176.',
  instructions:
    'Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks.',
  recallPeriod: 'last two weeks',
  responseScales: [
    {
      id: frequency,
      options: [
        { value: 5, label: 'All of the time' },
        { value: 4, label: 'Most of the time' },
        { value: 3, label: 'More than half of the time' },
        { value: 2, label: 'Less than half of the time' },
        { value: 1, label: 'Some of the time' },
        { value: 0, label: 'At no time' },
      ],
    },
  ],
  items: [
    { number: 1, text: 'I have felt cheerful and in good spirits.', responseScaleId: frequency },
    { number: 2, text: 'I have felt calm and relaxed.', responseScaleId: frequency },
    { number: 3, text: 'I have felt active and vigorous.', responseScaleId: frequency },
    { number: 4, text: 'I woke up feeling fresh and rested.', responseScaleId: frequency },
    {
      number: 5,
      text: 'My daily life has been filled with things that interest me.',
      responseScaleId: frequency,
    },
  ],
  reverseScoring: null,
  subscales: [
    {
      id: 'well-being',
      name: 'Well-being',
      abbreviation: 'WHO-5',
      description:
        'How you have been feeling over the last two weeks: cheerful, calm, active, rested, interested.',
      items: [1, 2, 3, 4, 5],
      aggregation: 'sum',
      multiplier: 4,
      decimals: 0,
      range: { min: 0, max: 100 },
      direction: 'higher-is-better',
      bandsAreOfficial: true,
      bandsSource:
        'Topp et al. (2015): a score of 50 or less indicates poor well-being (screen further); 28 or less, likely depression.',
      bands: [
        {
          id: 'very-low',
          label: 'Very low',
          meaning:
            'Your well-being has been very low over the last two weeks. That deserves care: please consider talking with a doctor or another health professional you trust about how you have been feeling. The support resources shown here are a good place to start.',
          min: 0,
          max: 28,
          suggestsSupport: true,
        },
        {
          id: 'low',
          label: 'Low',
          meaning:
            'Your well-being has been lower than usual over the last two weeks. It can help to check in with a health professional you trust, and the support resources shown here are there for you.',
          min: 29,
          max: 50,
          suggestsSupport: true,
        },
        {
          id: 'good',
          label: 'Good',
          meaning: 'Your answers describe good well-being over the last two weeks.',
          min: 51,
          max: 100,
          suggestsSupport: false,
        },
      ],
      // The shared research data gives no reliability coefficient, and Tend has none from the
      // WHO-5's primary publications to cite, so reliable change is not computed; the published
      // 10-point meaningful change is available instead.
      reliability: {
        status: 'unknown',
        note: 'No published reliability coefficient recorded; use the 10-point meaningful change instead.',
      },
      meaningfulChange: {
        points: 10,
        source: 'A 10 percentage-point change is considered significant (WHO-5 guidance; Topp et al. 2015).',
      },
    },
  ],
  replaceableWords: [],
  wording: { isAltered: false },
  licence: {
    summary:
      'Free to use; every language version is available to all interested parties. Altered wording must be clearly marked.',
    notices: [
      'WHO-Five Well-Being Index (WHO-5), 1998 version. Psychiatric Research Unit, Mental Health Centre North Zealand, Hillerød, Denmark.',
    ],
    links: [
      {
        label: 'WHO-5 questionnaires',
        url: 'https://www.psykiatri-regionh.dk/who-5/who-5-questionnaires/Pages/default.aspx',
      },
    ],
    conditions: [
      'Any change to the wording must be clearly marked as altered wording, with a back-translation for a translation that is not an official language version.',
    ],
    useCondition: null,
    nameWhenAltered: 'WHO-Five Well-Being Index (altered wording)',
    sources: [
      'https://www.psykiatri-regionh.dk/who-5/who-5-questionnaires/Pages/default.aspx',
      'https://smaat.eu/library/scales/who-5',
    ],
  },
};
