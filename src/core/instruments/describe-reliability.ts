import type { Reliability } from './instrument.ts';

/** A published reliability coefficient: what the reliable change index uses for a subscale. */
export type PublishedReliability = Omit<Extract<Reliability, { status: 'published' }>, 'status'>;

/** The name of each kind of reliability coefficient, as reports print it. */
export const reliabilityKindNames: Record<PublishedReliability['kind'], string> = {
  'cronbach-alpha': 'Cronbach’s alpha',
  'test-retest': 'test–retest r',
};

/** One coefficient, named with its value and where it was published: "Cronbach’s alpha 0.88 (Stamm (2010), …)". */
export function nameReliability(reliability: PublishedReliability): string {
  return `${reliabilityKindNames[reliability.kind]} ${reliability.coefficient.toFixed(2)} (${reliability.source})`;
}

/**
 * Which reliability the reliable change index uses, subscale by subscale, for the sentence that
 * explains reliable change wherever it is shown (dashboard, report): "the published reliability —
 * Burnout: Cronbach’s alpha 0.75 (Stamm (2010), …); …".
 */
export function describeReliabilityOf(
  subscales: readonly { name: string; reliability: Reliability }[],
): string {
  const named = subscales.map(({ name, reliability }) =>
    reliability.status === 'published'
      ? `${name}: ${nameReliability(reliability)}`
      : `${name}: none published, not computed`,
  );
  return `the published reliability — ${named.join('; ')}`;
}
