import { eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/connect.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { type OrganizationSettings, organizations } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { notFound } from '../errors.ts';

/** Most requests read their organisation's settings (time zone, minimum group size). */
const settingsOf = preparedOnce((db: Database | Transaction) =>
  db
    .select({ name: organizations.name, settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, sql.placeholder('organizationId')))
    .prepare('tend_organization_settings'),
);

export async function findOrganizationSettings(
  db: Database | Transaction,
  organizationId: string,
): Promise<OrganizationSettings & { name: string }> {
  const [row] = await settingsOf(db).execute({ organizationId });
  if (!row) throw notFound('The organisation');
  return { ...row.settings, name: row.name };
}

/** The signed-in member's organisation settings: those read with the session, else from the database. */
export async function settingsFor(
  db: Database | Transaction,
  member: Pick<SignedInMember, 'organizationId' | 'organizationSettings'>,
): Promise<OrganizationSettings & { name: string }> {
  return member.organizationSettings ?? findOrganizationSettings(db, member.organizationId);
}
