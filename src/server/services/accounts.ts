import { and, asc, eq, sql } from 'drizzle-orm';
import type { RosterEntry, RosterRejection } from '../../core/accounts/parse-roster.ts';
import type { Level, Role } from '../../core/accounts/roles.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { invitations, memberships, users } from '../../db/schema.ts';
import { hashPassword } from '../auth/passwords.ts';
import { invalidateUserSessions } from '../auth/sessions.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';

export type Member = {
  id: string;
  name: string;
  email: string;
  role: Role;
  level: Level | null;
  discipline: string | null;
  hasPassword: boolean;
  isDisabled: boolean;
};

const invitationLifetimeMs = 7 * 24 * 3_600_000;

const memberColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: memberships.role,
  level: memberships.level,
  discipline: memberships.discipline,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  isDisabled: sql<boolean>`${users.disabledAt} is not null`,
};

export async function listMembers(db: Database, organizationId: string): Promise<Member[]> {
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name));
  return rows.map(asMember);
}

async function findMember(
  db: Database | Transaction,
  organizationId: string,
  userId: string,
): Promise<Member> {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  if (!row) throw notFound('That person');
  return asMember(row);
}

function asMember(row: Omit<Member, 'level'> & { level: string | null }): Member {
  return { ...row, level: row.level as Level | null };
}

export type NewMember = RosterEntry & { password?: string | undefined };

async function isEmailTaken(db: Database | Transaction, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row !== undefined;
}

async function insertMember(tx: Transaction, organizationId: string, entry: NewMember): Promise<string> {
  const passwordHash = entry.password ? await hashPassword(entry.password) : null;
  const [user] = await tx
    .insert(users)
    .values({ email: entry.email.toLowerCase(), name: entry.name, passwordHash })
    .returning({ id: users.id });
  if (!user) throw new Error('insert returned no row');
  await tx.insert(memberships).values({
    organizationId,
    userId: user.id,
    role: entry.role,
    level: entry.level,
    discipline: entry.discipline,
  });
  return user.id;
}

export async function createMember(
  db: Database,
  actor: { organizationId: string; userId: string },
  entry: NewMember,
): Promise<Member> {
  return db.transaction(async (tx) => {
    if (await isEmailTaken(tx, entry.email)) {
      throw new AppError('EMAIL_TAKEN', `${entry.email} already has an account.`, {
        fields: { 'body.email': 'already has an account' },
      });
    }
    const userId = await insertMember(tx, actor.organizationId, entry);
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'user.created',
      targetId: userId,
    });
    return findMember(tx, actor.organizationId, userId);
  });
}

export type MemberChanges = Partial<{
  name: string;
  role: Role;
  level: Level | null;
  discipline: string | null;
  isDisabled: boolean;
}>;

export async function updateMember(
  db: Database,
  actor: { organizationId: string; userId: string },
  userId: string,
  changes: MemberChanges,
  now: Date,
): Promise<Member> {
  return db.transaction(async (tx) => {
    const before = await findMember(tx, actor.organizationId, userId);
    if (userId === actor.userId && (changes.isDisabled || (changes.role && changes.role !== 'admin'))) {
      throw new AppError(
        'FORBIDDEN',
        'You cannot disable yourself or remove your own admin role; ask another admin.',
      );
    }
    if (changes.name !== undefined || changes.isDisabled !== undefined) {
      await tx
        .update(users)
        .set({
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.isDisabled !== undefined ? { disabledAt: changes.isDisabled ? now : null } : {}),
        })
        .where(eq(users.id, userId));
    }
    const { role, level, discipline } = changes;
    if (role !== undefined || level !== undefined || discipline !== undefined) {
      await tx
        .update(memberships)
        .set({
          ...(role !== undefined ? { role } : {}),
          ...(level !== undefined ? { level } : {}),
          ...(discipline !== undefined ? { discipline } : {}),
        })
        .where(and(eq(memberships.organizationId, actor.organizationId), eq(memberships.userId, userId)));
    }
    // A changed role or a disabled account must take effect now, not when the session runs out.
    if ((role !== undefined && role !== before.role) || changes.isDisabled) {
      await invalidateUserSessions(tx, userId);
    }
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: role !== undefined && role !== before.role ? `user.role-changed:${role}` : 'user.updated',
      targetId: userId,
    });
    return findMember(tx, actor.organizationId, userId);
  });
}

export type ImportReport = {
  created: { row: number; email: string; name: string }[];
  rejected: RosterRejection[];
};

/** Creates every acceptable roster row in one transaction; rows whose e-mail already exists are rejected. */
export async function importRoster(
  db: Database,
  actor: { organizationId: string; userId: string },
  parsed: { entries: { row: number; entry: RosterEntry }[]; rejected: RosterRejection[] },
): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    const report: ImportReport = { created: [], rejected: [...parsed.rejected] };
    for (const { row, entry } of parsed.entries) {
      if (await isEmailTaken(tx, entry.email)) {
        report.rejected.push({
          row,
          email: entry.email,
          reasons: ['an account with this e-mail already exists'],
        });
        continue;
      }
      await insertMember(tx, actor.organizationId, entry);
      report.created.push({ row, email: entry.email, name: entry.name });
    }
    report.rejected.sort((a, b) => a.row - b.row);
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: `roster.imported:${report.created.length}`,
    });
    return report;
  });
}

/** Creates a one-time link with which a person sets their password; earlier links stop working. */
export async function createInvitation(
  db: Database,
  actor: { organizationId: string; userId: string },
  userId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    await findMember(tx, actor.organizationId, userId);
    await tx.delete(invitations).where(eq(invitations.userId, userId));
    const token = generateToken();
    const expiresAt = new Date(now.getTime() + invitationLifetimeMs);
    await tx
      .insert(invitations)
      .values({ id: hashToken(token), userId, organizationId: actor.organizationId, expiresAt });
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'user.invited',
      targetId: userId,
    });
    return { token, expiresAt };
  });
}

async function findUsableInvitation(db: Database | Transaction, token: string, now: Date) {
  const [row] = await db
    .select({
      userId: invitations.userId,
      organizationId: invitations.organizationId,
      name: users.name,
      email: users.email,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.id, hashToken(token)),
        sql`${invitations.usedAt} is null`,
        sql`${invitations.expiresAt} > ${now.toISOString()}`,
      ),
    );
  if (!row) {
    throw new AppError(
      'INVITATION_INVALID',
      'This invitation link is unknown, used or expired; ask your administrator for a new one.',
    );
  }
  return row;
}

export async function describeInvitation(db: Database, token: string, now: Date) {
  const { name, email } = await findUsableInvitation(db, token, now);
  return { name, email };
}

export async function acceptInvitation(
  db: Database,
  token: string,
  password: string,
  now: Date,
): Promise<{ userId: string; organizationId: string }> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const invitation = await findUsableInvitation(tx, token, now);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, invitation.userId));
    await tx
      .update(invitations)
      .set({ usedAt: now })
      .where(eq(invitations.id, hashToken(token)));
    await invalidateUserSessions(tx, invitation.userId);
    return { userId: invitation.userId, organizationId: invitation.organizationId };
  });
}
