import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/connect.ts';
import { outbox } from '../../src/db/schema.ts';

/** Reads a person's inbox as they would: the token in the newest link of that kind e-mailed to them. */
export async function latestLinkTo(
  db: Database,
  email: string,
  kind: 'invitation' | 'reset-password',
): Promise<string> {
  const mails = await db
    .select({ text: outbox.text })
    .from(outbox)
    .where(eq(outbox.to, email))
    .orderBy(desc(outbox.createdAt));
  for (const { text } of mails) {
    const token = text.match(new RegExp(`/${kind}#([a-z2-7]+)`))?.[1];
    if (token) return token;
  }
  throw new Error(`no ${kind} link was e-mailed to ${email}`);
}

export async function mailsTo(db: Database, email: string) {
  return db
    .select({ subject: outbox.subject, text: outbox.text })
    .from(outbox)
    .where(eq(outbox.to, email))
    .orderBy(desc(outbox.createdAt));
}
