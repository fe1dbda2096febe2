import {
  apiAs,
  change,
  createPublishedProgram,
  enrol,
  expect,
  expectNoSeriousA11yViolations,
  isoDate,
  pageAs,
  signIn,
  test,
} from './fixtures.ts';

test('a participant answers the WHO-5 and sees their results; the coordinator sees outcomes with small groups hidden', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error('baseURL is not configured');
  const now = Date.now();
  const title = `Measured program ${now}`;

  // Set-up through the API: a published program and seven people in it, at different levels.
  const coordinatorApi = await apiAs(baseURL, 'coordinator@demo.tend.test');
  const programId = await createPublishedProgram(coordinatorApi, {
    title,
    audience: `Measurement ${now}`,
    termEnd: isoDate(120),
    meetingCount: 4,
  });
  const levels = ['student-1', 'student-2', 'student-3', 'resident', 'practitioner', 'faculty', 'student-4'];
  const people = [31, 32, 33, 34, 35, 36, 37].map((n) => `participant${n}@demo.tend.test`);
  for (const [index, email] of people.entries()) {
    await enrol(baseURL, programId, email, { level: levels[index], discipline: 'Nursing' });
  }

  // The coordinator schedules a WHO-5 for the program.
  await signIn(page, 'coordinator@demo.tend.test');
  await page.getByRole('link', { name: 'Assessment windows' }).click();
  await expect(page.getByRole('heading', { name: 'Assessment windows', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Instrument' }).click();
  await page.getByRole('option', { name: 'WHO-Five Well-Being Index' }).click();
  await page.getByRole('combobox', { name: 'For' }).click();
  await page.getByRole('option', { name: title }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill(`Well-being check ${now}`);
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('cell', { name: `Well-being check ${now} End of term` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A participant answers, one item per row, and sees their own results privately.
  const participant = await pageAs(browser, baseURL, people[0] as string);
  await participant.getByRole('link', { name: 'Questionnaires' }).click();
  await participant.getByRole('link', { name: `Well-being check ${now}` }).click();
  await expect(participant.getByText('Psychiatric Research Unit', { exact: false })).toBeVisible();
  await participant
    .getByRole('radiogroup', { name: /1\. I have felt cheerful/ })
    .getByLabel('Some of the time')
    .check();
  await participant.getByRole('button', { name: 'Save and finish later' }).click();
  await expect(participant.getByText('Saved. You can come back and finish later.')).toBeVisible();
  for (const item of [2, 3, 4, 5]) {
    await participant
      .getByRole('radiogroup', { name: new RegExp(`^${item}\\. `) })
      .getByLabel('Some of the time')
      .check();
  }
  await expectNoSeriousA11yViolations(participant);
  await participant.getByRole('button', { name: 'Submit answers' }).click();
  await expect(participant.getByText('Thank you — your answers are in.')).toBeVisible();
  await participant.getByRole('link', { name: 'My results' }).first().click();
  await expect(participant.getByRole('heading', { name: 'WHO-Five Well-Being Index' })).toBeVisible();
  // Five times "some of the time" (1) → 20: very low, so support is shown, privately.
  await expect(participant.getByText('Very low', { exact: true })).toBeVisible();
  await expect(participant.getByRole('region', { name: 'Looking after yourself' })).toContainText('9-8-8');
  await expectNoSeriousA11yViolations(participant);

  // Five more answer through the API; the seventh does not.
  const windowsList = await (await coordinatorApi.get('/api/assessment-windows')).json();
  const windowId = windowsList.windows.find(
    (window: { title: string }) => window.title === `Well-being check ${now}`,
  ).id as string;
  for (const email of people.slice(1, 6)) {
    const person = await apiAs(baseURL, email);
    const submitted = await change(person, 'POST', `/api/me/assessments/${windowId}/submit`, {
      answers: { 1: 4, 2: 3, 3: 4, 4: 3, 5: 4 },
    });
    expect(submitted.status()).toBe(200);
  }

  // The coordinator closes the window and reads the outcomes: everyone released, each level hidden.
  await page.reload();
  await page.getByRole('button', { name: new RegExp(`^Close now.*Well-being check ${now}$`) }).click();
  // Closing cannot be undone, so it asks first.
  await page.getByRole('dialog').getByRole('button', { name: 'Close the window' }).click();
  await expect(
    page.getByRole('button', { name: new RegExp(`^Close now.*Well-being check ${now}$`) }),
  ).toHaveCount(0);
  await page.getByRole('link', { name: 'Outcomes' }).click();
  // The just-closed window is checked against everything shown before it appears; the page says so
  // and looks again until it is done, so choose once the page has settled.
  await expect(page.getByText(/Minimum group size/)).toBeVisible();
  await expect(page.getByText(/A window closed recently/)).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Instrument' }).click();
  await page.getByRole('option', { name: 'WHO-Five Well-Being Index' }).click();
  await expect(page.getByRole('combobox', { name: 'Instrument' })).toHaveValue('WHO-Five Well-Being Index');
  await page.getByRole('combobox', { name: 'Programs' }).click();
  await page.getByRole('option', { name: title }).click();
  await page.getByRole('combobox', { name: 'Break down by' }).click();
  await page.getByRole('option', { name: 'Level' }).click();
  const trend = page.getByRole('region', { name: 'Trends' });
  await expect(trend.getByRole('row', { name: /Everyone 6/ })).toBeVisible();
  await expect(trend.getByText('fewer than 5 — hidden').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Printable report (HTML)' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
