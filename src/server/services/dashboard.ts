import { count, eq } from 'drizzle-orm';
import { describeLevel, isLevel, type Role } from '../../core/accounts/roles.ts';
import type { Database } from '../../db/connect.ts';
import { memberships } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { describeCoordination } from './dashboard-coordination.ts';
import { describeLeadership } from './dashboard-leadership.ts';
import { describeParticipation } from './dashboard-participation.ts';
import { settingsFor } from './organization.ts';

/**
 * The home page: what is next for the signed-in person. Each part is a fixed number of queries,
 * however many groups, posts or programs there are (test/queries-per-request.test.ts counts them):
 * for someone taking part, their next meeting (in their own time zone), the reflection and
 * questionnaire waiting, what is new in their group; for a facilitator, the next meeting to run with
 * its prompts and attendance still to take; for a coordinator, each program's phase and to-do list.
 */

const roleLabels: Record<Role, string> = {
  admin: 'Administrators',
  coordinator: 'Coordinators',
  facilitator: 'Facilitators',
  participant: 'Participants',
  leader: 'Leaders',
};

type NextStep = { title: string; description: string; href: string };

const nextStepsByRole: Record<Role, NextStep[]> = {
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
      href: '/programs',
    },
  ],
  facilitator: [],
  participant: [],
  leader: [
    {
      title: 'Outcomes',
      description: 'Anonymous, aggregate results and reported stressors.',
      href: '/outcomes',
    },
    {
      title: 'Working conditions',
      description: 'What people report, in aggregate, and the actions you post.',
      href: '/working-conditions',
    },
  ],
};
const takingPartRoles: readonly Role[] = ['participant', 'facilitator'];

export async function describeDashboard(db: Database, member: SignedInMember, now: Date) {
  const settings = await settingsFor(db, member);
  const seesMembership = member.role === 'admin' || member.role === 'coordinator';
  const [membersByRole, membersByLevel, participation, coordination, leadership] = await Promise.all([
    seesMembership ? countMembersByRole(db, member) : null,
    seesMembership ? countMembersByLevel(db, member) : null,
    takingPartRoles.includes(member.role) ? describeParticipation(db, member, settings, now) : null,
    member.role === 'coordinator' ? describeCoordination(db, member, settings, now) : null,
    member.role === 'leader' ? describeLeadership(db, member, now) : null,
  ]);
  const nextSteps = [...nextStepsByRole[member.role]];
  if (member.role === 'admin') {
    const listed = settings.supportResources.length;
    nextSteps.push({
      title: 'Support resources',
      description: `${listed === 1 ? '1 resource is' : `${listed} resources are`} listed under “Get help now” on every page.`,
      href: '/organization-settings',
    });
  }
  return {
    organization: { name: settings.name, timeZone: settings.timeZone },
    role: member.role,
    membersByRole,
    membersByLevel,
    nextSteps,
    participation: participation?.participation ?? null,
    facilitation: member.role === 'facilitator' ? (participation?.facilitation ?? null) : null,
    coordination,
    leadership,
  };
}

async function countMembersByRole(db: Database, member: SignedInMember) {
  const rows = await db
    .select({ key: memberships.role, count: count() })
    .from(memberships)
    .where(eq(memberships.organizationId, member.organizationId))
    .groupBy(memberships.role);
  return rows.map((row) => ({ ...row, label: roleLabels[row.key] }));
}

async function countMembersByLevel(db: Database, member: SignedInMember) {
  const rows = await db
    .select({ key: memberships.level, count: count() })
    .from(memberships)
    .where(eq(memberships.organizationId, member.organizationId))
    .groupBy(memberships.level);
  return rows.map((row) => ({
    key: row.key ?? 'none',
    label: row.key && isLevel(row.key) ? describeLevel(row.key) : 'No level',
    count: row.count,
  }));
}

export type Dashboard = Awaited<ReturnType<typeof describeDashboard>>;
