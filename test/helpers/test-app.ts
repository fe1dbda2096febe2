import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Role } from '../../src/core/accounts/roles.ts';
import {
  type SendingKind,
  type SendingLimits,
  sendingKinds,
} from '../../src/core/sending-limits/sending-limits.ts';
import { connect, type DatabaseConnection } from '../../src/db/connect.ts';
import { type BuildAppOptions, buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/app-types.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import {
  demoPassword,
  demoSignIns,
  ensureDemoOrganization,
} from '../../src/server/services/demo-organization.ts';

export const testPassword = demoPassword;

/** The demo organisation's sign-in for each role. */
export const emailOf: Record<Role, string> = demoSignIns;

/**
 * A database of its own for one test file: in-memory PGlite, or — when DATABASE_URL is set —
 * a fresh database on that PostgreSQL server, dropped afterwards.
 */
export async function openTestDatabase(
  options: { onQuery?: (query: string, params: unknown[]) => void } = {},
): Promise<DatabaseConnection> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return connect(options);
  const name = `tend_test_${randomBytes(6).toString('hex')}`;
  const runAsAdmin = async <Row extends pg.QueryResultRow>(statement: string, values: unknown[] = []) => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      return (await admin.query<Row>(statement, values)).rows;
    } finally {
      await admin.end();
    }
  };
  /**
   * A closed pool has let go of its connections before their sockets finish closing; dropping the
   * database under them then hands those half-closed clients an error nobody listens for any more.
   */
  const connectionsLeft = async () =>
    Number(
      (
        await runAsAdmin<{ count: string }>(
          'select count(*) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        )
      )[0]?.count ?? 0,
    );
  await runAsAdmin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await connect({ databaseUrl: url.toString(), ...options });
  return {
    ...connection,
    async close() {
      await connection.close();
      for (let check = 0; check < 200 && (await connectionsLeft()) > 0; check++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await runAsAdmin(`drop database if exists ${name} with (force)`);
    },
  };
}

export type TestContext = {
  app: App;
  connection: DatabaseConnection;
  config: Config;
  clock: { now: Date };
  close(): Promise<void>;
};

/** For tests about something else that send more than a person would; the limits have their own tests. */
export const noSendingLimits: SendingLimits = Object.fromEntries(
  sendingKinds.map((kind) => [kind, []]),
) as Record<SendingKind, never[]>;

export async function createTestApp(
  environment: Record<string, string> = {},
  options: Pick<BuildAppOptions, 'sendingLimits'> & {
    onQuery?: (query: string, params: unknown[]) => void;
  } = {},
): Promise<TestContext> {
  const { onQuery, ...appOptions } = options;
  const connection = await openTestDatabase(onQuery ? { onQuery } : {});
  await ensureDemoOrganization(connection.db);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...environment });
  const clock = { now: new Date() };
  const app = await buildApp({ db: connection.db, config, now: () => clock.now, ...appOptions });
  await app.ready();
  return {
    app,
    connection,
    config,
    clock,
    async close() {
      await app.close();
      await connection.close();
    },
  };
}

/** A browser-like client: keeps cookies and sends the CSRF token, as the web app does. */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken = '';
  private readonly app: App;
  readonly ip: string;

  constructor(app: App, ip = '127.0.0.1') {
    this.app = app;
    this.ip = ip;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.ip,
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    for (const cookie of response.cookies) {
      const isCleared =
        cookie.value === '' || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
      if (isCleared) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  /** Fetches a fresh CSRF token the way the web app does on load. */
  async loadSession() {
    const response = await this.request('GET', '/api/session');
    this.csrfToken = response.json().csrfToken;
    return response.json();
  }

  async signIn(email: string, password = testPassword) {
    await this.loadSession();
    const response = await this.request('POST', '/api/session', { email, password });
    await this.loadSession();
    return response;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  forgetCsrfToken() {
    this.csrfToken = '';
  }
}

export async function signedInClient(app: App, role: Role): Promise<TestClient> {
  const client = new TestClient(app);
  const response = await client.signIn(emailOf[role]);
  if (response.statusCode !== 204) throw new Error(`sign-in as ${role} failed: ${response.body}`);
  return client;
}
