/**
 * Test-only: a motivated reader of outcomes. It is given every view a leader can obtain (all
 * filters, breakdowns, focus and baseline windows — through the API, or straight from the core) and
 * what such a reader may know about the cohort: who belongs to which program, level and discipline
 * and who answered which window. It turns each released figure into a linear equation over the
 * individuals' unknowns — a mean times its count is a sum, an SD gives a sum of squares over the
 * same people, a band or reliable-change count is a sum of 0/1 indicators — and solves every system
 * exactly (BigInt fractions). A person is disclosed when their unknown is determined.
 *
 * Systems (decision 003's attack model): the scores of each window (trend means and SDs, the
 * "before" and "after" of every change), each window's band indicators per subscale and band, each
 * pairing's products of before and after (the change's SD), and each pairing's reliable-change
 * indicators. Written independently of the gate it attacks.
 */

import {
  divide,
  type Fraction,
  fraction,
  multiply,
  subtract,
} from '../evaluation/exact-fractions.test-helper.ts';
import { releaseAggregates } from '../evaluation/release-aggregates.ts';
import type { Instrument } from '../instruments/instrument.ts';
import { figuresOf, groupKeyOf } from './outcome-cells.ts';
import {
  collectPublicationViews,
  type PublicationInput,
  type PublishedCell,
  type PublishedOutcomeView,
  publishOutcomes,
} from './outcome-publication.ts';
import type { Breakdown, OutcomeResponse, Outcomes } from './outcome-types.ts';
import { selectOutcomes } from './outcomes.ts';

export type ObservedView = { programId: string | null; breakdown: Breakdown; outcomes: Outcomes };

export type Disclosure = {
  system: string;
  personId: string;
  /** The value worked out (scores only), and the true one. */
  value?: number;
  truth?: number;
};

const toNumber = (a: Fraction) => Number(a.n) / Number(a.d);

type Equation = { members: readonly string[]; value: number | null };

/** Which unknowns of `equations` are determined, with their values; exact Gauss–Jordan. */
export function solveExactly(equations: readonly Equation[]): Map<string, number | null> {
  const unique = new Map<string, Equation>();
  for (const equation of equations) {
    const key = [...equation.members].sort().join(',');
    if (!unique.has(key)) unique.set(key, equation);
  }
  const people = [...new Set(equations.flatMap((equation) => equation.members))].sort();
  const column = new Map(people.map((person, index) => [person, index]));
  const rows = [...unique.values()].map((equation) => {
    const values = people.map(() => fraction(0n));
    for (const member of equation.members) values[column.get(member)!] = fraction(1n);
    return { values, value: equation.value };
  });
  let rank = 0;
  const pivots: number[] = [];
  for (let col = 0; col < people.length && rank < rows.length; col++) {
    const found = rows.findIndex((row, index) => index >= rank && row.values[col]!.n !== 0n);
    if (found < 0) continue;
    [rows[rank], rows[found]] = [rows[found]!, rows[rank]!];
    const pivot = rows[rank]!;
    const pivotValue = pivot.values[col]!;
    pivot.values = pivot.values.map((value) => divide(value, pivotValue));
    pivot.value = pivot.value === null ? null : pivot.value / toNumber(pivotValue);
    for (let index = 0; index < rows.length; index++) {
      const row = rows[index]!;
      if (index === rank || row.values[col]!.n === 0n) continue;
      const factor = row.values[col]!;
      row.values = row.values.map((value, at) => subtract(value, multiply(factor, pivot.values[at]!)));
      row.value =
        row.value === null || pivot.value === null ? null : row.value - toNumber(factor) * pivot.value;
    }
    pivots.push(col);
    rank++;
  }
  const determined = new Map<string, number | null>();
  pivots.forEach((col, row) => {
    const values = rows[row]!.values;
    if (values.every((value, at) => at === col || value.n === 0n))
      determined.set(people[col]!, rows[row]!.value);
  });
  return determined;
}

/** Every individual unknown the views determine, given the cohort. */
export function findDisclosures(
  instrument: Instrument,
  responses: readonly OutcomeResponse[],
  views: readonly ObservedView[],
): Disclosure[] {
  const systems = new Map<string, Equation[]>();
  const add = (system: string, members: readonly string[], value: number | null) => {
    const list = systems.get(system) ?? [];
    list.push({ members, value });
    systems.set(system, list);
  };
  const firstSubscale = instrument.subscales[0]!.id;
  const inView = (view: ObservedView, response: OutcomeResponse) =>
    view.programId === null || response.programId === view.programId;
  const membersOf = (view: ObservedView, windowId: string, groupKey: string | undefined) =>
    responses.filter(
      (response) =>
        response.windowId === windowId &&
        inView(view, response) &&
        (groupKey === undefined || groupKeyOf(response, view.breakdown) === groupKey),
    );
  const truth = new Map(responses.map((response) => [`${response.windowId}:${response.personId}`, response]));

  for (const view of views) {
    const { outcomes } = view;
    for (const point of outcomes.trend) {
      if (point.result.status !== 'released') continue;
      const members = membersOf(view, point.windowId, point.group?.key).map((response) => response.personId);
      const mean =
        point.result.subscales.find((subscale) => subscale.subscaleId === firstSubscale)?.mean ?? 0;
      add(`scores of ${point.windowId}`, members, mean * point.result.n);
    }
    const focus = outcomes.focusWindowId;
    for (const distribution of outcomes.distributions) {
      if (distribution.result.status !== 'released' || focus === null) continue;
      const members = membersOf(view, focus, distribution.group?.key).map((response) => response.personId);
      const bands = distribution.result.bands;
      const hidden = bands.filter((band) => band.count === null);
      for (const band of bands) {
        // A single hidden band is the group's count minus the others.
        if (band.count !== null || hidden.length === 1) {
          add(`band ${band.bandId} of ${distribution.subscaleId} in ${focus}`, members, null);
        }
      }
    }
    const baseline = outcomes.baselineWindowId;
    if (focus === null || baseline === null) continue;
    for (const entry of outcomes.change) {
      if (entry.result.status !== 'released') continue;
      const before = new Set(membersOf(view, baseline, undefined).map((response) => response.personId));
      const pairs = membersOf(view, focus, entry.group?.key)
        .map((response) => response.personId)
        .filter((person) => before.has(person));
      const summary = entry.result.subscales.find((subscale) => subscale.subscaleId === firstSubscale);
      add(`scores of ${baseline}`, pairs, (summary?.meanBefore ?? 0) * entry.result.n);
      add(`scores of ${focus}`, pairs, (summary?.meanAfter ?? 0) * entry.result.n);
      add(`before × after of ${baseline}>${focus}`, pairs, null);
      for (const subscale of entry.result.subscales) {
        const rc = subscale.reliableChange;
        if (rc.status !== 'computed') continue;
        const counts = [rc.improved, rc.deteriorated, rc.noReliableChange];
        const hiddenCount = counts.filter((count) => count === null).length;
        ['improved', 'deteriorated', 'no reliable change'].forEach((category, index) => {
          if (counts[index] !== null || hiddenCount === 1) {
            add(`${category} on ${subscale.subscaleId}, ${baseline}>${focus}`, pairs, null);
          }
        });
      }
    }
  }

  const disclosures: Disclosure[] = [];
  for (const [system, equations] of systems) {
    for (const [personId, value] of solveExactly(equations)) {
      const disclosure: Disclosure = { system, personId };
      if (system.startsWith('scores of ') && value !== null) {
        const windowId = system.slice('scores of '.length);
        disclosure.value = value;
        disclosure.truth = truth.get(`${windowId}:${personId}`)?.scores[firstSubscale];
      }
      disclosures.push(disclosure);
    }
  }
  return disclosures;
}

/** Every (focus, baseline) a reader can ask for in one published view. */
function queriesOf(view: { answeredWindowIds: readonly string[] }) {
  const answered = view.answeredWindowIds;
  const queries: { focusWindowId: string | null; baselineWindowId: string | null }[] = [];
  if (answered.length === 0) queries.push({ focusWindowId: null, baselineWindowId: null });
  answered.forEach((focus, index) => {
    if (index === 0) queries.push({ focusWindowId: focus, baselineWindowId: null });
    for (const baseline of answered.slice(0, index))
      queries.push({ focusWindowId: focus, baselineWindowId: baseline });
  });
  return queries;
}

/** Everything a reader obtains from the joint publication. */
export function observePublication(input: PublicationInput): ObservedView[] {
  return publishOutcomes(input).views.flatMap((view) =>
    queriesOf(view).map((query) => ({
      programId: view.programId,
      breakdown: view.breakdown,
      outcomes: selectOutcomes(input.instrument, view, query),
    })),
  );
}

/**
 * The weakened gate: each view (one filter, one breakdown, one focus, one baseline) released on
 * its own, as Tend did before publications. The adversary must find the attacks here.
 */
export function observeViewByView(input: PublicationInput): ObservedView[] {
  return collectPublicationViews(input).flatMap((view) =>
    queriesOf(view).map((query) => {
      const cells = view.cells.filter(
        (cell) =>
          (cell.focusWindowId === undefined || cell.focusWindowId === query.focusWindowId) &&
          (cell.baselineWindowId === undefined || cell.baselineWindowId === query.baselineWindowId),
      );
      const release = releaseAggregates({
        cells: cells.map((cell) => ({
          id: cell.id,
          memberIds: Array.from(cell.members(), (person) => `${cell.measurement}:${person}`),
          figures: cell.figures,
        })),
        minimumGroupSize: input.minimumGroupSize,
      });
      const published: Record<string, PublishedCell> = {};
      release.cells.forEach((decision, index) => {
        published[decision.id] =
          decision.status === 'released'
            ? { status: 'released', n: decision.memberCount, figures: figuresOf(cells[index]!) }
            : { status: 'hidden', reason: decision.reason, explanation: decision.explanation };
      });
      const { cells: _all, ...rest } = view;
      const single: PublishedOutcomeView = {
        ...rest,
        instrumentId: input.instrument.id,
        minimumGroupSize: release.minimumGroupSize,
        cells: published,
      };
      return {
        programId: view.programId,
        breakdown: view.breakdown,
        outcomes: selectOutcomes(input.instrument, single, query),
      };
    }),
  );
}
