import { and, asc, count, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '../db/connect.ts';
import { notificationPreferences, notifications, outbox, users } from '../db/schema.ts';
import { queuePushMessages } from './push/queue-push.ts';

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
  'leadership-action',
  'message',
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

/** E-mails about the account itself rather than notices (`queueEmail`): what each outbox row of one is. */
export const accountEmailKinds = ['invitation', 'password-reset', 'password-changed'] as const;

export type AccountEmailKind = (typeof accountEmailKinds)[number];

/**
 * Kinds whose e-mails fold together: while one waits unsent in the outbox, the next of the same kind to
 * the same person rewrites it ("3 new recognitions") instead of queueing another. These are the kinds
 * other people can cause many of; each notice still appears in the app.
 */
const foldedEmailNouns: Partial<Record<NotificationKind, string>> = {
  recognition: 'recognitions',
  'group-post': 'notices about your group space',
  supervision: 'notices about reflective supervision',
  'you-said-we-did': '"you said, we did" notes',
};

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
 * Tells people something, inside the caller's transaction: one in-app notice each; a push message
 * for each of their devices when the kind is pushed and they left it on; and, unless they turned
 * e-mail off (or their account is disabled), one e-mail in the outbox. Writes nothing else and never
 * waits for anything outside the transaction.
 */
export async function notify(tx: Database | Transaction, notice: Notice): Promise<void> {
  await notifyEach(tx, [notice]);
}

/**
 * What notify does for many notices at once, each to its own people, in a fixed number of statements
 * per organisation rather than per notice: a job run tells hundreds of people something personal.
 */
export async function notifyEach(tx: Database | Transaction, notices: readonly Notice[]): Promise<void> {
  const byOrganization = new Map<string, Notice[]>();
  for (const notice of notices) {
    const ofOrganization = byOrganization.get(notice.organizationId);
    if (ofOrganization) ofOrganization.push(notice);
    else byOrganization.set(notice.organizationId, [notice]);
  }
  for (const [organizationId, ofOrganization] of byOrganization) {
    await notifyInOrganization(tx, organizationId, ofOrganization);
  }
}

async function notifyInOrganization(
  tx: Database | Transaction,
  organizationId: string,
  notices: readonly Notice[],
): Promise<void> {
  const userIds = [...new Set(notices.flatMap((notice) => notice.userIds))];
  if (userIds.length === 0) return;
  const found = await tx
    .select({
      userId: users.id,
      email: users.email,
      disabledAt: users.disabledAt,
      isEmailEnabled: notificationPreferences.isEmailEnabled,
    })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.organizationId, organizationId),
        eq(notificationPreferences.userId, users.id),
      ),
    )
    .where(inArray(users.id, userIds));
  const recipientById = new Map(found.map((recipient) => [recipient.userId, recipient]));
  const deliveries = notices.flatMap((notice) =>
    [...new Set(notice.userIds)].flatMap((userId) => {
      const recipient = recipientById.get(userId);
      return recipient ? [{ notice, recipient }] : [];
    }),
  );
  if (deliveries.length === 0) return;

  await tx.insert(notifications).values(
    deliveries.map(({ notice, recipient }) => ({
      organizationId,
      userId: recipient.userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link ?? null,
    })),
  );
  await queuePushMessages(
    tx,
    organizationId,
    deliveries.map(({ notice, recipient }) => ({ notice, userId: recipient.userId })),
  );

  const emailed = deliveries.filter(
    ({ notice, recipient }) =>
      notice.isEmailed !== false && recipient.isEmailEnabled !== false && recipient.disabledAt === null,
  );
  const queued: typeof emailed = [];
  for (const delivery of emailed) {
    // A calendar invitation is never folded away: each one changes what is in someone's calendar.
    const { notice, recipient } = delivery;
    const foldedNoun = notice.calendar === undefined ? foldedEmailNouns[notice.kind] : undefined;
    if (foldedNoun && (await foldIntoWaitingEmail(tx, notice, recipient, foldedNoun))) continue;
    queued.push(delivery);
  }
  if (queued.length === 0) return;
  const texts = new Map<Notice, string>();
  await tx.insert(outbox).values(
    queued.map(({ notice, recipient }) => {
      const text = texts.get(notice) ?? composeEmailText(notice);
      texts.set(notice, text);
      return {
        organizationId,
        to: recipient.email,
        subject: notice.title,
        text,
        calendar:
          typeof notice.calendar === 'function'
            ? notice.calendar({ userId: recipient.userId, email: recipient.email })
            : (notice.calendar ?? null),
        kind: notice.kind,
      };
    }),
  );
  announceEmailQueued();
}

/**
 * Rewrites the e-mail of this kind still waiting for this person, if there is one, to tell of every
 * notice of the kind since it was queued; true when it did. The row is locked so delivery cannot take
 * it mid-rewrite, and one delivery has already tried (attempts > 0) is left alone.
 */
async function foldIntoWaitingEmail(
  tx: Database | Transaction,
  notice: Notice,
  recipient: NotificationRecipient,
  noun: string,
): Promise<boolean> {
  const [waiting] = await tx
    .select({ id: outbox.id, createdAt: outbox.createdAt })
    .from(outbox)
    .where(
      and(
        eq(outbox.to, recipient.email),
        eq(outbox.organizationId, notice.organizationId),
        eq(outbox.kind, notice.kind),
        isNull(outbox.sentAt),
        eq(outbox.attempts, 0),
        isNull(outbox.calendar),
      ),
    )
    .orderBy(asc(outbox.createdAt))
    .limit(1)
    .for('update');
  if (!waiting) return false;
  // The in-app notices are one per event: their number since the e-mail was queued is what is new.
  const [counted] = await tx
    .select({ notices: count() })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, recipient.userId),
        eq(notifications.kind, notice.kind),
        gte(notifications.createdAt, waiting.createdAt),
      ),
    );
  const notices = Math.max(2, counted?.notices ?? 0);
  await tx
    .update(outbox)
    .set({
      subject: `${notices} new ${noun}`,
      text: composeEmailText({
        ...notice,
        body: `You have ${notices} new ${noun} in Tend. The latest: ${notice.body}`,
      }),
    })
    .where(eq(outbox.id, waiting.id));
  return true;
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
  email: {
    organizationId: string;
    kind: AccountEmailKind;
    to: string;
    subject: string;
    text: string;
    isConfidential: boolean;
  },
): Promise<void> {
  await tx.insert(outbox).values(email);
  announceEmailQueued();
}

function announceEmailQueued(): void {
  for (const listener of listeners) {
    try {
      listener();
    } catch {
      // A listener only speeds delivery up; the scheduled run still sends the e-mail.
    }
  }
}
