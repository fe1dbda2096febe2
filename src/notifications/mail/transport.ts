import { createTransport } from 'nodemailer';
import type { MailSettings } from './mail-settings.ts';

/** One e-mail as nodemailer takes it; an iCalendar invitation travels as `icalEvent`. */
export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  icalEvent?: { method: string; filename: string; content: string };
};

/** What delivery needs from nodemailer; a nodemailer transporter is one. */
export type MailTransport = {
  sendMail(mail: OutgoingMail): Promise<unknown>;
  close(): void;
};

/** An SMTP transport for SMTP_URL with SMTP_FROM as sender, or null when no SMTP server is configured. */
export function createMailTransport(settings: MailSettings): MailTransport | null {
  if (!settings.smtpUrl) return null;
  return createTransport(
    {
      url: settings.smtpUrl,
      // A stalled mail server must not hold a delivery run for minutes.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    },
    { from: settings.from },
  );
}
