import { createHmac, randomBytes } from 'node:crypto';

/**
 * Limits how many anonymous reports one person files in a day without writing anything that links
 * them to a report: the count lives only in this process's memory, keyed by an HMAC of the user id
 * under a key that is made at start-up and never stored, and entries are dropped when their day is
 * over. A restart forgets everything (several servers each keep their own count), which is the
 * price of keeping no record; the duplicate check in the service catches resubmissions.
 */
export type AnonymousReportLimiter = {
  /** Counts one report; false once `limit` were counted for this person in the last `windowMs`. */
  tryTake(userId: string, now: Date): boolean;
};

export function createAnonymousReportLimiter(options: {
  limit: number;
  windowMs: number;
}): AnonymousReportLimiter {
  const key = randomBytes(32);
  const takenAt = new Map<string, number[]>();
  return {
    tryTake(userId, now) {
      const since = now.getTime() - options.windowMs;
      for (const [entry, times] of takenAt) {
        if (times.every((time) => time <= since)) takenAt.delete(entry);
      }
      const entry = createHmac('sha256', key).update(userId).digest('base64url');
      const recent = (takenAt.get(entry) ?? []).filter((time) => time > since);
      if (recent.length >= options.limit) return false;
      // Only the times are kept, not which report each one was.
      takenAt.set(entry, [...recent, now.getTime()]);
      return true;
    },
  };
}
