import { eq } from 'drizzle-orm';
import type { Role } from '../../core/accounts/roles.ts';
import type { Random } from '../../core/grouping/random.ts';
import type { Database } from '../../db/connect.ts';
import { memberships, users } from '../../db/schema.ts';
import type { SignedInMember } from '../../server/auth/sessions.ts';

/** The moment the demo is made, days counted back from it, and the seeded chance behind every choice. */
export type DemoClock = { now: Date; at(daysAgo: number): Date; random: Random };

/**
 * The participants who joined the term: four groups of at most ten, facilitator included, take 36,
 * and taking part is voluntary, so a few of the organisation's people have not joined.
 */
export function termParticipants(members: DemoMembers): SignedInMember[] {
  return members.withRole('participant').slice(0, 35);
}

/** Days after each meeting that its reflection prompt goes out (one, to keep the demo quick to make). */
export const demoFollowUpDays = [2];

/** Who comes to the demo after the groups were published, and can only meet when no group does. */
export const demoLateEnrollee = 'participant40@demo.tend.test';

/** The demo organisation's people as the services see a signed-in person, looked up by e-mail. */
export type DemoMembers = {
  organizationId: string;
  byEmail(email: string): SignedInMember;
  byId(userId: string): SignedInMember;
  withRole(role: Role): SignedInMember[];
};

export async function loadDemoMembers(db: Database, organizationId: string): Promise<DemoMembers> {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      level: memberships.level,
      discipline: memberships.discipline,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId));
  // Numbered addresses sort as people read them: participant2 before participant10.
  rows.sort((a, b) => a.email.localeCompare(b.email, 'en', { numeric: true }));
  const members = rows.map((row) => ({ ...row, organizationId, sessionId: 'demo-seed', ssoLink: null }));
  return {
    organizationId,
    byEmail(email) {
      const member = members.find((candidate) => candidate.email === email);
      if (!member) throw new Error(`the demo has no member ${email}`);
      return member;
    },
    byId(userId) {
      const member = members.find((candidate) => candidate.userId === userId);
      if (!member) throw new Error(`the demo has no member ${userId}`);
      return member;
    },
    withRole(role) {
      return members.filter((member) => member.role === role);
    },
  };
}
