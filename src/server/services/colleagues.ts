import { aliasedTable, and, asc, eq, ilike, isNull, ne, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/connect.ts';
import { groupMembers, groups, memberships, recognitionPreferences, users } from '../../db/schema.ts';
import { containsPattern } from '../../db/text-search.ts';
import type { SignedInMember } from '../auth/sessions.ts';

type Reader = Database | Transaction;

/** Published groups both people are in now: the only groups a recognition can be shown to. */
export async function findSharedGroups(
  db: Reader,
  organizationId: string,
  userId: string,
  colleagueId: string,
): Promise<{ id: string; name: string }[]> {
  const theirs = aliasedTable(groupMembers, 'their_membership');
  return db
    .select({ id: groups.id, name: groups.name })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(theirs, and(eq(theirs.groupId, groups.id), eq(theirs.userId, colleagueId)))
    .where(
      and(
        eq(groupMembers.userId, userId),
        eq(groups.organizationId, organizationId),
        eq(groups.status, 'published'),
      ),
    )
    .orderBy(asc(groups.name));
}

export async function acceptsPublicRecognition(
  db: Reader,
  organizationId: string,
  userId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ accepts: recognitionPreferences.acceptsPublicRecognition })
    .from(recognitionPreferences)
    .where(
      and(
        eq(recognitionPreferences.organizationId, organizationId),
        eq(recognitionPreferences.userId, userId),
      ),
    );
  return row?.accepts ?? true;
}

/** An active member of the organisation other than oneself, or null. */
export async function findColleague(db: Reader, member: SignedInMember, colleagueId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, member.organizationId),
        eq(memberships.userId, colleagueId),
        ne(users.id, member.userId),
        isNull(users.disabledAt),
      ),
    );
  return row ?? null;
}

/**
 * Colleagues in one's organisation by name, for thanking or pairing: their name, whether they
 * receive public recognition, and the groups one shares with them. Nothing else about them.
 * One statement (the trigram index finds the names), however many colleagues match.
 */
export async function searchColleagues(db: Database, member: SignedInMember, search: string) {
  const sharedGroups = sql<{ id: string; name: string }[]>`coalesce((
    select json_agg(json_build_object('id', g.id, 'name', g.name) order by g.name)
    from group_members mine
    join groups g on g.id = mine.group_id
    join group_members theirs on theirs.group_id = g.id and theirs.user_id = ${users.id}
    where mine.user_id = ${member.userId}
      and g.organization_id = ${member.organizationId}
      and g.status = 'published'
  ), '[]'::json)`;
  return db
    .select({
      id: users.id,
      name: users.name,
      acceptsPublicRecognition: sql<boolean>`coalesce(${recognitionPreferences.acceptsPublicRecognition}, true)`,
      sharedGroups,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      recognitionPreferences,
      and(
        eq(recognitionPreferences.organizationId, memberships.organizationId),
        eq(recognitionPreferences.userId, users.id),
      ),
    )
    .where(
      and(
        eq(memberships.organizationId, member.organizationId),
        ne(users.id, member.userId),
        isNull(users.disabledAt),
        ilike(users.name, containsPattern(search)),
      ),
    )
    .orderBy(asc(users.name))
    .limit(20);
}
