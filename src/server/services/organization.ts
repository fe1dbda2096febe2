import { eq } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/connect.ts';
import { type OrganizationSettings, organizations } from '../../db/schema.ts';
import { notFound } from '../errors.ts';

export async function findOrganizationSettings(
  db: Database | Transaction,
  organizationId: string,
): Promise<OrganizationSettings & { name: string }> {
  const [row] = await db
    .select({ name: organizations.name, settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!row) throw notFound('The organisation');
  return { ...row.settings, name: row.name };
}
