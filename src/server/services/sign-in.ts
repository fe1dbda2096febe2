import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
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
