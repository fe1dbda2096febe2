import { millisecondsPerDay } from '../scheduling/durations.ts';
/**
 * Whether one due follow-up is sent now, or skipped for good and why. Skipped follow-ups stay
 * answerable in the app; only the nudge (notice and e-mail) is not sent.
 */

export type NudgeFrequency = 'every' | 'fewer' | 'none';
export type NudgePreference = { frequency: NudgeFrequency; pausedUntil: Date | null };

export type SkipReason = 'answered' | 'withdrawn' | 'paused' | 'opted-out' | 'fewer' | 'superseded';
export type DeliveryDecision = { action: 'send' } | { action: 'skip'; reason: SkipReason };

/** With "fewer", at most one nudge in this many days. */
export const fewerNudgesIntervalDays = 7;

export const defaultNudgePreference: NudgePreference = { frequency: 'every', pausedUntil: null };

export function decideFollowUpDelivery(input: {
  kind: 'prompt' | 'catch-up';
  now: Date;
  isAnswered: boolean;
  isWithdrawn: boolean;
  /** A later step of the same meeting is already due: the older prompt would arrive with it. */
  isSupersededByLaterStep: boolean;
  preference: NudgePreference;
  /** When this person was last nudged about any follow-up, if ever. */
  lastSentAt: Date | null;
}): DeliveryDecision {
  if (input.isWithdrawn) return { action: 'skip', reason: 'withdrawn' };
  if (input.kind === 'prompt' && input.isAnswered) return { action: 'skip', reason: 'answered' };
  if (input.preference.frequency === 'none') return { action: 'skip', reason: 'opted-out' };
  const { pausedUntil } = input.preference;
  if (pausedUntil && pausedUntil.getTime() > input.now.getTime()) return { action: 'skip', reason: 'paused' };
  if (input.kind === 'prompt' && input.isSupersededByLaterStep)
    return { action: 'skip', reason: 'superseded' };
  if (
    input.preference.frequency === 'fewer' &&
    input.lastSentAt &&
    input.now.getTime() - input.lastSentAt.getTime() < fewerNudgesIntervalDays * millisecondsPerDay
  ) {
    return { action: 'skip', reason: 'fewer' };
  }
  return { action: 'send' };
}
