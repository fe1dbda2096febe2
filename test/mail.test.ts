import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConnection } from '../src/db/connect.ts';
import { outbox } from '../src/db/schema.ts';
import { deliverOutbox, maxDeliveryAttempts } from '../src/notifications/mail/deliver-outbox.ts';
import { loadMailSettings } from '../src/notifications/mail/mail-settings.ts';
import { createMailTransport, type MailTransport } from '../src/notifications/mail/transport.ts';
import { notify } from '../src/notifications/notify.ts';
import { buildMeetingInvitation } from '../src/server/calendar/meeting-invitation.ts';
import { ensureDemoOrganization } from '../src/server/services/demo-organization.ts';
import { demoOrganizationId, userIdOf } from './helpers/meeting-fixtures.ts';
import { startSmtpSink } from './helpers/smtp-sink.ts';
import { openTestDatabase } from './helpers/test-app.ts';

let connection: DatabaseConnection;
let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let transport: MailTransport;
let organizationId: string;
const now = new Date('2027-01-10T12:00:00Z');

beforeAll(async () => {
  connection = await openTestDatabase();
  await ensureDemoOrganization(connection.db);
  organizationId = await demoOrganizationId(connection.db);
  sink = await startSmtpSink();
  const settings = loadMailSettings({
    SMTP_URL: sink.url,
    SMTP_FROM: 'Riverside Tend <tend@riverside.example>',
  });
  const created = createMailTransport(settings);
  if (!created) throw new Error('no transport');
  transport = created;
});
afterAll(async () => {
  transport?.close();
  await sink?.close();
  await connection?.close();
});

async function queueMails(addresses: string[], subject: string) {
  const ids: string[] = [];
  for (const to of addresses) {
    const [row] = await connection.db
      .insert(outbox)
      .values({ organizationId, to, subject, text: `Hello ${to}` })
      .returning({ id: outbox.id });
    if (row) ids.push(row.id);
  }
  return ids;
}

describe('mail settings', () => {
  it('send from Tend <no-reply@tend.local> and keep mail in the outbox when nothing is set', () => {
    expect(loadMailSettings({})).toEqual({ smtpUrl: undefined, from: 'Tend <no-reply@tend.local>' });
    expect(loadMailSettings({ SMTP_URL: '', SMTP_FROM: '' }).smtpUrl).toBeUndefined();
    expect(createMailTransport(loadMailSettings({}))).toBeNull();
  });

  it('name each wrong setting', () => {
    expect(() => loadMailSettings({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL/);
    expect(() => loadMailSettings({ SMTP_FROM: 'not an address' })).toThrow(/SMTP_FROM/);
    expect(loadMailSettings({ SMTP_URL: 'smtps://user:pass@mail.example.org:465' }).smtpUrl).toBe(
      'smtps://user:pass@mail.example.org:465',
    );
  });
});

describe('delivering the outbox over SMTP', () => {
  it('sends a notice e-mail with its calendar invitation to the right person', async () => {
    const participantId = await userIdOf(connection.db, 'participant2@demo.tend.test');
    const meeting = {
      id: '7d0c56a4-3f3c-4c8e-9a57-5e0a0b1c2d3e',
      sequence: 1,
      startsAt: new Date('2027-01-12T17:00:00Z'),
      endsAt: new Date('2027-01-12T18:00:00Z'),
      place: 'Room 4.12',
      videoUrl: null,
      revision: 0,
      cancelledAt: null,
    };
    await notify(connection.db, {
      organizationId,
      userIds: [participantId],
      kind: 'group-assignment',
      title: 'Your group in Resilience circles',
      body: 'You are in Group A.',
      link: '/my-groups',
      calendar: (recipient) =>
        buildMeetingInvitation(
          meeting,
          { name: 'Group A' },
          { title: 'Resilience circles' },
          { name: 'Riverside Tend', email: 'tend@riverside.example' },
          recipient.email,
        ),
    });

    const report = await deliverOutbox(connection.db, transport, now);
    expect(report).toEqual({ sent: 1, failed: 0 });
    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail?.to).toEqual(['participant2@demo.tend.test']);
    expect(mail?.from).toBe('tend@riverside.example');
    expect(mail?.raw).toMatch(/^Subject: Your group in Resilience circles\r?$/m);
    expect(mail?.raw).toMatch(/^To: participant2@demo\.tend\.test\r?$/m);
    expect(mail?.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(mail?.raw).toMatch(/Content-Type: application\/ics; name=invitation\.ics/i);
    expect(mail?.raw).toContain('BEGIN:VCALENDAR');

    const [row] = await connection.db
      .select()
      .from(outbox)
      .where(eq(outbox.to, 'participant2@demo.tend.test'));
    expect(row).toMatchObject({ attempts: 1, lastError: null, sentAt: now });
  });

  it('sends each e-mail exactly once when two deliveries run at the same time', async () => {
    sink.received.length = 0;
    const addresses = Array.from({ length: 12 }, (_, index) => `person${index}@example.org`);
    const ids = await queueMails(addresses, 'Reminder');
    const second = createMailTransport({ smtpUrl: sink.url, from: 'Tend <no-reply@tend.local>' });
    if (!second) throw new Error('no transport');
    const [first, other] = await Promise.all([
      deliverOutbox(connection.db, transport, now),
      deliverOutbox(connection.db, second, now),
    ]);
    second.close();
    expect(first.sent + other.sent).toBe(12);
    expect(first.failed + other.failed).toBe(0);
    const recipients = sink.received.flatMap((mail) => mail.to).sort();
    expect(recipients).toEqual([...addresses].sort());
    const rows = await connection.db.select().from(outbox).where(inArray(outbox.id, ids));
    expect(rows.every((row) => row.sentAt !== null && row.attempts === 1)).toBe(true);
  });

  it('records a refused e-mail, tries it again later, and gives up after the last attempt', async () => {
    sink.received.length = 0;
    const [id] = await queueMails(['bounce@example.org'], 'Will bounce');
    const first = await deliverOutbox(connection.db, transport, now);
    expect(first).toEqual({ sent: 0, failed: 1 });
    const [afterFirst] = await connection.db.select().from(outbox).where(eq(outbox.id, id!));
    expect(afterFirst).toMatchObject({ attempts: 1, sentAt: null });
    expect(afterFirst?.lastError).toMatch(/No such mailbox/);

    for (let run = 2; run <= maxDeliveryAttempts + 2; run += 1) {
      await deliverOutbox(connection.db, transport, now);
    }
    const [afterAll] = await connection.db.select().from(outbox).where(eq(outbox.id, id!));
    expect(afterAll?.attempts).toBe(maxDeliveryAttempts);
    expect(afterAll?.sentAt).toBeNull();
    expect(sink.received).toHaveLength(0);
  });

  it('does not send an e-mail whose attempt is still under way elsewhere', async () => {
    sink.received.length = 0;
    const [id] = await queueMails(['in-flight@example.org'], 'In flight');
    // Another server claimed it a moment ago: one attempt counted, no error yet.
    await connection.db
      .update(outbox)
      .set({ attempts: 1, claimedAt: new Date(now.getTime() - 60_000) })
      .where(eq(outbox.id, id!));
    expect(await deliverOutbox(connection.db, transport, now)).toEqual({ sent: 0, failed: 0 });
    expect(sink.received).toHaveLength(0);
  });

  it('sends an e-mail whose server stopped in the middle of sending it', async () => {
    sink.received.length = 0;
    const [id] = await queueMails(['orphaned@example.org'], 'Orphaned');
    // Claimed twenty minutes ago and never finished: that server is gone.
    await connection.db
      .update(outbox)
      .set({ attempts: 1, claimedAt: new Date(now.getTime() - 20 * 60_000) })
      .where(eq(outbox.id, id!));
    expect(await deliverOutbox(connection.db, transport, now)).toEqual({ sent: 1, failed: 0 });
    expect(sink.received.map((mail) => mail.to)).toEqual([['orphaned@example.org']]);
  });
});
