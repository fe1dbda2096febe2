import type { APIRequestContext } from '@playwright/test';
import {
  change,
  createPublishedProgram,
  enrol,
  expect,
  expectNoSeriousA11yViolations,
  expectOk,
  holdMeeting,
  pageAs,
  signIn,
  test,
} from './fixtures.ts';

type MyGroups = { groups: { programId: string; meetings: { id: string }[] }[] };

test('attendees give feedback after a meeting; the coordinator sees results and what to do next', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error('baseURL is not configured');
  const title = `Feedback journey ${Date.now()}`;

  // Setup through the API: a published program, a facilitator and eight participants, one group.
  await signIn(page, 'coordinator@demo.tend.test');
  const programId = await createPublishedProgram(page.request, {
    title,
    description: 'Meetings that ask for feedback.',
    audience: `Feedback journey ${Date.now()}`,
    topicIds: ['stress-anxiety-and-burnout', 'self-care-and-boundaries'],
  });
  const participants = Array.from({ length: 8 }, (_, index) => `participant${21 + index}@demo.tend.test`);
  const clients = new Map<string, APIRequestContext>();
  for (const email of ['facilitator2@demo.tend.test', ...participants]) {
    // Asked for at enrolment by everyone, and again in feedback by those who answer.
    const interests = email.startsWith('participant') ? ['growth-mindset'] : [];
    clients.set(email, await enrol(baseURL, programId, email, { interests }));
  }
  await expectOk(
    await change(page.request, 'POST', `/api/programs/${programId}/groups/form`, {}),
    'form groups',
  );
  await expectOk(
    await change(page.request, 'POST', `/api/programs/${programId}/groups/publish`),
    'publish groups',
  );

  const facilitator = clients.get('facilitator2@demo.tend.test') as APIRequestContext;
  const { groups } = await expectOk<MyGroups>(await facilitator.get('/api/me/groups'), 'read my groups');
  const meetingId = groups.find((entry) => entry.programId === programId)?.meetings[0]?.id ?? '';
  const meeting = await expectOk<{ roster: { id: string }[]; meetingMinutes?: number }>(
    await facilitator.get(`/api/meetings/${meetingId}`),
    'read the meeting',
  );
  // The meeting is held (it ended ten minutes ago); attendance is taken, and those present are asked.
  await holdMeeting(meetingId, (meeting.meetingMinutes ?? 60) + 10);
  await expectOk(
    await change(facilitator, 'PUT', `/api/meetings/${meetingId}/attendance`, {
      records: meeting.roster.map((person) => ({ userId: person.id, status: 'present' })),
    }),
    'take attendance',
  );

  // Five attendees answer quickly through the API …
  for (const email of participants.slice(1, 6)) {
    await expectOk(
      await change(clients.get(email) as APIRequestContext, 'PUT', `/api/meetings/${meetingId}/feedback`, {
        usefulness: 4,
        feltSafe: 5,
        keep: 'The opening round',
        change: '',
        topicsWanted: ['growth-mindset'],
        preferredTimes: ['tue-12'],
      }),
      `feedback from ${email}`,
    );
  }

  // … and one follows the notice's link to the form.
  const attendee = await pageAs(browser, baseURL, participants[0] as string);
  await attendee.goto('/notices');
  await attendee.locator(`a[href="/meetings/${meetingId}/feedback"]`).first().click();
  await expect(attendee.getByRole('heading', { name: /Feedback on .*meeting 1/ })).toBeVisible();
  await attendee
    .getByRole('radiogroup', { name: /How useful was this meeting/ })
    .getByLabel('4')
    .check();
  await attendee
    .getByRole('radiogroup', { name: /Did you feel safe to share/ })
    .getByLabel('5')
    .check();
  await attendee.getByLabel('One thing to keep').fill('The quiet minute at the start');
  await attendee.getByRole('combobox', { name: 'Topics you would like next' }).click({ force: true });
  await attendee.getByRole('option', { name: /Growth mindset/ }).click();
  await attendee.keyboard.press('Escape');
  await attendee.getByText(/Weekly times that would suit you/).click();
  await attendee.getByRole('checkbox', { name: 'Tue 12:00' }).check();
  await expectNoSeriousA11yViolations(attendee);
  await attendee.getByRole('button', { name: 'Send feedback' }).click();
  await expect(attendee.getByRole('status').filter({ hasText: 'your feedback is saved' })).toBeVisible();
  // The meeting page links to the same form.
  await attendee.goto(`/meetings/${meetingId}`);
  await attendee.getByRole('link', { name: /Give feedback on this meeting/ }).click();
  await expect(attendee.getByRole('button', { name: 'Update feedback' })).toBeVisible();

  // A week on, the meeting's feedback period has closed and its figures are released (decision 007).
  await holdMeeting(meetingId, 8 * 24 * 60);
  // The coordinator sees the results, hidden where too few answered, and a recommendation.
  await page.goto(`/programs/${programId}`);
  await page.getByRole('tab', { name: 'Feedback' }).click();
  await expect(
    page.getByText(/Usefulness 4\.0 \/ 5 · felt safe to share 5\.0 \/ 5 · 6 answers from 6 people/).first(),
  ).toBeVisible();
  await expect(page.getByText(/8 of 8 respondents asked for Growth mindset/)).toBeVisible();
  await expect(page.getByText('8 of 8 respondents can meet Tuesdays 12:00–13:00.')).toBeVisible();
  await expect(page.getByText(/Comments appear once at least 10 people/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // "You said, we did": posted by the coordinator, seen by participants on the program page.
  await page.getByLabel('You said').fill('You asked for growth mindset.');
  await page.getByLabel('We did').fill('It is the topic of the next meeting.');
  await page.getByRole('button', { name: 'Post note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'participants have been told' })).toBeVisible();
  await attendee.goto(`/programs/${programId}`);
  await expect(attendee.getByRole('heading', { name: 'You said, we did' })).toBeVisible();
  await expect(attendee.getByText('It is the topic of the next meeting.')).toBeVisible();
  await expectNoSeriousA11yViolations(attendee);
});
