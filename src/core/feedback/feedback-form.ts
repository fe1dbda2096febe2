import { millisecondsPerDay } from '../scheduling/durations.ts';

/** The 30-second form each attendee answers after a meeting: two ratings, two short texts, two wishes. */

export const ratingScale = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof ratingScale)[number];

export const feedbackLimits = {
  /** Characters in "one thing to keep" and "one thing to change". */
  textLength: 500,
  topicsWanted: 5,
  preferredTimes: 40,
} as const;

export type FeedbackAnswer = {
  personId: string;
  /**
   * The answer itself (person and meeting), counted by the gate in place of the person when one
   * person's answers to several meetings are released over time.
   */
  answerId?: string;
  /** The topic of the meeting the answer is about, if it had one. */
  topicId: string | null;
  usefulness: Rating;
  feltSafe: Rating;
  keep: string;
  change: string;
};

/**
 * A meeting's feedback period: people are asked when it ends and may answer or change their answer
 * for this long. When it closes the meeting's answers join the program's released figures, frozen.
 */
export const feedbackPeriodDays = 7;

/** When a meeting's feedback period closes (and its answers are released). */
export function feedbackPeriodClosesAt(meetingEndsAt: Date): Date {
  return new Date(meetingEndsAt.getTime() + feedbackPeriodDays * millisecondsPerDay);
}

/** Feedback can be given until the program's term ends; afterwards the results stand still. */
export function isFeedbackOpen(termEnd: string, today: string): boolean {
  return today <= termEnd;
}
