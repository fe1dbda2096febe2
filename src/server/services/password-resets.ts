import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { invitations, memberships, organizations, passwordResets, users } from '../../db/schema.ts';
import { sendPasswordChangedNotice, sendPasswordResetEmail } from '../../notifications/account-emails.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createSession, invalidateUserSessions } from '../auth/sessions.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import { refuseIfPasswordSignInOff } from './sign-in.ts';

export const passwordResetLifetimeMs = 3_600_000;
/** More links than this per account and hour are not sent, so nobody can flood someone's inbox. */
const resetsPerAccountPerHour = 3;

/**
 * E-mails a one-time link to choose a new password, if the address belongs to an enabled account.
 * The caller answers the same whether or not it does, so the form reveals nothing about who has an account.
 */
export async function requestPasswordReset(db: Database, email: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [account] = await tx
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        organizationId: memberships.organizationId,
      })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.disabledAt)))
      .orderBy(asc(memberships.createdAt))
      .limit(1)
      .for('update', { of: users });
    if (!account) return;
    const [recent] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.userId, account.userId),
          gt(passwordResets.createdAt, new Date(now.getTime() - 3_600_000)),
        ),
      );
    if ((recent?.count ?? 0) >= resetsPerAccountPerHour) return;
    const token = generateToken();
    await tx.insert(passwordResets).values({
      id: hashToken(token),
      userId: account.userId,
      organizationId: account.organizationId,
      expiresAt: new Date(now.getTime() + passwordResetLifetimeMs),
      createdAt: now,
    });
    await sendPasswordResetEmail(tx, account, token);
  });
}

async function findUsableReset(db: Database, token: string, now: Date) {
  const [row] = await db
    .select({
      userId: passwordResets.userId,
      organizationId: passwordResets.organizationId,
      name: users.name,
      email: users.email,
      organizationName: organizations.name,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .innerJoin(organizations, eq(organizations.id, passwordResets.organizationId))
    .where(
      and(
        eq(passwordResets.id, hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  if (!row) {
    throw new AppError(
      'PASSWORD_RESET_INVALID',
      'This link is unknown, used or more than an hour old; ask for a new one with "Forgot password".',
    );
  }
  return row;
}

/**
 * Sets the new password, ends every session of the account (someone who knew the old password is
 * signed out), tells the person, and returns the token of the one new session.
 */
export async function completePasswordReset(
  db: Database,
  token: string,
  password: string,
  now: Date,
): Promise<string> {
  const reset = await findUsableReset(db, token, now);
  await refuseIfPasswordSignInOff(db, reset);
  const passwordHash = await hashPassword(password, {
    email: reset.email,
    organizationName: reset.organizationName,
  });
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, hashToken(token)), isNull(passwordResets.usedAt)))
      .returning({ id: passwordResets.id });
    if (!used) throw new AppError('PASSWORD_RESET_INVALID', 'This link was already used.');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
    await tx.delete(passwordResets).where(eq(passwordResets.userId, reset.userId));
    await tx.delete(invitations).where(eq(invitations.userId, reset.userId));
    await invalidateUserSessions(tx, reset.userId);
    await sendPasswordChangedNotice(tx, reset, 'reset');
    return createSession(tx, reset, now);
  });
}
