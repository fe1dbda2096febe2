import { z } from 'zod';

const defaultFrom = 'Tend <no-reply@tend.local>';

const MailSettingsSchema = z.object({
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .url({
        protocol: /^smtps?$/,
        message: 'SMTP_URL must look like smtp://user:password@host:587 (or smtps:// for TLS from the start)',
      })
      .optional(),
  ),
  SMTP_FROM: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(
        /^([^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
        'SMTP_FROM must be an address, optionally with a name: Tend <no-reply@example.org>',
      )
      .default(defaultFrom),
  ),
});

export type MailSettings = {
  /** Where to send e-mail; without it every e-mail stays in the outbox, readable by admins. */
  smtpUrl: string | undefined;
  /** The sender of every e-mail, e.g. "Tend <no-reply@example.org>". */
  from: string;
};

/** Reads SMTP_URL and SMTP_FROM once at start-up and fails with every problem named. */
export function loadMailSettings(
  environment: Record<string, string | undefined> = process.env,
): MailSettings {
  const parsed = MailSettingsSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid mail configuration:\n${problems.join('\n')}`);
  }
  return { smtpUrl: parsed.data.SMTP_URL, from: parsed.data.SMTP_FROM };
}

/** The bare address in "Name <address>" or "address". */
export function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/** The name in "Name <address>", or the address. */
export function nameOf(from: string): string {
  return /^\s*([^<]*?)\s*</.exec(from)?.[1] || addressOf(from);
}
