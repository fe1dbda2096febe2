import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../src/core/accounts/password-policy.ts';
import { proqol5 } from '../src/core/instruments/proqol-5.ts';
import type { Outcomes } from '../src/core/measurement/outcomes.ts';
import { assessmentResponses, assessmentWindows, memberships, users } from '../src/db/schema.ts';
import { refreshOutcomeSnapshots } from '../src/server/services/outcomes.ts';
import { feedbackBody, feedbackFixtures, hoursOn, participantEmails } from './helpers/feedback-fixtures.ts';
import { demoOrganizationId, userIdOf } from './helpers/meeting-fixtures.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * Closing an account must not turn released figures into a subtraction: a frozen figure of 12 people
 * and a new one of the 11 still here would give away the one who left (issue 11).
 */
let context: TestContext;
let leader: TestClient;
let organizationId: string;
const emails = Array.from({ length: 12 }, (_, index) => `participant${index + 1}@demo.tend.test`);
const departing = emails[11] as string;
const scoreOf = (index: number) => 20 + ((index * 7) % 23);

beforeAll(async () => {
  context = await createTestApp();
  leader = await signedInClient(context.app, 'leader');
  organizationId = await demoOrganizationId(context.connection.db);
});
afterAll(() => context.close());

/** A ProQOL window that closed `daysAgo` days ago, answered by `who`. */
async function storeClosedWindow(title: string, daysAgo: number, who: string[]): Promise<void> {
  const { db } = context.connection;
  const now = context.clock.now;
  const day = 86_400_000;
  const [window] = await db
    .insert(assessmentWindows)
    .values({
      organizationId,
      instrumentId: proqol5.id,
      title,
      kind: 'every-3-months',
      seriesId: organizationId,
      opensAt: new Date(now.getTime() - (daysAgo + 5) * day),
      closesAt: new Date(now.getTime() - daysAgo * day),
    })
    .returning({ id: assessmentWindows.id });
  for (const email of who) {
    const index = emails.indexOf(email);
    await db.insert(assessmentResponses).values({
      organizationId,
      windowId: window?.id as string,
      userId: await userIdOf(db, email),
      instrumentId: proqol5.id,
      status: 'submitted',
      answers: { '1': 3 },
      subscaleScores: {
        'compassion-satisfaction': scoreOf(index),
        burnout: 25,
        'secondary-traumatic-stress': 20,
      },
      isComplete: true,
      level: 'resident',
      discipline: 'Nursing',
      startedAt: now,
      updatedAt: now,
      submittedAt: new Date(now.getTime() - (daysAgo + 1) * day),
    });
  }
}

async function readOutcomes(): Promise<Outcomes> {
  await refreshOutcomeSnapshots(context.connection.db, context.clock.now);
  const response = await leader.request('GET', `/api/outcomes?instrumentId=${proqol5.id}&breakdown=level`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('an account closed after its answers were counted', () => {
  it('leaves released figures as they were, and later figures judged as if the person had stayed', async () => {
    await storeClosedWindow('Baseline', 30, emails);
    const before = await readOutcomes();
    const baseline = before.trend.find((point) => point.group === null);
    expect(baseline?.result).toMatchObject({ status: 'released', n: 12 });

    const { db } = context.connection;
    const departedId = await userIdOf(db, departing);
    const client = new TestClient(context.app, '10.40.0.9');
    expect((await client.signIn(departing)).statusCode).toBe(204);
    const closed = await client.request('POST', '/api/me/account-closing', {
      password: demoPassword,
      isConfirmed: true,
    });
    expect(closed.statusCode, closed.body).toBe(204);

    // Nothing names the person any more, and only what the figures read is kept.
    expect(await db.select().from(users).where(eq(users.id, departedId))).toEqual([]);
    const kept = await db
      .select({ userId: assessmentResponses.userId, answers: assessmentResponses.answers })
      .from(assessmentResponses)
      .innerJoin(users, eq(users.id, assessmentResponses.userId))
      .where(eq(users.name, 'Former member'));
    expect(kept).toEqual([{ userId: expect.any(String), answers: {} }]);
    const placeholderId = kept[0]?.userId as string;
    expect(await db.select().from(memberships).where(eq(memberships.userId, placeholderId))).toEqual([]);

    expect(await readOutcomes()).toEqual(before);

    // The next window, answered by everyone still here: the baseline's figure (12 people) minus the
    // change's "before" over the 11 pairs would be the departed person's score, so it is not shown.
    await storeClosedWindow('End of term', 2, emails.slice(0, 11));
    const after = await readOutcomes();
    expect(
      after.trend.find((point) => point.group === null && point.windowId === baseline?.windowId),
    ).toEqual(baseline);
    const change = after.change.find((entry) => entry.group === null);
    expect(change?.result.status).toBe('hidden');
    const stillThere = await db
      .select({ userId: assessmentResponses.userId })
      .from(assessmentResponses)
      .where(inArray(assessmentResponses.userId, [departedId]));
    expect(stillThere).toEqual([]);
  });
});

describe('an account closed after its feedback was released', () => {
  it('keeps the answer counted, so a later release minus an earlier one is only the new answers', async () => {
    const { clientFor, groupMeetingHoursAgo } = feedbackFixtures(
      () => ({ context, organizationId }),
      '10.41.0',
    );
    const fixture = await groupMeetingHoursAgo([-3, 24], 'Departed feedback');
    const [first = '', second = ''] = fixture.meetingIds;
    const path = `/api/programs/${fixture.programId}/feedback`;
    const answer = async (meetingId: string, who: string[], offset: number) => {
      for (const [index, email] of who.entries()) {
        const participant = await clientFor(email, index + offset);
        const saved = await participant.request(
          'PUT',
          `/api/meetings/${meetingId}/feedback`,
          feedbackBody({ usefulness: 1 + ((index + offset) % 5) }),
        );
        expect(saved.statusCode, saved.body).toBe(200);
      }
    };
    await answer(first, participantEmails.slice(0, 6), 0);
    const at = hoursOn(context);
    const results = async () =>
      (await (await signedInClient(context.app, 'coordinator')).request('GET', path)).json();
    await at(48, () => answer(second, [...participantEmails.slice(0, 5), 'participant7@demo.tend.test'], 10));
    const once = await at(7.5 * 24, results);
    expect(once.overall).toMatchObject({ status: 'released', people: 6, figures: { answers: 6 } });

    // The sixth person closes their account once the first meeting's feedback was released.
    await at(7.6 * 24, async () => {
      const leaving = await clientFor(participantEmails[5] as string, 30);
      const closed = await leaving.request('POST', '/api/me/account-closing', {
        password: demoPassword,
        isConfirmed: true,
      });
      expect(closed.statusCode, closed.body).toBe(204);
    });
    const twice = await at(9 * 24, results);
    // Twelve answers of seven people: the first release's six, the departed one's included, and six new.
    expect(twice.overall).toMatchObject({ people: 7 });
    expect(twice.overall).toMatchObject({ status: 'released', figures: { answers: 12 } });
  });
});
