import { addDays, isLocalDate } from '../scheduling/local-date.ts';
import { isValidTimeZone, zonedTimeToUtc } from '../scheduling/time-zones.ts';

export type SupervisionPlanRequest = {
  /** The first conversation's date and time as the proposer's clock shows them. */
  firstDate: string;
  time: string;
  timeZone: string;
  cadenceWeeks: number;
  count: number;
  minutes: number;
  now: Date;
};

export type PlannedConversation = { sequence: number; startsAt: Date; endsAt: Date };

export type PlanProblem = { field: keyof SupervisionPlanRequest; message: string };

export const supervisionLimits = {
  cadenceWeeks: { min: 1, max: 12 },
  count: { min: 1, max: 26 },
  minutes: { min: 15, max: 180 },
} as const;

function findProblems(request: SupervisionPlanRequest): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!isLocalDate(request.firstDate))
    problems.push({ field: 'firstDate', message: 'must be a date as yyyy-mm-dd' });
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(request.time)) {
    problems.push({ field: 'time', message: 'must be a time as hh:mm, e.g. 14:30' });
  }
  if (!isValidTimeZone(request.timeZone))
    problems.push({ field: 'timeZone', message: 'is not a known time zone' });
  for (const field of ['cadenceWeeks', 'count', 'minutes'] as const) {
    const { min, max } = supervisionLimits[field];
    const value = request[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push({ field, message: `must be a whole number from ${min} to ${max}` });
    }
  }
  return problems;
}

/**
 * Conversations every `cadenceWeeks` weeks at the same wall-clock time in the proposer's time zone,
 * so a daylight-saving change does not move them by an hour. The first must be in the future.
 */
export function planConversations(request: SupervisionPlanRequest): {
  conversations: PlannedConversation[];
  problems: PlanProblem[];
} {
  const problems = findProblems(request);
  if (problems.length > 0) return { conversations: [], problems };
  const [hour = 0, minute = 0] = request.time.split(':').map(Number);
  const conversations = Array.from({ length: request.count }, (_, index) => {
    const date = addDays(request.firstDate, index * 7 * request.cadenceWeeks);
    const startsAt = zonedTimeToUtc(date, hour, minute, request.timeZone);
    return {
      sequence: index + 1,
      startsAt,
      endsAt: new Date(startsAt.getTime() + request.minutes * 60_000),
    };
  });
  const first = conversations[0];
  if (first && first.startsAt.getTime() <= request.now.getTime()) {
    return { conversations: [], problems: [{ field: 'firstDate', message: 'must be in the future' }] };
  }
  return { conversations, problems: [] };
}
