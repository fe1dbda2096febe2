/**
 * The words people read for values stored as slugs: levels, interests, statuses. Every screen that
 * shows one of these goes through here, so a slug such as `peer-support` never reaches the page.
 */
import { levelLabels } from '../../../src/core/accounts/roles.ts';

export { levelLabels };

/** Interests offered at enrolment; the values are the curriculum's topic tags. */
export const interestLabels: Record<string, string> = {
  burnout: 'Burnout',
  stress: 'Stress',
  boundaries: 'Boundaries',
  'self-care': 'Self-care',
  'self-efficacy': 'Confidence in one’s own abilities',
  'emotional-intelligence': 'Emotional intelligence',
  strengths: 'Strengths',
  'trauma-informed-care': 'Trauma-informed care',
  'vicarious-trauma': 'Vicarious trauma',
  'compassion-satisfaction': 'Compassion satisfaction',
  'peer-support': 'Peer support',
  'difficult-events': 'Difficult events',
  'growth-mindset': 'Growth mindset',
};

const statusLabels: Record<string, string> = {
  enrolled: 'Enrolled',
  waitlisted: 'On the waiting list',
  withdrawn: 'Withdrawn',
  draft: 'Draft',
  published: 'Published',
  closed: 'Closed',
};

/** A slug in words: the known label, else the slug with its dashes as spaces and a capital. */
function wordsOf(labels: Record<string, string>, value: string): string {
  const known = labels[value];
  if (known) return known;
  const spaced = value.replaceAll('-', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function labelLevel(level: string | null): string | null {
  return level ? wordsOf(levelLabels, level) : null;
}

export function labelInterest(interest: string): string {
  return wordsOf(interestLabels, interest);
}

export function labelStatus(status: string): string {
  return wordsOf(statusLabels, status);
}
