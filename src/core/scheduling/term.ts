/**
 * Checks on a program's term and on moving a meeting, each answered with messages a coordinator can
 * act on, keyed by the field to fix. An empty list means the input is fine.
 */
import { daysBetween, isLocalDate } from './local-date.ts';
import { isValidTimeZone, utcToZoned } from './time-zones.ts';

export type FieldProblem = {
  /** The input field to fix, e.g. `termEnd`. */
  field: string;
  message: string;
};

export type TermSettings = {
  /** Dates are `yyyy-mm-dd` in the organisation's time zone; a term includes its first and last day. */
  termStart: string;
  termEnd: string;
  enrolmentOpens: string;
  enrolmentCloses: string;
  meetingCount: number;
  cadenceWeeks: number;
  meetingMinutes: number;
  groupSizeMin: number;
  groupSizeMax: number;
};

export const termLimits = {
  meetingMinutes: { min: 15, max: 240 },
  cadenceWeeks: { min: 1, max: 8 },
  meetingCount: { min: 1, max: 52 },
  groupSize: { min: 3, max: 20 },
} as const;

/** A meeting may last at most this long (4 hours). */
export const longestMeetingMinutes = 240;

function isWholeNumberBetween(value: number, limits: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= limits.min && value <= limits.max;
}

/** "1 week", "10 weeks", "7 weeks and 3 days", "5 days". */
function describeDays(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  const weekText = weeks === 1 ? '1 week' : `${weeks} weeks`;
  const dayText = rest === 1 ? '1 day' : `${rest} days`;
  if (weeks === 0) return dayText;
  return rest === 0 ? weekText : `${weekText} and ${dayText}`;
}

/**
 * Everything wrong with a program's term, enrolment window, meeting plan and group sizes.
 *
 * Besides each field's own range, it checks that the term ends after it starts, that enrolment opens
 * before it closes and closes on or before the term's last day, that the smallest group size is not
 * above the largest, and that the meetings can fit: `meetingCount` meetings `cadenceWeeks` apart need
 * `(meetingCount − 1) × cadenceWeeks` weeks between the first and the last.
 */
export function findTermProblems(term: TermSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const dateFields = [
    ['termStart', "the term's first day", '2027-01-11'],
    ['termEnd', "the term's last day", '2027-03-29'],
    ['enrolmentOpens', 'the day enrolment opens', '2026-12-01'],
    ['enrolmentCloses', 'the day enrolment closes', '2027-01-04'],
  ] as const;
  for (const [field, description, example] of dateFields) {
    if (!isLocalDate(term[field])) {
      problems.push({
        field,
        message: `Enter ${description} as a date written yyyy-mm-dd, e.g. ${example}.`,
      });
    }
  }
  const hasTermDates = isLocalDate(term.termStart) && isLocalDate(term.termEnd);
  const isTermOrdered = hasTermDates && term.termStart < term.termEnd;
  if (hasTermDates && !isTermOrdered) {
    problems.push({ field: 'termEnd', message: 'The term must end after it starts.' });
  }
  const hasEnrolmentDates = isLocalDate(term.enrolmentOpens) && isLocalDate(term.enrolmentCloses);
  if (hasEnrolmentDates && term.enrolmentOpens >= term.enrolmentCloses) {
    problems.push({ field: 'enrolmentOpens', message: 'Enrolment must open before it closes.' });
  }
  if (isLocalDate(term.enrolmentCloses) && isLocalDate(term.termEnd) && term.enrolmentCloses > term.termEnd) {
    problems.push({
      field: 'enrolmentCloses',
      message: `Enrolment must close on or before the term's last day (${term.termEnd}).`,
    });
  }

  const { meetingMinutes, cadenceWeeks, meetingCount, groupSize } = termLimits;
  if (!isWholeNumberBetween(term.meetingMinutes, meetingMinutes)) {
    problems.push({
      field: 'meetingMinutes',
      message: `A meeting must last between ${meetingMinutes.min} and ${meetingMinutes.max} minutes (a whole number).`,
    });
  }
  const isCadenceValid = isWholeNumberBetween(term.cadenceWeeks, cadenceWeeks);
  if (!isCadenceValid) {
    problems.push({
      field: 'cadenceWeeks',
      message: `Meetings must be between ${cadenceWeeks.min} and ${cadenceWeeks.max} weeks apart (a whole number).`,
    });
  }
  const isCountValid = isWholeNumberBetween(term.meetingCount, meetingCount);
  if (!isCountValid) {
    problems.push({
      field: 'meetingCount',
      message: `Plan between ${meetingCount.min} and ${meetingCount.max} meetings (a whole number).`,
    });
  }
  const isMinValid = isWholeNumberBetween(term.groupSizeMin, groupSize);
  const isMaxValid = isWholeNumberBetween(term.groupSizeMax, groupSize);
  if (!isMinValid) {
    problems.push({
      field: 'groupSizeMin',
      message: `The smallest group size must be between ${groupSize.min} and ${groupSize.max} people.`,
    });
  }
  if (!isMaxValid) {
    problems.push({
      field: 'groupSizeMax',
      message: `The largest group size must be between ${groupSize.min} and ${groupSize.max} people.`,
    });
  }
  if (isMinValid && isMaxValid && term.groupSizeMin > term.groupSizeMax) {
    problems.push({
      field: 'groupSizeMax',
      message: `The largest group size (${term.groupSizeMax}) must be at least the smallest (${term.groupSizeMin}).`,
    });
  }

  if (isTermOrdered && isCadenceValid && isCountValid) {
    const neededDays = (term.meetingCount - 1) * term.cadenceWeeks * 7;
    const termDays = daysBetween(term.termStart, term.termEnd);
    if (neededDays > termDays) {
      const cadence = term.cadenceWeeks === 1 ? 'every week' : `every ${term.cadenceWeeks} weeks`;
      problems.push({
        field: 'meetingCount',
        message:
          `${term.meetingCount} meetings ${cadence} need ${describeDays(neededDays)} from the first to the last, ` +
          `but the term runs only ${describeDays(termDays)} (${term.termStart} to ${term.termEnd}); ` +
          'extend the term, plan fewer meetings or meet more often.',
      });
    }
  }
  return problems;
}

export type MeetingMove = {
  /** The proposed new start and end. */
  startsAt: Date;
  endsAt: Date;
  now: Date;
} & (
  | { termEnd?: undefined; timeZone?: string }
  | {
      /** The term's last day, `yyyy-mm-dd` in `timeZone`: a meeting may not start after it. */
      termEnd: string;
      timeZone: string;
    }
);

/**
 * Everything wrong with moving a meeting to `startsAt`–`endsAt`: it may not start in the past (before
 * `now`), must end after it starts, may last at most 4 hours and, when `termEnd` is given, must start
 * on or before the term's last day in the organisation's time zone.
 */
export function findMeetingMoveProblems(move: MeetingMove): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const startsAt = move.startsAt.getTime();
  const endsAt = move.endsAt.getTime();
  if (Number.isNaN(startsAt)) problems.push({ field: 'startsAt', message: 'Enter a valid start time.' });
  if (Number.isNaN(endsAt)) problems.push({ field: 'endsAt', message: 'Enter a valid end time.' });
  if (problems.length > 0) return problems;

  if (startsAt < move.now.getTime()) {
    problems.push({
      field: 'startsAt',
      message: 'A meeting cannot be moved into the past; choose a start time later than now.',
    });
  }
  if (endsAt <= startsAt) {
    problems.push({ field: 'endsAt', message: 'The meeting must end after it starts.' });
  } else if (endsAt - startsAt > longestMeetingMinutes * 60_000) {
    problems.push({
      field: 'endsAt',
      message: `A meeting can last at most ${longestMeetingMinutes / 60} hours; choose an earlier end time.`,
    });
  }
  if (move.termEnd !== undefined && isLocalDate(move.termEnd) && isValidTimeZone(move.timeZone)) {
    const startDate = utcToZoned(move.startsAt, move.timeZone).date;
    if (startDate > move.termEnd) {
      problems.push({
        field: 'startsAt',
        message: `The term ends on ${move.termEnd}; choose a day on or before it.`,
      });
    }
  }
  return problems;
}

/** A span of calendar days, `yyyy-mm-dd`, including both its first and its last day. */
export type DateRange = { start: string; end: string };

/**
 * True when two date ranges share at least one day (ranges include both ends, so a term ending on
 * 2027-03-01 overlaps one starting that day). Used to warn about overlapping terms for one audience.
 */
export function overlaps(rangeA: DateRange, rangeB: DateRange): boolean {
  return rangeA.start <= rangeB.end && rangeB.start <= rangeA.end;
}
