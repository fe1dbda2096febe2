import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollments, meetings, notifications, outbox } from '../src/db/schema.ts';
import {
  createPublishedProgram,
  daysFrom,
  enrolDemoPeople,
  enrolmentBody,
  programFields,
} from './helpers/programs.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let coordinator: TestClient;
beforeAll(async () => {
  context = await createTestApp();
  coordinator = await signedInClient(context.app, 'coordinator');
});
afterAll(() => context.close());

describe('creating programs', () => {
  it('creates a draft that only coordinators see until it is published', async () => {
    const created = await coordinator.request(
      'POST',
      '/api/programs',
      programFields(context.clock.now, { title: 'Draft only' }),
    );
    expect(created.statusCode).toBe(201);
    const participant = await signedInClient(context.app, 'participant');
    const seen = (await participant.request('GET', '/api/programs'))
      .json()
      .programs.map((p: { title: string }) => p.title);
    expect(seen).not.toContain('Draft only');
    await coordinator.request('PATCH', `/api/programs/${created.json().id}`, { status: 'published' });
    const after = (await participant.request('GET', '/api/programs'))
      .json()
      .programs.map((p: { title: string }) => p.title);
    expect(after).toContain('Draft only');
  });

  it('explains impossible dates field by field', async () => {
    const response = await coordinator.request(
      'POST',
      '/api/programs',
      programFields(context.clock.now, {
        termEnd: daysFrom(context.clock.now, 10),
        enrolmentCloses: daysFrom(context.clock.now, 30),
      }),
    );
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('TERM_INVALID');
    expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(['body.termEnd']));
  });

  it('refuses a term that overlaps another program for the same audience', async () => {
    const fields = programFields(context.clock.now, { audience: 'Residents' });
    expect((await coordinator.request('POST', '/api/programs', fields)).statusCode).toBe(201);
    const clash = await coordinator.request('POST', '/api/programs', {
      ...fields,
      title: 'Second residents program',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toMatch(/same audience already runs/);
  });

  it('refuses unknown topics by name', async () => {
    const response = await coordinator.request(
      'POST',
      '/api/programs',
      programFields(context.clock.now, { topicIds: ['no-such-topic'] }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/no-such-topic/);
  });
});

describe('voluntary enrolment', () => {
  it('enrols with availability given in the person’s own time zone', async () => {
    const programId = await createPublishedProgram(coordinator, context.clock.now);
    const participant = await signedInClient(context.app, 'participant');
    const response = await participant.request(
      'PUT',
      `/api/programs/${programId}/enrollment`,
      enrolmentBody({ availability: ['tue-17'], timeZone: 'Europe/London' }),
    );
    expect(response.json()).toEqual({ status: 'enrolled', position: null });
    const own = (await participant.request('GET', `/api/programs/${programId}/enrollment`)).json();
    // Shown back as entered, in London time, though kept in the organisation's Toronto time.
    expect(own.enrollment.availability).toEqual(['tue-17']);
    expect(own.guidelines.length).toBeGreaterThan(0);
  });

  it('refuses an hour outside the week and names it', async () => {
    const programId = await createPublishedProgram(coordinator, context.clock.now);
    const participant = await signedInClient(context.app, 'participant');
    const response = await participant.request(
      'PUT',
      `/api/programs/${programId}/enrollment`,
      enrolmentBody({ availability: ['tue-12', 'xyz-99'] }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/"xyz-99" is not an hour of the week/);
  });

  it('refuses enrolment after the window closes', async () => {
    const programId = await createPublishedProgram(coordinator, context.clock.now, {
      enrolmentOpens: daysFrom(context.clock.now, -10),
      enrolmentCloses: daysFrom(context.clock.now, -2),
    });
    const participant = await signedInClient(context.app, 'participant');
    const response = await participant.request(
      'PUT',
      `/api/programs/${programId}/enrollment`,
      enrolmentBody(),
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'ENROLMENT_CLOSED',
      message: expect.stringMatching(/Enrolment is open from/),
    });
  });

  it('lets the coordinator place an imported facilitator who has never signed in, even after enrolment closed', async () => {
    const programId = await createPublishedProgram(coordinator, context.clock.now, {
      enrolmentOpens: daysFrom(context.clock.now, -10),
      enrolmentCloses: daysFrom(context.clock.now, -2),
    });
    const admin = await signedInClient(context.app, 'admin');
    await admin.request('POST', '/api/users/import', {
      csv: 'name,email,role,level\nFrida Lead,frida.lead@example.org,facilitator,faculty\nPat Learner,pat.learner@example.org,participant,student-2\n',
    });
    const { users } = (await admin.request('GET', '/api/users?search=%40example.org')).json();
    const idOf = (email: string) => users.find((user: { email: string }) => user.email === email).id;
    const placed = await coordinator.request(
      'PUT',
      `/api/programs/${programId}/facilitators/${idOf('frida.lead@example.org')}`,
      { availability: ['tue-12', 'wed-12'], timeZone: 'America/Toronto' },
    );
    expect(placed.json()).toEqual({ status: 'enrolled', position: null });
    const { enrollments } = (
      await coordinator.request('GET', `/api/programs/${programId}/enrollments`)
    ).json();
    expect(enrollments).toContainEqual(
      expect.objectContaining({ name: 'Frida Lead', isFacilitator: true, availableHours: 2 }),
    );
    const learner = await coordinator.request(
      'PUT',
      `/api/programs/${programId}/facilitators/${idOf('pat.learner@example.org')}`,
      { availability: ['tue-12'], timeZone: 'America/Toronto' },
    );
    expect(learner.statusCode).toBe(400);
    expect(learner.json().error.message).toMatch(/not a facilitator/);
  });

  it('requires agreeing to the confidentiality guidelines', async () => {
    const programId = await createPublishedProgram(coordinator, context.clock.now);
    const participant = await signedInClient(context.app, 'participant');
    const response = await participant.request(
      'PUT',
      `/api/programs/${programId}/enrollment`,
      enrolmentBody({ agreesToGuidelines: false }),
    );
    expect(response.statusCode).toBe(400);
  });

  it('puts people on a waiting list when full, and gives the place to the first in line when someone withdraws', async () => {
    const programId = await createPublishedProgram(coordinator, context.clock.now, { capacity: 1 });
    const first = new TestClient(context.app, '10.3.0.1');
    await first.signIn('participant10@demo.tend.test');
    const second = new TestClient(context.app, '10.3.0.2');
    await second.signIn('participant11@demo.tend.test');
    expect(
      (await first.request('PUT', `/api/programs/${programId}/enrollment`, enrolmentBody())).json().status,
    ).toBe('enrolled');
    expect(
      (await second.request('PUT', `/api/programs/${programId}/enrollment`, enrolmentBody())).json(),
    ).toEqual({
      status: 'waitlisted',
      position: 1,
    });

    const withdrawn = await first.request('DELETE', `/api/programs/${programId}/enrollment`);
    expect(withdrawn.json().statement).toMatch(/availability, interests .* are deleted/);
    const own = (await second.request('GET', `/api/programs/${programId}/enrollment`)).json();
    expect(own.enrollment.status).toBe('enrolled');
  });
});

describe('the programs page’s counts', () => {
  it('follow enrolment, the waiting list, withdrawal, facilitators and deleted enrolments, as counting every row would', async () => {
    const programId = await createPublishedProgram(coordinator, context.clock.now, { capacity: 2 });
    const enrol = async (email: string, address: string) => {
      const client = new TestClient(context.app, address);
      await client.signIn(email);
      await client.request('PUT', `/api/programs/${programId}/enrollment`, enrolmentBody());
      return client;
    };
    const countsOnThePage = async () => {
      const listed = (await coordinator.request('GET', '/api/programs')).json().programs;
      const program = listed.find((candidate: { id: string }) => candidate.id === programId);
      return { enrolled: program.enrolledCount, waitlisted: program.waitlistedCount };
    };
    const countsOfTheRows = async () => {
      const rows = await context.connection.db
        .select()
        .from(enrollments)
        .where(eq(enrollments.programId, programId));
      return {
        enrolled: rows.filter((row) => row.status === 'enrolled' && !row.isFacilitator).length,
        waitlisted: rows.filter((row) => row.status === 'waitlisted').length,
      };
    };
    const first = await enrol('participant12@demo.tend.test', '10.4.0.1');
    await enrol('participant13@demo.tend.test', '10.4.0.2');
    await enrol('participant14@demo.tend.test', '10.4.0.3');
    await enrol('facilitator2@demo.tend.test', '10.4.0.4');
    expect(await countsOnThePage()).toEqual({ enrolled: 2, waitlisted: 1 });
    expect(await countsOnThePage()).toEqual(await countsOfTheRows());

    await first.request('DELETE', `/api/programs/${programId}/enrollment`);
    expect(await countsOnThePage()).toEqual({ enrolled: 2, waitlisted: 0 });

    // An enrolment deleted outright, as when a person's account is erased.
    const [someone] = await context.connection.db
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.programId, programId), eq(enrollments.status, 'enrolled')));
    await context.connection.db.delete(enrollments).where(eq(enrollments.id, someone!.id));
    expect(await countsOnThePage()).toEqual(await countsOfTheRows());
    expect((await countsOnThePage()).enrolled).toBe(someone!.isFacilitator ? 2 : 1);
  });
});

describe('groups, meetings and attendance', () => {
  let programId: string;
  let people: Map<string, TestClient>;

  beforeAll(async () => {
    programId = await createPublishedProgram(coordinator, context.clock.now, { audience: 'Mixed levels' });
    people = await enrolDemoPeople(context.app, programId, 16);
  });

  function person(email: string): TestClient {
    const client = people.get(email);
    if (!client) throw new Error(`${email} was not enrolled by the test setup`);
    return client;
  }

  it('forms draft groups of the configured size, each with a facilitator and a shared hour', async () => {
    const response = await coordinator.request('POST', `/api/programs/${programId}/groups/form`, { seed: 7 });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.groups).toHaveLength(2);
    for (const group of result.groups) {
      expect(group.members.length).toBeGreaterThanOrEqual(8);
      expect(group.members.length).toBeLessThanOrEqual(10);
      expect(group.members.some((member: { isFacilitator: boolean }) => member.isFacilitator)).toBe(true);
      expect(group.slot).toBe('tue-12');
      expect(group.explanation).toMatch(/Tuesdays 12:00–13:00/);
    }
    expect(result.isValid).toBe(true);
    // How close the level mix came to its bound is said with the groups, as the CLI says it.
    expect(result.levelMix).toMatch(/^level mix: (best possible|.* above the best possible .*)$/);
  });

  it('shows a broken rule live when a move would break it, without saving', async () => {
    const { groups } = (await coordinator.request('GET', `/api/programs/${programId}/groups`)).json();
    const [first, second] = groups;
    const facilitator = first.members.find((member: { isFacilitator: boolean }) => member.isFacilitator);
    const edited = [
      {
        id: first.id,
        name: first.name,
        slot: null,
        memberIds: first.members
          .map((m: { id: string }) => m.id)
          .filter((id: string) => id !== facilitator.id),
        pinnedIds: [],
      },
      {
        id: second.id,
        name: second.name,
        slot: null,
        memberIds: [...second.members.map((m: { id: string }) => m.id), facilitator.id],
        pinnedIds: [],
      },
    ];
    const evaluation = (
      await coordinator.request('POST', `/api/programs/${programId}/groups/evaluate`, { groups: edited })
    ).json();
    expect(evaluation.isValid).toBe(false);
    expect(evaluation.violations.map((v: { rule: string }) => v.rule)).toContain('facilitators-per-group');
    const unchanged = (await coordinator.request('GET', `/api/programs/${programId}/groups`)).json();
    expect(unchanged.isValid).toBe(true);
  });

  it('keeps a pinned person in their group when groups are re-formed', async () => {
    const { groups } = (await coordinator.request('GET', `/api/programs/${programId}/groups`)).json();
    const [first, second] = groups;
    const pinned = first.members.find((member: { isFacilitator: boolean }) => !member.isFacilitator);
    const saved = await coordinator.request('PUT', `/api/programs/${programId}/groups`, {
      groups: [
        {
          id: first.id,
          name: first.name,
          slot: first.slot,
          memberIds: first.members.map((m: { id: string }) => m.id),
          pinnedIds: [pinned.id],
        },
        {
          id: second.id,
          name: second.name,
          slot: second.slot,
          memberIds: second.members.map((m: { id: string }) => m.id),
          pinnedIds: [],
        },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const reformed = (
      await coordinator.request('POST', `/api/programs/${programId}/groups/form`, { seed: 99 })
    ).json();
    const home = reformed.groups.find((group: { members: { id: string }[] }) =>
      group.members.some((m) => m.id === pinned.id),
    );
    expect(home.id).toBe(first.id);
    expect(home.members.find((m: { id: string }) => m.id === pinned.id).isPinned).toBe(true);
  });

  it('publishes: plans meetings at the group’s hour and tells each member only about their own group', async () => {
    const published = await coordinator.request('POST', `/api/programs/${programId}/groups/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');

    const participant = person('participant1@demo.tend.test');
    const mine = (await participant.request('GET', '/api/me/groups')).json().groups;
    expect(mine).toHaveLength(1);
    expect(mine[0].meetings).toHaveLength(6);
    expect(mine[0].members.some((m: { name: string }) => m.name)).toBe(true);
    const allIds = published
      .json()
      .groups.flatMap((g: { members: { id: string }[] }) => g.members.map((m) => m.id));
    expect(mine[0].members.length).toBeLessThan(allIds.length);
    // 12:00 in Toronto is 17:00 UTC in winter and 16:00 UTC in summer.
    expect(new Date(mine[0].meetings[0].startsAt).getUTCHours()).toBeGreaterThanOrEqual(16);
  });

  it('gives the facilitator the briefing, prompts and roster, and a member only the prompts', async () => {
    const facilitator = person('facilitator1@demo.tend.test');
    const [group] = (await facilitator.request('GET', '/api/me/groups')).json().groups;
    const meetingId = group.meetings[0].id;
    const asFacilitator = (await facilitator.request('GET', `/api/meetings/${meetingId}`)).json();
    expect(asFacilitator.canRun).toBe(true);
    expect(asFacilitator.topic.facilitatorBriefing.length).toBeGreaterThan(0);
    expect(asFacilitator.topic.discussionPrompts.length).toBeGreaterThanOrEqual(4);

    const memberId = group.members.find((m: { isFacilitator: boolean }) => !m.isFacilitator).id;
    const early = await facilitator.request('PUT', `/api/meetings/${meetingId}/attendance`, {
      records: [{ userId: memberId, status: 'present' }],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/^Attendance opens when the meeting starts at /);
    // The day comes (here: the meeting is brought forward to have started half an hour ago).
    const startedAt = new Date(context.clock.now.getTime() - 30 * 60_000);
    await context.connection.db
      .update(meetings)
      .set({ startsAt: startedAt, endsAt: new Date(startedAt.getTime() + 3_600_000) })
      .where(eq(meetings.id, meetingId));
    const attendance = await facilitator.request('PUT', `/api/meetings/${meetingId}/attendance`, {
      records: [{ userId: memberId, status: 'present' }],
    });
    expect(attendance?.statusCode).toBe(200);
    expect(attendance.json().roster.find((p: { id: string }) => p.id === memberId).attendance).toBe(
      'present',
    );
  });

  it('hides a group’s meetings from a facilitator of another group', async () => {
    const first = person('facilitator1@demo.tend.test');
    const second = person('facilitator2@demo.tend.test');
    const [firstGroup] = (await first.request('GET', '/api/me/groups')).json().groups;
    const [secondGroup] = (await second.request('GET', '/api/me/groups')).json().groups;
    expect(firstGroup.id).not.toBe(secondGroup.id);
    const response = await second.request('GET', `/api/meetings/${firstGroup.meetings[0].id}`);
    expect(response?.statusCode).toBe(404);
    const attendance = await second.request('PUT', `/api/meetings/${firstGroup.meetings[0].id}/attendance`, {
      records: [{ userId: firstGroup.members[0].id, status: 'absent' }],
    });
    expect(attendance?.statusCode).toBe(404);
  });

  it('lets the facilitator move a meeting but not into the past, and tells the group', async () => {
    const facilitator = person('facilitator1@demo.tend.test');
    const [group] = (await facilitator.request('GET', '/api/me/groups')).json().groups;
    const meeting = group.meetings[1];
    const past = await facilitator.request('PATCH', `/api/meetings/${meeting.id}`, {
      startsAt: new Date(context.clock.now.getTime() - 86_400_000).toISOString(),
      endsAt: new Date(context.clock.now.getTime() - 86_400_000 + 3_600_000).toISOString(),
    });
    expect(past?.statusCode).toBe(400);
    expect(past.json().error.code).toBe('MEETING_MOVE_INVALID');

    const later = new Date(new Date(meeting.startsAt).getTime() + 86_400_000);
    const moved = await facilitator.request('PATCH', `/api/meetings/${meeting.id}`, {
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 3_600_000).toISOString(),
      place: 'Room 4B',
    });
    expect(moved?.statusCode).toBe(200);
    expect(moved.json().place).toBe('Room 4B');
    const member = group.members.find((m: { isFacilitator: boolean }) => !m.isFacilitator);
    const told = await context.connection.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, member.id), eq(notifications.kind, 'meeting-changed')));
    expect(told).toHaveLength(1);
    // The e-mail carries the moved meeting as an invitation that replaces the old one.
    const [mail] = await context.connection.db
      .select()
      .from(outbox)
      .where(eq(outbox.subject, told[0]?.title ?? ''));
    expect(mail?.calendar).toMatch(/SEQUENCE:1/);
    expect(mail?.calendar).toContain('LOCATION:Room 4B');
  });

  it('shows the coordinator enrolment and attendance rates', async () => {
    const overview = (await coordinator.request('GET', `/api/programs/${programId}/overview`)).json();
    expect(overview.enrolment).toMatchObject({ enrolled: 16, facilitators: 2 });
    expect(overview.groups).toHaveLength(2);
    const rates = overview.groups.map((group: { attendanceRate: number | null }) => group.attendanceRate);
    expect(rates).toContain(100);
  });

  it('takes a withdrawn person out of their group at once', async () => {
    const participant = person('participant2@demo.tend.test');
    expect((await participant.request('GET', '/api/me/groups')).json().groups).toHaveLength(1);
    await participant.request('DELETE', `/api/programs/${programId}/enrollment`);
    expect((await participant.request('GET', '/api/me/groups')).json().groups).toHaveLength(0);
  });
});
