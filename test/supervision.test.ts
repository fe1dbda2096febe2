import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, supervisionConversations, supervisions, users } from '../src/db/schema.ts';
import { userIdOf } from './helpers/meeting-fixtures.ts';
import {
  createTestApp,
  noSendingLimits,
  signedInClient,
  TestClient,
  type TestContext,
} from './helpers/test-app.ts';

let context: TestContext;
let supervisor: TestClient;
let clinician: TestClient;
let colleague: TestClient;
let supervisorId: string;
let clinicianId: string;

const supervisorEmail = 'facilitator2@demo.tend.test';
const clinicianEmail = 'participant21@demo.tend.test';

function inDays(days: number): string {
  return new Date(context.clock.now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

function proposal(overrides: Record<string, unknown> = {}) {
  return {
    colleagueId: clinicianId,
    myRole: 'supervisor',
    firstDate: inDays(7),
    time: '16:00',
    timeZone: 'America/Toronto',
    cadenceWeeks: 2,
    count: 3,
    minutes: 50,
    place: 'Room 3.04',
    ...overrides,
  };
}

const notes = {
  experiences: 'A family meeting about withdrawing care.',
  reactions: 'Felt the grief for days; slept badly.',
  whatHelped: 'Talking it through with the team the next morning.',
  nextSteps: 'Book a debrief after the next one.',
};

async function signedInAs(email: string, ip: string): Promise<TestClient> {
  const signedIn = new TestClient(context.app, ip);
  if ((await signedIn.signIn(email)).statusCode !== 204) throw new Error(`${email} could not sign in`);
  return signedIn;
}

beforeAll(async () => {
  // Posts and proposals here test who sees what, not how many one may send (sending-limits.test.ts).
  context = await createTestApp({}, { sendingLimits: noSendingLimits });
  const { db } = context.connection;
  supervisor = await signedInAs(supervisorEmail, '10.40.0.1');
  clinician = await signedInAs(clinicianEmail, '10.40.0.2');
  colleague = await signedInAs('participant22@demo.tend.test', '10.40.0.3');
  supervisorId = await userIdOf(db, supervisorEmail);
  clinicianId = await userIdOf(db, clinicianEmail);
});
afterAll(() => context.close());

describe('reflective supervision', () => {
  let pairingId: string;
  let conversationId: string;

  it('is proposed by one and shown to the other with its schedule, waiting for them', async () => {
    const proposed = await supervisor.request('POST', '/api/supervision/pairings', proposal());
    expect(proposed.statusCode, proposed.body).toBe(201);
    pairingId = proposed.json().id;
    const mine = (await clinician.request('GET', '/api/supervision')).json();
    const pairing = mine.pairings.find((candidate: { id: string }) => candidate.id === pairingId);
    expect(pairing).toMatchObject({
      status: 'proposed',
      myRole: 'supervisee',
      isProposedByMe: false,
      colleague: { id: supervisorId },
      cadenceWeeks: 2,
      minutes: 50,
    });
    expect(pairing.conversations).toHaveLength(3);
    conversationId = pairing.conversations[0].id;
    const gap = Date.parse(pairing.conversations[1].startsAt) - Date.parse(pairing.conversations[0].startsAt);
    expect(Math.abs(gap - 14 * 86_400_000)).toBeLessThanOrEqual(3_600_000);
  });

  it('keeps no notes until the other person accepts, and only they can accept', async () => {
    const early = await supervisor.request(
      'PUT',
      `/api/supervision/conversations/${conversationId}/notes`,
      notes,
    );
    expect(early.statusCode).toBe(409);
    const selfAccept = await supervisor.request('POST', `/api/supervision/pairings/${pairingId}/response`, {
      isAccepted: true,
    });
    expect(selfAccept.statusCode).toBe(403);
    const accepted = await clinician.request('POST', `/api/supervision/pairings/${pairingId}/response`, {
      isAccepted: true,
    });
    expect(accepted.statusCode).toBe(204);
    const again = await clinician.request('POST', `/api/supervision/pairings/${pairingId}/response`, {
      isAccepted: false,
    });
    expect(again.statusCode).toBe(409);
  });

  it('records the relation so the two are never grouped together, and sends both a calendar invitation', async () => {
    const { db } = context.connection;
    const relation = await db
      .select()
      .from(supervisions)
      .where(and(eq(supervisions.supervisorId, supervisorId), eq(supervisions.superviseeId, clinicianId)));
    expect(relation).toHaveLength(1);
    const nameOf = async (id: string) =>
      (await db.select({ name: users.name }).from(users).where(eq(users.id, id)))[0]?.name ?? '?';
    const otherName: Record<string, string> = {
      [supervisorEmail]: await nameOf(clinicianId),
      [clinicianEmail]: await nameOf(supervisorId),
    };
    for (const email of [supervisorEmail, clinicianEmail]) {
      const mail = await db.select().from(outbox).where(eq(outbox.to, email));
      const invitation = mail.find((message) => message.calendar?.includes('supervision-'));
      expect(invitation?.calendar).toContain('METHOD:REQUEST');
      expect(invitation?.calendar?.match(/BEGIN:VEVENT/g)).toHaveLength(3);
      // E-mails and calendar entries speak about the recipient only, never the other person.
      expect(invitation?.text).not.toContain(otherName[email]);
      expect(invitation?.calendar).not.toContain(otherName[email]);
    }
  });

  it('shows the notes to the two of them and to nobody else, admins and coordinators included', async () => {
    const saved = await clinician.request(
      'PUT',
      `/api/supervision/conversations/${conversationId}/notes`,
      notes,
    );
    expect(saved.statusCode).toBe(200);
    const read = await supervisor.request('GET', `/api/supervision/conversations/${conversationId}`);
    expect(read.json().notes).toEqual(notes);

    const others = [
      colleague,
      await signedInClient(context.app, 'coordinator'),
      await signedInClient(context.app, 'leader'),
      await signedInClient(context.app, 'admin'),
      await signedInClient(context.app, 'facilitator'),
    ];
    for (const other of others) {
      const response = await other.request('GET', `/api/supervision/conversations/${conversationId}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('withdrawing care');
      const write = await other.request('PUT', `/api/supervision/conversations/${conversationId}/notes`, {
        ...notes,
        experiences: 'overwritten',
      });
      expect(write.statusCode).toBe(404);
      const list = await other.request('GET', '/api/supervision');
      expect(list.body).not.toContain(pairingId);
      const respond = await other.request('POST', `/api/supervision/pairings/${pairingId}/response`, {
        isAccepted: false,
      });
      expect(respond.statusCode).toBe(404);
    }
    expect(
      (await supervisor.request('GET', `/api/supervision/conversations/${conversationId}`)).json().notes,
    ).toEqual(notes);
  });

  it('lets the invited person decline, telling the proposer', async () => {
    const proposed = await clinician.request(
      'POST',
      '/api/supervision/pairings',
      proposal({
        colleagueId: await userIdOf(context.connection.db, 'participant22@demo.tend.test'),
        myRole: 'supervisee',
      }),
    );
    expect(proposed.statusCode).toBe(201);
    const declined = await colleague.request(
      'POST',
      `/api/supervision/pairings/${proposed.json().id}/response`,
      {
        isAccepted: false,
      },
    );
    expect(declined.statusCode).toBe(204);
    const view = (await clinician.request('GET', '/api/supervision')).json();
    expect(view.pairings.find((pairing: { id: string }) => pairing.id === proposed.json().id)).toMatchObject({
      status: 'declined',
      myRole: 'supervisee',
    });
  });

  it('names every field of a schedule that cannot work', async () => {
    const response = await supervisor.request(
      'POST',
      '/api/supervision/pairings',
      proposal({ firstDate: inDays(-7), timeZone: 'Mars/Olympus' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('SUPERVISION_PLAN_INVALID');
    expect(Object.keys(response.json().error.fields)).toEqual(['body.timeZone']);
    const past = await supervisor.request(
      'POST',
      '/api/supervision/pairings',
      proposal({ firstDate: inDays(-7) }),
    );
    expect(past.json().error.fields['body.firstDate']).toBe('must be in the future');
    const tooMany = await supervisor.request('POST', '/api/supervision/pairings', proposal({ count: 99 }));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields['body.count']).toMatch(/at most 26/);
  });
});

describe('ending and moving supervision', () => {
  const pairEmail = 'participant23@demo.tend.test';
  let pair: TestClient;
  let pairId: string;
  let pairingId: string;
  type ListedConversation = { id: string; sequence: number; startsAt: string; cancelledAt: string | null };
  let conversations: ListedConversation[];

  const listed = async (client: TestClient, id: string) =>
    (await client.request('GET', '/api/supervision'))
      .json()
      .pairings.find((pairing: { id: string }) => pairing.id === id);
  const noticesOf = async (client: TestClient) =>
    (await client.request('GET', '/api/notifications')).json().notifications as {
      title: string;
      body: string;
    }[];
  const mailTo = (email: string) => context.connection.db.select().from(outbox).where(eq(outbox.to, email));
  const nameOf = async (id: string) =>
    (await context.connection.db.select({ name: users.name }).from(users).where(eq(users.id, id)))[0]?.name ??
    '?';

  beforeAll(async () => {
    pair = await signedInAs(pairEmail, '10.40.0.4');
    pairId = await userIdOf(context.connection.db, pairEmail);
    const proposed = await supervisor.request(
      'POST',
      '/api/supervision/pairings',
      proposal({ colleagueId: pairId, count: 3, cadenceWeeks: 2 }),
    );
    pairingId = proposed.json().id;
    const accepted = await pair.request('POST', `/api/supervision/pairings/${pairingId}/response`, {
      isAccepted: true,
    });
    expect(accepted.statusCode).toBe(204);
    conversations = (await listed(pair, pairingId)).conversations;
  });

  it('lets either person move a conversation still ahead, and gives both the updated calendar entry', async () => {
    const second = conversations[1] as ListedConversation;
    const moved = await pair.request('POST', `/api/supervision/conversations/${second.id}/move`, {
      date: inDays(23),
      time: '10:30',
      timeZone: 'America/Toronto',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().startsAt).not.toBe(second.startsAt);
    const asSupervisorSees = await listed(supervisor, pairingId);
    expect(asSupervisorSees.conversations[1].startsAt).toBe(moved.json().startsAt);

    const notice = (await noticesOf(supervisor)).find(
      (candidate) => candidate.title === 'A supervision conversation was moved',
    );
    expect(notice?.body).toContain('conversation 2');
    expect(notice?.body).not.toContain(await nameOf(pairId));
    for (const [email, otherId] of [
      [supervisorEmail, pairId],
      [pairEmail, supervisorId],
    ] as const) {
      const update = (await mailTo(email)).find(
        (message) =>
          message.calendar?.includes(`supervision-${second.id}@tend`) &&
          message.calendar.includes('SEQUENCE:1'),
      );
      expect(update?.calendar).toContain('METHOD:REQUEST');
      expect(update?.calendar?.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(update?.calendar).not.toContain(await nameOf(otherId));
      expect(update?.text).not.toContain(await nameOf(otherId));
    }
  });

  it('refuses a time in the past or out of the series’ order, saying what to fix, and hides the pair from others', async () => {
    const second = conversations[1] as ListedConversation;
    const move = (client: TestClient, body: Record<string, string>) =>
      client.request('POST', `/api/supervision/conversations/${second.id}/move`, {
        date: inDays(23),
        time: '10:30',
        timeZone: 'America/Toronto',
        ...body,
      });
    const past = await move(supervisor, { date: inDays(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({
      code: 'SUPERVISION_MOVE_INVALID',
      fields: { 'body.date': 'must be in the future' },
    });
    const afterThird = await move(supervisor, { date: inDays(40) });
    expect(afterThird.statusCode).toBe(400);
    expect(afterThird.json().error.message).toMatch(/before conversation 3 starts/);
    const badZone = await move(supervisor, { timeZone: 'Mars/Olympus' });
    expect(badZone.json().error.fields).toEqual({ 'body.timeZone': 'is not a known time zone' });
    const malformed = await move(supervisor, { date: 'next tuesday' });
    expect(malformed.statusCode).toBe(400);

    for (const other of [
      clinician,
      await signedInClient(context.app, 'coordinator'),
      await signedInClient(context.app, 'admin'),
    ]) {
      expect((await move(other, {})).statusCode).toBe(404);
      expect((await other.request('POST', `/api/supervision/pairings/${pairingId}/end`)).statusCode).toBe(
        404,
      );
    }
  });

  it('ends for both when either ends it: conversations ahead are cancelled in both calendars, earlier notes stay theirs', async () => {
    const [first, second, third] = conversations as [
      ListedConversation,
      ListedConversation,
      ListedConversation,
    ];
    const saved = await supervisor.request('PUT', `/api/supervision/conversations/${first.id}/notes`, notes);
    expect(saved.statusCode).toBe(200);
    // The first conversation has taken place; the other two are still ahead.
    const yesterday = context.clock.now.getTime() - 86_400_000;
    await context.connection.db
      .update(supervisionConversations)
      .set({ startsAt: new Date(yesterday), endsAt: new Date(yesterday + 3_000_000) })
      .where(eq(supervisionConversations.id, first.id));

    const pastMove = await pair.request('POST', `/api/supervision/conversations/${first.id}/move`, {
      date: inDays(3),
      time: '10:00',
      timeZone: 'UTC',
    });
    expect(pastMove.statusCode).toBe(409);
    expect(pastMove.json().error.code).toBe('SUPERVISION_CONVERSATION_PAST');

    const ended = await pair.request('POST', `/api/supervision/pairings/${pairingId}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toEqual({ status: 'ended', cancelledConversations: 2 });

    for (const client of [supervisor, pair]) {
      const view = await listed(client, pairingId);
      expect(view.status).toBe('ended');
      expect(view.conversations.map((item: ListedConversation) => item.cancelledAt !== null)).toEqual([
        false,
        true,
        true,
      ]);
      const read = await client.request('GET', `/api/supervision/conversations/${first.id}`);
      expect(read.json().notes).toEqual(notes);
    }
    for (const other of [clinician, await signedInClient(context.app, 'admin')]) {
      const read = await other.request('GET', `/api/supervision/conversations/${first.id}`);
      expect(read.statusCode).toBe(404);
      expect(read.body).not.toContain('withdrawing care');
    }
    const edit = await supervisor.request('PUT', `/api/supervision/conversations/${first.id}/notes`, {
      ...notes,
      nextSteps: 'changed afterwards',
    });
    expect(edit.statusCode).toBe(409);
    const moveAfter = await supervisor.request('POST', `/api/supervision/conversations/${third.id}/move`, {
      date: inDays(60),
      time: '10:00',
      timeZone: 'UTC',
    });
    expect(moveAfter.statusCode).toBe(409);
    expect((await pair.request('POST', `/api/supervision/pairings/${pairingId}/end`)).statusCode).toBe(409);

    const notice = (await noticesOf(supervisor)).find(
      (candidate) => candidate.title === 'Your reflective supervision has ended',
    );
    expect(notice?.body).toMatch(/2 conversations still ahead are cancelled/);
    for (const text of [notes.experiences, notes.reactions, await nameOf(pairId)]) {
      expect(notice?.body).not.toContain(text);
    }
    for (const [email, otherId] of [
      [supervisorEmail, pairId],
      [pairEmail, supervisorId],
    ] as const) {
      const cancellation = (await mailTo(email)).find(
        (message) =>
          message.calendar?.includes('METHOD:CANCEL') &&
          message.calendar.includes(`supervision-${third.id}@tend`),
      );
      expect(cancellation?.calendar).toContain(`supervision-${second.id}@tend`);
      expect(cancellation?.calendar).not.toContain(`supervision-${first.id}@tend`);
      expect(cancellation?.calendar?.match(/STATUS:CANCELLED/g)).toHaveLength(2);
      // The moved one was at SEQUENCE 1, so its cancellation must be higher to replace it.
      expect(cancellation?.calendar).toContain('SEQUENCE:2');
      expect(cancellation?.calendar).not.toContain(await nameOf(otherId));
      expect(cancellation?.text).not.toContain(notes.experiences);
    }
    // The conflict of interest outlives the arrangement: the two are still never grouped together.
    const relation = await context.connection.db
      .select()
      .from(supervisions)
      .where(and(eq(supervisions.supervisorId, supervisorId), eq(supervisions.superviseeId, pairId)));
    expect(relation).toHaveLength(1);
  });

  it('lets the proposer withdraw a proposal still waiting, telling the colleague, with no calendar involved', async () => {
    const colleagueEmail = 'participant22@demo.tend.test';
    const colleagueId = await userIdOf(context.connection.db, colleagueEmail);
    const proposed = await supervisor.request('POST', '/api/supervision/pairings', proposal({ colleagueId }));
    const id = proposed.json().id;
    const invitationsBefore = (await mailTo(colleagueEmail)).filter(
      (message) => message.calendar !== null,
    ).length;

    const withdrawn = await supervisor.request('POST', `/api/supervision/pairings/${id}/end`);
    expect(withdrawn.json()).toEqual({ status: 'withdrawn', cancelledConversations: 3 });
    const view = await listed(colleague, id);
    expect(view.status).toBe('withdrawn');
    const notice = (await noticesOf(colleague)).find(
      (candidate) => candidate.title === 'A supervision proposal to you was withdrawn',
    );
    expect(notice?.body).not.toContain(await nameOf(supervisorId));
    const tooLate = await colleague.request('POST', `/api/supervision/pairings/${id}/response`, {
      isAccepted: true,
    });
    expect(tooLate.statusCode).toBe(409);
    expect((await mailTo(colleagueEmail)).filter((message) => message.calendar !== null)).toHaveLength(
      invitationsBefore,
    );

    const toDecline = await clinician.request('POST', '/api/supervision/pairings', proposal({ colleagueId }));
    const declined = await colleague.request('POST', `/api/supervision/pairings/${toDecline.json().id}/end`);
    expect(declined.json().status).toBe('declined');
    expect((await noticesOf(clinician)).map((candidate) => candidate.title)).toContain(
      'Your supervision proposal was declined',
    );
  });
});
