/**
 * The `tend` command. Each command imports only what it needs, when it runs: `tend groups form`
 * reads a roster, forms groups and writes CSV without loading the web server, the database
 * drivers or the configuration (it used to pay for all of them at start-up).
 */
import { readFile } from 'node:fs/promises';
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Config } from '../server/config.ts';

// Each command imports what it needs when it runs, so `tend help` and `tend groups form` start
// without loading the server, the database drivers or the web app's dependencies.
const loadConfig = async (): Promise<Config> => (await import('../server/config.ts')).loadConfig();

/**
 * Before a command that opens the database loads its code: Node then keeps what it compiled (and
 * the TypeScript it stripped) for the next start, in its own cache directory under the system's
 * temporary directory, and drizzle-orm loads without re-reading its package.json for every module.
 */
async function prepareToLoadTheDatabase(): Promise<void> {
  enableCompileCache();
  const { speedUpDrizzleLoading } = await import('../db/speed-up-drizzle-loading.ts');
  speedUpDrizzleLoading();
}

const output = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
};

const usage = `Usage: tend <command>

  serve [--build-web-if-stale]   start the web app and API (the default; npm start builds a
                                 missing or stale web app while the database is prepared)
  setup --organization "Name" --time-zone Area/City --admin-email you@example.org [--admin-name ..] [--locale en-CA]
                                 create an organisation and its first admin; prints their set-password link
  organizations list             the organisations on this deployment
  demo [--remove | --reset]      add, remove or recreate the demo organisation (never in production)
  backup <file.tar.gz>           copy the embedded database (stop the server first)
  restore <file.tar.gz>          replace the embedded database with a backup; the old one is kept aside
  groups form <roster.csv> [..]  form small mixed-level groups from a roster; see docs/grouping.md
  help                           show this text

Configuration comes from the environment: NODE_ENV, PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL,
LOG_LEVEL, TRUST_PROXY, SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS (see the README). With DATABASE_URL set, back up with pg_dump instead.`;

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve': {
      // `npm start` builds a stale web app while the database and demo are prepared, not before.
      const webReady = rest.includes('--build-web-if-stale')
        ? (await import('../../scripts/build-web-if-stale.ts')).buildWebIfStale(
            fileURLToPath(new URL('../..', import.meta.url)),
          )
        : undefined;
      webReady?.catch(() => undefined);
      await prepareToLoadTheDatabase();
      const { startServer } = await import('./serve.ts');
      await startServer(webReady ? { demoTerm: true, webReady } : undefined);
      return -1;
    }
    case 'setup': {
      await prepareToLoadTheDatabase();
      const { setupCommand } = await import('./setup.ts');
      return setupCommand(rest, await loadConfig(), output);
    }
    case 'organizations': {
      await prepareToLoadTheDatabase();
      const { organizationsCommand } = await import('./setup.ts');
      return organizationsCommand(rest, await loadConfig(), output);
    }
    case 'demo': {
      await prepareToLoadTheDatabase();
      const { demoCommand } = await import('./demo.ts');
      return demoCommand(rest, await loadConfig(), output);
    }
    case 'backup':
    case 'restore': {
      const [file] = rest;
      if (!file) {
        console.error(`tend ${command}: name the backup file, e.g. tend ${command} tend-backup.tar.gz`);
        return 2;
      }
      const config = await loadConfig();
      if (config.databaseUrl) {
        console.error(
          `tend ${command} works on the embedded database; with DATABASE_URL use pg_dump / pg_restore.`,
        );
        return 2;
      }
      const { backupDataDirectory, restoreDataDirectory } = await import('./backup.ts');
      const message =
        command === 'backup'
          ? await backupDataDirectory(config.dataDirectory, file)
          : await restoreDataDirectory(config.dataDirectory, file, new Date());
      console.log(message);
      return 0;
    }
    case 'groups': {
      const [subcommand, ...options] = rest;
      if (subcommand !== 'form') {
        console.error(
          'tend groups: the only subcommand is "form", e.g. tend groups form roster.csv > groups.csv',
        );
        return 2;
      }
      const { groupsFormCommand } = await import('./groups-form.ts');
      return groupsFormCommand(options, {
        readFile: (path) => readFile(path, 'utf8'),
        loadSolver: async () => (await import('../server/grouping/highs-solver.ts')).loadHighsSolver(),
        ...output,
      });
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return 0;
    default:
      console.error(`tend: unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: Error) => {
    console.error(`tend: ${error.message}`);
    process.exitCode = 1;
  },
);
