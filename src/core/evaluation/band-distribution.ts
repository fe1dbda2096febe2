import { findBand, type Subscale } from '../instruments/instrument.ts';
import type { AggregateCell } from './release-aggregates.ts';

export type PersonScore = { personId: string; score: number };

export type BandGroup = {
  bandId: string;
  label: string;
  personIds: readonly string[];
};

/**
 * Sorts people into the subscale's bands, in band order, empty bands included: the histogram of
 * a group's scores. Each band is a cell for `releaseAggregates`, together with the group's own
 * cell, so that no band count smaller than the minimum is shown or can be worked out.
 * Throws RangeError for a score outside every band.
 */
export function groupByBand(subscale: Subscale, people: readonly PersonScore[]): BandGroup[] {
  const groups = subscale.bands.map((band) => ({
    bandId: band.id,
    label: band.label,
    personIds: [] as string[],
  }));
  for (const person of people) {
    const band = findBand(subscale, person.score);
    if (!band) throw new RangeError(`${subscale.id}: score ${person.score} lies outside every band`);
    groups.find((group) => group.bandId === band.id)?.personIds.push(person.personId);
  }
  return groups;
}

/**
 * The bands as cells for `releaseAggregates`, ids `${groupCellId}/band/${bandId}`. Release them in
 * the same call as the group's own cell (`groupCellId`), then read each band's share as its
 * released count over the group's: a band hidden there stays hidden.
 */
export function bandCells(
  groupCellId: string,
  groups: readonly BandGroup[],
): AggregateCell<{ bandId: string; label: string }>[] {
  return groups.map((group) => ({
    id: `${groupCellId}/band/${group.bandId}`,
    memberIds: group.personIds,
    isDetail: true,
    figures: { bandId: group.bandId, label: group.label },
  }));
}
