import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/connect.ts';
import {
  enrollments,
  groupMembers,
  groups,
  meetings,
  organizations,
  programs,
  users,
} from '../../src/db/schema.ts';

/** Programs, groups and meetings written straight into the database, for tests of what reads them. */

export async function demoOrganizationId(db: Database): Promise<string> {
  const [organization] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, 'demo'));
  if (!organization) throw new Error('no demo organisation');
  return organization.id;
}

export async function userIdOf(db: Database, email: string): Promise<string> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

export type GroupFixture = {
  programId: string;
  groupId: string;
  meetingIds: string[];
  memberIds: string[];
};

const hourMs = 3_600_000;

/**
 * A program with one group of the given people (the first listed as facilitator), each enrolled,
 * and one meeting per start time, an hour long.
 */
export async function createGroupWithMeetings(
  db: Database,
  options: {
    organizationId: string;
    memberEmails: string[];
    meetingStarts: Date[];
    groupStatus?: 'draft' | 'published';
    programTitle?: string;
    groupName?: string;
    reminderHours?: number;
  },
): Promise<GroupFixture> {
  const [program] = await db
    .insert(programs)
    .values({
      organizationId: options.organizationId,
      title: options.programTitle ?? 'Resilience circles',
      termStart: '2020-01-01',
      termEnd: '2099-12-31',
      enrolmentOpens: '2020-01-01',
      enrolmentCloses: '2099-12-31',
      meetingCount: options.meetingStarts.length,
      meetingMinutes: 60,
      cadenceWeeks: 2,
      reminderHours: options.reminderHours ?? 24,
      status: 'published',
    })
    .returning({ id: programs.id });
  if (!program) throw new Error('insert returned no program');
  const [group] = await db
    .insert(groups)
    .values({
      organizationId: options.organizationId,
      programId: program.id,
      name: options.groupName ?? 'Group A',
      status: options.groupStatus ?? 'published',
    })
    .returning({ id: groups.id });
  if (!group) throw new Error('insert returned no group');
  const memberIds: string[] = [];
  for (const [index, email] of options.memberEmails.entries()) {
    const userId = await userIdOf(db, email);
    memberIds.push(userId);
    await db.insert(enrollments).values({
      organizationId: options.organizationId,
      programId: program.id,
      userId,
      timeZone: 'America/Toronto',
      isFacilitator: index === 0,
      agreedToGuidelinesAt: new Date('2020-01-01T00:00:00Z'),
      status: 'enrolled',
      enrolledAt: new Date('2020-01-01T00:00:00Z'),
    });
    await db.insert(groupMembers).values({
      organizationId: options.organizationId,
      groupId: group.id,
      userId,
      isFacilitator: index === 0,
    });
  }
  const meetingIds: string[] = [];
  for (const [index, startsAt] of options.meetingStarts.entries()) {
    const [meeting] = await db
      .insert(meetings)
      .values({
        organizationId: options.organizationId,
        groupId: group.id,
        sequence: index + 1,
        startsAt,
        endsAt: new Date(startsAt.getTime() + hourMs),
        place: 'Room 4.12',
      })
      .returning({ id: meetings.id });
    if (!meeting) throw new Error('insert returned no meeting');
    meetingIds.push(meeting.id);
  }
  return { programId: program.id, groupId: group.id, meetingIds, memberIds };
}

export function hoursFrom(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * hourMs);
}
