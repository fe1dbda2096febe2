import { parseArgs } from 'node:util';
import { z } from 'zod';
import { canonicalTimeZone } from '../core/scheduling/time-zones.ts';
import type { Config } from '../server/config.ts';
import {
  listOrganizations,
  SetupRefusedError,
  setUpOrganization,
} from '../server/services/organization-setup.ts';
import { withDatabase } from './open-database.ts';

export const setupUsage = `Usage: tend setup --organization "Name" --time-zone Area/City --admin-email you@example.org
                  [--admin-name "Your Name"] [--locale en-CA]

Creates an organisation and its first admin, and prints a one-time link (valid 7 days) with which
that admin chooses a password. Links in it start with PUBLIC_URL.`;

const SetupSchema = z.object({
  organization: z
    .string({ error: '--organization is required' })
    .trim()
    .min(1, '--organization is empty')
    .max(200),
  'time-zone': z
    .string({ error: '--time-zone is required, e.g. --time-zone America/Toronto' })
    .transform((zone, context) => {
      const canonical = canonicalTimeZone(zone);
      if (!canonical) {
        context.addIssue({
          code: 'custom',
          message: `--time-zone "${zone}" is not a time-zone name such as Europe/Paris`,
        });
        return z.NEVER;
      }
      return canonical;
    }),
  'admin-email': z.email('--admin-email must be an e-mail address').max(254),
  'admin-name': z.string().trim().min(1, '--admin-name is empty').max(200).optional(),
  locale: z
    .string()
    .default('en-CA')
    .refine((locale) => {
      try {
        return Intl.getCanonicalLocales(locale).length === 1;
      } catch {
        return false;
      }
    }, '--locale must be a language tag such as en-CA or fr-FR'),
});

export type CommandOutput = { stdout(text: string): void; stderr(text: string): void };

export async function setupCommand(
  args: string[],
  config: Config,
  output: CommandOutput,
  now = new Date(),
): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        organization: { type: 'string' },
        'time-zone': { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
        locale: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    output.stderr(`tend setup: ${(error as Error).message}\n\n${setupUsage}\n`);
    return 2;
  }
  const parsed = SetupSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.message}`).join('\n');
    output.stderr(`tend setup: please correct:\n${problems}\n\n${setupUsage}\n`);
    return 2;
  }
  const input = parsed.data;
  const adminEmail = input['admin-email'].toLowerCase();
  try {
    const result = await withDatabase(config, ({ db }) =>
      setUpOrganization(
        db,
        {
          organizationName: input.organization,
          timeZone: input['time-zone'],
          locale: input.locale,
          adminEmail,
          adminName: input['admin-name'] ?? adminEmail.split('@')[0] ?? adminEmail,
        },
        now,
      ),
    );
    output.stdout(
      [
        `Created the organisation "${input.organization}" (${result.slug}) and its admin ${adminEmail}.`,
        `The admin chooses a password with this link (valid once, until ${result.expiresAt.toISOString()}):`,
        '',
        `  ${config.publicUrl}/invitation#${result.token}`,
        '',
        'Keep it to yourself: whoever opens it first becomes this admin.',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof SetupRefusedError) {
      output.stderr(`tend setup: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

export async function organizationsCommand(
  args: string[],
  config: Config,
  output: CommandOutput,
): Promise<number> {
  if (args[0] !== 'list' || args.length > 1) {
    output.stderr('tend organizations: the only subcommand is "list", e.g. tend organizations list\n');
    return 2;
  }
  const rows = await withDatabase(config, ({ db }) => listOrganizations(db));
  if (rows.length === 0) {
    output.stdout('No organisation yet. Create one with: tend setup --organization "Name" …\n');
    return 0;
  }
  for (const row of rows) {
    output.stdout(
      `${row.slug}\t${row.name}\t${row.members} member(s)\tcreated ${row.createdAt.toISOString().slice(0, 10)}\n`,
    );
  }
  return 0;
}
