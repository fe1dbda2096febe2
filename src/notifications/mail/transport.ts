import type { Transporter } from 'nodemailer';
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

/**
 * An SMTP transport for SMTP_URL with SMTP_FROM as sender, or null when no SMTP server is configured.
 * nodemailer (a hundred modules) is loaded with the first e-mail sent, not at every start-up.
 */
export function createMailTransport(settings: MailSettings): MailTransport | null {
  const { smtpUrl, from } = settings;
  if (!smtpUrl) return null;
  let transporter: Promise<Transporter> | undefined;
  const open = () =>
    (transporter ??= import('nodemailer').then(({ createTransport }) =>
      createTransport(
        {
          url: smtpUrl,
          // A stalled mail server must not hold a delivery run for minutes.
          connectionTimeout: 15_000,
          greetingTimeout: 15_000,
          socketTimeout: 60_000,
        },
        { from },
      ),
    ));
  return {
    sendMail: async (mail) => (await open()).sendMail(mail),
    close: () => void transporter?.then((opened) => opened.close()),
  };
}
