import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/connect.ts';
import { memberships, organizations, users } from '../../db/schema.ts';
import { unknownAccountHash, verifyPassword } from '../auth/passwords.ts';
import { AppError } from '../errors.ts';

/**
 * Checks e-mail and password; returns the member to start a session for, or null. Refuses a right
 * password when the organisation lets only admins sign in with one.
 */
export async function checkCredentials(
  db: Database,
  email: string,
  password: string,
): Promise<{ userId: string; organizationId: string } | null> {
  const [row] = await db
    .select({
      userId: users.id,
      passwordHash: users.passwordHash,
      organizationId: memberships.organizationId,
      role: memberships.role,
      settings: organizations.settings,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.disabledAt)))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  const isValid = await verifyPassword(row?.passwordHash ?? unknownAccountHash, password);
  if (!row?.passwordHash || !isValid) return null;
  // Said only after the password matched, so it tells a stranger nothing about who has an account.
  if (row.settings.isPasswordSignInAdminOnly && row.role !== 'admin') {
    throw new AppError(
      'PASSWORD_SIGN_IN_OFF',
      'Your organisation signs in with its own identity provider: use the “Sign in with …” button instead of a password.',
    );
  }
  return { userId: row.userId, organizationId: row.organizationId };
}

function passwordSignInOff(): AppError {
  return new AppError(
    'PASSWORD_SIGN_IN_OFF',
    'Your organisation signs in with its own identity provider: use the “Sign in with …” button instead of a password.',
  );
}

/**
 * Invitation and reset links set a password and sign in with it, so they follow the same rule as the
 * sign-in form: where only admins use passwords, everyone else is sent to the provider's button.
 */
export async function refuseIfPasswordSignInOff(
  db: Database | Transaction,
  member: { userId: string; organizationId: string },
): Promise<void> {
  const [row] = await db
    .select({ role: memberships.role, settings: organizations.settings })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, member.userId), eq(memberships.organizationId, member.organizationId)));
  if (row?.settings.isPasswordSignInAdminOnly && row.role !== 'admin') throw passwordSignInOff();
}
