import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backupDataDirectory, restoreDataDirectory } from '../src/cli/backup.ts';
import { nodeFlags } from '../src/cli/node-flags.ts';
import { connect } from '../src/db/connect.ts';
import { lockDataDirectory } from '../src/db/data-directory-lock.ts';

const cli = new URL('../src/cli/tend.ts', import.meta.url).pathname;

/** Runs `tend` on the embedded database, even when the suite itself runs against PostgreSQL. */
function runTend(args: string[], environment: Record<string, string>) {
  const { DATABASE_URL: _postgres, ...inherited } = process.env;
  const child = spawn(process.execPath, [...nodeFlags, cli, ...args], {
    env: { ...inherited, LOG_LEVEL: 'silent', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => output };
}

function waitForOutput(run: ReturnType<typeof runTend>, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(run.output())) resolve();
    };
    run.child.stdout.on('data', check);
    run.exited.then(() => reject(new Error(`tend exited before printing ${pattern}: ${run.output()}`)));
  });
}

// Each test opens embedded databases on disk, which takes tens of seconds on a busy machine.
describe('the embedded database directory', { timeout: 120_000 }, () => {
  it('refuses a second server on the same directory at once, saying why', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tend-lock-'));
    const unlock = lockDataDirectory(directory);
    try {
      const second = runTend(['serve'], { DATA_DIR: directory, PORT: '0' });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/is in use by another Tend process/);
    } finally {
      unlock();
    }
  });

  it('takes over a lock left behind by a process that no longer exists', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tend-stale-'));
    writeFileSync(join(directory, 'tend.lock'), '999999999');
    const unlock = lockDataDirectory(directory);
    unlock();
    expect(existsSync(join(directory, 'tend.lock'))).toBe(false);
  });

  it('closes cleanly on SIGTERM and releases the directory', { timeout: 120_000 }, async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tend-serve-'));
    const server = runTend(['serve'], { DATA_DIR: directory, PORT: '0' });
    await waitForOutput(server, /Tend is running/);
    expect(existsSync(join(directory, 'tend.lock'))).toBe(true);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(existsSync(join(directory, 'tend.lock'))).toBe(false);
  });

  it('restores a backup with the data it held', async () => {
    const original = mkdtempSync(join(tmpdir(), 'tend-original-'));
    const connection = await connect({ dataDirectory: original });
    await connection.db.execute(
      sql`insert into organizations (name, slug, settings) values ('Kept', 'kept', '{}')`,
    );
    await connection.close();

    const file = join(mkdtempSync(join(tmpdir(), 'tend-backup-')), 'backup.tar.gz');
    expect(await backupDataDirectory(original, file)).toMatch(/Backed up/);

    const restored = join(mkdtempSync(join(tmpdir(), 'tend-restored-')), 'data');
    expect(await restoreDataDirectory(restored, file, new Date())).toMatch(/Restored/);
    const reopened = await connect({ dataDirectory: restored });
    const rows = await reopened.db.execute(sql`select name from organizations`);
    await reopened.close();
    expect(rows).toMatchObject({ rows: [{ name: 'Kept' }] });
  });

  it('refuses to restore something that is not a backup, keeping the data it had', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tend-bad-restore-'));
    const file = join(directory, 'not-a-backup.tar.gz');
    writeFileSync(file, 'hello');
    const target = join(directory, 'data');
    mkdirSync(target);
    writeFileSync(join(target, 'PG_VERSION'), '17');
    await expect(restoreDataDirectory(target, file, new Date())).rejects.toThrow(/not a Tend backup/);
    expect(readFileSync(join(target, 'PG_VERSION'), 'utf8')).toBe('17');
    expect(readdirSync(directory).sort()).toEqual(['data', 'not-a-backup.tar.gz']);
  });
});
