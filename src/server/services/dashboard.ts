import { count, eq } from 'drizzle-orm';
import { describeLevel, isLevel, type Role } from '../../core/accounts/roles.ts';
import type { Database } from '../../db/connect.ts';
import { memberships, organizations } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';

const roleLabels: Record<Role, string> = {
  admin: 'Administrators',
  coordinator: 'Coordinators',
  facilitator: 'Facilitators',
  participant: 'Participants',
  leader: 'Leaders',
};

const nextStepsByRole: Record<Role, { title: string; description: string; href: string }[]> = {
  admin: [
    {
      title: 'Manage people',
      description: 'Create accounts, assign roles, import a roster.',
      href: '/people',
    },
    { title: 'Audit log', description: 'See who changed accounts and roles.', href: '/audit' },
  ],
  coordinator: [
    {
      title: 'Plan a program',
      description: 'Voluntary small groups of 8–10 that mix levels with a facilitator.',
      href: '/',
    },
  ],
  facilitator: [
    { title: 'Your groups', description: 'Guided prompts and attendance for your meetings.', href: '/' },
  ],
  participant: [
    {
      title: 'Join a program',
      description: 'Take part voluntarily; you can withdraw at any time.',
      href: '/',
    },
  ],
  leader: [
    { title: 'Outcomes', description: 'Anonymous, aggregate results and reported stressors.', href: '/' },
  ],
};

export async function describeDashboard(db: Database, member: SignedInMember) {
  const [organization] = await db
    .select({ name: organizations.name, settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, member.organizationId));
  const seesMembership = member.role === 'admin' || member.role === 'coordinator';
  const membersByRole = seesMembership
    ? (
        await db
          .select({ key: memberships.role, count: count() })
          .from(memberships)
          .where(eq(memberships.organizationId, member.organizationId))
          .groupBy(memberships.role)
      ).map((row) => ({ ...row, label: roleLabels[row.key] }))
    : null;
  const membersByLevel = seesMembership
    ? (
        await db
          .select({ key: memberships.level, count: count() })
          .from(memberships)
          .where(eq(memberships.organizationId, member.organizationId))
          .groupBy(memberships.level)
      ).map((row) => ({
        key: row.key ?? 'none',
        label: row.key && isLevel(row.key) ? describeLevel(row.key) : 'No level',
        count: row.count,
      }))
    : null;
  return {
    organization: { name: organization?.name ?? '', timeZone: organization?.settings.timeZone ?? 'UTC' },
    role: member.role,
    membersByRole,
    membersByLevel,
    nextSteps: nextStepsByRole[member.role],
  };
}
