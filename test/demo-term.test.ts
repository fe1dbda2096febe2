import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTerm } from '../src/cli/demo/demo-term.ts';
import { organizations } from '../src/db/schema.ts';
import { createTestApp, type TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * The demo a newcomer sees after `npm start`: a term in progress, made through the services, where
 * every role's first page has something to do — checked through the API as each person would read it.
 */

async function demoOrganizationId(context: TestContext): Promise<string> {
  const [organization] = await context.connection.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, 'demo'));
  if (!organization) throw new Error('no demo organisation');
  return organization.id;
}

async function as(context: TestContext, email: string): Promise<TestClient> {
  const { TestClient: Client } = await import('./helpers/test-app.ts');
  const client = new Client(context.app);
  expect((await client.signIn(email)).statusCode).toBe(204);
  return client;
}

async function groupsBoard(context: TestContext, programId: string) {
  const coordinator = await as(context, 'coordinator@demo.tend.test');
  return (await coordinator.request('GET', `/api/programs/${programId}/groups`)).json();
}

describe('the demo term', () => {
  let context: TestContext;
  let programId: string;
  const now = new Date();

  beforeAll(async () => {
    context = await createTestApp();
    context.clock.now = now;
    ({ programId } = await createDemoTerm(context.connection.db, await demoOrganizationId(context), now));
  }, 180_000);
  afterAll(async () => {
    await context.close();
  });

  it('has four published groups that met three times before now, with attendance for those meetings only', async () => {
    const facilitator = await as(context, 'facilitator1@demo.tend.test');
    const groups = (await facilitator.request('GET', '/api/me/groups')).json().groups;
    expect(groups).toHaveLength(1);
    const meetings: { startsAt: string; endsAt: string }[] = groups[0].meetings;
    expect(meetings).toHaveLength(6);
    const ended = meetings.filter((meeting) => new Date(meeting.endsAt) <= now);
    expect(ended).toHaveLength(3);
    const board = await groupsBoard(context, programId);
    expect(board.status).toBe('published');
    expect(board.groups).toHaveLength(4);
    for (const group of board.groups) {
      expect(group.members.length).toBeGreaterThanOrEqual(8);
      expect(group.members.filter((member: { isFacilitator: boolean }) => member.isFacilitator)).toHaveLength(
        1,
      );
    }
    expect(board.violations).toEqual([]);
  });

  it("gives the participant a reflection due, the mid-term questionnaire open and their group's next meeting", async () => {
    const participant = await as(context, 'participant1@demo.tend.test');
    const { participation } = (await participant.request('GET', '/api/dashboard')).json();
    expect(participation.followUps.total).toBeGreaterThan(0);
    expect(participation.questionnaires.map((window: { title: string }) => window.title)).toContain(
      'ProQOL at mid-term',
    );
    expect(participation.nextMeeting.sequence).toBe(4);
    expect(participation.nextMeeting.place ?? participation.nextMeeting.videoUrl).toBeTruthy();
    expect(participation.joinablePrograms).toEqual([]);
  });

  it('gives the facilitator the next meeting to run, with its prompts', async () => {
    const facilitator = await as(context, 'facilitator1@demo.tend.test');
    const { facilitation } = (await facilitator.request('GET', '/api/dashboard')).json();
    expect(facilitation.nextMeeting.sequence).toBe(4);
    expect(new Date(facilitation.nextMeeting.startsAt).getTime()).toBeGreaterThan(now.getTime());
    expect(facilitation.nextMeeting.guide.prompts.length).toBeGreaterThan(0);
  });

  it('gives the coordinator one unplaced late enrollee, who was told, and feedback to read', async () => {
    const coordinator = await as(context, 'coordinator@demo.tend.test');
    const { coordination } = (await coordinator.request('GET', '/api/dashboard')).json();
    const [program] = coordination.programs;
    expect(program.phase).toBe('running');
    expect(program.unplaced).toBe(1);
    expect(program.tasks.map((task: { kind: string }) => task.kind)).toEqual(
      expect.arrayContaining(['place-unplaced', 'read-feedback']),
    );
    const late = await as(context, 'participant40@demo.tend.test');
    const notices = (await late.request('GET', '/api/notifications')).json();
    expect(JSON.stringify(notices)).toMatch(/group/i);
    const feedback = (await coordinator.request('GET', `/api/programs/${programId}/feedback`)).json();
    expect(JSON.stringify(feedback)).toMatch(/"status":"released"/);
  });

  it('shows the leader outcomes with some groups hidden as too small, and a stressor to answer', async () => {
    const leader = await as(context, 'leader@demo.tend.test');
    const { leadership } = (await leader.request('GET', '/api/dashboard')).json();
    expect(leadership.latestResults.windowTitle).toBe('ProQOL at the start of the term');
    expect(leadership.reportsToAnswer.map((report: { category: string }) => report.category)).toEqual([
      'scheduling',
    ]);
    const byLevel = (
      await leader.request('GET', '/api/outcomes?instrumentId=proqol-5&breakdown=level')
    ).json();
    const text = JSON.stringify(byLevel);
    expect(text).toMatch(/"status":"released"/);
    expect(text).toMatch(/"status":"hidden"/);
    const summary = (await leader.request('GET', '/api/working-condition-reports/summary')).json();
    const safety = summary.categories.find(
      (category: { category: string }) => category.category === 'safety',
    );
    expect(safety.total.status).toBe('suppressed');
  });

  it('is the same from the same seed and moment', async () => {
    const again = await createTestApp();
    try {
      const second = await createDemoTerm(again.connection.db, await demoOrganizationId(again), now);
      const membersOf = (board: { groups: { name: string; members: { name: string }[] }[] }) =>
        board.groups.map((group) => [group.name, group.members.map((member) => member.name).sort()]);
      expect(membersOf(await groupsBoard(again, second.programId))).toEqual(
        membersOf(await groupsBoard(context, programId)),
      );
    } finally {
      await again.close();
    }
  }, 180_000);
});
