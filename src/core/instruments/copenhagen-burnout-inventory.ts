import type { Instrument, Subscale } from './instrument.ts';

/**
 * Copenhagen Burnout Inventory (CBI): personal (items 1–6), work-related (7–13) and
 * client-related (14–19) burnout. Each answer scores 100/75/50/25/0; a scale score is the mean of
 * its items (0–100); item 13 is reversed (100 − x).
 *
 * Wording, answer labels and key: /work/shared/instruments/cbi.json (Kristensen et al. 2005).
 * Answers are stored as 4..0 (4 = "Always" / "To a very high degree"); `itemScores` maps them to
 * the published 100..0. The authors score a scale as the mean of the items answered, and count
 * someone who answered fewer than half of a scale's items as a non-respondent on it
 * (Kristensen et al. 2005): at most 3 of 6 or 3 of 7 items may be missing.
 *
 * A mean of 50 or more is often read as high burnout in later literature, but Kristensen cautions
 * against fixed cut-points, so the bands are marked as a convention. "Clients" may be replaced by
 * the people respondents work with (patients, students): `renderInstrument`'s `clientTerm`.
 */

const frequency = 'frequency';
const degree = 'degree';

/** Answer value → published item score. */
const itemScores: Readonly<Record<number, number>> = { 4: 100, 3: 75, 2: 50, 1: 25, 0: 0 };

const bandsSource =
  'Convention in later literature (a mean of 50 or more read as high burnout); Kristensen et al. caution against fixed cut-points.';

function burnoutScale(
  fields: Pick<Subscale, 'id' | 'name' | 'abbreviation' | 'description' | 'items'> & {
    alpha: number;
    higherMeaning: string;
    lowerMeaning: string;
  },
): Subscale {
  return {
    id: fields.id,
    name: fields.name,
    abbreviation: fields.abbreviation,
    description: fields.description,
    items: fields.items,
    aggregation: 'mean',
    missingAnswers: {
      maximum: Math.floor(fields.items.length / 2),
      source:
        'Kristensen et al. (2005): mean of the items answered; fewer than half answered is a non-respondent.',
    },
    itemScores,
    multiplier: 1,
    decimals: 2,
    range: { min: 0, max: 100 },
    direction: 'lower-is-better',
    bandsAreOfficial: false,
    bandsSource,
    bands: [
      {
        id: 'lower',
        label: 'Lower',
        meaning: fields.lowerMeaning,
        min: 0,
        max: 49.99,
        suggestsSupport: false,
      },
      {
        id: 'higher',
        label: 'Higher',
        meaning: fields.higherMeaning,
        min: 50,
        max: 100,
        suggestsSupport: true,
      },
    ],
    // Kristensen et al. (2005), Work & Stress 19(3):192-207, PUMA baseline (n = 1914): Cronbach's
    // alpha .87 personal, .87 work-related, .85 client-related burnout. Not in the shared data.
    reliability: {
      status: 'published',
      coefficient: fields.alpha,
      kind: 'cronbach-alpha',
      source: 'Kristensen et al. (2005), Work & Stress 19(3):192-207 (PUMA study baseline).',
    },
  };
}

export const copenhagenBurnoutInventory: Instrument = {
  id: 'copenhagen-burnout-inventory',
  name: 'Copenhagen Burnout Inventory',
  shortName: 'CBI',
  version: '2005',
  citation:
    'Kristensen TS, Borritz M, Villadsen E, Christensen KB. The Copenhagen Burnout Inventory: a new tool for the assessment of burnout. Work & Stress 2005;19(3):192-207. doi:10.1080/02678370500297720',
  // The publication gives no standard instruction text; this sentence is Tend's own.
  instructions: 'For each question, choose the answer that fits you best.',
  recallPeriod: null,
  responseScales: [
    {
      id: frequency,
      options: [
        { value: 4, label: 'Always' },
        { value: 3, label: 'Often' },
        { value: 2, label: 'Sometimes' },
        { value: 1, label: 'Seldom' },
        { value: 0, label: 'Never/almost never' },
      ],
    },
    {
      id: degree,
      options: [
        { value: 4, label: 'To a very high degree' },
        { value: 3, label: 'To a high degree' },
        { value: 2, label: 'Somewhat' },
        { value: 1, label: 'To a low degree' },
        { value: 0, label: 'To a very low degree' },
      ],
    },
  ],
  items: [
    { number: 1, text: 'How often do you feel tired?', responseScaleId: frequency },
    { number: 2, text: 'How often are you physically exhausted?', responseScaleId: frequency },
    { number: 3, text: 'How often are you emotionally exhausted?', responseScaleId: frequency },
    { number: 4, text: 'How often do you think: “I can’t take it anymore”?', responseScaleId: frequency },
    { number: 5, text: 'How often do you feel worn out?', responseScaleId: frequency },
    { number: 6, text: 'How often do you feel weak and susceptible to illness?', responseScaleId: frequency },
    { number: 7, text: 'Is your work emotionally exhausting?', responseScaleId: degree },
    { number: 8, text: 'Do you feel burnt out because of your work?', responseScaleId: degree },
    { number: 9, text: 'Does your work frustrate you?', responseScaleId: degree },
    { number: 10, text: 'Do you feel worn out at the end of the working day?', responseScaleId: frequency },
    {
      number: 11,
      text: 'Are you exhausted in the morning at the thought of another day at work?',
      responseScaleId: frequency,
    },
    {
      number: 12,
      text: 'Do you feel that every working hour is tiring for you?',
      responseScaleId: frequency,
    },
    {
      number: 13,
      text: 'Do you have enough energy for family and friends during leisure time?',
      responseScaleId: frequency,
    },
    { number: 14, text: 'Do you find it hard to work with clients?', responseScaleId: degree },
    { number: 15, text: 'Do you find it frustrating to work with clients?', responseScaleId: degree },
    { number: 16, text: 'Does it drain your energy to work with clients?', responseScaleId: degree },
    {
      number: 17,
      text: 'Do you feel that you give more than you get back when you work with clients?',
      responseScaleId: degree,
    },
    { number: 18, text: 'Are you tired of working with clients?', responseScaleId: frequency },
    {
      number: 19,
      text: 'Do you sometimes wonder how long you will be able to continue working with clients?',
      responseScaleId: frequency,
    },
  ],
  // Applied to the item score: 100 − x (an "Always" on item 13 scores 0).
  reverseScoring: { items: [13], subtractFrom: 100 },
  subscales: [
    burnoutScale({
      id: 'personal-burnout',
      name: 'Personal burnout',
      abbreviation: 'Personal',
      description: 'How tired and worn out you feel in general.',
      items: [1, 2, 3, 4, 5, 6],
      alpha: 0.87,
      lowerMeaning:
        'Your answers show less tiredness and exhaustion than the level often read as high burnout.',
      higherMeaning:
        'Your answers suggest you often feel tired or worn out. Many people in health care do at times; it is not a diagnosis, and rest and support help. The support resources shown here are there for you.',
    }),
    burnoutScale({
      id: 'work-related-burnout',
      name: 'Work-related burnout',
      abbreviation: 'Work',
      description: 'How tired and worn out you feel because of your work.',
      items: [7, 8, 9, 10, 11, 12, 13],
      alpha: 0.87,
      lowerMeaning:
        'Your answers show less work-related exhaustion than the level often read as high burnout.',
      higherMeaning:
        'Your answers suggest your work often leaves you worn out. That is common in health care, it is not a diagnosis, and workload and support matter as much as coping. The support resources shown here are there for you.',
    }),
    burnoutScale({
      id: 'client-related-burnout',
      name: 'Client-related burnout',
      abbreviation: 'Client',
      description: 'How tired and worn out you feel from working with the people you care for.',
      items: [14, 15, 16, 17, 18, 19],
      alpha: 0.85,
      lowerMeaning:
        'Your answers show less exhaustion from working with the people you care for than the level often read as high burnout.',
      higherMeaning:
        'Your answers suggest working with the people you care for often drains you. Many caring professionals feel this at times; it is not a diagnosis, and support helps. The support resources shown here are there for you.',
    }),
  ],
  replaceableWords: [{ token: 'clients', defaultText: 'clients', term: 'client' }],
  wording: { isAltered: false },
  licence: {
    summary:
      'Freely available: developed at the Danish National Institute of Occupational Health as an open alternative to the licensed MBI. No formal licence text is known; cite Kristensen et al. (2005).',
    notices: [
      'Copenhagen Burnout Inventory: Kristensen TS, Borritz M, Villadsen E, Christensen KB. The Copenhagen Burnout Inventory: a new tool for the assessment of burnout. Work & Stress 2005;19(3):192-207.',
    ],
    links: [{ label: 'doi:10.1080/02678370500297720', url: 'https://doi.org/10.1080/02678370500297720' }],
    conditions: [
      'Cite Kristensen et al. (2005) wherever the inventory or its results are shown.',
      '"Clients" may be replaced by the people respondents work with, such as patients or students.',
    ],
    useCondition: null,
    nameWhenAltered: 'Adapted from the Copenhagen Burnout Inventory',
    sources: [
      'https://pmc.ncbi.nlm.nih.gov/articles/PMC9358756/',
      'http://nfa.dk/da/Vaerktoejer/Sporgeskemaer/Sporgeskema-til-maaling-af-udbraendthed/Copenhagen-Burnout-Inventory-CBI',
    ],
  },
};
