import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollments, programs, users } from '../src/db/schema.ts';
import { evaluateGroupBoard } from '../src/server/services/group-boards.ts';
import { createPublishedProgram, enrolDemoPeople, enrolmentBody } from './helpers/programs.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

type Board = {
  status: string;
  groups: { id: string; members: { id: string; isFacilitator: boolean; isPinned: boolean }[] }[];
  unassigned: { id: string }[];
};

let context: TestContext;
let coordinator: TestClient;
let admin: TestClient;
let programId: string;
let people: Map<string, TestClient>;

beforeAll(async () => {
  context = await createTestApp();
  coordinator = await signedInClient(context.app, 'coordinator');
  admin = await signedInClient(context.app, 'admin');
  programId = await createPublishedProgram(coordinator, context.clock.now, { audience: 'Stored boards' });
  people = await enrolDemoPeople(context.app, programId, 16);
}, 120_000);

afterAll(async () => {
  await context?.close();
});

async function storedBoard(id = programId): Promise<Board> {
  const response = await coordinator.request('GET', `/api/programs/${id}/groups`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function freshBoard(id = programId) {
  const [program] = await context.connection.db.select().from(programs).where(eq(programs.id, id));
  if (!program) throw new Error('no such program');
  return JSON.parse(JSON.stringify(await evaluateGroupBoard(context.connection.db, program)));
}

/** The stored board must be exactly what evaluating from scratch gives now: a stale board fails. */
async function expectBoardCurrent(id = programId) {
  expect(await storedBoard(id)).toEqual(await freshBoard(id));
}

async function ok(response: { statusCode: number; body: string }, status = 200) {
  if (response.statusCode !== status) throw new Error(`${response.statusCode}: ${response.body}`);
}

describe('the groups board is stored when groups change, and always equals a fresh evaluation', () => {
  it('after forming', async () => {
    await ok(await coordinator.request('POST', `/api/programs/${programId}/groups/form`, { seed: 3 }));
    expect((await storedBoard()).groups.length).toBeGreaterThan(0);
    await expectBoardCurrent();
  });

  it('notices a change made behind its back (so the checks below can fail)', async () => {
    await expectBoardCurrent();
    const [someone] = await context.connection.db
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(eq(enrollments.programId, programId));
    await context.connection.db
      .update(enrollments)
      .set({ discipline: 'Changed quietly' })
      .where(eq(enrollments.id, someone?.id as string));
    expect(await storedBoard()).not.toEqual(await freshBoard());
    await context.connection.db
      .update(enrollments)
      .set({ discipline: 'Nursing' })
      .where(eq(enrollments.id, someone?.id as string));
  });

  it('after editing the draft by hand, with a pin', async () => {
    const board = await storedBoard();
    const [first, second] = board.groups as [Board['groups'][number], Board['groups'][number]];
    const mover = first.members.find((member) => !member.isFacilitator) as { id: string };
    const edited = board.groups.map((group, index) => ({
      id: group.id,
      name: `Group ${index + 1}`,
      slot: 'tue-12',
      memberIds:
        group.id === first.id
          ? group.members.map((member) => member.id).filter((id) => id !== mover.id)
          : group.id === second.id
            ? [...group.members.map((member) => member.id), mover.id]
            : group.members.map((member) => member.id),
      pinnedIds: group.id === second.id ? [mover.id] : [],
    }));
    await ok(await coordinator.request('PUT', `/api/programs/${programId}/groups`, { groups: edited }));
    await expectBoardCurrent();
    // Put back as formed, so the groups can be published.
    await ok(
      await coordinator.request('POST', `/api/programs/${programId}/groups/form`, {
        seed: 3,
        keepManualMoves: false,
      }),
    );
    await expectBoardCurrent();
  });

  it('after publishing', async () => {
    await ok(await coordinator.request('POST', `/api/programs/${programId}/groups/publish`));
    expect((await storedBoard()).status).toBe('published');
    await expectBoardCurrent();
  });

  it('after a late enrolment, and after someone changes their availability', async () => {
    const late = new TestClient(context.app, '10.78.0.1');
    await ok(await late.signIn('participant20@demo.tend.test'), 204);
    await ok(
      await late.request(
        'PUT',
        `/api/programs/${programId}/enrollment`,
        enrolmentBody({ availability: ['fri-08'] }),
      ),
    );
    await expectBoardCurrent();
    const participant = people.get('participant1@demo.tend.test') as TestClient;
    await ok(
      await participant.request(
        'PUT',
        `/api/programs/${programId}/enrollment`,
        enrolmentBody({ availability: ['mon-08'] }),
      ),
    );
    await expectBoardCurrent();
  });

  it('after a move in the published groups', async () => {
    const board = await storedBoard();
    const [first, second] = board.groups as [Board['groups'][number], Board['groups'][number]];
    // Someone still free at the groups' hour: participant 1 changed theirs above.
    const [changedHours] = await context.connection.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'participant1@demo.tend.test'));
    const mover = first.members.find((member) => !member.isFacilitator && member.id !== changedHours?.id) as {
      id: string;
    };
    await ok(
      await coordinator.request('POST', `/api/programs/${programId}/groups/changes`, {
        moves: [{ userId: mover.id, toGroupId: second.id }],
      }),
    );
    await expectBoardCurrent();
  });

  it("after a group's weekly time changes", async () => {
    const [group] = (await storedBoard()).groups;
    await ok(await coordinator.request('PUT', `/api/groups/${group?.id}/time`, { slot: 'thu-18' }));
    await expectBoardCurrent();
  });

  it('after someone withdraws', async () => {
    const participant = people.get('participant2@demo.tend.test') as TestClient;
    await ok(await participant.request('DELETE', `/api/programs/${programId}/enrollment`));
    await expectBoardCurrent();
  });

  it("after an admin renames someone, and after the program's group size changes", async () => {
    const [person] = await context.connection.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'participant3@demo.tend.test'));
    await ok(await admin.request('PATCH', `/api/users/${person?.id}`, { name: 'Renamed Person' }));
    expect(JSON.stringify(await storedBoard())).toContain('Renamed Person');
    await expectBoardCurrent();
    await ok(await coordinator.request('PATCH', `/api/programs/${programId}`, { groupSizeMax: 9 }));
    await expectBoardCurrent();
  });

  it("after the same people's groups in another program are published (earlier groupmates count)", async () => {
    const other = await createPublishedProgram(coordinator, context.clock.now, { audience: 'Second term' });
    for (const client of people.values()) {
      await client.request('PUT', `/api/programs/${other}/enrollment`, enrolmentBody());
    }
    await ok(await coordinator.request('POST', `/api/programs/${other}/groups/form`, { seed: 5 }));
    await ok(await coordinator.request('POST', `/api/programs/${other}/groups/publish`));
    await expectBoardCurrent(other);
    await expectBoardCurrent();
  });
});
