import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateReleases, auditEvents, workingConditionReports } from '../src/db/schema.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/app-types.ts';
import { loadConfig } from '../src/server/config.ts';
import { ensureDemoOrganization } from '../src/server/services/demo-organization.ts';
import { demoOrganizationId, userIdOf } from './helpers/meeting-fixtures.ts';
import { emailOf, openTestDatabase, TestClient } from './helpers/test-app.ts';

type Connection = Awaited<ReturnType<typeof openTestDatabase>>;

let connection: Connection;
let app: App;
let organizationId: string;
const logLines: string[] = [];
// A fixed Thursday, so the week the reports fall in is known.
const clock = { now: new Date('2026-11-26T15:37:21Z') };

async function clientAs(email: string, index: number) {
  const client = new TestClient(app, `10.30.0.${index + 1}`);
  const response = await client.signIn(email);
  if (response.statusCode !== 204) throw new Error(`${email} could not sign in`);
  return client;
}

/** The Monday after the fixed Thursday: the week the reports fall in has ended. */
const mondayAfter = new Date('2026-11-30T15:00:00Z');

async function withClock<Result>(at: Date, work: () => Promise<Result>): Promise<Result> {
  const before = clock.now;
  clock.now = at;
  try {
    return await work();
  } finally {
    clock.now = before;
  }
}

async function fileReports(count: number, body: Record<string, unknown>, firstParticipant: number) {
  for (let index = 0; index < count; index += 1) {
    const client = await clientAs(
      `participant${firstParticipant + index}@demo.tend.test`,
      firstParticipant + index,
    );
    const response = await client.request('POST', '/api/working-condition-reports', {
      ...body,
      text: `${body.text ?? ''} ${index}`.trim(),
    });
    if (response.statusCode !== 201) throw new Error(`report not filed: ${response.body}`);
  }
}

beforeAll(async () => {
  connection = await openTestDatabase();
  await ensureDemoOrganization(connection.db);
  organizationId = await demoOrganizationId(connection.db);
  // The real logger at its most talkative, writing where the test can read it.
  app = await buildApp({
    db: connection.db,
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace' }),
    now: () => clock.now,
    logStream: { write: (line: string) => logLines.push(line) },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await connection.close();
});

describe('an anonymous working-condition report', () => {
  it('stores no user, no exact time, no address, writes no audit event and logs none of its text', async () => {
    const reporter = await clientAs('participant1@demo.tend.test', 0);
    const reporterId = await userIdOf(connection.db, 'participant1@demo.tend.test');
    const form = await reporter.request('GET', '/api/working-condition-reports/form');
    expect(form.json().warning).toMatch(/Do not include names/);
    expect(form.json().units).toContain('Not stated');
    const auditBefore = await connection.db.select().from(auditEvents);
    logLines.length = 0;

    const secret = 'Night shift on ward seven runs with two nurses for thirty beds';
    const response = await reporter.request('POST', '/api/working-condition-reports', {
      category: 'workload-and-staffing',
      unit: 'Inpatient wards',
      text: secret,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ week: '2026-11-23' });

    const [row] = await connection.db
      .select()
      .from(workingConditionReports)
      .where(eq(workingConditionReports.text, secret));
    expect(row && Object.keys(row).sort()).toEqual([
      'category',
      'id',
      'organizationId',
      'text',
      'unit',
      'week',
    ]);
    expect(row?.week).toBe('2026-11-23');
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(reporterId);
    expect(stored).not.toContain('15:37');
    expect(stored).not.toContain('10.30.0.1');
    expect(await connection.db.select().from(auditEvents)).toHaveLength(auditBefore.length);

    const log = logLines.join('\n');
    expect(log).toContain('/api/working-condition-reports');
    expect(log).not.toContain('ward seven');
    expect(log).not.toContain(reporterId);
  });

  it('refuses categories and units not on the lists, saying what to pick', async () => {
    const reporter = await clientAs('participant2@demo.tend.test', 1);
    const category = await reporter.request('POST', '/api/working-condition-reports', {
      category: 'my-manager',
      unit: 'Not stated',
    });
    expect(category.statusCode).toBe(400);
    expect(category.json().error.fields['body.category']).toMatch(/listed categories/);
    const unit = await reporter.request('POST', '/api/working-condition-reports', {
      category: 'safety',
      unit: 'Bed 12, ward 7',
    });
    expect(unit.json().error.fields['body.unit']).toMatch(/unit from the list/);
  });

  it('stores the same report sent twice once, and stops a flood from one person without recording who', async () => {
    const reporter = await clientAs('participant3@demo.tend.test', 2);
    const count = async () => (await connection.db.select().from(workingConditionReports)).length;
    const before = await count();
    const body = { category: 'scheduling', unit: 'Not stated', text: 'Rotas come out two days ahead' };
    expect((await reporter.request('POST', '/api/working-condition-reports', body)).statusCode).toBe(201);
    expect((await reporter.request('POST', '/api/working-condition-reports', body)).statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      const response = await reporter.request('POST', '/api/working-condition-reports', {
        ...body,
        text: `Another scheduling problem ${index}`,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    expect(await count()).toBe(before + 5);
  });
});

describe('what leaders see and do', () => {
  it('counts reports by category, unit and week, hiding small counts and text below the comment minimum', async () => {
    await connection.db
      .delete(workingConditionReports)
      .where(eq(workingConditionReports.organizationId, organizationId));
    await fileReports(
      6,
      { category: 'administrative-burden', unit: 'Outpatient clinics', text: 'Forms' },
      10,
    );
    // Two and three: each below the minimum, together five, so subtracting shown counts reveals neither.
    await fileReports(2, { category: 'safety', unit: 'Outpatient clinics', text: '' }, 16);
    await fileReports(3, { category: 'autonomy', unit: 'Outpatient clinics', text: '' }, 18);
    // Sessions lapse over days of test clock, so the leader signs in on the Monday.
    const summary = await withClock(mondayAfter, async () => {
      const leader = await clientAs(emailOf.leader, 40);
      return (await leader.request('GET', '/api/working-condition-reports/summary')).json();
    });
    expect(summary.minimumGroupSize).toBe(5);
    expect(summary.weeks.at(-1)).toBe('2026-11-23');
    const admin = summary.categories.find(
      (entry: { category: string }) => entry.category === 'administrative-burden',
    );
    expect(admin.total).toEqual({ status: 'released', reports: 6 });
    expect(admin.byWeek.at(-1)).toEqual({ status: 'released', reports: 6 });
    expect(admin.comments).toMatchObject({
      status: 'withheld',
      message: expect.stringMatching(/at least 10 reports/),
    });
    const safety = summary.categories.find((entry: { category: string }) => entry.category === 'safety');
    expect(safety.total.status).toBe('suppressed');
    expect(summary.total).toEqual({ status: 'released', reports: 11 });
    expect(JSON.stringify(summary)).not.toContain('Forms');
  });

  it('shows nothing of a week that has not ended, and says when it appears', async () => {
    const leader = await clientAs(emailOf.leader, 40);
    // Thursday of the week the reports above were filed: they belong to a week still running.
    const summary = (await leader.request('GET', '/api/working-condition-reports/summary')).json();
    expect(summary.weeks.at(-1)).toBe('2026-11-16');
    expect(summary.total.status).toBe('suppressed');
    expect(JSON.stringify(summary)).not.toMatch(/"reports":/);
    // Monday 30 November, midnight in Toronto.
    expect(summary.nextReleaseAt).toBe('2026-11-30T05:00:00.000Z');
  });

  it('reads the same figures for an ended week however the reports change afterwards', async () => {
    await withClock(mondayAfter, async () => {
      const leader = await clientAs(emailOf.leader, 40);
      const read = async () => (await leader.request('GET', '/api/working-condition-reports/summary')).json();
      const first = await read();
      expect(first.total).toEqual({ status: 'released', reports: 11 });
      // A report filed now, and one that somehow lands in the ended week: neither moves the figures.
      await fileReports(
        1,
        { category: 'administrative-burden', unit: 'Outpatient clinics', text: 'Late' },
        30,
      );
      await connection.db.insert(workingConditionReports).values({
        organizationId,
        category: 'administrative-burden',
        unit: 'Outpatient clinics',
        text: '',
        week: '2026-11-23',
      });
      clock.now = new Date(mondayAfter.getTime() + 10 * 60_000);
      expect(await read()).toEqual(first);
    });
  });

  it('stores one release when two leaders open the summary at once after a week ends', async () => {
    await withClock(new Date('2026-12-07T15:00:00Z'), async () => {
      const readers = [await clientAs(emailOf.leader, 40), await clientAs(emailOf.leader, 41)];
      const [one, two] = await Promise.all(
        readers.map(async (reader) =>
          (await reader.request('GET', '/api/working-condition-reports/summary')).json(),
        ),
      );
      expect(one.weeks.at(-1)).toBe('2026-11-30');
      expect(one).toEqual(two);
    });
    const stored = await connection.db
      .select()
      .from(aggregateReleases)
      .where(
        and(
          eq(aggregateReleases.organizationId, organizationId),
          eq(aggregateReleases.periodKey, '2026-11-30'),
        ),
      );
    expect(stored).toHaveLength(1);
  });

  it('answers with actions that every member sees, and changes their status', async () => {
    const leader = await clientAs(emailOf.leader, 40);
    const created = await leader.request('POST', '/api/leadership-actions', {
      title: 'Cut duplicate discharge forms',
      description: 'One form instead of three.',
      ownerName: 'Director of nursing',
      status: 'planned',
      dueDate: '2027-01-31',
      categories: ['administrative-burden'],
    });
    expect(created.statusCode).toBe(201);
    const participant = await clientAs('participant20@demo.tend.test', 19);
    const listed = (await participant.request('GET', '/api/leadership-actions')).json();
    expect(listed.actions).toEqual([
      expect.objectContaining({
        title: 'Cut duplicate discharge forms',
        status: 'planned',
        dueDate: '2027-01-31',
      }),
    ]);
    const updated = await leader.request('PATCH', `/api/leadership-actions/${created.json().id}`, {
      status: 'in-progress',
    });
    expect(updated.json()).toMatchObject({
      status: 'in-progress',
      dueDate: '2027-01-31',
      description: 'One form instead of three.',
      categories: ['administrative-burden'],
    });
    const bad = await leader.request('POST', '/api/leadership-actions', {
      title: 'x',
      ownerName: 'y',
      status: 'someday',
      dueDate: '31/01/2027',
      categories: ['morale'],
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual([
      'body.categories.0',
      'body.dueDate',
      'body.status',
    ]);
    expect(
      (
        await leader.request('PATCH', '/api/leadership-actions/00000000-0000-4000-8000-000000000000', {
          status: 'done',
        })
      ).statusCode,
    ).toBe(404);
  });
});
