import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFlags } from '../src/cli/node-flags.ts';
import { organizationsCommand, setupCommand } from '../src/cli/setup.ts';
import { connect } from '../src/db/connect.ts';
import { lockDataDirectory } from '../src/db/data-directory-lock.ts';
import { organizations } from '../src/db/schema.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { SetupRefusedError, setUpOrganization } from '../src/server/services/organization-setup.ts';
import { openTestDatabase, TestClient } from './helpers/test-app.ts';

const cli = new URL('../src/cli/tend.ts', import.meta.url).pathname;

function capture() {
  const lines = { stdout: '', stderr: '' };
  return {
    lines,
    output: {
      stdout: (text: string) => {
        lines.stdout += text;
      },
      stderr: (text: string) => {
        lines.stderr += text;
      },
    },
  };
}

/** Runs `tend` on an embedded data directory and resolves with its exit code and output. */
function runTend(args: string[], environment: Record<string, string>, until?: RegExp) {
  const { DATABASE_URL: _postgres, NODE_ENV: _environment, ...inherited } = process.env;
  const child = spawn(process.execPath, [...nodeFlags, cli, ...args], {
    env: { ...inherited, LOG_LEVEL: 'silent', PORT: '0', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (until?.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const setupArgs = [
  '--organization',
  'Northern Health Sciences',
  '--time-zone',
  'america/winnipeg',
  '--admin-email',
  'Dean.Office@northern.example',
  '--admin-name',
  'Dana Office',
];

// Each step opens an embedded database on disk, which takes seconds on a busy machine.
describe('first-run setup', { timeout: 120_000 }, () => {
  const directory = mkdtempSync(join(tmpdir(), 'tend-setup-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    DATA_DIR: directory,
    PUBLIC_URL: 'https://tend.northern.example',
    LOG_LEVEL: 'silent',
  });

  it('creates the organisation and its admin, and prints a one-time set-password link', async () => {
    const { lines, output } = capture();
    expect(await setupCommand(setupArgs, config, output)).toBe(0);
    expect(lines.stdout).toMatch(/northern-health-sciences/);
    const token = lines.stdout.match(/https:\/\/tend\.northern\.example\/invitation#([a-z2-7]{52})/)?.[1];
    expect(token).toBeDefined();

    const connection = await connect({ dataDirectory: directory });
    const app = await buildApp({ db: connection.db, config });
    try {
      const admin = new TestClient(app);
      await admin.loadSession();
      expect((await admin.request('POST', '/api/invitations/lookup', { token })).json()).toEqual({
        name: 'Dana Office',
        email: 'dean.office@northern.example',
      });
      const accepted = await admin.request('POST', '/api/invitations/accept', {
        token,
        password: 'northern health sciences',
      });
      expect(accepted.json().error.message).toMatch(/organisation’s name/);
      expect(
        (await admin.request('POST', '/api/invitations/accept', { token, password: 'winter on the prairie' }))
          .statusCode,
      ).toBe(204);
      expect((await admin.loadSession()).member).toMatchObject({ role: 'admin', name: 'Dana Office' });
      const { users } = (await admin.request('GET', '/api/users')).json();
      expect(users.map((user: { email: string }) => user.email)).toEqual(['dean.office@northern.example']);
      const [organization] = await connection.db.select().from(organizations);
      expect(organization?.settings).toMatchObject({ timeZone: 'America/Winnipeg', locale: 'en-CA' });

      const demo = new TestClient(app);
      expect((await demo.signIn('admin@demo.tend.test')).statusCode).toBe(401);
    } finally {
      await app.close();
      await connection.close();
    }
  });

  it('refuses a taken name, a wrong time zone or a missing address, writing nothing', async () => {
    const again = capture();
    expect(await setupCommand(setupArgs, config, again.output)).toBe(2);
    expect(again.lines.stderr).toMatch(/already exists/);
    const wrongZone = capture();
    expect(
      await setupCommand(
        ['--organization', 'Other', '--time-zone', 'Mars/Olympus', '--admin-email', 'a@b.example'],
        config,
        wrongZone.output,
      ),
    ).toBe(2);
    expect(wrongZone.lines.stderr).toMatch(/--time-zone "Mars\/Olympus"/);
    const missing = capture();
    expect(
      await setupCommand(['--organization', 'Other', '--time-zone', 'UTC'], config, missing.output),
    ).toBe(2);
    expect(missing.lines.stderr).toMatch(/--admin-email/);
    const listed = capture();
    expect(await organizationsCommand(['list'], config, listed.output)).toBe(0);
    expect(listed.lines.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('says so and stops while a server holds the data directory', async () => {
    const unlock = lockDataDirectory(directory);
    try {
      const { output } = capture();
      await expect(setupCommand(setupArgs, config, output)).rejects.toThrow(/stop the server/);
    } finally {
      unlock();
    }
  });
});

describe('organisations on one deployment', () => {
  const opened = openTestDatabase();
  afterAll(async () => (await opened).close());

  it('refuses a second organisation with the same short name or an admin address already in use', async () => {
    const { db } = await opened;
    const setup = {
      organizationName: 'St. Luke’s',
      timeZone: 'Europe/London',
      locale: 'en-GB',
      adminEmail: 'admin@stlukes.example',
      adminName: 'Admin',
    };
    expect((await setUpOrganization(db, setup, new Date())).slug).toBe('st-luke-s');
    await expect(setUpOrganization(db, { ...setup, adminEmail: 'x@y.example' }, new Date())).rejects.toThrow(
      SetupRefusedError,
    );
    await expect(
      setUpOrganization(db, { ...setup, organizationName: 'St Lukes North' }, new Date()),
    ).rejects.toThrow(/already has an account/);
  });
});

describe('no demo outside development', () => {
  it('refuses to start production beside demo accounts, and starts with no accounts once they are removed', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tend-production-'));
    expect((await runTend(['demo'], { NODE_ENV: 'production', DATA_DIR: directory })).code).toBe(2);
    expect((await runTend(['demo'], { DATA_DIR: directory })).output).toMatch(
      /Created the demo organisation/,
    );
    const refused = await runTend(['serve'], { NODE_ENV: 'production', DATA_DIR: directory });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/demo account\(s\).*tend -- demo --remove/s);

    expect((await runTend(['demo', '--remove'], { DATA_DIR: directory })).output).toMatch(/Removed the demo/);
    const clean = await runTend(
      ['serve'],
      { NODE_ENV: 'production', DATA_DIR: directory },
      /Tend is running/,
    );
    expect(clean.output).toMatch(/No organisation yet/);
  }, 300_000);
});
