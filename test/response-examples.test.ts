import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalRegistry, type ZodType } from 'zod';
import type { Role } from '../src/core/accounts/roles.ts';
import { topicLibrary } from '../src/core/curriculum/library.ts';
import type { Database, DatabaseConnection } from '../src/db/connect.ts';
import { enrollments, followUps, meetings, supervisionConversations } from '../src/db/schema.ts';
import { sendReflectionFollowUps } from '../src/jobs/reflection-follow-ups.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/app-types.ts';
import { loadConfig } from '../src/server/config.ts';
import { ensureDemoOrganization } from '../src/server/services/demo-organization.ts';
import {
  createGroupWithMeetings,
  demoOrganizationId,
  hoursFrom,
  userIdOf,
} from './helpers/meeting-fixtures.ts';
import { openTestDatabase, signedInClient, type TestClient } from './helpers/test-app.ts';

/**
 * Every example a route documents for its answer goes through that answer's schema the way a
 * response does (zod encode), and must come out whole: nothing refused, nothing dropped. The
 * examples are typed by what the services return, so a service and its schema cannot drift apart.
 */
let app: App;

beforeAll(async () => {
  app = await buildApp({ db: {} as Database, config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }) });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

type Documented = { route: string; status: string; schema: ZodType; example: unknown };

function documentedExamples(): Documented[] {
  const found: Documented[] = [];
  for (const route of app.apiRoutes) {
    const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
    for (const [status, entry] of Object.entries(responses)) {
      const schemas =
        entry && typeof entry === 'object' && 'content' in entry
          ? Object.values((entry as { content: Record<string, { schema: ZodType }> }).content).map(
              (content) => content.schema,
            )
          : [entry as ZodType];
      for (const schema of schemas) {
        const meta = globalRegistry.get(schema) as { example?: unknown; examples?: unknown[] } | undefined;
        const examples = [...(meta?.example === undefined ? [] : [meta.example]), ...(meta?.examples ?? [])];
        for (const example of examples) {
          found.push({ route: `${route.method} ${route.url}`, status, schema, example });
        }
      }
    }
  }
  return found;
}

/** Routes that document an example; a route taken off this list has lost its example. */
const routesWithExamples = [
  'GET /api/me/follow-ups',
  'GET /api/me/follow-ups/:followUpId',
  'GET /api/me/journal',
  'GET /api/groups/:groupId/shared-reflections',
];

describe('documented response examples', () => {
  it('every documented example passes its response schema whole', () => {
    const examples = documentedExamples();
    expect(examples.length).toBeGreaterThan(0);
    for (const { route, status, schema, example } of examples) {
      const result = schema.safeEncode(example);
      expect(result.success, `${route} ${status}: ${result.error?.message}`).toBe(true);
      expect(result.data, `${route} ${status}: a key the schema does not declare would be dropped`).toEqual(
        example,
      );
    }
  });

  it('the routes that document an example still do', () => {
    const documented = new Set(documentedExamples().map((entry) => entry.route));
    for (const route of routesWithExamples) expect(documented, route).toContain(route);
  });
});

/** The JSON schema of a route's 200 answer; null for a file, or a route that answers nothing. */
function jsonAnswerSchema(schema: unknown): ZodType | null {
  const answer = (schema as { response?: Record<string, unknown> } | undefined)?.response?.['200'];
  if (!answer || typeof answer !== 'object') return null;
  if ('content' in answer) {
    const content = (answer as { content: Record<string, { schema: ZodType }> }).content;
    return content['application/json']?.schema ?? null;
  }
  return answer as ZodType;
}

/** The paths of keys in `given` that `kept` lacks: what serialising by the schema would silently drop. */
function droppedKeys(given: unknown, kept: unknown, path = ''): string[] {
  if (Array.isArray(given) && Array.isArray(kept)) {
    return given.flatMap((item, index) => droppedKeys(item, kept[index], `${path}[${index}]`)).slice(0, 5);
  }
  if (!given || typeof given !== 'object' || !kept || typeof kept !== 'object') return [];
  return Object.entries(given).flatMap(([key, value]) =>
    key in kept
      ? droppedKeys(value, (kept as Record<string, unknown>)[key], `${path}.${key}`)
      : [`${path}.${key}`],
  );
}

/** What went over the wire, and what the service handed over before the schema serialised it. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

/**
 * Every GET route that answers JSON is called on a seeded organisation by the first role it lets in,
 * and what its service returned goes through its response schema: refused (the route answers 500)
 * or with a key the schema would drop, the schema has drifted from the service.
 */
describe('real answers of every GET route', () => {
  const roles: Role[] = ['coordinator', 'admin', 'facilitator', 'participant', 'leader'];
  /** Routes whose path names something the seed below does not make; each says why. */
  const notReached: Record<string, string> = {
    'GET /api/invitations/:token': 'an invitation token is only ever e-mailed',
  };
  let connection: DatabaseConnection;
  let live: App;
  let clients: Map<Role, TestClient>;
  let ids: Record<string, string>;
  let sent: unknown;
  /** The query a route needs to answer at all. */
  const queries: Record<string, string> = {
    '/api/colleagues': '?search=an',
    '/api/sso/discover': '?email=someone%40demo.tend.test',
    '/api/outcomes': '?instrumentId=brief-resilience-scale&breakdown=program',
  };

  beforeAll(async () => {
    connection = await openTestDatabase();
    await ensureDemoOrganization(connection.db);
    live = await buildApp({
      db: connection.db,
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    });
    live.addHook('preSerialization', async (_request, _reply, payload) => {
      sent = payload;
      return payload;
    });
    await live.ready();
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
    clients = new Map();
    for (const role of roles) clients.set(role, await signedInClient(live, role));
    const scheduled = await clients.get('coordinator')?.request('POST', '/api/assessment-windows', {
      instrumentId: 'brief-resilience-scale',
      programId: fixture.programId,
      title: 'Start of term',
      kind: 'end-of-term',
      opensAt: hoursFrom(now, -24).toISOString(),
      closesAt: hoursFrom(now, 24 * 14).toISOString(),
    });
    expect(scheduled?.statusCode, scheduled?.body).toBe(201);
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
    const attended = await clients
      .get('facilitator')
      ?.request('PUT', `/api/meetings/${fixture.meetingIds[0]}/attendance`, {
        records: [{ userId: participantId, status: 'present' }],
      });
    expect(attended?.statusCode, attended?.body).toBe(200);
    await sendReflectionFollowUps(db, hoursFrom(now, 24));
    const [followUp] = await db
      .select({ id: followUps.id })
      .from(followUps)
      .where(eq(followUps.userId, participantId));
    // A supervision pairing the participant accepted, with its planned conversations.
    const proposed = await clients.get('facilitator')?.request('POST', '/api/supervision/pairings', {
      colleagueId: participantId,
      myRole: 'supervisor',
      firstDate: new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10),
      time: '16:00',
      timeZone: 'America/Toronto',
      cadenceWeeks: 2,
      count: 3,
      minutes: 45,
    });
    expect(proposed?.statusCode, proposed?.body).toBe(201);
    const accepted = await clients
      .get('participant')
      ?.request('POST', `/api/supervision/pairings/${proposed?.json().id}/response`, { isAccepted: true });
    expect(accepted?.statusCode, accepted?.body).toBe(204);
    const [conversation] = await db
      .select({ id: supervisionConversations.id })
      .from(supervisionConversations);
    const topics = await clients.get('coordinator')?.request('GET', '/api/topics');
    ids = {
      programId: fixture.programId,
      groupId: fixture.groupId,
      meetingId: fixture.meetingIds[0] ?? '',
      windowId: scheduled?.json().windows[0].id,
      userId: unplacedId,
      topicId: topics?.json().topics[0].topic.id,
      instrumentId: 'brief-resilience-scale',
      followUpId: followUp?.id ?? '',
      conversationId: conversation?.id ?? '',
    };
  }, 60_000);

  afterAll(async () => {
    await live?.close();
    await connection?.close();
  });

  it('every answer its service gives passes the route\u2019s schema whole', async () => {
    const reached: string[] = [];
    const refused: string[] = [];
    const problems: string[] = [];
    for (const route of live.apiRoutes) {
      const name = `${route.method} ${route.url}`;
      const schema = jsonAnswerSchema(route.schema);
      if (route.method !== 'GET' || !schema || name in notReached) continue;
      const missing = [...route.url.matchAll(/:(\w+)/g)]
        .map((match) => match[1] ?? '')
        .filter((key) => !ids[key]);
      expect(missing, `${name}: the seed names no ${missing.join(', ')}`).toEqual([]);
      const url =
        route.url.replace(/:(\w+)/g, (_, key: string) => ids[key] ?? '') + (queries[route.url] ?? '');
      let isReached = false;
      for (const role of roles) {
        sent = undefined;
        const response = await clients.get(role)?.request('GET', url);
        if (response?.statusCode === 403 || response?.statusCode === 404) continue;
        isReached = true;
        if (response?.statusCode !== 200) {
          problems.push(`${name} as ${role}: answered ${response?.statusCode} ${response?.body}`);
          break;
        }
        const result = schema.safeEncode(sent);
        if (!result.success) problems.push(`${name} as ${role}: refused: ${result.error.message}`);
        else {
          const dropped = droppedKeys(asJson(sent), asJson(result.data));
          if (dropped.length > 0) problems.push(`${name} as ${role}: the schema drops ${dropped.join(', ')}`);
        }
        break;
      }
      (isReached ? reached : refused).push(name);
    }
    expect(refused, 'routes no role could read').toEqual([]);
    expect(problems, 'answers that drifted from their schema').toEqual([]);
    expect(reached.length).toBeGreaterThan(40);
  }, 120_000);
});
