/**
 * Test-only: the three attacks of issue 11, as cohorts (ProQOL-5, minimum 5). Each recovers one
 * named person's exact score when every view is released on its own; the joint publication must
 * give nothing away. Shared by the core tests and the API tests.
 */
import fc from 'fast-check';
import type { OutcomeResponse, OutcomeWindow } from './outcome-types.ts';

export type AttackCohort = {
  name: string;
  windows: OutcomeWindow[];
  responses: OutcomeResponse[];
  /** The person the attack exposes. */
  targetIndex: number;
};

const day = (index: number) => `2027-0${index + 1}-01T00:00:00.000Z`;

/** Scores differ by person and window so that a recovered figure is unmistakably one person's. */
function response(
  person: number,
  window: number,
  attributes: { programId?: string; level?: string; discipline?: string } = {},
): OutcomeResponse {
  const base = 20 + ((person * 7 + window * 3) % 25);
  return {
    personId: `person-${person}`,
    windowId: `window-${window}`,
    programId: attributes.programId ?? 'program-a',
    level: attributes.level ?? 'resident',
    discipline: attributes.discipline ?? 'Medicine',
    scores: {
      'compassion-satisfaction': base,
      burnout: 60 - base,
      'secondary-traumatic-stress': 15 + (person % 20),
    },
  };
}

const windows = (count: number): OutcomeWindow[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `window-${index}`,
    title: `Window ${index + 1}`,
    opensAt: day(index),
  }));

/**
 * Level minus discipline: 15 residents, 14 of them in Medicine, one a nurse; ten nursing students.
 * "Residents" (15) minus "Medicine" (14) is the resident nurse, in both windows.
 */
export function levelMinusDiscipline(): AttackCohort {
  const responses: OutcomeResponse[] = [];
  for (const window of [0, 1]) {
    for (let person = 0; person < 15; person++) {
      responses.push(
        response(person, window, { level: 'resident', discipline: person === 14 ? 'Nursing' : 'Medicine' }),
      );
    }
    for (let person = 15; person < 25; person++) {
      responses.push(response(person, window, { level: 'student-3', discipline: 'Nursing' }));
    }
  }
  return {
    name: 'breakdown=level minus breakdown=discipline',
    windows: windows(2),
    responses,
    targetIndex: 14,
  };
}

/** The whole organisation (30) minus the program filter P (29) is the one respondent outside P. */
export function organisationMinusProgram(): AttackCohort {
  const responses = Array.from({ length: 30 }, (_, person) =>
    response(person, 0, { programId: person === 29 ? 'program-b' : 'program-a' }),
  );
  return { name: 'unfiltered minus programId=P', windows: windows(1), responses, targetIndex: 29 };
}

/**
 * Two focus windows on one baseline: 40 answer the baseline, 30 of them window B and 29 of those
 * window C. The change's "mean before" over A∩B (30) minus over A∩C (29) is the baseline score of
 * the one who missed C; each view alone differs from the baseline's 40 by at least 10.
 */
export function twoFocusWindowsOnOneBaseline(): AttackCohort {
  const responses: OutcomeResponse[] = [];
  for (let person = 0; person < 40; person++) responses.push(response(person, 0));
  for (let person = 0; person < 30; person++) responses.push(response(person, 1));
  for (let person = 0; person < 29; person++) responses.push(response(person, 2));
  return { name: 'focus B minus focus C on baseline A', windows: windows(3), responses, targetIndex: 29 };
}

export const attackCohorts = [levelMinusDiscipline, organisationMinusProgram, twoFocusWindowsOnOneBaseline];

/** Cohorts of up to 24 people over three windows, with programs, levels, disciplines and who answered when. */
export const cohortArbitrary = fc
  .array(
    fc.record({
      program: fc.constantFrom('program-a', 'program-b', 'program-c'),
      level: fc.constantFrom('student-1', 'resident', 'practitioner'),
      discipline: fc.constantFrom('Medicine', 'Nursing'),
      answered: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      /** Withdrew after this window: answers nothing later. */
      withdrewAfter: fc.constantFrom(0, 1, 2, 3),
      score: fc.integer({ min: 10, max: 50 }),
    }),
    { minLength: 5, maxLength: 24 },
  )
  .map((people) => {
    const windows: OutcomeWindow[] = [0, 1, 2].map((index) => ({
      id: `window-${index}`,
      title: `Window ${index + 1}`,
      opensAt: `2027-0${index + 1}-01T00:00:00.000Z`,
    }));
    const responses: OutcomeResponse[] = people.flatMap((person, index) =>
      person.answered.flatMap((answered, window) =>
        answered && window < person.withdrewAfter + 1
          ? [
              {
                personId: `person-${index}`,
                windowId: `window-${window}`,
                programId: person.program,
                level: person.level,
                discipline: person.discipline,
                scores: {
                  'compassion-satisfaction': Math.min(50, person.score + window * 3),
                  burnout: 60 - person.score,
                  'secondary-traumatic-stress': 10 + ((person.score + window) % 40),
                },
              },
            ]
          : [],
      ),
    );
    return { windows, responses };
  });
