import { asc, count, eq, sql } from 'drizzle-orm';
import { slugOfOrganization } from '../../core/accounts/organization-slug.ts';
import type { Database } from '../../db/connect.ts';
import { memberships, organizations, users } from '../../db/schema.ts';
import { createFirstAdminInvitation } from './invitations.ts';

export type OrganizationSetup = {
  organizationName: string;
  timeZone: string;
  locale: string;
  adminEmail: string;
  adminName: string;
};

export class SetupRefusedError extends Error {}

/**
 * A real organisation and its first admin, who chooses a password through the returned one-time
 * link (the same kind of link an invitation e-mail carries). Nothing is written when any part is refused.
 */
export async function setUpOrganization(
  db: Database,
  setup: OrganizationSetup,
  now: Date,
): Promise<{ organizationId: string; slug: string; token: string; expiresAt: Date }> {
  const slug = slugOfOrganization(setup.organizationName);
  if (!slug) {
    throw new SetupRefusedError(
      '--organization needs at least one Latin letter or digit for its short name.',
    );
  }
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, slug));
    if (taken) {
      throw new SetupRefusedError(
        `An organisation with the short name "${slug}" already exists; choose another --organization name (see: tend organizations list).`,
      );
    }
    const [existingUser] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${setup.adminEmail.toLowerCase()}`);
    if (existingUser) {
      throw new SetupRefusedError(
        `${setup.adminEmail} already has an account; choose another --admin-email.`,
      );
    }
    const [organization] = await tx
      .insert(organizations)
      .values({
        name: setup.organizationName,
        slug,
        settings: {
          minimumReportingGroupSize: 5,
          timeZone: setup.timeZone,
          locale: setup.locale,
          supportResources: [],
        },
      })
      .returning({ id: organizations.id });
    const [admin] = await tx
      .insert(users)
      .values({ email: setup.adminEmail.toLowerCase(), name: setup.adminName })
      .returning({ id: users.id });
    if (!organization || !admin) throw new Error('insert returned no row');
    await tx.insert(memberships).values({ organizationId: organization.id, userId: admin.id, role: 'admin' });
    const link = await createFirstAdminInvitation(
      tx,
      { userId: admin.id, organizationId: organization.id },
      now,
    );
    return { organizationId: organization.id, slug, ...link };
  });
}

export async function countOrganizations(db: Database): Promise<number> {
  const [row] = await db.select({ count: count() }).from(organizations);
  return row?.count ?? 0;
}

/** For a host running several organisations on one deployment. */
export async function listOrganizations(db: Database) {
  return db
    .select({
      slug: organizations.slug,
      name: organizations.name,
      createdAt: organizations.createdAt,
      members: sql<number>`(select count(*)::int from ${memberships} where ${memberships.organizationId} = ${organizations.id})`,
    })
    .from(organizations)
    .orderBy(asc(organizations.createdAt));
}
