import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures.ts';

test('the demo coordinator signs in, sees the dashboard, and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await signIn(page, 'coordinator@demo.tend.test');
  await expect(page.getByText('Riverside Health Sciences (demo)')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Members by level' })).toBeVisible();
  // A coordinator does not manage accounts.
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }),
  ).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a wrong password is explained and nobody is signed in', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel(/^E-mail/).fill('coordinator@demo.tend.test');
  await page.getByLabel(/^Password/).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('do not match an account');
});

test('an admin imports a roster and sees which rows were rejected and why', async ({ page }) => {
  await signIn(page, 'admin@demo.tend.test');
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('tab', { name: 'Import a roster' }).click();
  await page.getByLabel('Roster file').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByLabel('Roster file').click();
  await (await chooser).setFiles({
    name: 'roster.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'name,email,role,level,discipline\nNew Person,new.person@example.org,participant,student-1,Nursing\nBroken,,boss,,\n',
    ),
  });
  await page.getByRole('button', { name: 'Import roster' }).click();
  const report = page.getByRole('status');
  await expect(report).toContainText('1 created, 1 rejected');
  await expect(report).toContainText('Row 3');
  await expect(report).toContainText('role "boss"');
  await page.getByRole('tab', { name: 'Everyone' }).click();
  await expect(page.getByRole('cell', { name: 'new.person@example.org' })).toBeVisible();
});
