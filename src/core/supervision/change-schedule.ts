import { isLocalDate } from '../scheduling/local-date.ts';
import { isValidTimeZone, zonedTimeToUtc } from '../scheduling/time-zones.ts';

export type ScheduledConversation = {
  id: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  cancelledAt: Date | null;
};

/** A conversation that has begun (or is over) is part of the record; only later ones can change. */
export function isAhead(conversation: Pick<ScheduledConversation, 'startsAt'>, now: Date): boolean {
  return conversation.startsAt.getTime() > now.getTime();
}

/**
 * Which conversations ending a supervision cancels: those not yet begun and not already cancelled.
 * One under way when it ends stays, like the ones before it, with its notes.
 */
export function conversationsToCancel<T extends ScheduledConversation>(
  conversations: readonly T[],
  now: Date,
): T[] {
  return conversations.filter(
    (conversation) => conversation.cancelledAt === null && isAhead(conversation, now),
  );
}

export type MoveRequest = {
  /** The new start as the mover's clock shows it. */
  date: string;
  time: string;
  timeZone: string;
  now: Date;
};

export type MoveProblem = { field: 'date' | 'time' | 'timeZone'; message: string };

export type MovePlan =
  | { startsAt: Date; endsAt: Date; problems: [] }
  | { startsAt: null; endsAt: null; problems: MoveProblem[] };

function refuse(problems: MoveProblem[]): MovePlan {
  return { startsAt: null, endsAt: null, problems };
}

/**
 * The new time of one conversation: same length, in the future, and still between the conversation
 * before it and the one after it, so "conversation 3 of 6" keeps meaning the third one.
 */
export function planConversationMove(
  conversation: ScheduledConversation,
  series: readonly ScheduledConversation[],
  request: MoveRequest,
): MovePlan {
  const problems: MoveProblem[] = [];
  if (!isLocalDate(request.date)) problems.push({ field: 'date', message: 'must be a date as yyyy-mm-dd' });
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(request.time)) {
    problems.push({ field: 'time', message: 'must be a time as hh:mm, e.g. 14:30' });
  }
  if (!isValidTimeZone(request.timeZone)) {
    problems.push({ field: 'timeZone', message: 'is not a known time zone' });
  }
  if (problems.length > 0) return refuse(problems);

  const [hour = 0, minute = 0] = request.time.split(':').map(Number);
  const startsAt = zonedTimeToUtc(request.date, hour, minute, request.timeZone);
  const endsAt = new Date(
    startsAt.getTime() + (conversation.endsAt.getTime() - conversation.startsAt.getTime()),
  );
  if (startsAt.getTime() <= request.now.getTime()) {
    return refuse([{ field: 'date', message: 'must be in the future' }]);
  }
  const others = series.filter((other) => other.id !== conversation.id && other.cancelledAt === null);
  const previous = others
    .filter((other) => other.sequence < conversation.sequence)
    .sort((a, b) => b.sequence - a.sequence)[0];
  const next = others
    .filter((other) => other.sequence > conversation.sequence)
    .sort((a, b) => a.sequence - b.sequence)[0];
  if (previous && startsAt.getTime() < previous.endsAt.getTime()) {
    return refuse([{ field: 'date', message: `must be after conversation ${previous.sequence} ends` }]);
  }
  if (next && endsAt.getTime() > next.startsAt.getTime()) {
    return refuse([{ field: 'date', message: `must end before conversation ${next.sequence} starts` }]);
  }
  return { startsAt, endsAt, problems: [] };
}
