/**
 * The `tend` command. Each command imports only what it needs, when it runs: `tend groups form`
 * reads a roster, forms groups and writes CSV without loading the web server, the database
 * drivers or the configuration (it used to pay for all of them at start-up).
 */
import { readFile } from 'node:fs/promises';

const usage = `Usage: tend <command>

  serve                          start the web app and API (the default; npm start)
  backup <file.tar.gz>           copy the embedded database (stop the server first)
  restore <file.tar.gz>          replace the embedded database with a backup; the old one is kept aside
  groups form <roster.csv> [..]  form small mixed-level groups from a roster; see docs/grouping.md
  help                           show this text

Configuration comes from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL, LOG_LEVEL,
SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS. With DATABASE_URL set, back up with pg_dump instead.`;

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { startServer } = await import('../server/server.ts');
      await startServer();
      return -1;
    }
    case 'backup':
    case 'restore': {
      const [file] = rest;
      if (!file) {
        console.error(`tend ${command}: name the backup file, e.g. tend ${command} tend-backup.tar.gz`);
        return 2;
      }
      const { loadConfig } = await import('../server/config.ts');
      const { backupDataDirectory, restoreDataDirectory } = await import('./backup.ts');
      const config = loadConfig();
      if (config.databaseUrl) {
        console.error(
          `tend ${command} works on the embedded database; with DATABASE_URL use pg_dump / pg_restore.`,
        );
        return 2;
      }
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
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
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
