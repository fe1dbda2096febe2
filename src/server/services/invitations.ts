import { and, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/connect.ts';
import { invitations, memberships, organizations, users } from '../../db/schema.ts';
import { sendInvitationEmail } from '../../notifications/account-emails.ts';
import { hashPassword } from '../auth/passwords.ts';
import { invalidateUserSessions } from '../auth/sessions.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { refuseIfPasswordSignInOff } from './sign-in.ts';

export const invitationLifetimeMs = 7 * 24 * 3_600_000;
/** People who have not chosen a password this long after their invitation get one reminder. */
export const invitationReminderAfterMs = 3 * 24 * 3_600_000;

type Actor = { organizationId: string; userId: string };

type Invitee = {
  userId: string;
  organizationId: string;
  organizationName: string;
  name: string;
  email: string;
  role: string;
  hasPassword: boolean;
  isDisabled: boolean;
};

/** Members with what an invitation needs of them; narrowed by the caller's where. */
function selectInvitees(tx: Database | Transaction) {
  return tx
    .select({
      userId: users.id,
      organizationId: memberships.organizationId,
      organizationName: organizations.name,
      name: users.name,
      email: users.email,
      role: memberships.role,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      isDisabled: sql<boolean>`${users.disabledAt} is not null`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId));
}

async function findInvitee(tx: Database | Transaction, organizationId: string, userId: string) {
  const [row] = await selectInvitees(tx).where(
    and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)),
  );
  if (!row) throw notFound('That person');
  return row satisfies Invitee;
}

/**
 * Why this person may not be sent a set-password link, or null. A link is a credential: issuing one
 * for an account that already has a password (or for another admin) would let the admin sign in as
 * that person, so it exists only for accounts that never had a password.
 */
function refusalFor(invitee: Invitee): string | null {
  if (invitee.isDisabled) return `${invitee.name}'s account is disabled; enable it before inviting.`;
  if (invitee.hasPassword) {
    return `${invitee.name} has already chosen a password. If it is forgotten, they can use "Forgot password" on the sign-in page.`;
  }
  if (invitee.role === 'admin') {
    return `${invitee.name} is an admin. Admins set their own password with "Forgot password" on the sign-in page, so no admin ever holds a link into another admin's account.`;
  }
  return null;
}

/** Writes a new link (earlier ones stop working) and queues its e-mail, inside the caller's transaction. */
async function issueInvitation(tx: Transaction, invitee: Invitee, now: Date): Promise<Date> {
  await tx.delete(invitations).where(eq(invitations.userId, invitee.userId));
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + invitationLifetimeMs);
  await tx.insert(invitations).values({
    id: hashToken(token),
    userId: invitee.userId,
    organizationId: invitee.organizationId,
    expiresAt,
    createdAt: now,
  });
  await sendInvitationEmail(tx, invitee, token, { expiresAt, isReminder: false });
  return expiresAt;
}

/** E-mails a person a one-time link to choose their password (also to send it again). */
export async function inviteMember(
  db: Database,
  actor: Actor,
  userId: string,
  now: Date,
): Promise<{ email: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const invitee = await findInvitee(tx, actor.organizationId, userId);
    const refusal = refusalFor(invitee);
    if (refusal) throw new AppError('INVITATION_NOT_ALLOWED', refusal);
    const expiresAt = await issueInvitation(tx, invitee, now);
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: 'user.invited',
      targetId: userId,
    });
    return { email: invitee.email, expiresAt };
  });
}

/** Invites everyone who could be invited and has no link yet (or only an expired one), e.g. after a roster import. */
export async function inviteEveryoneNotYetInvited(
  db: Database,
  actor: Actor,
  now: Date,
): Promise<{ invited: number }> {
  return db.transaction(async (tx) => {
    const candidates = await selectInvitees(tx).where(
      and(
        eq(memberships.organizationId, actor.organizationId),
        isNull(users.passwordHash),
        isNull(users.disabledAt),
        sql`${memberships.role} <> 'admin'`,
        sql`not exists (select 1 from ${invitations} where ${invitations.userId} = ${users.id} and ${invitations.usedAt} is null and ${invitations.expiresAt} > ${now.toISOString()})`,
      ),
    );
    for (const invitee of candidates) await issueInvitation(tx, invitee, now);
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: `users.invited:${candidates.length}`,
    });
    return { invited: candidates.length };
  });
}

export type InvitationReminderReport = { reminded: number };

/**
 * One reminder, with a fresh link of its own (only hashes are stored, so the first link cannot be
 * sent again), to each person whose invitation is 3 days old, still open and never reminded.
 */
export async function remindPendingInvitations(db: Database, now: Date): Promise<InvitationReminderReport> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: invitations.id,
        userId: invitations.userId,
        organizationId: invitations.organizationId,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(
        and(
          isNull(invitations.usedAt),
          isNull(invitations.remindedAt),
          lte(invitations.createdAt, new Date(now.getTime() - invitationReminderAfterMs)),
          gt(invitations.expiresAt, now),
          isNull(users.passwordHash),
          isNull(users.disabledAt),
        ),
      )
      .for('update', { of: invitations, skipLocked: true });
    for (const invitation of due) {
      const invitee = await findInvitee(tx, invitation.organizationId, invitation.userId);
      const token = generateToken();
      await tx.insert(invitations).values({
        id: hashToken(token),
        userId: invitation.userId,
        organizationId: invitation.organizationId,
        expiresAt: invitation.expiresAt,
        createdAt: now,
        remindedAt: now,
      });
      await sendInvitationEmail(tx, invitee, token, { expiresAt: invitation.expiresAt, isReminder: true });
    }
    if (due.length > 0) {
      await tx
        .update(invitations)
        .set({ remindedAt: now })
        .where(
          inArray(
            invitations.id,
            due.map((invitation) => invitation.id),
          ),
        );
    }
    return { reminded: due.length };
  });
}

/** A link is usable only while open, and only for an enabled account that still has no password. */
async function findUsableInvitation(db: Database | Transaction, token: string, now: Date) {
  const [row] = await db
    .select({
      userId: invitations.userId,
      organizationId: invitations.organizationId,
      name: users.name,
      email: users.email,
      organizationName: organizations.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(
      and(
        eq(invitations.id, hashToken(token)),
        isNull(invitations.usedAt),
        gt(invitations.expiresAt, now),
        isNull(users.passwordHash),
        isNull(users.disabledAt),
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
  const invitation = await findUsableInvitation(db, token, now);
  await refuseIfPasswordSignInOff(db, invitation);
  const passwordHash = await hashPassword(password, {
    email: invitation.email,
    organizationName: invitation.organizationName,
  });
  return db.transaction(async (tx) => {
    // Checked again under the transaction: the link may have been used or the account disabled meanwhile.
    await findUsableInvitation(tx, token, now);
    const [updated] = await tx
      .update(users)
      .set({ passwordHash })
      .where(and(eq(users.id, invitation.userId), isNull(users.passwordHash)))
      .returning({ id: users.id });
    if (!updated) throw new AppError('INVITATION_INVALID', 'This invitation link was already used.');
    await tx.delete(invitations).where(eq(invitations.userId, invitation.userId));
    await invalidateUserSessions(tx, invitation.userId);
    return { userId: invitation.userId, organizationId: invitation.organizationId };
  });
}

/** Setup's first admin: a link printed on the host's console, for an account nobody else can reach yet. */
export async function createFirstAdminInvitation(
  tx: Transaction,
  member: { userId: string; organizationId: string },
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + invitationLifetimeMs);
  await tx.insert(invitations).values({ id: hashToken(token), ...member, expiresAt, createdAt: now });
  return { token, expiresAt };
}
