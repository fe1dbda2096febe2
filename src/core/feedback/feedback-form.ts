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
  /** The topic of the meeting the answer is about, if it had one. */
  topicId: string | null;
  usefulness: Rating;
  feltSafe: Rating;
  keep: string;
  change: string;
};

/** Feedback can be given until the program's term ends; afterwards the results stand still. */
export function isFeedbackOpen(termEnd: string, today: string): boolean {
  return today <= termEnd;
}
