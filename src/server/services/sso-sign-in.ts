import { and, eq, sql } from 'drizzle-orm';
import {
  isEmailDomainAllowed,
  mapAttributes,
  type VouchedIdentity,
} from '../../core/accounts/sso-identity.ts';
import type { AuditChange } from '../../core/audit/describe-audit-event.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { memberships, type SsoSessionLink, ssoIdentities, users } from '../../db/schema.ts';
import { createSession } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import type { SsoConnection } from './sso-connections.ts';

/**
 * Says no to a sign-in, with a line in the organisation's audit log saying why. The log is written
 * on its own, since the refused sign-in's transaction (if any) is rolled back.
 */
export async function refuseSignIn(
  db: Database,
  connection: Pick<SsoConnection, 'id' | 'organizationId' | 'displayName'>,
  reason: string,
): Promise<never> {
  await recordAuditEvent(db, {
    organizationId: connection.organizationId,
    actorUserId: null,
    action: 'sso.refused',
    details: { subject: connection.displayName, changes: [{ field: 'reason', from: null, to: reason }] },
  });
  throw new AppError('SSO_REFUSED', reason);
}

async function findMemberOf(tx: Transaction, organizationId: string, userId: string) {
  const [row] = await tx
    .select({
      role: memberships.role,
      level: memberships.level,
      discipline: memberships.discipline,
      disabledAt: users.disabledAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** Who the identity is in Tend: by the provider's subject first, then by e-mail (and remembered). */
async function findUserId(
  tx: Transaction,
  connection: SsoConnection,
  identity: VouchedIdentity,
): Promise<string | null> {
  const [linked] = await tx
    .select({ userId: ssoIdentities.userId })
    .from(ssoIdentities)
    .where(
      and(
        eq(ssoIdentities.organizationId, connection.organizationId),
        eq(ssoIdentities.connectionId, connection.id),
        eq(ssoIdentities.subject, identity.subject),
      ),
    );
  if (linked) return linked.userId;
  const [byEmail] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${identity.email.toLowerCase()}`);
  return byEmail?.id ?? null;
}

type Outcome = { kind: 'signed-in'; token: string; userId: string } | { kind: 'refused'; reason: string };

/**
 * Starts a session for the person an identity provider vouched for, after the protocol's own checks
 * (signature, audience, nonce, replay) have passed. Unknown people join as participants only when
 * the organisation allows it; the mapping sets role, level and discipline at each sign-in, except
 * that it never takes the admin role away (admins are managed in Tend: their recovery path).
 */
export async function signInWithIdentity(
  db: Database,
  connection: SsoConnection,
  identity: VouchedIdentity,
  link: Omit<SsoSessionLink, 'connectionId'>,
  now: Date,
): Promise<{ token: string; userId: string }> {
  if (!isEmailDomainAllowed(identity.email, connection.emailDomains)) {
    return refuseSignIn(
      db,
      connection,
      `${connection.displayName} vouched for an address outside this organisation's domains (${connection.emailDomains.join(', ')}).`,
    );
  }
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const { organizationId } = connection;
    const mapped = mapAttributes(connection.mapping, identity.attributes);
    let userId = await findUserId(tx, connection, identity);
    const member = userId ? await findMemberOf(tx, organizationId, userId) : null;
    if (userId && !member) {
      return {
        kind: 'refused',
        reason: 'This account belongs to another organisation in Tend; ask your administrator.',
      };
    }
    if (!userId) {
      if (connection.createsUnknownPeople === 'refuse') {
        return {
          kind: 'refused',
          reason: `There is no Tend account for ${identity.email}; ask your administrator to add you.`,
        };
      }
      const [created] = await tx
        .insert(users)
        .values({ email: identity.email, name: identity.name?.trim() || identity.email, createdAt: now })
        .returning({ id: users.id });
      if (!created) throw new Error('creating the person returned no row');
      userId = created.id;
      // Someone joining by single sign-on becomes a participant unless the mapping says otherwise;
      // admin is never granted this way.
      const role = mapped.role && mapped.role !== 'admin' ? mapped.role : 'participant';
      await tx.insert(memberships).values({
        organizationId,
        userId,
        role,
        level: mapped.level ?? null,
        discipline: mapped.discipline ?? null,
      });
      await recordAuditEvent(tx, {
        organizationId,
        actorUserId: null,
        action: 'sso.person-created',
        targetId: userId,
        details: { subject: connection.displayName },
      });
    } else if (member) {
      if (member.disabledAt)
        return { kind: 'refused', reason: 'This account is disabled; ask your administrator.' };
      const changes = memberChanges(member, mapped);
      if (changes.length > 0) {
        await tx
          .update(memberships)
          .set(Object.fromEntries(changes.map((change) => [change.field, change.to])))
          .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
        await recordAuditEvent(tx, {
          organizationId,
          actorUserId: null,
          action: 'user.updated',
          targetId: userId,
          details: { changes },
        });
      }
    }
    await tx
      .insert(ssoIdentities)
      .values({
        organizationId,
        connectionId: connection.id,
        subject: identity.subject,
        userId,
        lastSignInAt: now,
      })
      .onConflictDoUpdate({
        target: [ssoIdentities.organizationId, ssoIdentities.connectionId, ssoIdentities.subject],
        set: { lastSignInAt: now },
      });
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: userId,
      action: 'sso.signed-in',
      details: { subject: connection.displayName },
    });
    const token = await createSession(tx, { userId, organizationId }, now, {
      connectionId: connection.id,
      ...link,
    });
    return { kind: 'signed-in', token, userId };
  });
  if (outcome.kind === 'refused') return refuseSignIn(db, connection, outcome.reason);
  return { token: outcome.token, userId: outcome.userId };
}

function memberChanges(
  member: { role: string; level: string | null; discipline: string | null },
  mapped: ReturnType<typeof mapAttributes>,
): AuditChange[] {
  const changes: AuditChange[] = [];
  if (mapped.role && mapped.role !== member.role && member.role !== 'admin' && mapped.role !== 'admin') {
    changes.push({ field: 'role', from: member.role, to: mapped.role });
  }
  if (mapped.level && mapped.level !== member.level)
    changes.push({ field: 'level', from: member.level, to: mapped.level });
  if (mapped.discipline && mapped.discipline !== member.discipline) {
    changes.push({ field: 'discipline', from: member.discipline, to: mapped.discipline });
  }
  return changes;
}
