import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Role } from '../../core/accounts/roles.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { preparedOnce } from '../../db/prepared.ts';
import {
  memberships,
  type OrganizationSettings,
  organizations,
  type SsoSessionLink,
  sessions,
  users,
} from '../../db/schema.ts';
import { generateToken, hashToken } from './tokens.ts';

export type SessionTimeouts = { idleTimeoutMs: number; absoluteTimeoutMs: number };

export type SignedInMember = {
  sessionId: string;
  /** The identity provider that vouched for this sign-in, for single logout; null after a password. */
  ssoLink: SsoSessionLink | null;
  userId: string;
  organizationId: string;
  name: string;
  email: string;
  role: Role;
  level: string | null;
  discipline: string | null;
  /**
   * The organisation's name and settings, read in the same statement as the session: most pages need
   * them, and a second statement per request cost more than the small jsonb does. Absent for members
   * made outside a request (the demo seed); services/organization.ts settingsFor reads them then.
   */
  organizationSettings?: OrganizationSettings & { name: string };
};

/** Minimum gap between writes of last_seen_at, so reading pages does not write on every request. */
const lastSeenWriteIntervalMs = 60_000;

export async function createSession(
  db: Database | Transaction,
  member: { userId: string; organizationId: string },
  now: Date,
  ssoLink: SsoSessionLink | null = null,
): Promise<string> {
  const token = generateToken();
  await db
    .insert(sessions)
    .values({ id: hashToken(token), ...member, createdAt: now, lastSeenAt: now, ssoLink });
  return token;
}

/** Every request looks its session up. */
const sessionLookupOf = preparedOnce((db) =>
  db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ssoLink: sessions.ssoLink,
      userId: users.id,
      organizationId: sessions.organizationId,
      name: users.name,
      email: users.email,
      disabledAt: users.disabledAt,
      role: memberships.role,
      level: memberships.level,
      discipline: memberships.discipline,
      organizationName: organizations.name,
      organizationSettings: organizations.settings,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(
      memberships,
      and(eq(memberships.userId, sessions.userId), eq(memberships.organizationId, sessions.organizationId)),
    )
    .innerJoin(organizations, eq(organizations.id, sessions.organizationId))
    .where(eq(sessions.id, sql.placeholder('sessionId')))
    .prepare('tend_session_lookup'),
);

/** Returns the member behind a session token, or null when the token is unknown, idle too long, or too old. */
export async function validateSession(
  db: Database,
  token: string,
  now: Date,
  timeouts: SessionTimeouts,
): Promise<SignedInMember | null> {
  const sessionId = hashToken(token);
  const [row] = await sessionLookupOf(db).execute({ sessionId });
  if (!row) return null;
  const isExpired =
    now.getTime() - row.lastSeenAt.getTime() > timeouts.idleTimeoutMs ||
    now.getTime() - row.createdAt.getTime() > timeouts.absoluteTimeoutMs ||
    row.disabledAt !== null;
  if (isExpired) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > lastSeenWriteIntervalMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return {
    sessionId,
    ssoLink: row.ssoLink,
    userId: row.userId,
    organizationId: row.organizationId,
    name: row.name,
    email: row.email,
    role: row.role,
    level: row.level,
    discipline: row.discipline,
    organizationSettings: { ...row.organizationSettings, name: row.organizationName },
  };
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Database | Transaction, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions no request can revive any more. */
export async function deleteExpiredSessions(
  db: Database,
  now: Date,
  timeouts: SessionTimeouts,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.lastSeenAt, new Date(now.getTime() - timeouts.idleTimeoutMs)),
        lt(sessions.createdAt, new Date(now.getTime() - timeouts.absoluteTimeoutMs)),
      ),
    );
}
