import {
  apiAs,
  change,
  expect,
  expectNoSeriousA11yViolations,
  holdMeeting,
  pageAs,
  signIn,
  test,
} from './fixtures.ts';

test('a term from start to finish: program, enrolment, groups, calendar, attendance, withdrawal', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error('baseURL is not configured');
  const title = `Resilience for every level ${Date.now()}`;

  // The coordinator creates the program, picks its first topics and publishes it.
  await signIn(page, 'coordinator@demo.tend.test');
  await page.getByRole('link', { name: 'Programs', exact: true }).click();
  await page.getByRole('button', { name: 'New program' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel(/^Title/).fill(title);
  await form.getByLabel(/^Audience/).fill(`Journey ${Date.now()}`);
  await form.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const programPath = new URL(page.url()).pathname;

  await page.getByRole('tab', { name: 'Curriculum' }).click();
  await page.getByRole('combobox', { name: 'Add a topic' }).click();
  await page.getByRole('option', { name: /Stress, anxiety and burnout/ }).click();
  await page.getByRole('button', { name: 'Save curriculum' }).click();
  await expect(page.getByText('Curriculum saved.')).toBeVisible();

  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Publish and open enrolment' }).click();
  await expect(page.getByText('published', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A participant joins voluntarily, giving availability in the grid.
  const participant = await pageAs(browser, baseURL, 'participant1@demo.tend.test');
  await participant.goto(programPath);
  await participant.getByRole('checkbox', { name: 'Tue 12:00' }).check();
  await participant.getByRole('checkbox', { name: 'Wed 18:00' }).check();
  await participant.getByRole('checkbox', { name: 'I agree to keep to these guidelines' }).check();
  await expectNoSeriousA11yViolations(participant);
  await participant.getByRole('button', { name: 'Join' }).click();
  await expect(participant.getByText('You are in.')).toBeVisible();

  // A facilitator and seven more participants join the same way, through the API.
  const programId = programPath.split('/').pop();
  for (const email of [
    'facilitator1@demo.tend.test',
    ...[2, 3, 4, 5, 6, 7, 8].map((n) => `participant${n}@demo.tend.test`),
  ]) {
    const person = await apiAs(baseURL, email);
    const joined = await change(person, 'PUT', `/api/programs/${programId}/enrollment`, {
      availability: ['tue-12'],
      timeZone: 'America/Toronto',
      interests: [],
      agreesToGuidelines: true,
    });
    expect(joined.status(), `${email} joins`).toBe(200);
  }

  // The coordinator forms the group and publishes it.
  await page.reload();
  await page.getByRole('tab', { name: 'Groups' }).click();
  await page.getByRole('button', { name: 'Form groups' }).click();
  await expect(page.getByText(/Tuesdays 12:00–13:00/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Publish groups' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Publish/ })
    .click();
  await expect(page.getByText(/published/i).first()).toBeVisible();

  // The meeting appears in the participant's calendar subscription.
  await participant.goto('/notices');
  await participant.getByRole('button', { name: 'Make my subscription address' }).click();
  const feedUrl =
    (await participant.getByRole('status').locator('code, pre').first().textContent())?.trim() ?? '';
  expect(feedUrl).toMatch(/\/api\/calendar\//);
  const feed = await (await participant.request.get(new URL(feedUrl).pathname)).text();
  expect(feed).toContain('BEGIN:VEVENT');
  expect(feed).toContain(title.slice(0, 20));

  // The facilitator opens the first meeting, sees the guided prompts and takes attendance.
  const facilitator = await pageAs(browser, baseURL, 'facilitator1@demo.tend.test');
  await facilitator.getByRole('link', { name: 'My groups' }).click();
  // Demo people may be in other programs' groups too: open this program's group.
  await facilitator.getByRole('region', { name: title }).getByRole('link', { name: 'Meeting 1' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Discussion prompts' })).toBeVisible();
  await expect(facilitator.getByRole('heading', { name: 'Facilitator briefing' })).toBeVisible();
  await expectNoSeriousA11yViolations(facilitator);
  // Before the meeting, attendance waits for it; once it has started, it is taken.
  await expect(facilitator.getByText(/^Attendance opens when the meeting starts/)).toBeVisible();
  await expect(facilitator.getByRole('button', { name: 'Save attendance' })).toHaveCount(0);
  const meetingId = new URL(facilitator.url()).pathname.split('/').pop() ?? '';
  await holdMeeting(meetingId, 15);
  await facilitator.reload();
  await facilitator.getByRole('button', { name: 'Save attendance' }).click();
  await expect(facilitator.getByText('Attendance saved.')).toBeVisible();

  // The participant withdraws in one step and is told what happens to their data.
  await participant.goto('/my-groups');
  await expect(participant.getByRole('region', { name: title })).toBeVisible();
  await participant.goto(programPath);
  await participant.getByRole('button', { name: 'Withdraw' }).click();
  await participant.getByRole('button', { name: 'Withdraw now' }).click();
  const confirmation = participant.getByRole('status').filter({ hasText: 'You have withdrawn' });
  await expect(confirmation).toContainText(/availability, interests .* are deleted/);
  await participant.goto('/my-groups');
  await expect(participant.getByRole('heading', { name: 'My groups' })).toBeVisible();
  await expect(participant.getByLabel('Loading your groups')).toHaveCount(0);
  await expect(participant.getByRole('region', { name: title })).toHaveCount(0);
});
