import { controlUrl, expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures.ts';

test('a member reports a working condition anonymously; a leader sees it counted and answers with an action', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  if (!baseURL) throw new Error('baseURL is not configured');
  const newPage = async (email: string) => {
    const context = await browser.newContext({ baseURL, timezoneId: 'America/Toronto' });
    const page = await context.newPage();
    await signIn(page, email);
    return page;
  };

  // Five members report the same kind of stressor, each from the Speak up page.
  const reporters = Array.from({ length: 5 }, (_, index) => `participant${31 + index}@demo.tend.test`);
  let firstReporter = null as Awaited<ReturnType<typeof newPage>> | null;
  for (const [index, email] of reporters.entries()) {
    const page = await newPage(email);
    firstReporter ??= page;
    await page.getByRole('link', { name: 'Speak up' }).click();
    await expect(page.getByRole('heading', { name: 'Speak up', level: 1 })).toBeVisible();
    await expect(page.getByRole('note')).toContainText('Do not include names');
    if (index === 0) await expectNoSeriousA11yViolations(page);
    await page.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Administrative burden' }).click();
    await page.getByRole('combobox', { name: 'Unit' }).click();
    await page.getByRole('option', { name: 'Outpatient clinics' }).click();
    await page.getByLabel('What is happening?').fill(`Three forms for one discharge (${index})`);
    await page.getByRole('button', { name: 'Send anonymously' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'nothing links it to you' })).toBeVisible();
  }

  // A week passes: leaders see the weeks that have ended, frozen once shown (decision 007).
  const aged = await fetch(controlUrl('/reports/age?weeks=1'), { method: 'POST' });
  expect(aged.status, await aged.clone().text()).toBe(200);

  // The leader sees the reports counted, and their text withheld until ten have written.
  const leader = await newPage('leader@demo.tend.test');
  await leader
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Working conditions' })
    .click();
  const byWeek = leader.getByRole('table', { name: /by category and week/ });
  const row = byWeek.getByRole('row', { name: /Administrative burden/ });
  await expect(row.getByRole('cell').last()).toHaveText(/^[5-9]$|^\d\d+$/);
  await expect(leader.getByText('Three forms for one discharge (0)')).toHaveCount(0);
  // Beside the tables, charts with a caption and a text summary; hidden counts are explained, not drawn.
  const overWeeks = leader.getByRole('figure', { name: 'Reports over the weeks by category' });
  await expect(overWeeks.locator('svg path.recharts-rectangle').first()).toBeVisible();
  await expect(overWeeks).toContainText(/Largest count shown: ([5-9]|\d\d+) /);
  await expect(overWeeks).toContainText(/counts are hidden .* not drawn as zero|No count is hidden/);
  await overWeeks.locator('svg path.recharts-rectangle').first().hover();
  await expect(overWeeks.getByText('hidden', { exact: true }).first()).toBeVisible();
  const byUnit = leader.getByRole('figure', { name: 'Reports by unit and category' });
  await expect(byUnit.locator('svg path.recharts-rectangle').first()).toBeVisible();
  await expect(byUnit).toContainText('Largest count shown');
  await expectNoSeriousA11yViolations(leader);

  // The leader answers with an action.
  const actionTitle = `One discharge form instead of three ${Date.now()}`;
  await leader.getByLabel('Title').fill(actionTitle);
  await leader.getByLabel('Description').fill('Pharmacy, nursing and medicine share one form from January.');
  await leader.getByLabel('Owner').fill('Director of clinical operations');
  await leader.getByLabel('Due date').fill('2027-01-31');
  await leader.getByRole('combobox', { name: 'About these categories' }).click({ force: true });
  await leader.getByRole('option', { name: 'Administrative burden' }).click();
  await leader.keyboard.press('Escape');
  await leader.getByRole('button', { name: 'Post action' }).click();
  await expect(leader.getByRole('status').filter({ hasText: 'Action posted' })).toBeVisible();
  await leader.getByRole('combobox', { name: `Status of ${actionTitle}` }).click();
  await leader.getByRole('option', { name: 'In progress' }).click();
  await expect(leader.getByRole('article', { name: actionTitle })).toContainText('In progress');

  // The reporter sees what leadership is doing.
  const reporter = firstReporter as NonNullable<typeof firstReporter>;
  await reporter.reload();
  const action = reporter.getByRole('article', { name: actionTitle });
  await expect(action).toContainText('In progress');
  await expect(action).toContainText('Director of clinical operations');
  await expect(action).toContainText('due 2027-01-31');
  await expectNoSeriousA11yViolations(reporter);
});
