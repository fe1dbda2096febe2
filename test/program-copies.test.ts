import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishedProgram, daysFrom, enrolDemoPeople } from './helpers/programs.ts';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let coordinator: TestClient;
let sourceId: string;
beforeAll(async () => {
  context = await createTestApp();
  coordinator = await signedInClient(context.app, 'coordinator');
  sourceId = await createPublishedProgram(coordinator, context.clock.now, {
    title: 'Spring circles',
    audience: 'Copy test audience',
    capacity: 40,
    meetingCount: 5,
    cadenceWeeks: 1,
    reminderHours: 48,
    followUpDays: [2, 14],
    groupSizeMin: 6,
    groupSizeMax: 9,
    holidays: [daysFrom(context.clock.now, 28)],
  });
  await enrolDemoPeople(context.app, sourceId, 4);
  await coordinator.request('POST', `/api/programs/${sourceId}/groups/form`, {});
});
afterAll(() => context.close());

function nextTerm(overrides: Record<string, unknown> = {}) {
  const now = context.clock.now;
  return {
    termStart: daysFrom(now, 200),
    termEnd: daysFrom(now, 260),
    enrolmentOpens: daysFrom(now, 150),
    enrolmentCloses: daysFrom(now, 190),
    ...overrides,
  };
}

describe('copying a program for the next term', () => {
  it('copies the curriculum, settings, cadence and prompts with the new dates, as a draft', async () => {
    const copied = await coordinator.request('POST', `/api/programs/${sourceId}/copies`, nextTerm());
    expect(copied.statusCode).toBe(201);
    expect(copied.json().title).toBe('Spring circles (next term)');
    const source = (await coordinator.request('GET', `/api/programs/${sourceId}`)).json();
    const copy = (await coordinator.request('GET', `/api/programs/${copied.json().id}`)).json();
    for (const field of [
      'description',
      'audience',
      'capacity',
      'groupSizeMin',
      'groupSizeMax',
      'meetingCount',
      'meetingMinutes',
      'cadenceWeeks',
      'topicIds',
      'reminderHours',
      'followUpDays',
    ]) {
      expect(copy[field], field).toEqual(source[field]);
    }
    expect(copy).toMatchObject({ ...nextTerm(), holidays: [], status: 'draft' });
  });

  it('copies nothing personal: no enrolments, groups or feedback', async () => {
    const copied = await coordinator.request(
      'POST',
      `/api/programs/${sourceId}/copies`,
      nextTerm({
        title: 'Autumn circles',
        termStart: daysFrom(context.clock.now, 300),
        termEnd: daysFrom(context.clock.now, 360),
        enrolmentOpens: daysFrom(context.clock.now, 270),
        enrolmentCloses: daysFrom(context.clock.now, 290),
      }),
    );
    expect(copied.statusCode).toBe(201);
    const id = copied.json().id;
    const copy = (await coordinator.request('GET', `/api/programs/${id}`)).json();
    expect(copy).toMatchObject({ title: 'Autumn circles', enrolledCount: 0, waitlistedCount: 0 });
    expect((await coordinator.request('GET', `/api/programs/${id}/enrollments`)).json()).toMatchObject({
      enrollments: [],
    });
    const groups = (await coordinator.request('GET', `/api/programs/${id}/groups`)).json();
    expect(groups.groups).toEqual([]);
  });

  it('says which new date to fix when the dates are impossible or overlap the source term', async () => {
    const backwards = await coordinator.request(
      'POST',
      `/api/programs/${sourceId}/copies`,
      nextTerm({ termEnd: daysFrom(context.clock.now, 100) }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(Object.keys(backwards.json().error.fields)).toContain('body.termEnd');
    const missing = await coordinator.request('POST', `/api/programs/${sourceId}/copies`, {});
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(
      expect.arrayContaining(['body.termStart', 'body.termEnd']),
    );
    const source = (await coordinator.request('GET', `/api/programs/${sourceId}`)).json();
    const overlapping = await coordinator.request('POST', `/api/programs/${sourceId}/copies`, {
      termStart: source.termStart,
      termEnd: source.termEnd,
      enrolmentOpens: source.enrolmentOpens,
      enrolmentCloses: source.enrolmentCloses,
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().error.code).toBe('TERMS_OVERLAP');
  });

  it('is written in the audit log as a copy', async () => {
    const admin = await signedInClient(context.app, 'admin');
    const { events } = (await admin.request('GET', '/api/audit-events')).json();
    const descriptions: string[] = events.map((event: { description: string }) => event.description);
    expect(descriptions.some((text) => / copied a program for the next term$/.test(text))).toBe(true);
  });
});
