import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseConnection } from '../src/db/connect.ts';
import { startJobs } from '../src/jobs/start-jobs.ts';
import { notify } from '../src/notifications/notify.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/app-types.ts';
import { loadConfig } from '../src/server/config.ts';
import { ensureDemoOrganization } from '../src/server/services/demo-organization.ts';
import { demoOrganizationId, userIdOf } from './helpers/meeting-fixtures.ts';
import { openTestDatabase, TestClient } from './helpers/test-app.ts';

/**
 * A database failure that quotes what a person wrote, in every place PostgreSQL and Drizzle can: the
 * message, the detail, and (for the job) the failed statement's parameters. Stands in for any real
 * failure — a constraint, a value too long, a server going away mid-statement.
 */
const canary = 'Canary-Tansy-Wren-4471';
const canaryAddress = 'canary.4471@mail.example';

let connection: DatabaseConnection;
let app: App;
const logLines: string[] = [];
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'trace' });

beforeAll(async () => {
  connection = await openTestDatabase();
  await ensureDemoOrganization(connection.db);
  app = await buildApp({
    db: connection.db,
    config,
    logStream: { write: (line: string) => logLines.push(line) },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await connection.close();
});

async function failWithCanary(table: string, when: string, condition = '') {
  await connection.db.execute(
    sql.raw(`
      create or replace function fail_quoting_values() returns trigger language plpgsql as $$
      begin
        raise exception 'rejected row %', row_to_json(new)
          using detail = 'Failing row contains ' || row_to_json(new)::text,
                hint = 'value ' || row_to_json(new)::text,
                errcode = '23514', constraint = '${table}_canary_check', table = '${table}';
      end $$`),
  );
  await connection.db.execute(
    sql.raw(`create trigger fail_quoting_values before ${when} on ${table}
      for each row ${condition} execute function fail_quoting_values()`),
  );
}

async function stopFailing(table: string) {
  await connection.db.execute(sql.raw(`drop trigger fail_quoting_values on ${table}`));
}

describe('a database failure inside a request', () => {
  it('answers a generic 500 and logs the kind of failure, never the values', async () => {
    const sender = new TestClient(app, '10.44.0.1');
    expect((await sender.signIn('participant1@demo.tend.test')).statusCode).toBe(204);
    const recipientId = await userIdOf(connection.db, 'participant2@demo.tend.test');
    await failWithCanary('recognitions', 'insert');
    logLines.length = 0;
    try {
      const response = await sender.request('POST', '/api/recognitions', {
        recipientId,
        kind: 'gratitude',
        message: `Thank you — ${canary}`,
        visibility: 'private',
      });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain(canary);
    } finally {
      await stopFailing('recognitions');
    }
    const logged = logLines.join('');
    expect(logged).not.toContain(canary);
    expect(logged).toMatch(/unexpected error/);
    // What helps find the fault is kept: the SQLSTATE, the constraint and where in the code it failed.
    expect(logged).toContain('23514');
    expect(logged).toContain('recognitions_canary_check');
    expect(logged).toMatch(/ {4}at /);
  });
});

describe('a background job that fails', () => {
  it('logs the job and the kind of failure, never the values', async () => {
    const organizationId = await demoOrganizationId(connection.db);
    const jobLines: string[] = [];
    const record = (object: object, message: string) => jobLines.push(`${JSON.stringify(object)} ${message}`);
    // The mail server refuses the address, quoting it; recording that failure then fails too.
    const jobs = await startJobs({
      db: connection.db,
      connection,
      config,
      transport: {
        sendMail: () => Promise.reject(new Error(`550 mailbox ${canaryAddress} unavailable`)),
        close() {},
      },
      log: { info: record, error: record },
      pollingIntervalSeconds: 0.5,
    });
    try {
      const userId = await userIdOf(connection.db, 'participant3@demo.tend.test');
      await connection.db.execute(sql`update users set email = ${canaryAddress} where id = ${userId}`);
      await failWithCanary('outbox', 'update', 'when (new.last_error is not null)');
      await notify(connection.db, {
        organizationId,
        userIds: [userId],
        kind: 'enrolment',
        title: 'You are enrolled',
        body: 'Welcome.',
      });
      await vi.waitFor(() => expect(jobLines.join('\n')).toMatch(/job failed/), { timeout: 20_000 });
    } finally {
      await jobs.stop();
      await stopFailing('outbox');
    }
    const logged = jobLines.join('\n');
    expect(logged).not.toContain('canary.4471');
    expect(logged).toContain('deliver-outbox');
    expect(logged).toContain('outbox_canary_check');
  });
});
