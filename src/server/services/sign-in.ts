import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { memberships, users } from '../../db/schema.ts';
import { unknownAccountHash, verifyPassword } from '../auth/passwords.ts';

/** Checks e-mail and password; returns the member to start a session for, or null. */
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
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.disabledAt)))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  const isValid = await verifyPassword(row?.passwordHash ?? unknownAccountHash, password);
  if (!row?.passwordHash || !isValid) return null;
  return { userId: row.userId, organizationId: row.organizationId };
}
