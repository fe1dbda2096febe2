import type { Database } from '../../db/connect.ts';
import { deleteExpiredSessions, type SessionTimeouts } from '../auth/sessions.ts';
import { deleteExpiredSsoRecords } from './sso-replay.ts';

/**
 * Expired sessions are refused anyway; this keeps their rows, and the single-use records of sign-ins
 * through identity providers, from piling up.
 */
export async function cleanUpSignIns(
  db: Database,
  now: Date,
  timeouts: SessionTimeouts,
): Promise<{ expiredSsoRecords: number }> {
  await deleteExpiredSessions(db, now, timeouts);
  return { expiredSsoRecords: await deleteExpiredSsoRecords(db, now) };
}
