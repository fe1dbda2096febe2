import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicLibrary } from '../src/core/curriculum/library.ts';
import { aggregateReleases, meetingFeedback, meetings, organizations } from '../src/db/schema.ts';
import { feedbackBody, feedbackFixtures, hoursOn, participantEmails } from './helpers/feedback-fixtures.ts';
import { demoOrganizationId } from './helpers/meeting-fixtures.ts';
import { createTestApp, emailOf, signedInClient, type TestContext } from './helpers/test-app.ts';

/**
 * A program's feedback figures are released as each meeting's feedback period (a week after it ends)
 * closes, judged against the earlier releases, and then read unchanged (decisions 003 and 007).
 */

const growthMindset = topicLibrary.find((topic) => topic.id === 'growth-mindset')?.title ?? '';

let context: TestContext;
let organizationId: string;

const { clientFor, groupMeetingHoursAgo } = feedbackFixtures(() => ({ context, organizationId }), '10.21.0');

/** Runs `work` eight days on, when meetings held a few hours ago have closed their feedback period. */
async function afterFeedbackPeriod<Result>(work: () => Promise<Result>): Promise<Result> {
  const before = context.clock.now;
  context.clock.now = new Date(before.getTime() + 8 * 86_400_000);
  try {
    return await work();
  } finally {
    context.clock.now = before;
  }
}

beforeAll(async () => {
  context = await createTestApp();
  organizationId = await demoOrganizationId(context.connection.db);
});
afterAll(() => context.close());

describe('feedback results released per closed period', () => {
  async function answeredBySix(title: string) {
    const fixture = await groupMeetingHoursAgo([-3], title);
    const meetingId = fixture.meetingIds[0] ?? '';
    for (const [index, email] of participantEmails.slice(0, 6).entries()) {
      const participant = await clientFor(email, index);
      await participant.request(
        'PUT',
        `/api/meetings/${meetingId}/feedback`,
        feedbackBody({ usefulness: 2 + (index % 3) }),
      );
    }
    return { fixture, meetingId, path: `/api/programs/${fixture.programId}/feedback` };
  }

  it('shows no figure before the meeting’s feedback period has closed, only the day they appear', async () => {
    const { fixture, path } = await answeredBySix('Not yet');
    const coordinator = await signedInClient(context.app, 'coordinator');
    const early = (await coordinator.request('GET', path)).json();
    const [meeting] = await context.connection.db
      .select()
      .from(meetings)
      .where(eq(meetings.id, fixture.meetingIds[0] ?? ''));
    const closes = new Date((meeting?.endsAt.getTime() ?? 0) + 7 * 86_400_000);
    expect(early.releasedAt).toBeNull();
    expect(early.nextReleaseAt).toBe(closes.toISOString());
    expect(early.overall).toMatchObject({
      status: 'suppressed',
      explanation: expect.stringMatching(/appear on \w+day \d+ \w+ \d{4}/),
    });
    expect(JSON.stringify(early)).not.toMatch(/"people"|"answers"|respondentCount/);
    expect(early.recommendations).toEqual([]);
  });

  it('reads the same figures after the period closed, whatever changes in the answers later', async () => {
    const { meetingId, path } = await answeredBySix('Frozen');
    await afterFeedbackPeriod(async () => {
      const coordinator = await signedInClient(context.app, 'coordinator');
      const first = (await coordinator.request('GET', path)).json();
      expect(first.overall).toMatchObject({ status: 'released', people: 6 });
      expect(first.releasedAt).toBe(context.clock.now.toISOString());
      // The form is closed now; a change that reaches the rows anyway, or an erased account, moves nothing.
      const participant = await clientFor(participantEmails[0] ?? '', 0);
      const late = await participant.request(
        'PUT',
        `/api/meetings/${meetingId}/feedback`,
        feedbackBody({ usefulness: 1 }),
      );
      expect(late.json().error).toMatchObject({
        code: 'FEEDBACK_CLOSED',
        message: expect.stringMatching(/closed on/),
      });
      const { db } = context.connection;
      await db
        .update(meetingFeedback)
        .set({ usefulness: 1, feltSafe: 1 })
        .where(eq(meetingFeedback.meetingId, meetingId));
      const [erased] = await db
        .select()
        .from(meetingFeedback)
        .where(eq(meetingFeedback.meetingId, meetingId));
      await db.delete(meetingFeedback).where(eq(meetingFeedback.id, erased?.id ?? ''));
      context.clock.now = new Date(context.clock.now.getTime() + 60_000);
      expect((await coordinator.request('GET', path)).json()).toEqual(first);
    });
  });

  it('judges the next release against the last, so two answers added by a later meeting stay hidden', async () => {
    const fixture = await groupMeetingHoursAgo([-3, 24], 'Two releases');
    const [first = '', second = ''] = fixture.meetingIds;
    const path = `/api/programs/${fixture.programId}/feedback`;
    for (const [index, email] of participantEmails.slice(0, 6).entries()) {
      const participant = await clientFor(email, index);
      await participant.request('PUT', `/api/meetings/${first}/feedback`, feedbackBody());
    }
    const at = hoursOn(context);
    const results = async () =>
      (await (await signedInClient(context.app, 'coordinator')).request('GET', path)).json();
    // Two days on, two people answer about the second meeting.
    await at(48, async () => {
      for (const [index, email] of participantEmails.slice(0, 2).entries()) {
        const participant = await clientFor(email, index);
        const saved = await participant.request('PUT', `/api/meetings/${second}/feedback`, feedbackBody());
        expect(saved.statusCode, saved.body).toBe(200);
      }
    });
    // The first meeting's period has closed, the second's not yet.
    const once = await at(7.5 * 24, results);
    expect(once.overall).toMatchObject({ status: 'released', people: 6, figures: { answers: 6 } });
    // Both closed: eight answers, and eight minus six would tell what the two said.
    const twice = await at(9 * 24, results);
    expect(twice.releasedAt).not.toBe(once.releasedAt);
    expect(twice.overall).toMatchObject({
      status: 'suppressed',
      explanation: expect.stringMatching(/subtract/),
    });
    expect(twice.nextReleaseAt).toBeNull();
  });

  it('stores one release when two coordinators open the results at once after the period closed', async () => {
    const { fixture, path } = await answeredBySix('At once');
    const [one, two] = await afterFeedbackPeriod(async () => {
      const readers = [
        await signedInClient(context.app, 'coordinator'),
        await clientFor(emailOf.coordinator, 50),
      ];
      return Promise.all(readers.map(async (reader) => (await reader.request('GET', path)).json()));
    });
    expect(one).toEqual(two);
    const stored = await context.connection.db
      .select()
      .from(aggregateReleases)
      .where(and(eq(aggregateReleases.kind, 'feedback'), eq(aggregateReleases.scopeId, fixture.programId)));
    expect(stored).toHaveLength(1);
  });
});

describe('feedback results for the coordinator', () => {
  it('hides the figures while fewer than the minimum answered', async () => {
    const fixture = await groupMeetingHoursAgo([-3], 'Results');
    const meetingId = fixture.meetingIds[0] ?? '';
    await context.connection.db
      .update(meetings)
      .set({ topicId: 'stress-anxiety-and-burnout' })
      .where(eq(meetings.id, meetingId));
    const path = `/api/programs/${fixture.programId}/feedback`;

    for (const [index, email] of participantEmails.slice(0, 4).entries()) {
      const participant = await clientFor(email, index);
      await participant.request(
        'PUT',
        `/api/meetings/${meetingId}/feedback`,
        feedbackBody({ usefulness: 3 + (index % 2) }),
      );
    }
    // The meeting's feedback period closes a week after it ends; the figures appear then.
    const few = await afterFeedbackPeriod(async () =>
      (await (await signedInClient(context.app, 'coordinator')).request('GET', path)).json(),
    );
    expect(few.overall).toMatchObject({
      status: 'suppressed',
      explanation: expect.stringMatching(/fewer than 5/),
    });
    expect(few.recommendations).toEqual([]);
  });

  it('shows means, distributions and a recommendation once enough people answered', async () => {
    const fixture = await groupMeetingHoursAgo([-3], 'Results, enough');
    const meetingId = fixture.meetingIds[0] ?? '';
    await context.connection.db
      .update(meetings)
      .set({ topicId: 'stress-anxiety-and-burnout' })
      .where(eq(meetings.id, meetingId));
    const path = `/api/programs/${fixture.programId}/feedback`;
    for (const [index, email] of participantEmails.slice(0, 6).entries()) {
      const participant = await clientFor(email, index);
      await participant.request(
        'PUT',
        `/api/meetings/${meetingId}/feedback`,
        feedbackBody({ usefulness: 3 + (index % 2) }),
      );
    }
    const enough = await afterFeedbackPeriod(async () =>
      (await (await signedInClient(context.app, 'coordinator')).request('GET', path)).json(),
    );
    expect(enough.overall).toEqual({
      status: 'released',
      people: 6,
      figures: { answers: 6, usefulnessMean: 3.5, feltSafeMean: 5 },
    });
    expect(enough.topics).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^Stress, anxiety and burnout/),
        figure: expect.objectContaining({ people: 6 }),
      }),
    ]);
    // Six people: 3 gave a 3 and 3 gave a 4 — both bands are below the minimum of 5.
    expect(
      enough.usefulness.every((band: { figure: { status: string } }) => band.figure.status === 'suppressed'),
    ).toBe(true);
    // All six felt safe at 5: "6 of 6" would tell each one's rating, so that share is hidden too.
    expect(enough.feltSafe.find((band: { rating: number }) => band.rating === 5).figure).toMatchObject({
      status: 'suppressed',
      explanation: expect.stringMatching(/leaves out/),
    });
    expect(enough.keep).toMatchObject({ status: 'withheld', message: expect.stringMatching(/10 people/) });
    expect(enough.recommendations.map((item: { explanation: string }) => item.explanation)).toEqual([
      `6 of 6 respondents asked for ${growthMindset} (at enrolment or in feedback).`,
      '6 of 6 respondents can meet Tuesdays 12:00–13:00.',
    ]);
  });

  it('shows comments, repeats folded with a count, once the organisation’s comment minimum of people wrote one', async () => {
    const { db } = context.connection;
    const [organization] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
    if (!organization) throw new Error('no organisation');
    await db
      .update(organizations)
      .set({ settings: { ...organization.settings, commentMinimum: 5 } })
      .where(eq(organizations.id, organizationId));
    try {
      const fixture = await groupMeetingHoursAgo([-3], 'Comments');
      const meetingId = fixture.meetingIds[0] ?? '';
      // Three say the same thing in their own case and spacing: it reads as one point made three times.
      const keeps = ['the opening round', 'Keep 1', ' THE OPENING  ROUND ', 'The opening round.', 'Keep 4'];
      for (const [index, email] of participantEmails.slice(0, 5).entries()) {
        const participant = await clientFor(email, index);
        await participant.request(
          'PUT',
          `/api/meetings/${meetingId}/feedback`,
          feedbackBody({ keep: keeps[index] }),
        );
      }
      const results = await afterFeedbackPeriod(async () =>
        (
          await (
            await signedInClient(context.app, 'coordinator')
          ).request('GET', `/api/programs/${fixture.programId}/feedback`)
        ).json(),
      );
      expect(results.keep).toEqual({
        status: 'released',
        respondentCount: 5,
        comments: [
          { text: 'The opening round.', count: 3 },
          { text: 'Keep 1', count: 1 },
          { text: 'Keep 4', count: 1 },
        ],
      });
    } finally {
      await db
        .update(organizations)
        .set({ settings: organization.settings })
        .where(eq(organizations.id, organizationId));
    }
  });
});
