import type { SuppressionReason } from '../evaluation/release-aggregates.ts';

/** The shapes of outcome views: what a coordinator or leader reads, released figures only. */

export const breakdowns = ['program', 'level', 'discipline'] as const;
export type Breakdown = (typeof breakdowns)[number];

export type OutcomeResponse = {
  personId: string;
  windowId: string;
  programId: string | null;
  level: string | null;
  discipline: string | null;
  /** Subscale id → reported score; every subscale of the instrument present. */
  scores: Readonly<Record<string, number>>;
};

/** A response with its person's index among the publication's people. */
export type IndexedResponse = OutcomeResponse & { personIndex: number };

/** One person's responses in a baseline window and a later focus window. */
export type Pair = { before: IndexedResponse; after: IndexedResponse };

/** A closed window; `programId` null for an organisation-wide window. */
export type OutcomeWindow = { id: string; title: string; opensAt: string; programId?: string | null };

export type Hidden = { status: 'hidden'; reason: SuppressionReason; explanation: string };
export type SubscaleMean = { subscaleId: string; mean: number; standardDeviation: number | null };
export type GroupRef = { key: string; label: string } | null;

export type TrendPoint = {
  windowId: string;
  group: GroupRef;
  result: { status: 'released'; n: number; subscales: SubscaleMean[] } | Hidden;
};

export type Distribution = {
  group: GroupRef;
  subscaleId: string;
  result:
    | {
        status: 'released';
        n: number;
        /** count null: that band is hidden (its share cannot be shown either). */
        bands: { bandId: string; label: string; count: number | null }[];
      }
    | Hidden;
};

export type ReliableChangeCounts =
  | {
      status: 'computed';
      reliableChangeThreshold: number;
      /** The reliability the index uses, named: e.g. Cronbach's alpha .88 from the ProQOL manual. */
      reliability: { coefficient: number; kind: 'cronbach-alpha' | 'test-retest'; source: string };
      improved: number | null;
      deteriorated: number | null;
      noReliableChange: number | null;
    }
  | { status: 'not-computed'; message: string };

export type SubscaleChange = {
  subscaleId: string;
  meanBefore: number;
  meanAfter: number;
  meanChange: number;
  confidenceInterval: { level: number; lower: number; upper: number } | null;
  /** Cohen's d_z: mean change over the SD of the changes. */
  cohensDz: number | null;
  /** Hedges' g_av: mean change over the average of the before and after SDs, small-sample corrected. */
  hedgesGav: number | null;
  reliableChange: ReliableChangeCounts;
};

export type Change = {
  group: GroupRef;
  result: { status: 'released'; n: number; subscales: SubscaleChange[] } | Hidden;
};

export type Outcomes = {
  instrumentId: string;
  minimumGroupSize: number;
  breakdown: Breakdown;
  windows: OutcomeWindow[];
  focusWindowId: string | null;
  baselineWindowId: string | null;
  groups: { key: string; label: string }[];
  trend: TrendPoint[];
  distributions: Distribution[];
  change: Change[];
  hiddenCount: number;
};
