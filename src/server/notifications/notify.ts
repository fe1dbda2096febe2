import { eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/connect.ts';
import { notificationPreferences, notifications, outbox, users } from '../../db/schema.ts';

/** What a notice is about; the web app picks an icon and the e-mail its wording by it. */
export const notificationKinds = [
  'enrolment',
  'waitlist',
  'group-assignment',
  'meeting-changed',
  'meeting-cancelled',
  'meeting-reminder',
  'feedback-request',
  'you-said-we-did',
  'reflection-follow-up',
  'reflection-catch-up',
  'group-post',
  'recognition',
  'supervision',
  'assessment-reminder',
  'password-changed',
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

export type NotificationRecipient = { userId: string; email: string };

export type Notice = {
  organizationId: string;
  userIds: readonly string[];
  kind: NotificationKind;
  /** Short, and about the recipient only: never another person's name or data. */
  title: string;
  body: string;
  /** A path inside the web app, e.g. /meetings/<id>; e-mails carry it as an absolute link. */
  link?: string | undefined;
  /** An iCalendar invitation to attach to the e-mail: one text for everyone, or one per recipient. */
  calendar?: string | ((recipient: NotificationRecipient) => string) | undefined;
  /** False for frequent, low-stakes notices (a new group post): in-app only, never e-mailed. */
  isEmailed?: boolean | undefined;
};

let linkBase = 'http://localhost:3000';
const listeners = new Set<() => void>();

/**
 * The address people use (config.publicUrl), which e-mails' links start with. Set at start-up by the
 * notification routes and by startJobs, the two places that hold the configuration.
 */
export function setNotificationLinkBase(publicUrl: string): void {
  linkBase = publicUrl.replace(/\/+$/, '');
}

export function absoluteLink(path: string): string {
  return /^https?:\/\//.test(path) ? path : `${linkBase}${path.startsWith('/') ? '' : '/'}${path}`;
}

/**
 * Calls `listener` each time notify queues e-mail (startJobs uses it to deliver soon). It is called
 * before the caller's transaction commits and must not wait for the database itself. Returns the
 * function that removes it.
 */
export function onEmailQueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Tells people something, inside the caller's transaction: one in-app notice each and, unless they
 * turned e-mail off (or their account is disabled), one e-mail in the outbox. Writes nothing else
 * and never waits for anything outside the transaction.
 */
export async function notify(tx: Database | Transaction, notice: Notice): Promise<void> {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) return;
  const recipients = await tx
    .select({
      userId: users.id,
      email: users.email,
      disabledAt: users.disabledAt,
      isEmailEnabled: notificationPreferences.isEmailEnabled,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(inArray(users.id, userIds));
  if (recipients.length === 0) return;

  await tx.insert(notifications).values(
    recipients.map((recipient) => ({
      organizationId: notice.organizationId,
      userId: recipient.userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link ?? null,
    })),
  );

  if (notice.isEmailed === false) return;
  const emailed = recipients.filter(
    (recipient) => recipient.isEmailEnabled !== false && recipient.disabledAt === null,
  );
  if (emailed.length === 0) return;
  const text = composeEmailText(notice);
  await tx.insert(outbox).values(
    emailed.map((recipient) => ({
      organizationId: notice.organizationId,
      to: recipient.email,
      subject: notice.title,
      text,
      calendar:
        typeof notice.calendar === 'function'
          ? notice.calendar({ userId: recipient.userId, email: recipient.email })
          : (notice.calendar ?? null),
    })),
  );
  for (const listener of listeners) {
    try {
      listener();
    } catch {
      // A listener only speeds delivery up; the scheduled run still sends the e-mail.
    }
  }
}

function composeEmailText(notice: Notice): string {
  return [
    notice.body,
    '',
    ...(notice.link ? [`Open it in Tend: ${absoluteLink(notice.link)}`, ''] : []),
    '--',
    'Tend sends this e-mail about your own part in a program.',
    `To stop these e-mails, turn e-mail off in your notice settings: ${absoluteLink('/notices')}`,
  ].join('\n');
}

/**
 * Queues one e-mail that is not a notice: an invitation, a password link, a security notice. These go
 * out whatever the person's notice settings, since they are about the account itself. A confidential
 * one (it carries a sign-in link) shows admins its status in the outbox, never its text.
 */
export async function queueEmail(
  tx: Database | Transaction,
  email: { organizationId: string; to: string; subject: string; text: string; isConfidential: boolean },
): Promise<void> {
  await tx.insert(outbox).values(email);
  for (const listener of listeners) {
    try {
      listener();
    } catch {
      // A listener only speeds delivery up; the scheduled run still sends the e-mail.
    }
  }
}
