import { eq } from 'drizzle-orm';
import type { Role } from '../../src/core/accounts/roles.ts';
import { topicLibrary } from '../../src/core/curriculum/library.ts';
import type { Database, DatabaseConnection } from '../../src/db/connect.ts';
import { enrollments, followUps, meetings, supervisionConversations } from '../../src/db/schema.ts';
import { sendReflectionFollowUps } from '../../src/jobs/reflection-follow-ups.ts';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/app-types.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { ensureDemoOrganization } from '../../src/server/services/demo-organization.ts';
import { createGroupWithMeetings, demoOrganizationId, hoursFrom, userIdOf } from './meeting-fixtures.ts';
import { noSendingLimits, openTestDatabase, signedInClient, type TestClient } from './test-app.ts';

/** Every role, in the order the response tests try them: the first one a route lets in answers. */
export const rolesInTurn: Role[] = ['coordinator', 'admin', 'facilitator', 'participant', 'leader'];

/**
 * The demo organisation with a bit of everything the routes name: a program with one group
 * (facilitator1, participant1, participant2) that met two days ago and meets next week, someone
 * enrolled and in no group (participant3), an open assessment window, attendance taken and the
 * follow-up job run after it (participant1 has a follow-up), and a supervision pairing
 * (facilitator1 supervising participant1) with its conversations planned.
 */
export type SeededApp = {
  app: App;
  db: Database;
  config: Config;
  now: Date;
  /** A signed-in client per role (the demo organisation's sign-ins). */
  clients: Map<Role, TestClient>;
  /** The seed's ids, by the name of the route parameter that takes them. */
  ids: Record<string, string>;
  /** What the last request's handler returned, before its response schema serialised it. */
  sent(): unknown;
  close(): Promise<void>;
};

export async function openSeededApp(environment: Record<string, string> = {}): Promise<SeededApp> {
  const connection: DatabaseConnection = await openTestDatabase();
  await ensureDemoOrganization(connection.db);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...environment });
  // Sending limits have their own tests; these send as many messages as the routes need.
  const app = await buildApp({ db: connection.db, config, sendingLimits: noSendingLimits });
  let sent: unknown;
  app.addHook('onRequest', async () => {
    sent = undefined;
  });
  app.addHook('preSerialization', async (_request, _reply, payload) => {
    sent = payload;
    return payload;
  });
  await app.ready();
  const db = connection.db;
  const now = new Date();
  const organizationId = await demoOrganizationId(db);
  const fixture = await createGroupWithMeetings(db, {
    organizationId,
    memberEmails: [
      'facilitator1@demo.tend.test',
      'participant1@demo.tend.test',
      'participant2@demo.tend.test',
    ],
    meetingStarts: [hoursFrom(now, -48), hoursFrom(now, 24 * 7)],
  });
  const clients = new Map<Role, TestClient>();
  for (const role of rolesInTurn) clients.set(role, await signedInClient(app, role));
  const signedIn = (role: Role) => clients.get(role) as TestClient;
  const expectAnswer = (response: { statusCode: number; body: string }, status: number, what: string) => {
    if (response.statusCode !== status)
      throw new Error(`seed: ${what}: ${response.statusCode} ${response.body}`);
  };
  const scheduled = await signedIn('coordinator').request('POST', '/api/assessment-windows', {
    instrumentId: 'brief-resilience-scale',
    programId: fixture.programId,
    title: 'Start of term',
    kind: 'end-of-term',
    opensAt: hoursFrom(now, -24).toISOString(),
    closesAt: hoursFrom(now, 24 * 14).toISOString(),
  });
  expectAnswer(scheduled, 201, 'an assessment window');
  // Someone enrolled and in no group, for the placement proposal.
  const unplacedId = await userIdOf(db, 'participant3@demo.tend.test');
  await db.insert(enrollments).values({
    organizationId,
    programId: fixture.programId,
    userId: unplacedId,
    timeZone: 'America/Toronto',
    agreedToGuidelinesAt: now,
    status: 'enrolled',
    enrolledAt: now,
  });
  // The past meeting (on a library topic) attended, and the follow-up job after it: a follow-up.
  const [firstTopic] = topicLibrary;
  await db
    .update(meetings)
    .set({ topicId: firstTopic?.id ?? null })
    .where(eq(meetings.id, fixture.meetingIds[0] ?? ''));
  const participantId = await userIdOf(db, 'participant1@demo.tend.test');
  const attended = await signedIn('facilitator').request(
    'PUT',
    `/api/meetings/${fixture.meetingIds[0]}/attendance`,
    {
      records: [{ userId: participantId, status: 'present' }],
    },
  );
  expectAnswer(attended, 200, 'attendance');
  await sendReflectionFollowUps(db, hoursFrom(now, 24));
  const [followUp] = await db
    .select({ id: followUps.id })
    .from(followUps)
    .where(eq(followUps.userId, participantId));
  // A supervision pairing the participant accepted, with its planned conversations.
  const proposed = await signedIn('facilitator').request('POST', '/api/supervision/pairings', {
    colleagueId: participantId,
    myRole: 'supervisor',
    firstDate: new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10),
    time: '16:00',
    timeZone: 'America/Toronto',
    cadenceWeeks: 2,
    count: 3,
    minutes: 45,
  });
  expectAnswer(proposed, 201, 'a supervision proposal');
  const accepted = await signedIn('participant').request(
    'POST',
    `/api/supervision/pairings/${proposed.json().id}/response`,
    { isAccepted: true },
  );
  expectAnswer(accepted, 204, 'a supervision acceptance');
  const [conversation] = await db.select({ id: supervisionConversations.id }).from(supervisionConversations);
  const topics = await signedIn('coordinator').request('GET', '/api/topics');
  return {
    app,
    db,
    config,
    now,
    clients,
    ids: {
      programId: fixture.programId,
      groupId: fixture.groupId,
      meetingId: fixture.meetingIds[0] ?? '',
      windowId: scheduled.json().windows[0].id,
      userId: unplacedId,
      topicId: topics.json().topics[0].topic.id,
      instrumentId: 'brief-resilience-scale',
      followUpId: followUp?.id ?? '',
      pairingId: proposed.json().id,
      conversationId: conversation?.id ?? '',
    },
    sent: () => sent,
    async close() {
      await app.close();
      await connection.close();
    },
  };
}
