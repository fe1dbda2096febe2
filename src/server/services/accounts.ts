import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { RosterEntry, RosterRejection } from '../../core/accounts/parse-roster.ts';
import type { Level, Role } from '../../core/accounts/roles.ts';
import type { AuditChange } from '../../core/audit/describe-audit-event.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { type PageKey, toPage } from '../../db/page-cursor.ts';
import { enrollments, invitations, memberships, passwordResets, users } from '../../db/schema.ts';
import { containsText } from '../../db/text-search.ts';
import { invalidateUserSessions } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { keepReleasedAnswersUnnamed } from './departed-answers.ts';
import { refreshGroupBoards } from './group-boards.ts';

export type Member = {
  id: string;
  name: string;
  email: string;
  role: Role;
  level: Level | null;
  discipline: string | null;
  hasPassword: boolean;
  isDisabled: boolean;
  /** The open invitation's dates, for "invited, not accepted yet"; null when none is open. */
  invitation: { sentAt: string; expiresAt: string } | null;
};

const memberColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: memberships.role,
  level: memberships.level,
  discipline: memberships.discipline,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  isDisabled: sql<boolean>`${users.disabledAt} is not null`,
  invitationSentAt: sql<
    string | null
  >`(select max(${invitations.createdAt}) from ${invitations} where ${invitations.userId} = ${users.id} and ${invitations.usedAt} is null)`,
  invitationExpiresAt: sql<
    string | null
  >`(select max(${invitations.expiresAt}) from ${invitations} where ${invitations.userId} = ${users.id} and ${invitations.usedAt} is null)`,
};

export type MemberPage = {
  users: Member[];
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
  /** People (with this search) who have not chosen a password and could be invited. */
  notYetActiveCount: number;
};

/**
 * One page of the organisation's members by name, optionally those whose name or e-mail contains
 * `search`: a page costs the same at 50 people or 50,000.
 */
export async function listMembers(
  db: Database,
  organizationId: string,
  options: { search?: string | undefined; after?: PageKey | undefined; limit: number },
): Promise<MemberPage> {
  const { after } = options;
  const matches = and(
    eq(memberships.organizationId, organizationId),
    containsText([users.name, users.email], options.search),
  );
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(matches, after ? sql`(${users.name}, ${users.id}) > (${after[0]}, ${after[1]})` : undefined))
    .orderBy(asc(users.name), asc(users.id))
    .limit(options.limit + 1);
  const [counted] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(matches, isNull(users.passwordHash), isNull(users.disabledAt)));
  const page = toPage(rows, options.limit, (row) => [row.name, row.id], asMember);
  return {
    users: page.items,
    nextCursor: page.nextCursor,
    notYetActiveCount: counted?.count ?? 0,
  };
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

type MemberRow = Omit<Member, 'level' | 'invitation'> & {
  level: string | null;
  invitationSentAt: string | Date | null;
  invitationExpiresAt: string | Date | null;
};

function asMember({ invitationSentAt, invitationExpiresAt, ...row }: MemberRow): Member {
  return {
    ...row,
    level: row.level as Level | null,
    invitation:
      invitationSentAt && invitationExpiresAt && !row.hasPassword
        ? {
            sentAt: new Date(invitationSentAt).toISOString(),
            expiresAt: new Date(invitationExpiresAt).toISOString(),
          }
        : null,
  };
}

export type NewMember = RosterEntry;

export async function isEmailTaken(db: Database | Transaction, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row !== undefined;
}

/** A new account has no password: the person chooses one through the invitation e-mailed to them. */
export async function insertMember(
  tx: Transaction,
  organizationId: string,
  entry: NewMember,
  provisioning: { externalId: string | null; disabledAt: Date | null } = {
    externalId: null,
    disabledAt: null,
  },
): Promise<string> {
  const [user] = await tx
    .insert(users)
    .values({ email: entry.email.toLowerCase(), name: entry.name, disabledAt: provisioning.disabledAt })
    .returning({ id: users.id });
  if (!user) throw new Error('insert returned no row');
  await tx.insert(memberships).values({
    organizationId,
    userId: user.id,
    role: entry.role,
    level: entry.level,
    discipline: entry.discipline,
    externalId: provisioning.externalId,
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

/** Old → new for each field that really changed, for the audit log. */
function listMemberChanges(before: Member, changes: MemberChanges): AuditChange[] {
  const list: AuditChange[] = [];
  if (changes.name !== undefined && changes.name !== before.name) {
    list.push({ field: 'name', from: before.name, to: changes.name });
  }
  if (changes.role !== undefined && changes.role !== before.role) {
    list.push({ field: 'role', from: before.role, to: changes.role });
  }
  if (changes.level !== undefined && changes.level !== before.level) {
    list.push({ field: 'level', from: before.level, to: changes.level });
  }
  if (changes.discipline !== undefined && changes.discipline !== before.discipline) {
    list.push({ field: 'discipline', from: before.discipline, to: changes.discipline });
  }
  if (changes.isDisabled !== undefined && changes.isDisabled !== before.isDisabled) {
    list.push({ field: 'isDisabled', from: before.isDisabled, to: changes.isDisabled });
  }
  return list;
}

export async function updateMember(
  db: Database,
  actor: { organizationId: string; userId: string },
  userId: string,
  changes: MemberChanges,
  now: Date,
): Promise<Member> {
  return db.transaction(async (tx) => {
    if (userId === actor.userId && (changes.isDisabled || (changes.role && changes.role !== 'admin'))) {
      throw new AppError(
        'FORBIDDEN',
        'You cannot disable yourself or remove your own admin role; ask another admin.',
      );
    }
    const { before, changed } = await applyMemberChanges(tx, actor.organizationId, userId, changes, now);
    await recordAuditEvent(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action:
        changes.role !== undefined && changes.role !== before.role ? 'user.role-changed' : 'user.updated',
      targetId: userId,
      details: { changes: changed },
    });
    return findMember(tx, actor.organizationId, userId);
  });
}

/** Admins of the organisation other than this person whose accounts are not disabled. */
export async function countOtherActiveAdmins(
  tx: Transaction,
  organizationId: string,
  userId: string,
): Promise<number> {
  const [others] = await tx
    .select({ total: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, 'admin'),
        ne(memberships.userId, userId),
        isNull(users.disabledAt),
      ),
    );
  return others?.total ?? 0;
}

/**
 * Writes a member's changes and ends what they must end at once; shared by admins (updateMember) and
 * the SCIM client, each recording its own audit event from `changed`. Disabling an account signs the
 * person out everywhere and voids their open links; the organisation's last admin is never disabled.
 */
export async function applyMemberChanges(
  tx: Transaction,
  organizationId: string,
  userId: string,
  changes: MemberChanges,
  now: Date,
): Promise<{ before: Member; changed: AuditChange[] }> {
  const before = await findMember(tx, organizationId, userId);
  if (changes.isDisabled && !before.isDisabled && before.role === 'admin') {
    if ((await countOtherActiveAdmins(tx, organizationId, userId)) === 0) {
      throw new AppError(
        'ACCOUNT_LAST_ADMIN',
        `${before.name} is the only admin of the organisation and cannot be disabled; make someone else an admin in Tend first.`,
      );
    }
  }
  if (changes.name !== undefined || changes.isDisabled !== undefined) {
    await tx
      .update(users)
      .set({
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.isDisabled !== undefined ? { disabledAt: changes.isDisabled ? now : null } : {}),
      })
      .where(eq(users.id, userId));
    // Names appear on the groups boards of the programs this person is in, and in their rules.
    if (changes.name !== undefined) await refreshGroupBoards(tx, { userIds: [userId] });
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
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  }
  // A changed role or a disabled account must take effect now, not when the session runs out.
  if ((role !== undefined && role !== before.role) || changes.isDisabled) {
    await invalidateUserSessions(tx, userId);
  }
  // A link must not outlive the account it opens: re-enabling needs a fresh invitation.
  if (changes.isDisabled) {
    await tx.delete(invitations).where(eq(invitations.userId, userId));
    await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
  }
  return { before, changed: listMemberChanges(before, changes) };
}

/**
 * Deletes an account and, through the schema's cascades, every row about the person: enrolments,
 * reflections, answers, posts, feedback, sessions. Rows that record what others did keep their own
 * content and lose only the link; published aggregates and anonymous reports never held it. The
 * groups boards of the programs they were in are redrawn without them.
 */
export async function deleteAccount(tx: Transaction, userId: string, now: Date): Promise<void> {
  const enrolled = await tx
    .select({ programId: enrollments.programId })
    .from(enrollments)
    .where(eq(enrollments.userId, userId));
  await keepReleasedAnswersUnnamed(tx, userId, now);
  await tx.delete(users).where(eq(users.id, userId));
  await refreshGroupBoards(tx, { programIds: enrolled.map((row) => row.programId) });
}

/**
 * Rows per transaction: each is a few milliseconds even on the embedded database, whose one
 * connection other requests wait for. A 1,000-row roster in one transaction held it about 340 ms.
 */
const importBatchSize = 100;

export type ImportReport = {
  created: { row: number; email: string; name: string }[];
  rejected: RosterRejection[];
};

const alreadyExists = 'an account with this e-mail already exists';

/**
 * Creates every acceptable roster row, a batch per transaction; rows whose e-mail already exists (or
 * came earlier in the roster) are rejected. Each batch is whole or absent: should one fail, the
 * batches before it stay, and importing the same roster again creates the rest and reports those as
 * already existing.
 */
export async function importRoster(
  db: Database,
  actor: { organizationId: string; userId: string },
  parsed: { entries: { row: number; entry: RosterEntry }[]; rejected: RosterRejection[] },
): Promise<ImportReport> {
  const report: ImportReport = { created: [], rejected: [...parsed.rejected] };
  const seen = new Set<string>();
  const unique: { row: number; entry: RosterEntry }[] = [];
  for (const item of parsed.entries) {
    const email = item.entry.email.toLowerCase();
    if (seen.has(email))
      report.rejected.push({ row: item.row, email: item.entry.email, reasons: [alreadyExists] });
    else unique.push(item);
    seen.add(email);
  }
  for (let start = 0; start < unique.length; start += importBatchSize) {
    const batch = unique.slice(start, start + importBatchSize);
    await db.transaction(async (tx) => {
      const taken = new Set(
        (
          await tx
            .select({ email: sql<string>`lower(${users.email})` })
            .from(users)
            .where(
              inArray(
                sql`lower(${users.email})`,
                batch.map(({ entry }) => entry.email.toLowerCase()),
              ),
            )
        ).map((row) => row.email),
      );
      const accepted = batch.filter(({ entry }) => !taken.has(entry.email.toLowerCase()));
      for (const { row, entry } of batch)
        if (taken.has(entry.email.toLowerCase()))
          report.rejected.push({ row, email: entry.email, reasons: [alreadyExists] });
      if (accepted.length === 0) return;
      const created = await tx
        .insert(users)
        .values(accepted.map(({ entry }) => ({ email: entry.email.toLowerCase(), name: entry.name })))
        .returning({ id: users.id, email: users.email });
      const idOf = new Map(created.map((user) => [user.email, user.id]));
      await tx.insert(memberships).values(
        accepted.map(({ entry }) => ({
          organizationId: actor.organizationId,
          userId: idOf.get(entry.email.toLowerCase()) ?? '',
          role: entry.role,
          level: entry.level,
          discipline: entry.discipline,
        })),
      );
      for (const { row, entry } of accepted)
        report.created.push({ row, email: entry.email, name: entry.name });
    });
  }
  report.rejected.sort((a, b) => a.row - b.row);
  await recordAuditEvent(db, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: `roster.imported:${report.created.length}`,
  });
  return report;
}
