import type { App } from '../../src/server/app-types.ts';
import { signedInClient, type TestClient } from './test-app.ts';

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function daysFrom(now: Date, days: number): string {
  return isoDate(new Date(now.getTime() + days * 86_400_000));
}

/** A program whose enrolment is open now and whose term starts in three weeks. */
export function programFields(now: Date, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Resilience in practice',
    description: 'Six small-group meetings.',
    audience: `Test audience ${Math.random().toString(36).slice(2)}`,
    termStart: daysFrom(now, 21),
    termEnd: daysFrom(now, 21 + 7 * 14),
    enrolmentOpens: daysFrom(now, -1),
    enrolmentCloses: daysFrom(now, 14),
    capacity: null,
    groupSizeMin: 8,
    groupSizeMax: 10,
    meetingCount: 6,
    meetingMinutes: 60,
    cadenceWeeks: 2,
    holidays: [],
    topicIds: ['stress-anxiety-and-burnout', 'self-care-and-boundaries'],
    reminderHours: 24,
    ...overrides,
  };
}

export async function createPublishedProgram(
  coordinator: TestClient,
  now: Date,
  overrides: Record<string, unknown> = {},
) {
  const created = await coordinator.request('POST', '/api/programs', programFields(now, overrides));
  if (created.statusCode !== 201) throw new Error(`program not created: ${created.body}`);
  const { id } = created.json();
  const published = await coordinator.request('PATCH', `/api/programs/${id}`, { status: 'published' });
  if (published.statusCode !== 200) throw new Error(`program not published: ${published.body}`);
  return id as string;
}

const levels = ['student-1', 'student-2', 'student-3', 'student-4', 'resident', 'practitioner'];

export function enrolmentBody(overrides: Record<string, unknown> = {}) {
  return {
    level: 'student-1',
    discipline: 'Nursing',
    availability: ['tue-12', 'wed-18'],
    timeZone: 'America/Toronto',
    interests: ['burnout'],
    agreesToGuidelines: true,
    ...overrides,
  };
}

/** Enrols demo participants 1..count and both facilitators, all free Tuesdays at noon. */
export async function enrolDemoPeople(
  app: App,
  programId: string,
  count: number,
): Promise<Map<string, TestClient>> {
  const clients = new Map<string, TestClient>();
  const people = [
    'facilitator1@demo.tend.test',
    'facilitator2@demo.tend.test',
    ...Array.from({ length: count }, (_, index) => `participant${index + 1}@demo.tend.test`),
  ];
  for (const [index, email] of people.entries()) {
    const { TestClient: Client } = await import('./test-app.ts');
    const client = new Client(app, `10.9.${Math.floor(index / 200)}.${index % 200}`);
    const signIn = await client.signIn(email);
    if (signIn.statusCode !== 204) throw new Error(`${email} could not sign in: ${signIn.body}`);
    const response = await client.request(
      'PUT',
      `/api/programs/${programId}/enrollment`,
      enrolmentBody({ level: email.startsWith('facilitator') ? 'faculty' : levels[index % levels.length] }),
    );
    if (response.statusCode !== 200) throw new Error(`${email} could not enrol: ${response.body}`);
    clients.set(email, client);
  }
  return clients;
}

export { signedInClient };
