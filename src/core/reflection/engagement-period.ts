import { millisecondsPerDay } from '../scheduling/durations.ts';

/**
 * Days after a meeting's last follow-up prompt in which a reflection on it still counts: people
 * answer a prompt some days after it arrives, and the figures should not leave them out.
 */
export const reflectionGraceDays = 7;

/**
 * When a meeting's reflection period closes and its engagement is released, once and for good: the
 * last follow-up step's day after the meeting ends, plus the grace. Until then nothing is shown,
 * since a share read twice while reflections arrive tells who reflected in between (issue 11).
 */
export function engagementReleasedAt(meetingEndsAt: Date, followUpDays: readonly number[]): Date {
  const lastStep = Math.max(0, ...followUpDays);
  return new Date(meetingEndsAt.getTime() + (lastStep + reflectionGraceDays) * millisecondsPerDay);
}
