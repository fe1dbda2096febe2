import type { Database, Transaction } from '../db/connect.ts';
import { absoluteLink, notify, queueEmail } from './notify.ts';

/** The e-mails about a person's own account. Links carry their token in the fragment (#), which browsers never send to a server. */

type Recipient = { organizationId: string; email: string; name: string };

const footer = ['--', 'Tend sends this e-mail about your own account.'];

export function invitationLink(token: string): string {
  return absoluteLink(`/invitation#${token}`);
}

export async function sendInvitationEmail(
  tx: Database | Transaction,
  recipient: Recipient & { organizationName: string },
  token: string,
  options: { expiresAt: Date; isReminder: boolean },
): Promise<void> {
  const until = `${options.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  await queueEmail(tx, {
    organizationId: recipient.organizationId,
    kind: 'invitation',
    to: recipient.email,
    subject: options.isReminder
      ? `Reminder: your Tend account at ${recipient.organizationName} is waiting`
      : `You are invited to Tend at ${recipient.organizationName}`,
    text: [
      `Hello ${recipient.name},`,
      '',
      `${recipient.organizationName} runs its resilience programs in Tend. Choose a password to start:`,
      invitationLink(token),
      '',
      `The link works once, until ${until}. If you did not expect this e-mail, you can ignore it.`,
      '',
      ...footer,
    ].join('\n'),
    isConfidential: true,
  });
}

export async function sendPasswordResetEmail(
  tx: Database | Transaction,
  recipient: Recipient,
  token: string,
): Promise<void> {
  await queueEmail(tx, {
    organizationId: recipient.organizationId,
    kind: 'password-reset',
    to: recipient.email,
    subject: 'Choose a new Tend password',
    text: [
      `Hello ${recipient.name},`,
      '',
      'Someone (we hope you) asked to choose a new password for your Tend account. Use this link within an hour:',
      absoluteLink(`/reset-password#${token}`),
      '',
      'Choosing a new password signs you out everywhere else. If you did not ask for this, ignore this e-mail: your password stays as it is.',
      '',
      ...footer,
    ].join('\n'),
    isConfidential: true,
  });
}

/** After every change or reset, so a person learns at once if someone else changed their password. */
export async function sendPasswordChangedNotice(
  tx: Database | Transaction,
  recipient: Recipient & { userId: string },
  how: 'changed' | 'reset',
): Promise<void> {
  const body =
    how === 'reset'
      ? 'Your Tend password was reset with a link sent to this address, and your other sessions were signed out.'
      : 'Your Tend password was changed, and your other sessions were signed out.';
  const advice =
    'If this was not you, choose "Forgot password" on the sign-in page now and tell your administrator.';
  await notify(tx, {
    organizationId: recipient.organizationId,
    userIds: [recipient.userId],
    kind: 'password-changed',
    title: 'Your password was changed',
    body: `${body} ${advice}`,
    isEmailed: false,
  });
  await queueEmail(tx, {
    organizationId: recipient.organizationId,
    kind: 'password-changed',
    to: recipient.email,
    subject: 'Your Tend password was changed',
    text: [
      `Hello ${recipient.name},`,
      '',
      body,
      '',
      advice,
      absoluteLink('/forgot-password'),
      '',
      ...footer,
    ].join('\n'),
    isConfidential: false,
  });
}
