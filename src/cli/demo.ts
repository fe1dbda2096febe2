import type { Config } from '../server/config.ts';
import { demoPassword, demoSignIns, removeDemoOrganization } from '../server/services/demo-organization.ts';
import { createDemo } from './demo/create-demo.ts';
import { withDatabase } from './open-database.ts';
import type { CommandOutput } from './setup.ts';

export const demoUsage = `Usage: tend demo [--remove | --reset]

  tend demo           add the demo organisation "Riverside Health Sciences (demo)" with a term in progress (development only)
  tend demo --remove  delete the demo organisation and every @demo.tend.test account
  tend demo --reset   remove it and create it again`;

export async function demoCommand(args: string[], config: Config, output: CommandOutput): Promise<number> {
  const [option, ...rest] = args;
  if (rest.length > 0 || (option !== undefined && !['--remove', '--reset'].includes(option))) {
    output.stderr(`tend demo: unknown option "${args.join(' ')}".\n\n${demoUsage}\n`);
    return 2;
  }
  if (option !== '--remove' && config.environment === 'production') {
    output.stderr(
      'tend demo: the demo accounts share a published password, so they are never created with NODE_ENV=production.\n',
    );
    return 2;
  }
  return withDatabase(config, async ({ db }) => {
    if (option === '--remove' || option === '--reset') {
      const removed = await removeDemoOrganization(db);
      output.stdout(
        removed.organizations + removed.accounts === 0
          ? 'There was no demo organisation to remove.\n'
          : `Removed the demo organisation and ${removed.accounts} demo account(s).\n`,
      );
      if (option === '--remove') return 0;
    }
    const isCreated = await createDemo(db, { withTerm: true, now: new Date() });
    output.stdout(
      isCreated
        ? `Created the demo organisation with a term in progress. Sign in as ${demoSignIns.coordinator} (or ${demoSignIns.admin}, …) with ${demoPassword}.\n`
        : 'The demo organisation already exists (tend demo --reset recreates it).\n',
    );
    return 0;
  });
}
