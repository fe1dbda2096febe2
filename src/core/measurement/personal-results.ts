import type { Instrument } from '../instruments/instrument.ts';
import type { SubscaleScore } from '../instruments/score-response.ts';

/**
 * One person's own results: their latest scores with what each band means, the trend across the
 * windows they answered, and — when a latest score suggests support (high burnout or secondary
 * traumatic stress, low well-being) — a private, calm message with the organisation's resources.
 * Only the owner ever sees this; nobody is told.
 */

export type OwnResponse = {
  windowId: string;
  windowTitle: string;
  submittedAt: string;
  subscales: readonly SubscaleScore[];
};

export type SupportResource = { name: string; contact: string };

export type PersonalSubscaleResult = {
  subscaleId: string;
  name: string;
  description: string;
  direction: 'higher-is-better' | 'lower-is-better';
  range: { min: number; max: number };
  latest:
    | { status: 'complete'; score: number; bandLabel: string; meaning: string; suggestsSupport: boolean }
    | { status: 'incomplete'; missingItems: number[] }
    | null;
  /** Complete scores only, oldest first. */
  trend: { windowId: string; windowTitle: string; submittedAt: string; score: number }[];
};

export type PersonalInstrumentResult = {
  instrumentId: string;
  name: string;
  attribution: string[];
  bandsNote: string;
  subscales: PersonalSubscaleResult[];
};

export type SupportMessage = {
  title: string;
  body: string;
  /** What prompted it, in the person's own words of the bands ("Burnout: Higher"). */
  reasons: string[];
  resources: SupportResource[];
};

export function describePersonalResults(
  instrument: Instrument,
  responses: readonly OwnResponse[],
): PersonalInstrumentResult {
  const ordered = [...responses].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const latestResponse = ordered[ordered.length - 1];
  return {
    instrumentId: instrument.id,
    name: instrument.name,
    attribution: [...instrument.licence.notices],
    bandsNote: instrument.subscales.some((subscale) => !subscale.bandsAreOfficial)
      ? 'Some of these ranges are a common convention rather than the authors’ own cut-offs.'
      : 'The ranges come from the questionnaire’s authors. They describe, they do not diagnose.',
    subscales: instrument.subscales.map((subscale) => {
      const latest = latestResponse?.subscales.find((score) => score.subscaleId === subscale.id);
      const band =
        latest?.status === 'complete'
          ? subscale.bands.find((entry) => entry.id === latest.band.id)
          : undefined;
      return {
        subscaleId: subscale.id,
        name: subscale.name,
        description: subscale.description,
        direction: subscale.direction,
        range: subscale.range,
        latest: !latest
          ? null
          : latest.status === 'complete'
            ? {
                status: 'complete',
                score: latest.score,
                bandLabel: latest.band.label,
                meaning: latest.band.meaning,
                suggestsSupport: band?.suggestsSupport ?? latest.suggestsSupport,
              }
            : { status: 'incomplete', missingItems: [...latest.missingItems] },
        trend: ordered.flatMap((response) => {
          const score = response.subscales.find((entry) => entry.subscaleId === subscale.id);
          return score?.status === 'complete'
            ? [
                {
                  windowId: response.windowId,
                  windowTitle: response.windowTitle,
                  submittedAt: response.submittedAt,
                  score: score.score,
                },
              ]
            : [];
        }),
      };
    }),
  };
}

/** The private message, or null when no latest score suggests support. */
export function composeSupportMessage(
  results: readonly PersonalInstrumentResult[],
  resources: readonly SupportResource[],
): SupportMessage | null {
  const reasons = results.flatMap((result) =>
    result.subscales.flatMap((subscale) =>
      subscale.latest?.status === 'complete' && subscale.latest.suggestsSupport
        ? [`${subscale.name}: ${subscale.latest.bandLabel}`]
        : [],
    ),
  );
  if (reasons.length === 0) return null;
  return {
    title: 'Looking after yourself',
    body:
      'Some of your answers suggest you have been carrying a lot lately. That is common in caring work, and it can change. ' +
      'Talking with someone can help — these services are confidential, and only you can see this message.',
    reasons,
    resources: [...resources],
  };
}
