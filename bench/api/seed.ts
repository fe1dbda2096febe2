/**
 * Fills a Tend database for the API benchmark the way an organisation would: people arrive by roster
 * import, programs are created and published, people enrol, the engine forms groups and publishes
 * them, and a group talks in its space. Everything goes through the API except the enrolments of
 * imported people, who have no password to sign in with, and the group's posts (the API limits how
 * fast one person posts); those rows are written as the services write them, while the server is
 * stopped (the embedded database has one owner at a time).
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { maximumRosterRows } from '../../src/core/accounts/parse-roster.ts';
import { demoPassword } from '../../src/core/accounts/password-policy.ts';
import { type Level, levels } from '../../src/core/accounts/roles.ts';
import { type ConnectOptions, connect } from '../../src/db/connect.ts';
import { enrollments, groupMembers, groupPosts, memberships, programs, users } from '../../src/db/schema.ts';
import { signIn } from './http-session.ts';

const disciplines = ['Medicine', 'Nursing', 'Pharmacy', 'Psychology', 'Social work'];
const slots = ['mon-12', 'tue-12', 'wed-18', 'thu-08', 'fri-12'];

let seed = 20_261_206;
const random = () => {
  seed = (seed * 16_807) % 2_147_483_647;
  return seed / 2_147_483_647;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
export const isoDay = (from: Date, days: number) =>
  new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);

function programBody(now: Date, index: number) {
  return {
    title: `Resilience in practice ${index + 1}`,
    description: 'Six small-group meetings.',
    audience: `Cohort ${index + 1}`,
    termStart: isoDay(now, 21),
    termEnd: isoDay(now, 21 + 7 * 14),
    enrolmentOpens: isoDay(now, -1),
    enrolmentCloses: isoDay(now, 14),
    capacity: null,
    groupSizeMin: 8,
    groupSizeMax: 10,
    meetingCount: 6,
    meetingMinutes: 60,
    cadenceWeeks: 2,
    holidays: [],
    topicIds: ['stress-anxiety-and-burnout', 'self-care-and-boundaries'],
    reminderHours: 24,
  };
}

/** Step 1, server running: people, programs, and the demo participant's own enrolment. */
export async function seedThroughApi(
  baseUrl: string,
  people: number,
  programCount: number,
  /** Changes to every program, e.g. a term starting today so reminders are due at once. */
  programChanges: (now: Date) => Partial<ReturnType<typeof programBody>> = () => ({}),
): Promise<string[]> {
  const now = new Date();
  const admin = await signIn(baseUrl, 'admin@demo.tend.test', demoPassword);
  // As an admin would: one roster file after another, each as large as an import takes.
  for (let start = 0; start < people; start += maximumRosterRows) {
    const rows = ['name,email,role,level,discipline'];
    for (let index = start; index < Math.min(people, start + maximumRosterRows); index++) {
      const level: Level = index % 10 === 0 ? 'faculty' : pick(levels.filter((entry) => entry !== 'faculty'));
      const role = level === 'faculty' ? 'facilitator' : 'participant';
      rows.push(`Person ${index},person${index}@bench.tend.test,${role},${level},${pick(disciplines)}`);
    }
    await admin.request('POST', '/api/users/import', { csv: rows.join('\n') });
  }
  const coordinator = await signIn(baseUrl, 'coordinator@demo.tend.test', demoPassword);
  const programIds: string[] = [];
  for (let index = 0; index < programCount; index++) {
    const { id } = await coordinator.request<{ id: string }>('POST', '/api/programs', {
      ...programBody(now, index),
      ...programChanges(now),
    });
    await coordinator.request('PATCH', `/api/programs/${id}`, { status: 'published' });
    programIds.push(id);
  }
  const participant = await signIn(baseUrl, 'participant1@demo.tend.test', demoPassword);
  await participant.request('PUT', `/api/programs/${programIds[0]}/enrollment`, {
    level: 'student-2',
    discipline: 'Pharmacy',
    availability: slots,
    timeZone: 'UTC',
    interests: ['burnout'],
    agreesToGuidelines: true,
  });
  return programIds;
}

/**
 * Step 2, server stopped: the imported people enrol, spread over the programs; only the first
 * `enrolling` of them when given (the rest are members with no program this term).
 */
export async function seedEnrolments(
  database: ConnectOptions,
  programIds: string[],
  enrolling = Number.POSITIVE_INFINITY,
): Promise<void> {
  const { db, close } = await connect(database);
  try {
    const imported = await db
      .select({
        userId: users.id,
        email: users.email,
        organizationId: memberships.organizationId,
        level: memberships.level,
      })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(inArray(memberships.role, ['participant', 'facilitator']));
    // person<index>@bench.tend.test, as step 1 names them; the demo's own people enrol as before.
    const indexOf = (email: string) => Number(/^person(\d+)@/.exec(email)?.[1] ?? -1);
    const bench = imported.filter((person) => person.level !== null && indexOf(person.email) < enrolling);
    const [program] = await db
      .select()
      .from(programs)
      .where(eq(programs.id, programIds[0] as string));
    if (!program) throw new Error('the benchmark programs are missing');
    const now = new Date();
    // Facilitators and participants are each dealt round the programs, so every program gets its
    // share of both whatever order the database returns people in.
    const dealt = { faculty: 0, other: 0 };
    const rows = bench.map((person) => ({
      id: randomUUID(),
      organizationId: person.organizationId,
      programId: programIds[
        dealt[person.level === 'faculty' ? 'faculty' : 'other']++ % programIds.length
      ] as string,
      userId: person.userId,
      level: person.level,
      discipline: pick(disciplines),
      availability: slots.filter(() => random() < 0.6),
      timeZone: 'UTC',
      interests: ['burnout'],
      isFacilitator: person.level === 'faculty',
      agreedToGuidelinesAt: now,
      status: 'enrolled' as const,
      enrolledAt: now,
    }));
    for (let start = 0; start < rows.length; start += 1_000) {
      await db
        .insert(enrollments)
        .values(rows.slice(start, start + 1_000))
        .onConflictDoNothing();
    }
  } finally {
    await close();
  }
}

/** Step 3, server running again: groups formed by the engine and published. */
export async function seedGroups(baseUrl: string, programIds: string[]): Promise<string> {
  const coordinator = await signIn(baseUrl, 'coordinator@demo.tend.test', demoPassword);
  for (const programId of programIds) {
    await coordinator.request('POST', `/api/programs/${programId}/groups/form`, {});
    await coordinator.request('POST', `/api/programs/${programId}/groups/publish`);
  }
  const participant = await signIn(baseUrl, 'participant1@demo.tend.test', demoPassword);
  const { groups } = await participant.request<{ groups: { id: string }[] }>('GET', '/api/me/groups');
  const groupId = groups[0]?.id;
  if (!groupId) throw new Error('the demo participant was not placed in a group');
  return groupId;
}

/**
 * Step 4, server stopped: the group's members have talked, until its space holds `until` posts (from
 * `from`), one a minute from a week ago, so a later call writes newer posts. Written straight into
 * the database as the post service writes them: the API allows a person 10 posts in 10 minutes, and
 * the members other than the demo participant have no password.
 */
export async function seedPosts(
  database: ConnectOptions,
  groupId: string,
  from: number,
  until: number,
): Promise<void> {
  const { db, close } = await connect(database);
  try {
    const members = await db
      .select({ userId: groupMembers.userId, organizationId: groupMembers.organizationId })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, groupId));
    if (members.length === 0) throw new Error('the benchmark group has no members');
    const weekAgo = Date.now() - 7 * 86_400_000;
    const rows = Array.from({ length: until - from }, (_, offset) => {
      const index = from + offset;
      const author = members[index % members.length] as (typeof members)[number];
      return {
        organizationId: author.organizationId,
        groupId,
        authorId: author.userId,
        body: `What helped me this week, note ${index + 1}: a short walk between shifts.`,
        createdAt: new Date(weekAgo + index * 60_000),
      };
    });
    for (let start = 0; start < rows.length; start += 1_000) {
      await db.insert(groupPosts).values(rows.slice(start, start + 1_000));
    }
  } finally {
    await close();
  }
}
