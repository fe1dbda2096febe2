import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, outbox, users } from '../src/db/schema.ts';
import { createPublishedProgram, enrolDemoPeople, enrolmentBody } from './helpers/programs.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

type Member = { id: string; name: string; isFacilitator: boolean };
type Group = { id: string; name: string; members: Member[]; violations: string[]; facilitatorCount: number };
type Overview = {
  status: string;
  groups: Group[];
  unassigned: (Member & { reason: string; proposedGroupId: string | null; isTold: boolean })[];
};

let context: TestContext;
let coordinator: TestClient;
let programId: string;
let people: Map<string, TestClient>;
/** Everyone enrolled at any point, by id: no notice may name any of them. */
const everyoneById = new Map<string, string>();

beforeAll(async () => {
  context = await createTestApp();
  coordinator = await signedInClient(context.app, 'coordinator');
  programId = await createPublishedProgram(coordinator, context.clock.now, { audience: 'Published groups' });
  people = await enrolDemoPeople(context.app, programId, 16);
  const formed = await coordinator.request('POST', `/api/programs/${programId}/groups/form`, { seed: 3 });
  if (formed.statusCode !== 200) throw new Error(formed.body);
  const published = await coordinator.request('POST', `/api/programs/${programId}/groups/publish`);
  if (published.statusCode !== 200) throw new Error(published.body);
  for (const row of await context.connection.db.select({ id: users.id, name: users.name }).from(users)) {
    everyoneById.set(row.id, row.name);
  }
}, 120_000);

afterAll(async () => {
  await context?.close();
});

async function overview(): Promise<Overview> {
  return (await coordinator.request('GET', `/api/programs/${programId}/groups`)).json();
}

/** Runs a change and returns every in-app notice and e-mail it caused. */
async function noticesFrom(change: () => Promise<unknown>) {
  const db = context.connection.db;
  const before = new Set(
    (await db.select({ id: notifications.id }).from(notifications)).map((row) => row.id),
  );
  const mailsBefore = new Set((await db.select({ id: outbox.id }).from(outbox)).map((row) => row.id));
  await change();
  const notices = (await db.select().from(notifications)).filter((row) => !before.has(row.id));
  const mails = (await db.select().from(outbox)).filter((row) => !mailsBefore.has(row.id));
  return { notices, mails };
}

/** No notice or e-mail names anyone: not another member, not even a facilitator. */
function expectNamesNobody(texts: string[]) {
  for (const text of texts) {
    for (const name of everyoneById.values()) expect(text).not.toContain(name);
  }
}

async function emailsOf(ids: string[]) {
  const rows = await context.connection.db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.id, ids));
  return rows.map((row) => row.email).sort();
}

async function enrolLate(email: string, availability: string[]) {
  const client = new TestClient(context.app, '10.77.0.1');
  expect((await client.signIn(email)).statusCode).toBe(204);
  const enrolled = await client.request(
    'PUT',
    `/api/programs/${programId}/enrollment`,
    enrolmentBody({ availability }),
  );
  expect(enrolled.statusCode).toBe(200);
  people.set(email, client);
  return (await client.request('GET', '/api/session')).json().member.userId as string;
}

describe('groups stay editable after publishing', () => {
  it('refuses a move that would break a hard rule, naming the rule, and changes nothing', async () => {
    const before = await overview();
    const [first, second] = before.groups as [Group, Group];
    const facilitator = first.members.find((member) => member.isFacilitator) as Member;
    const response = await coordinator.request('POST', `/api/programs/${programId}/groups/changes`, {
      moves: [{ userId: facilitator.id, toGroupId: second.id }],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/breaks the rule "facilitators per group"/);
    expect(response.json().error.message).toContain(first.name);
    const after = await overview();
    expect(after.groups.map((group) => group.members.length)).toEqual(
      before.groups.map((group) => group.members.length),
    );
  });

  it('shows the same refusal live, before saving', async () => {
    const { groups } = await overview();
    const [first, second] = groups as [Group, Group];
    const facilitator = first.members.find((member) => member.isFacilitator) as Member;
    const preview = (
      await coordinator.request('POST', `/api/programs/${programId}/groups/changes/preview`, {
        moves: [{ userId: facilitator.id, toGroupId: second.id }],
      })
    ).json();
    expect(preview.isAllowed).toBe(false);
    expect(preview.problems.map((problem: { rule: string }) => problem.rule)).toEqual([
      'facilitators-per-group',
    ]);
  });

  it('answers a move of someone not enrolled with a 400 that says so', async () => {
    const { groups } = await overview();
    const response = await coordinator.request('POST', `/api/programs/${programId}/groups/changes`, {
      moves: [{ userId: '00000000-0000-4000-8000-000000000000', toGroupId: groups[0]?.id }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/not enrolled in this program/);
  });

  it('moves one person between groups and tells only them, naming nobody', async () => {
    const { groups } = await overview();
    const [first, second] = groups as [Group, Group];
    const mover = first.members.find((member) => !member.isFacilitator) as Member;
    const { notices, mails } = await noticesFrom(async () => {
      const response = await coordinator.request('POST', `/api/programs/${programId}/groups/changes`, {
        moves: [{ userId: mover.id, toGroupId: second.id }],
      });
      expect(response.statusCode).toBe(200);
    });
    expect(notices.map((notice) => notice.userId)).toEqual([mover.id]);
    expect(notices[0]?.body).toContain(`You are now in ${second.name}`);
    expect(mails.map((mail) => mail.to)).toEqual(await emailsOf([mover.id]));
    expectNamesNobody([...notices.flatMap((n) => [n.title, n.body]), ...mails.map((m) => m.text)]);
    const after = await overview();
    const home = after.groups.find((group) => group.members.some((member) => member.id === mover.id));
    expect(home?.id).toBe(second.id);
    // A manual move is kept when groups are re-formed.
    expect(home?.members.find((member) => member.id === mover.id)).toMatchObject({ isPinned: true });
  });

  it('proposes the group with room for a late enrollee, with the rule check, and places them there', async () => {
    const lateId = await enrolLate('participant17@demo.tend.test', ['tue-12']);
    const before = await overview();
    const late = before.unassigned.find((person) => person.id === lateId);
    expect(late).toBeDefined();
    const roomy = before.groups.find((group) => group.members.length < 10) as Group;
    const full = before.groups.find((group) => group.members.length === 10) as Group;
    expect(late?.proposedGroupId).toBe(roomy.id);

    const proposal = (
      await coordinator.request('GET', `/api/programs/${programId}/groups/placements/${late?.id}`)
    ).json();
    expect(proposal.proposedGroupId).toBe(roomy.id);
    const fullCandidate = proposal.candidates.find((c: { groupId: string }) => c.groupId === full.id);
    expect(fullCandidate.isLegal).toBe(false);
    expect(fullCandidate.violations.join(' ')).toMatch(/11 members; groups need 8–10/);
    expect(typeof proposal.candidates[0].scoreChange).toBe('number');

    const { notices, mails } = await noticesFrom(async () => {
      const placed = await coordinator.request('POST', `/api/programs/${programId}/groups/changes`, {
        moves: [{ userId: late?.id, toGroupId: proposal.proposedGroupId }],
      });
      expect(placed.statusCode).toBe(200);
      expect(placed.json().unassigned).toHaveLength(0);
    });
    expect(notices.map((notice) => notice.userId)).toEqual([late?.id]);
    expectNamesNobody([...notices.flatMap((n) => [n.title, n.body]), ...mails.map((m) => m.text)]);
    const mine = (await people.get('participant17@demo.tend.test')?.request('GET', '/api/me/groups'))?.json();
    expect(mine.groups.map((group: { id: string }) => group.id)).toEqual([roomy.id]);
    expect(mine.groups[0].meetings.length).toBeGreaterThan(0);
  });

  it('fills the gap a withdrawal leaves, and refuses to widen it', async () => {
    const { groups } = await overview();
    const smaller = groups.reduce((a, b) => (a.members.length <= b.members.length ? a : b));
    const other = groups.find((group) => group.id !== smaller.id) as Group;
    // Withdraw participants until the group is one short of the minimum.
    const leaving = smaller.members
      .filter((member) => !member.isFacilitator)
      .slice(0, smaller.members.length - 7);
    for (const person of leaving) {
      const email = (await emailsOf([person.id]))[0] as string;
      const withdrawn = await people.get(email)?.request('DELETE', `/api/programs/${programId}/enrollment`);
      expect(withdrawn?.statusCode).toBe(200);
    }
    const gap = (await overview()).groups.find((group) => group.id === smaller.id) as Group;
    expect(gap.members).toHaveLength(7);
    expect(gap.violations.join(' ')).toContain(`${gap.name} has 7 members; groups need 8–10`);

    const stayer = gap.members.find((member) => !member.isFacilitator) as Member;
    const widened = await coordinator.request('POST', `/api/programs/${programId}/groups/changes`, {
      moves: [{ userId: stayer.id, toGroupId: other.id }],
    });
    expect(widened.statusCode).toBe(409);
    expect(widened.json().error.message).toMatch(/"group size"/);

    const filler = other.members.find(
      (member) => !member.isFacilitator && !leaving.includes(member),
    ) as Member;
    const filled = await coordinator.request('POST', `/api/programs/${programId}/groups/changes`, {
      moves: [{ userId: filler.id, toGroupId: gap.id }],
    });
    expect(filled.statusCode).toBe(200);
    const after = filled.json() as Overview;
    expect(after.groups.find((group) => group.id === gap.id)?.members).toHaveLength(8);
    expect(after.groups.flatMap((group) => group.violations)).toEqual([]);
  });

  it('swaps a facilitator and tells the group without naming anyone', async () => {
    const admin = await signedInClient(context.app, 'admin');
    const created = await admin.request('POST', '/api/users', {
      name: 'Imogen Okafor-Lindqvist',
      email: 'new-facilitator@demo.tend.test',
      role: 'facilitator',
      level: 'faculty',
    });
    expect(created.statusCode).toBe(201);
    const newcomer = created.json().id as string;
    everyoneById.set(newcomer, 'Imogen Okafor-Lindqvist');
    const placedInProgram = await coordinator.request(
      'PUT',
      `/api/programs/${programId}/facilitators/${newcomer}`,
      { level: 'faculty', availability: ['tue-12'], timeZone: 'America/Toronto' },
    );
    expect(placedInProgram.statusCode).toBe(200);

    const { groups } = await overview();
    const led = groups.find((group) => group.members.length < 10) as Group;
    const other = groups.find((group) => group.id !== led.id) as Group;
    const outgoing = led.members.find((member) => member.isFacilitator) as Member;
    const addToOther = other.members.length < 10;
    const moves = [
      { userId: newcomer, toGroupId: led.id },
      { userId: outgoing.id, toGroupId: addToOther ? other.id : null },
    ];
    const { notices, mails } = await noticesFrom(async () => {
      const swapped = await coordinator.request('POST', `/api/programs/${programId}/groups/changes`, {
        moves,
      });
      expect(swapped.statusCode).toBe(200);
      const after = swapped.json() as Overview;
      const ledAfter = after.groups.find((group) => group.id === led.id) as Group;
      expect(ledAfter.members.filter((m) => m.isFacilitator).map((m) => m.id)).toEqual([newcomer]);
    });
    const told = new Set(notices.map((notice) => notice.userId));
    const stayers = led.members.filter((member) => member.id !== outgoing.id).map((member) => member.id);
    for (const id of stayers) expect(told.has(id)).toBe(true);
    expect(told.has(newcomer)).toBe(true);
    expect(told.has(outgoing.id)).toBe(true);
    const toStayer = notices.find((notice) => notice.userId === stayers[0]);
    expect(toStayer?.body).toMatch(/new facilitator/);
    // Members of a group nothing happened to hear nothing (unless a facilitator joined them).
    if (!addToOther) for (const member of other.members) expect(told.has(member.id)).toBe(false);
    expectNamesNobody([...notices.flatMap((n) => [n.title, n.body]), ...mails.map((m) => m.text)]);
  });
});

describe('the unplaced are told', () => {
  it('tells a late enrollee nobody can take why, privately, at once, and lists them for the coordinator', async () => {
    let lateId = '';
    const { notices, mails } = await noticesFrom(async () => {
      lateId = await enrolLate('participant18@demo.tend.test', ['sat-8']);
    });
    // Their own notices only: "you joined", then why they are in no group.
    expect(new Set(notices.map((notice) => notice.userId))).toEqual(new Set([lateId]));
    const told = notices.find((notice) => notice.title.startsWith('Not in a group yet'));
    expect(told?.body).toMatch(/because no group meets at an hour you said you are free/);
    expect(told?.body).toMatch(/widen your availability/);
    expect(told?.body).toMatch(/waiting list/);
    expect(told?.body).toMatch(/another program/);
    expect(new Set(mails.map((mail) => mail.to))).toEqual(new Set(await emailsOf([lateId])));
    expectNamesNobody([...notices.flatMap((n) => [n.title, n.body]), ...mails.map((m) => m.text)]);

    const listed = (await overview()).unassigned.find((person) => person.id === lateId);
    expect(listed?.proposedGroupId).toBeNull();
    expect(listed?.isTold).toBe(true);
    // The coordinator sees the engine's reason, in the same terms.
    expect(listed?.reason).toMatch(/not free/);

    // Told once: asking to tell the unplaced again tells nobody new.
    const again = await coordinator.request('POST', `/api/programs/${programId}/groups/unplaced/notices`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ told: 0 });
  });

  it('tells someone the coordinator takes out of every group why, and nobody else', async () => {
    const { groups } = await overview();
    const roomy = groups.find((group) => group.members.length > 8) as Group;
    const person = roomy.members.find((member) => !member.isFacilitator) as Member;
    const { notices } = await noticesFrom(async () => {
      const response = await coordinator.request('POST', `/api/programs/${programId}/groups/changes`, {
        moves: [{ userId: person.id, toGroupId: null }],
      });
      expect(response.statusCode).toBe(200);
    });
    expect(notices.map((notice) => notice.userId)).toEqual([person.id]);
    expect(notices[0]?.title).toMatch(/^Not in a group yet/);
    expectNamesNobody(notices.flatMap((n) => [n.title, n.body]));
    const listed = (await overview()).unassigned.find((entry) => entry.id === person.id);
    // Room is where they were: the coordinator can offer it back in one click.
    expect(listed?.proposedGroupId).toBe(roomy.id);
  });
});

describe('re-forming published groups', () => {
  it('is refused without confirmation, previews who would move, and keeps manual moves', async () => {
    const refused = await coordinator.request('POST', `/api/programs/${programId}/groups/form`, { seed: 5 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/confirm/);

    const before = await overview();
    const pinned = before.groups.flatMap((group) =>
      group.members
        .filter((member) => (member as Member & { isPinned: boolean }).isPinned)
        .map((m) => [m.id, group.id]),
    );
    const preview = await coordinator.request('POST', `/api/programs/${programId}/groups/form/preview`, {
      seed: 5,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().isPublished).toBe(true);
    expect(Array.isArray(preview.json().moves)).toBe(true);

    const reformed = await coordinator.request('POST', `/api/programs/${programId}/groups/form`, {
      seed: 5,
      confirmMoves: true,
    });
    expect(reformed.statusCode).toBe(200);
    const after = reformed.json() as Overview;
    for (const [personId, groupId] of pinned) {
      const home = after.groups.find((group) => group.members.some((member) => member.id === personId));
      expect(home?.id).toBe(groupId);
    }
  }, 120_000);
});
