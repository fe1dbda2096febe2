import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proqol5 } from '../instruments/proqol-5.ts';
import {
  findDisclosures,
  type ObservedView,
  observePublication,
  observeViewByView,
} from './outcome-adversary.test-helper.ts';
import { attackCohorts, cohortArbitrary } from './outcome-attacks.test-helper.ts';
import { type OutcomePublication, publishOutcomes } from './outcome-publication.ts';
import type { OutcomeResponse, OutcomeWindow } from './outcome-types.ts';

const minimumGroupSize = 5;

describe('the outcomes publication against a reader who subtracts views', () => {
  for (const makeCohort of attackCohorts) {
    const cohort = makeCohort();
    const target = `person-${cohort.targetIndex}`;
    const input = {
      instrument: proqol5,
      windows: cohort.windows,
      responses: cohort.responses,
      minimumGroupSize,
    };

    it(`recovers the exact score when views are released one at a time: ${cohort.name}`, () => {
      const found = findDisclosures(proqol5, cohort.responses, observeViewByView(input));
      const score = found.find(
        (disclosure) => disclosure.personId === target && disclosure.value !== undefined,
      );
      expect(score).toBeDefined();
      expect(score?.value).toBeCloseTo(score?.truth as number, 6);
    });

    it(`gives nobody away when every view is published together: ${cohort.name}`, () => {
      expect(findDisclosures(proqol5, cohort.responses, observePublication(input))).toEqual([]);
    });
  }

  it('keeps what it published when a window closes later, and the union gives nobody away', () => {
    const cohort = attackCohorts[2]!();
    const first = {
      instrument: proqol5,
      windows: cohort.windows.slice(0, 2),
      responses: cohort.responses.filter((response) => response.windowId !== 'window-2'),
      minimumGroupSize,
    };
    const earlier = publishOutcomes(first);
    const later = publishOutcomes({
      ...first,
      windows: cohort.windows,
      responses: cohort.responses,
      prior: earlier,
    });
    for (const [key, decision] of Object.entries(earlier.decisions))
      expect(later.decisions[key]).toBe(decision);
    const seen = [
      ...observePublication(first),
      ...observePublication({
        ...first,
        windows: cohort.windows,
        responses: cohort.responses,
        prior: earlier,
      }),
    ];
    expect(findDisclosures(proqol5, cohort.responses, seen)).toEqual([]);
  });
});

const disclosuresUnder = (
  observe: (input: Parameters<typeof observePublication>[0]) => ObservedView[],
  cohort: { windows: OutcomeWindow[]; responses: OutcomeResponse[] },
) =>
  findDisclosures(proqol5, cohort.responses, observe({ instrument: proqol5, ...cohort, minimumGroupSize }));

describe('the adversary property', () => {
  it('finds no individual score, band or change determined by everything a leader can see', () => {
    fc.assert(
      fc.property(cohortArbitrary, (cohort) => {
        expect(disclosuresUnder(observePublication, cohort)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('finds nothing in everything published window by window, each publication built on the one before', () => {
    fc.assert(
      fc.property(cohortArbitrary, (cohort) => {
        let prior: OutcomePublication | undefined;
        const seen: ObservedView[] = [];
        for (let count = 1; count <= cohort.windows.length; count++) {
          const closed = new Set(cohort.windows.slice(0, count).map((window) => window.id));
          const input = {
            instrument: proqol5,
            windows: cohort.windows.slice(0, count),
            responses: cohort.responses.filter((response) => closed.has(response.windowId)),
            minimumGroupSize,
            prior,
          };
          seen.push(...observePublication(input));
          const publication = publishOutcomes(input);
          if (prior)
            for (const [key, decision] of Object.entries(prior.decisions))
              expect(publication.decisions[key]).toBe(decision);
          prior = publication;
        }
        expect(findDisclosures(proqol5, cohort.responses, seen)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('does find someone when each view is released on its own (the property can fail)', () => {
    const result = fc.check(
      fc.property(cohortArbitrary, (cohort) => disclosuresUnder(observeViewByView, cohort).length === 0),
      { numRuns: 200, seed: 11 },
    );
    expect(result.failed).toBe(true);
  });
});
