import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Level } from '../../core/accounts/roles.ts';
import { ScimError } from '../../core/accounts/scim-error.ts';
import type { ScimFilter } from '../../core/accounts/scim-filter.ts';
import type { ScimUserFields, ScimUserRecord } from '../../core/accounts/scim-user.ts';
import type { AuditChange } from '../../core/audit/describe-audit-event.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { auditEvents, memberships, users } from '../../db/schema.ts';
import { invalidateUserSessions } from '../auth/sessions.ts';
import {
  applyMemberChanges,
  countOtherActiveAdmins,
  deleteAccount,
  insertMember,
  isEmailTaken,
  type MemberChanges,
} from './accounts.ts';
import { recordAuditEvent } from './audit.ts';

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  disabledAt: users.disabledAt,
  externalId: memberships.externalId,
  role: memberships.role,
  level: memberships.level,
  discipline: memberships.discipline,
  createdAt: memberships.createdAt,
  // Tend keeps no "updated at" on people; the audit log already records every change to them.
  lastModifiedAt: sql<string | Date>`greatest(${memberships.createdAt}, (select max(${auditEvents.createdAt})
    from ${auditEvents} where ${auditEvents.organizationId} = ${memberships.organizationId}
    and ${auditEvents.targetId} = ${users.id}::text))`,
};

type Row = {
  id: string;
  email: string;
  name: string;
  disabledAt: Date | null;
  externalId: string | null;
  role: ScimUserRecord['role'];
  level: string | null;
  discipline: string | null;
  createdAt: Date;
  lastModifiedAt: string | Date;
};

function asRecord({ disabledAt, lastModifiedAt, level, ...row }: Row): ScimUserRecord {
  return {
    ...row,
    level: level as Level | null,
    isActive: disabledAt === null,
    lastModifiedAt: new Date(lastModifiedAt),
  };
}

const noSuchUser = () => new ScimError(404, 'No user with this id in the organisation.');

async function findRecord(db: Database | Transaction, organizationId: string, userId: string) {
  const [row] = await db
    .select(columns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  if (!row) throw noSuchUser();
  return asRecord(row);
}

export const findScimUser = findRecord;

/** One page of the organisation's members in the order they joined; `startIndex` counts from 1. */
export async function listScimUsers(
  db: Database,
  organizationId: string,
  options: { filter: ScimFilter | null; startIndex: number; count: number },
): Promise<{ totalResults: number; users: ScimUserRecord[] }> {
  const { filter } = options;
  const matches = and(
    eq(memberships.organizationId, organizationId),
    filter?.attribute === 'externalId' ? eq(memberships.externalId, filter.value) : undefined,
    // userName and e-mail compare without letter case (RFC 7643: userName is not caseExact).
    filter && filter.attribute !== 'externalId'
      ? sql`lower(${users.email}) = ${filter.value.toLowerCase()}`
      : undefined,
  );
  const [counted] = await db
    .select({ total: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(matches);
  const rows =
    options.count === 0
      ? []
      : await db
          .select(columns)
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(matches)
          .orderBy(asc(memberships.createdAt), asc(users.id))
          .offset(options.startIndex - 1)
          .limit(options.count);
  return { totalResults: counted?.total ?? 0, users: rows.map(asRecord) };
}

async function ensureExternalIdFree(
  tx: Transaction,
  organizationId: string,
  externalId: string | null,
  exceptUserId: string | null,
) {
  if (externalId === null) return;
  const [holder] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.externalId, externalId),
        exceptUserId ? ne(memberships.userId, exceptUserId) : undefined,
      ),
    );
  if (holder) {
    throw new ScimError(
      409,
      `Another person in this organisation already has externalId "${externalId}".`,
      'uniqueness',
    );
  }
}

/** Creates the person as a participant; a coordinator gives them another role in Tend when needed. */
export async function createScimUser(
  db: Database,
  organizationId: string,
  fields: ScimUserFields,
  now: Date,
): Promise<ScimUserRecord> {
  return db.transaction(async (tx) => {
    await ensureExternalIdFree(tx, organizationId, fields.externalId, null);
    if (await isEmailTaken(tx, fields.email)) {
      const [here] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(eq(memberships.organizationId, organizationId), sql`lower(${users.email}) = ${fields.email}`),
        );
      throw new ScimError(
        409,
        here
          ? `A user with userName ${fields.email} already exists in this organisation (id ${here.userId}).`
          : `${fields.email} already has a Tend account in another organisation, and Tend does not add an existing account to a second one. Give this person a different e-mail address, or ask Tend's support.`,
        'uniqueness',
      );
    }
    const { email, name, level, discipline } = fields;
    const userId = await insertMember(
      tx,
      organizationId,
      { email, name, role: 'participant', level, discipline },
      { externalId: fields.externalId, disabledAt: fields.isActive ? null : now },
    );
    await recordAuditEvent(tx, {
      organizationId,
      actorUserId: null,
      action: 'scim.user-created',
      targetId: userId,
    });
    return findRecord(tx, organizationId, userId);
  });
}

/**
 * Replaces the person's attributes with what `change` makes of the current ones (PUT and PATCH alike),
 * in one transaction. Deactivation goes through applyMemberChanges, the same path as an admin's, so
 * the person is signed out everywhere at once and their open links die with it.
 */
export async function changeScimUser(
  db: Database,
  organizationId: string,
  userId: string,
  change: (current: ScimUserFields) => ScimUserFields,
  now: Date,
): Promise<ScimUserRecord> {
  return db.transaction(async (tx) => {
    const current = await findRecord(tx, organizationId, userId);
    const next = change(current);
    const changes: AuditChange[] = [];
    if (next.email !== current.email) {
      if (await isEmailTaken(tx, next.email)) {
        throw new ScimError(409, `${next.email} already belongs to another Tend account.`, 'uniqueness');
      }
      await tx.update(users).set({ email: next.email }).where(eq(users.id, userId));
      changes.push({ field: 'email', from: current.email, to: next.email });
    }
    if (next.externalId !== current.externalId) {
      await ensureExternalIdFree(tx, organizationId, next.externalId, userId);
      await tx
        .update(memberships)
        .set({ externalId: next.externalId })
        .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
      changes.push({ field: 'externalId', from: current.externalId, to: next.externalId });
    }
    const memberChanges: MemberChanges = {
      ...(next.name !== current.name ? { name: next.name } : {}),
      ...(next.level !== current.level ? { level: next.level } : {}),
      ...(next.discipline !== current.discipline ? { discipline: next.discipline } : {}),
      ...(next.isActive !== current.isActive ? { isDisabled: !next.isActive } : {}),
    };
    if (Object.keys(memberChanges).length > 0) {
      const { changed } = await applyMemberChanges(tx, organizationId, userId, memberChanges, now);
      changes.push(...changed);
    }
    // Identity providers re-send unchanged users on every cycle; only real changes reach the log.
    if (changes.length > 0) {
      await recordAuditEvent(tx, {
        organizationId,
        actorUserId: null,
        action: memberChanges.isDisabled ? 'scim.user-deactivated' : 'scim.user-updated',
        targetId: userId,
        details: { changes },
      });
    }
    return findRecord(tx, organizationId, userId);
  });
}

/**
 * Removes the person from the organisation the way closing an account does (deleteAccount): their
 * account and everything about them goes; what stays holds nothing that points to them (published
 * aggregates, anonymous reports, others' content). An account that also belongs to another
 * organisation is not this organisation's to delete, and the last admin is never removed.
 */
export async function deleteScimUser(
  db: Database,
  organizationId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const person = await findRecord(tx, organizationId, userId);
    const [elsewhere] = await tx
      .select({ total: count() })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), ne(memberships.organizationId, organizationId)));
    if ((elsewhere?.total ?? 0) > 0) {
      throw new ScimError(
        409,
        'This person also belongs to another organisation in Tend, so their account cannot be deleted from here; set active to false to end their access instead.',
      );
    }
    if (person.role === 'admin') {
      if ((await countOtherActiveAdmins(tx, organizationId, userId)) === 0) {
        throw new ScimError(
          409,
          'This person is the only admin of the organisation and cannot be removed; make someone else an admin in Tend first.',
        );
      }
    }
    await invalidateUserSessions(tx, userId);
    await deleteAccount(tx, userId, now);
    await recordAuditEvent(tx, { organizationId, actorUserId: null, action: 'scim.user-deleted' });
  });
}
