import {
  categorizeChange,
  classifyReliableChangeOnSubscale,
  type ReliableChangeCategory,
} from '../evaluation/reliable-change.ts';
import type { Instrument } from '../instruments/instrument.ts';
import type { Pair, ReliableChangeCounts } from './outcome-types.ts';

/** Each subscale's reliable-change threshold, and its three categories as cells of the pairing. */
export function collectReliableChange(
  instrument: Instrument,
  cellId: string,
  list: readonly Pair[],
  spreadOf: (subscaleId: string) => number | null,
): {
  thresholds: Record<string, ReliableChangeCounts>;
  categoryCells: { id: string; members: Int32Array }[];
} {
  const thresholds: Record<string, ReliableChangeCounts> = {};
  const categoryCells: { id: string; members: Int32Array }[] = [];
  for (const subscale of instrument.subscales) {
    const spread = spreadOf(subscale.id);
    // The threshold depends on the baseline cohort's spread and the subscale only, not on the group:
    // worked out once, then each pair is sorted by it (as classifyReliableChange would).
    const classified = classifyReliableChangeOnSubscale(
      subscale,
      [],
      spread === null ? {} : { standardDeviationBefore: spread },
    );
    if (classified.status !== 'computed' || spread === null) {
      thresholds[subscale.id] = {
        status: 'not-computed',
        message:
          classified.status === 'computed'
            ? 'Reliable change needs the spread of the baseline window’s scores.'
            : classified.message,
      };
      continue;
    }
    thresholds[subscale.id] = {
      status: 'computed',
      reliableChangeThreshold: classified.reliableChangeThreshold,
      reliability:
        subscale.reliability.status === 'published'
          ? {
              coefficient: subscale.reliability.coefficient,
              kind: subscale.reliability.kind,
              source: subscale.reliability.source,
            }
          : { coefficient: classified.reliability, kind: 'cronbach-alpha', source: '' },
      improved: null,
      deteriorated: null,
      noReliableChange: null,
    };
    const byCategory: Record<ReliableChangeCategory, number[]> = {
      improved: [],
      deteriorated: [],
      'no-reliable-change': [],
    };
    const scale = {
      standardErrorOfDifference: classified.standardErrorOfDifference,
      direction: subscale.direction,
    };
    for (const pair of list) {
      const change = {
        before: pair.before.scores[subscale.id] as number,
        after: pair.after.scores[subscale.id] as number,
      };
      byCategory[categorizeChange(change, scale)].push(pair.after.personIndex);
    }
    for (const category of ['improved', 'deteriorated', 'no-reliable-change'] as const) {
      categoryCells.push({
        id: `${cellId}|s:${subscale.id}/reliable-change/${category}`,
        members: Int32Array.from(byCategory[category]).sort(),
      });
    }
  }
  return { thresholds, categoryCells };
}
