import { count, eq, like } from 'drizzle-orm';
import type { Level, Role } from '../../core/accounts/roles.ts';
import type { Database } from '../../db/connect.ts';
import { memberships, organizations, users } from '../../db/schema.ts';
import { hashDemoPassword } from '../auth/passwords.ts';

export { demoPassword } from '../../core/accounts/password-policy.ts';
export const demoSignIns = {
  admin: 'admin@demo.tend.test',
  coordinator: 'coordinator@demo.tend.test',
  facilitator: 'facilitator1@demo.tend.test',
  participant: 'participant1@demo.tend.test',
  leader: 'leader@demo.tend.test',
} as const;

const givenNames = [
  'Amara',
  'Bilal',
  'Chloé',
  'Dmitri',
  'Esi',
  'Farah',
  'Gabriel',
  'Hana',
  'Ikaika',
  'Jonas',
  'Keiko',
  'Liam',
  'Maya',
  'Nikhil',
  'Olivia',
  'Pedro',
  'Qiu',
  'Rosa',
  'Samir',
  'Tamsin',
  'Uma',
  'Victor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Aisha',
  'Ben',
  'Carmen',
  'Daniel',
  'Elif',
  'Finn',
  'Grace',
  'Hugo',
  'Ines',
  'Jamal',
  'Kira',
  'Leo',
  'Mira',
  'Noah',
];
const familyNames = [
  'Okafor',
  'Haddad',
  'Martin',
  'Ivanov',
  'Mensah',
  'Rahman',
  'Silva',
  'Sato',
  'Kahale',
  'Berg',
  'Tanaka',
  'Murphy',
  'Cohen',
  'Iyer',
  'Brown',
  'Costa',
  'Li',
  'Garcia',
  'Nasser',
  'Hughes',
];
const disciplines = ['Medicine', 'Nursing', 'Pharmacy', 'Psychology', 'Social work'];
const participantLevels: Level[] = [
  'student-1',
  'student-1',
  'student-2',
  'student-2',
  'student-3',
  'student-3',
  'student-4',
  'student-4',
  'resident',
  'resident',
  'practitioner',
  'practitioner',
  'faculty',
];

type DemoPerson = { name: string; email: string; role: Role; level: Level | null; discipline: string | null };

/** Four facilitators, a coordinator, an admin, a leader and 40 participants across levels and disciplines. */
export function describeDemoPeople(): DemoPerson[] {
  const people: DemoPerson[] = [
    { name: 'Avery Admin', email: demoSignIns.admin, role: 'admin', level: null, discipline: null },
    {
      name: 'Corinne Mbeki',
      email: demoSignIns.coordinator,
      role: 'coordinator',
      level: 'faculty',
      discipline: 'Nursing',
    },
    {
      name: 'Farid Osei',
      email: demoSignIns.facilitator,
      role: 'facilitator',
      level: 'faculty',
      discipline: 'Medicine',
    },
    {
      name: 'Helena Kowalski',
      email: 'facilitator2@demo.tend.test',
      role: 'facilitator',
      level: 'faculty',
      discipline: 'Psychology',
    },
    {
      name: 'Tomás Reyes',
      email: 'facilitator3@demo.tend.test',
      role: 'facilitator',
      level: 'faculty',
      discipline: 'Pharmacy',
    },
    {
      name: 'Ngozi Adeyemi',
      email: 'facilitator4@demo.tend.test',
      role: 'facilitator',
      level: 'faculty',
      discipline: 'Social work',
    },
    { name: 'Leonard Achebe', email: demoSignIns.leader, role: 'leader', level: null, discipline: null },
  ];
  for (let index = 0; index < 40; index++) {
    people.push({
      name: `${givenNames[index % givenNames.length]} ${familyNames[(index * 7) % familyNames.length]}`,
      email: `participant${index + 1}@demo.tend.test`,
      role: 'participant',
      level: participantLevels[index % participantLevels.length] ?? null,
      discipline: disciplines[(index * 3) % disciplines.length] ?? null,
    });
  }
  return people;
}

/** Every demo account's address ends so; none of them may exist in production. */
export const demoEmailDomain = 'demo.tend.test';
const demoSlug = 'demo';

/**
 * For `npm start` in development: the demo organisation and its people on a database that has no
 * organisation yet; its id, or null when there was one already.
 */
export async function ensureDemoOrganization(db: Database): Promise<string | null> {
  const [existing] = await db.select({ count: count() }).from(organizations);
  if ((existing?.count ?? 0) > 0) return null;
  return createDemoOrganization(db);
}

/** Creates the demo organisation and its people beside any others; null when it is already there. */
export async function createDemoOrganization(db: Database): Promise<string | null> {
  const [existing] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, demoSlug));
  if (existing) return null;
  const passwordHash = await hashDemoPassword();
  return db.transaction(async (tx) => {
    const [organization] = await tx
      .insert(organizations)
      .values({
        name: 'Riverside Health Sciences (demo)',
        slug: demoSlug,
        settings: {
          minimumReportingGroupSize: 5,
          timeZone: 'America/Toronto',
          locale: 'en-CA',
          supportResources: [
            { name: 'Employee and student assistance program', contact: '1-800-555-0100 (24/7)' },
            { name: 'Suicide Crisis Helpline (Canada)', contact: 'Call or text 9-8-8' },
          ],
        },
      })
      .returning({ id: organizations.id });
    if (!organization) throw new Error('insert returned no row');
    for (const person of describeDemoPeople()) {
      const [user] = await tx
        .insert(users)
        .values({ email: person.email, name: person.name, passwordHash })
        .returning({ id: users.id });
      if (!user) throw new Error('insert returned no row');
      await tx.insert(memberships).values({
        organizationId: organization.id,
        userId: user.id,
        role: person.role,
        level: person.level,
        discipline: person.discipline,
      });
    }
    return organization.id;
  });
}

export async function countDemoAccounts(db: Database): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(users)
    .where(like(users.email, `%@${demoEmailDomain}`));
  return row?.count ?? 0;
}

/** Deletes the demo organisation with everything in it, and every account of the demo's domain. */
export async function removeDemoOrganization(
  db: Database,
): Promise<{ accounts: number; organizations: number }> {
  return db.transaction(async (tx) => {
    const removedOrganizations = await tx
      .delete(organizations)
      .where(eq(organizations.slug, demoSlug))
      .returning({ id: organizations.id });
    const removedAccounts = await tx
      .delete(users)
      .where(like(users.email, `%@${demoEmailDomain}`))
      .returning({ id: users.id });
    return { accounts: removedAccounts.length, organizations: removedOrganizations.length };
  });
}
