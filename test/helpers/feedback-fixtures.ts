import { createGroupWithMeetings, type GroupFixture, hoursFrom } from './meeting-fixtures.ts';
import { TestClient, type TestContext } from './test-app.ts';

/** The demo participants the feedback tests group with facilitator 1. */
export const participantEmails = Array.from(
  { length: 7 },
  (_, index) => `participant${index + 1}@demo.tend.test`,
);

/** A complete feedback form, with any answer replaced. */
export function feedbackBody(overrides: Record<string, unknown> = {}) {
  return {
    usefulness: 4,
    feltSafe: 5,
    keep: 'The opening round',
    change: '',
    topicsWanted: ['growth-mindset'],
    preferredTimes: ['tue-12'],
    ...overrides,
  };
}

/**
 * Signing participants in and making groups whose meetings started some hours from the test clock.
 * Each test file passes its own address range, so sign-in limits never meet across files.
 */
export function feedbackFixtures(
  current: () => { context: TestContext; organizationId: string },
  addressPrefix: string,
) {
  return {
    async clientFor(email: string, index: number) {
      const client = new TestClient(current().context.app, `${addressPrefix}.${index + 1}`);
      const response = await client.signIn(email);
      if (response.statusCode !== 204) throw new Error(`${email} could not sign in`);
      return client;
    },
    groupMeetingHoursAgo(hours: number[], title: string): Promise<GroupFixture> {
      const { context, organizationId } = current();
      return createGroupWithMeetings(context.connection.db, {
        organizationId,
        memberEmails: ['facilitator1@demo.tend.test', ...participantEmails],
        meetingStarts: hours.map((hour) => hoursFrom(context.clock.now, hour)),
        programTitle: title,
      });
    },
  };
}

/**
 * Runs work with the test clock `hours` after now (the moment this is called), then sets it back:
 * a feedback period closing, a person leaving, a release being read, each at its own hour.
 */
export function hoursOn(context: TestContext) {
  const start = context.clock.now;
  return async <Result>(hours: number, work: () => Promise<Result>): Promise<Result> => {
    context.clock.now = new Date(start.getTime() + hours * 3_600_000);
    try {
      return await work();
    } finally {
      context.clock.now = start;
    }
  };
}
