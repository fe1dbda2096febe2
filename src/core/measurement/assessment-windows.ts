import { millisecondsPerDay } from '../scheduling/durations.ts';
/**
 * When a questionnaire is open, as plain rules over plain data. A coordinator schedules an
 * instrument as an assessment window; repeating kinds become a series of windows, one per
 * occurrence, each with the same length.
 *
 * Baseline at enrolment: the window is scheduled once for a program, but each person's own
 * window opens when they enrol (or when the window opens, if they enrolled before) and closes with
 * it. So people who join late still answer a baseline before their first meetings, and nothing
 * has to be written when someone enrols: eligibility is worked out from the enrolment itself.
 */

export const assessmentWindowKinds = [
  'baseline-at-enrolment',
  'end-of-term',
  'every-3-months',
  'every-6-months',
] as const;
export type AssessmentWindowKind = (typeof assessmentWindowKinds)[number];

export const maximumOccurrences = 12;

export type PlannedWindow = { sequence: number; opensAt: Date; closesAt: Date };

/** Adds whole calendar months in UTC, keeping the time of day; the 31st becomes the month's last day. */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(date.getUTCDate(), lastDay),
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
    ),
  );
}

/**
 * The windows a schedule creates: one for baseline and end of term, `occurrences` (1–12) spaced
 * 3 or 6 months apart for repeating kinds. Returns a message instead when the schedule cannot work.
 */
export function planWindowSeries(input: {
  kind: AssessmentWindowKind;
  opensAt: Date;
  closesAt: Date;
  occurrences: number;
}): PlannedWindow[] | { problem: string; field: string } {
  const { kind, opensAt, closesAt } = input;
  if (!(closesAt.getTime() > opensAt.getTime())) {
    return { problem: 'The window must close after it opens.', field: 'closesAt' };
  }
  const isRepeating = kind === 'every-3-months' || kind === 'every-6-months';
  const occurrences = isRepeating ? input.occurrences : 1;
  if (!Number.isInteger(occurrences) || occurrences < 1 || occurrences > maximumOccurrences) {
    return { problem: `Schedule between 1 and ${maximumOccurrences} occurrences.`, field: 'occurrences' };
  }
  const months = kind === 'every-3-months' ? 3 : 6;
  const length = closesAt.getTime() - opensAt.getTime();
  if (isRepeating && addMonths(opensAt, months).getTime() < closesAt.getTime()) {
    return {
      problem: `A window repeating every ${months} months must close within ${months} months of opening, so windows do not overlap.`,
      field: 'closesAt',
    };
  }
  return Array.from({ length: occurrences }, (_, index) => {
    const start = addMonths(opensAt, index * months);
    return { sequence: index + 1, opensAt: start, closesAt: new Date(start.getTime() + length) };
  });
}

export type WindowTiming = {
  kind: AssessmentWindowKind;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
};

/** When the window opens for one person: at enrolment for a baseline, otherwise when it opens. */
export function personalOpening(window: WindowTiming, enrolledAt: Date | null): Date {
  if (window.kind !== 'baseline-at-enrolment' || enrolledAt === null) return window.opensAt;
  return enrolledAt.getTime() > window.opensAt.getTime() ? enrolledAt : window.opensAt;
}

/** When the window stops taking answers: its closing time, or earlier when a coordinator closed it. */
export function effectiveClosing(window: WindowTiming): Date {
  return window.closedAt && window.closedAt.getTime() < window.closesAt.getTime()
    ? window.closedAt
    : window.closesAt;
}

export function isOpenFor(window: WindowTiming, enrolledAt: Date | null, now: Date): boolean {
  const time = now.getTime();
  return personalOpening(window, enrolledAt).getTime() <= time && time < effectiveClosing(window).getTime();
}

/** Whether the one reminder for this person is due: open for them, and `reminderAfterDays` have passed. */
export function isReminderDue(
  window: WindowTiming & { reminderAfterDays: number },
  enrolledAt: Date | null,
  now: Date,
): boolean {
  if (!isOpenFor(window, enrolledAt, now)) return false;
  const due = personalOpening(window, enrolledAt).getTime() + window.reminderAfterDays * millisecondsPerDay;
  return now.getTime() >= due;
}
