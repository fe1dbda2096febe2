import type { Instrument } from './instrument.ts';

/**
 * Professional Quality of Life Scale, version 5 (ProQOL 5): compassion satisfaction, burnout and
 * secondary traumatic stress, 10 items each, over the last 30 days.
 *
 * Wording, numbering, scoring key and self-score cut-offs: /work/shared/instruments/proqol5.json
 * (checked against several public copies of the form). The bracketed words are part of the
 * published wording; `renderInstrument` replaces them with the coordinator's term.
 *
 * Scores are the raw sums (10–50) the 2009–2012 self-score sheet uses. The manual's t-scores need
 * norms Tend does not have, and Hemsworth et al. (2018) warn that the cut-offs may mislead, so the
 * bands speak of "lower" and "higher" and never diagnose. Missing answers: the manual asks for
 * every item and gives no prorating rule, so a subscale with a missing item is not scored.
 */

const frequency = 'frequency';

export const proqol5: Instrument = {
  id: 'proqol-5',
  name: 'Professional Quality of Life Scale, Version 5',
  shortName: 'ProQOL 5',
  version: '5',
  citation:
    'Stamm, B. H. (2009–2012). Professional Quality of Life: Compassion Satisfaction and Fatigue Version 5 (ProQOL). www.proqol.org. Manual: Stamm, B. H. (2010). The Concise ProQOL Manual, 2nd ed. Pocatello, ID: ProQOL.org.',
  instructions:
    'When you [help] people you have direct contact with their lives. As you may have found, your compassion for those you [help] can affect you in positive and negative ways. Below are some questions about your experiences, both positive and negative, as a [helper]. Consider each of the following questions about you and your current work situation. Select the number that honestly reflects how frequently you experienced these things in the last 30 days.',
  recallPeriod: 'last 30 days',
  responseScales: [
    {
      id: frequency,
      options: [
        { value: 1, label: 'Never' },
        { value: 2, label: 'Rarely' },
        { value: 3, label: 'Sometimes' },
        { value: 4, label: 'Often' },
        { value: 5, label: 'Very Often' },
      ],
    },
  ],
  items: [
    { number: 1, text: 'I am happy.', responseScaleId: frequency },
    { number: 2, text: 'I am preoccupied with more than one person I [help].', responseScaleId: frequency },
    { number: 3, text: 'I get satisfaction from being able to [help] people.', responseScaleId: frequency },
    { number: 4, text: 'I feel connected to others.', responseScaleId: frequency },
    { number: 5, text: 'I jump or am startled by unexpected sounds.', responseScaleId: frequency },
    { number: 6, text: 'I feel invigorated after working with those I [help].', responseScaleId: frequency },
    {
      number: 7,
      text: 'I find it difficult to separate my personal life from my life as a [helper].',
      responseScaleId: frequency,
    },
    {
      number: 8,
      text: 'I am not as productive at work because I am losing sleep over traumatic experiences of a person I [help].',
      responseScaleId: frequency,
    },
    {
      number: 9,
      text: 'I think that I might have been affected by the traumatic stress of those I [help].',
      responseScaleId: frequency,
    },
    { number: 10, text: 'I feel trapped by my job as a [helper].', responseScaleId: frequency },
    {
      number: 11,
      text: 'Because of my [helping], I have felt "on edge" about various things.',
      responseScaleId: frequency,
    },
    { number: 12, text: 'I like my work as a [helper].', responseScaleId: frequency },
    {
      number: 13,
      text: 'I feel depressed because of the traumatic experiences of the people I [help].',
      responseScaleId: frequency,
    },
    {
      number: 14,
      text: 'I feel as though I am experiencing the trauma of someone I have [helped].',
      responseScaleId: frequency,
    },
    { number: 15, text: 'I have beliefs that sustain me.', responseScaleId: frequency },
    {
      number: 16,
      text: 'I am pleased with how I am able to keep up with [helping] techniques and protocols.',
      responseScaleId: frequency,
    },
    { number: 17, text: 'I am the person I always wanted to be.', responseScaleId: frequency },
    { number: 18, text: 'My work makes me feel satisfied.', responseScaleId: frequency },
    { number: 19, text: 'I feel worn out because of my work as a [helper].', responseScaleId: frequency },
    {
      number: 20,
      text: 'I have happy thoughts and feelings about those I [help] and how I could help them.',
      responseScaleId: frequency,
    },
    {
      number: 21,
      text: 'I feel overwhelmed because my case [work] load seems endless.',
      responseScaleId: frequency,
    },
    { number: 22, text: 'I believe I can make a difference through my work.', responseScaleId: frequency },
    {
      number: 23,
      text: 'I avoid certain activities or situations because they remind me of frightening experiences of the people I [help].',
      responseScaleId: frequency,
    },
    { number: 24, text: 'I am proud of what I can do to [help].', responseScaleId: frequency },
    {
      number: 25,
      text: 'As a result of my [helping], I have intrusive, frightening thoughts.',
      responseScaleId: frequency,
    },
    { number: 26, text: 'I feel "bogged down" by the system.', responseScaleId: frequency },
    { number: 27, text: 'I have thoughts that I am a "success" as a [helper].', responseScaleId: frequency },
    {
      number: 28,
      text: "I can't recall important parts of my work with trauma victims.",
      responseScaleId: frequency,
    },
    { number: 29, text: 'I am a very caring person.', responseScaleId: frequency },
    { number: 30, text: 'I am happy that I chose to do this work.', responseScaleId: frequency },
  ],
  // Burnout items only: 1→5, 2→4, 3→3, 4→2, 5→1.
  reverseScoring: { items: [1, 4, 15, 17, 29], subtractFrom: 6 },
  subscales: [
    {
      id: 'compassion-satisfaction',
      name: 'Compassion satisfaction',
      abbreviation: 'CS',
      description: 'The pleasure you take in being able to do your work well.',
      items: [3, 6, 12, 16, 18, 20, 22, 24, 27, 30],
      aggregation: 'sum',
      multiplier: 1,
      decimals: 0,
      range: { min: 10, max: 50 },
      direction: 'higher-is-better',
      bandsAreOfficial: true,
      bandsSource:
        'ProQOL 5 self-score sheet (2009–2012 form): 22 or less low, 23–41 moderate, 42 or more high.',
      bands: [
        {
          id: 'low',
          label: 'Lower',
          meaning:
            'You are finding less satisfaction in your work than many people in caring roles do. That can change: it may help to notice what used to make the work feel worthwhile, and to talk it over with someone you trust.',
          min: 10,
          max: 22,
          suggestsSupport: false,
        },
        {
          id: 'moderate',
          label: 'Moderate',
          meaning: 'You find a fair amount of satisfaction in your work, as most people in caring roles do.',
          min: 23,
          max: 41,
          suggestsSupport: false,
        },
        {
          id: 'high',
          label: 'Higher',
          meaning: 'You find a good deal of satisfaction in being able to do your work well.',
          min: 42,
          max: 50,
          suggestsSupport: false,
        },
      ],
      // Shared research data (self-score sheet text): "alpha scale reliability .88".
      reliability: {
        status: 'published',
        coefficient: 0.88,
        kind: 'cronbach-alpha',
        source: 'Stamm (2010), The Concise ProQOL Manual, 2nd ed.; ProQOL 5 self-score sheet.',
      },
    },
    {
      id: 'burnout',
      name: 'Burnout',
      abbreviation: 'BO',
      description: 'Feeling worn out, stuck, or that your efforts at work make no difference.',
      items: [1, 4, 8, 10, 15, 17, 19, 21, 26, 29],
      aggregation: 'sum',
      multiplier: 1,
      decimals: 0,
      range: { min: 10, max: 50 },
      direction: 'lower-is-better',
      bandsAreOfficial: true,
      bandsSource:
        'ProQOL 5 self-score sheet (2009–2012 form): 22 or less low, 23–41 moderate, 42 or more high.',
      bands: [
        {
          id: 'low',
          label: 'Lower',
          meaning: 'Your answers show few signs of burnout: you mostly feel able to be effective at work.',
          min: 10,
          max: 22,
          suggestsSupport: false,
        },
        {
          id: 'moderate',
          label: 'Moderate',
          meaning:
            'Your answers show some signs of burnout, as is common in caring work. Rest, support from colleagues and a manageable workload all help.',
          min: 23,
          max: 41,
          suggestsSupport: false,
        },
        {
          id: 'high',
          label: 'Higher',
          meaning:
            'Your answers suggest you may be feeling worn out or stuck at work. This is common in caring work, it is not a diagnosis, and it can get better. Talking with someone you trust, or one of the support resources shown here, can help.',
          min: 42,
          max: 50,
          suggestsSupport: true,
        },
      ],
      // Not in the shared research data (which lists .75 as "commonly cited, not verified"): the
      // Concise ProQOL Manual (Stamm 2010, scale reliabilities) and the ProQOL 5 self-score sheet
      // give alpha = .75 for Burnout. Re-check against the manual when it is at hand.
      reliability: {
        status: 'published',
        coefficient: 0.75,
        kind: 'cronbach-alpha',
        source: 'Stamm (2010), The Concise ProQOL Manual, 2nd ed.; ProQOL 5 self-score sheet.',
      },
    },
    {
      id: 'secondary-traumatic-stress',
      name: 'Secondary traumatic stress',
      abbreviation: 'STS',
      description: 'Being affected by the frightening or traumatic experiences of the people you care for.',
      items: [2, 5, 7, 9, 11, 13, 14, 23, 25, 28],
      aggregation: 'sum',
      multiplier: 1,
      decimals: 0,
      range: { min: 10, max: 50 },
      direction: 'lower-is-better',
      bandsAreOfficial: true,
      bandsSource:
        'ProQOL 5 self-score sheet (2009–2012 form): 22 or less low, 23–41 moderate, 42 or more high.',
      bands: [
        {
          id: 'low',
          label: 'Lower',
          meaning: 'Your answers show few signs of being affected by the difficult experiences of others.',
          min: 10,
          max: 22,
          suggestsSupport: false,
        },
        {
          id: 'moderate',
          label: 'Moderate',
          meaning:
            'Some of the difficult experiences you meet at work may be staying with you, which is common in caring work.',
          min: 23,
          max: 41,
          suggestsSupport: false,
        },
        {
          id: 'high',
          label: 'Higher',
          meaning:
            'The difficult experiences of the people you care for may be affecting you. This is an understandable response to caring work, not a diagnosis. Talking with someone you trust, or one of the support resources shown here, can help.',
          min: 42,
          max: 50,
          suggestsSupport: true,
        },
      ],
      // As for Burnout: alpha = .81 from the Concise ProQOL Manual (Stamm 2010) and the self-score
      // sheet; the shared research data lists it as commonly cited but not verified.
      reliability: {
        status: 'published',
        coefficient: 0.81,
        kind: 'cronbach-alpha',
        source: 'Stamm (2010), The Concise ProQOL Manual, 2nd ed.; ProQOL 5 self-score sheet.',
      },
    },
  ],
  replaceableWords: [
    { token: '[helper]', defaultText: 'helper', term: 'helper' },
    { token: '[helping]', defaultText: 'helping' },
    { token: '[helped]', defaultText: 'helped' },
    { token: '[help]', defaultText: 'help' },
    { token: '[work]', defaultText: 'work' },
  ],
  wording: { isAltered: false },
  licence: {
    summary:
      'Free to copy and use, in software too, if credited to The Center for Victims of Torture with a link to www.ProQOL.org, not sold, and not changed beyond replacing the bracketed words; any other change must be called "adapted from the ProQOL".',
    notices: [
      '© B. Hudnall Stamm, 2009-2012. Professional Quality of Life: Compassion Satisfaction and Fatigue Version 5 (ProQOL). www.proqol.org. This test may be freely copied as long as (a) author is credited, (b) no changes are made, and (c) it is not sold. Those interested in using the test should visit www.proqol.org to verify that the copy they are using is the most current version of the test.',
      'Credit: The Center for Victims of Torture, www.ProQOL.org.',
    ],
    links: [{ label: 'www.ProQOL.org', url: 'https://www.proqol.org' }],
    conditions: [
      'Credit The Center for Victims of Torture and link to www.ProQOL.org wherever the scale is shown.',
      'Do not sell the measure. Using it within paid work, such as a training, is allowed.',
      'Do not change the wording beyond replacing the bracketed words ([help], [helper], [helping], [helped], [work]) with terms for your audience; anything more must be called "adapted from the ProQOL".',
      'Reformatting, an online format and using a selection of the subscales are allowed.',
    ],
    useCondition: null,
    nameWhenAltered: 'Adapted from the ProQOL',
    sources: [
      'https://survey.alchemer.com/s3/5005054/Permission-to-Use-the-ProQOL',
      'https://www.proqol.org',
    ],
  },
};
