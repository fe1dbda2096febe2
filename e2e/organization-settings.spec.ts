import { expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures.ts';

test('an admin is told, beside the field, why a comment minimum or a unit list cannot be saved', async ({
  page,
}) => {
  await signIn(page, 'admin@demo.tend.test');
  await page.getByRole('link', { name: 'Organisation settings' }).click();
  await expect(page.getByRole('heading', { name: 'Organisation settings', level: 1 })).toBeVisible();
  const commentMinimum = page.getByLabel('Comment minimum');
  await expect(commentMinimum).toHaveValue(/^\d+$/);
  await expect(page.getByRole('heading', { name: 'Working-condition units' })).toBeVisible();
  await expect(page.getByLabel('Unit 1', { exact: true })).not.toHaveValue('');
  await expectNoSeriousA11yViolations(page);

  // Nothing valid is saved here: other specs share this organisation's settings.
  await page.getByRole('button', { name: 'Add a unit' }).click();
  const units = page.getByRole('textbox', { name: /^Unit \d+$/ });
  const firstUnit = await units.first().inputValue();
  await units.last().fill(` ${firstUnit.toUpperCase()} `);
  const save = page.getByRole('button', { name: 'Save settings' });
  await save.click();
  await expect(units.last()).toHaveAccessibleDescription(/listed twice/);
  await page.getByRole('button', { name: `Remove unit ${await units.count()}` }).click();

  // Raising the reporting size above the comment minimum is refused at the comment minimum.
  await page.getByLabel('Minimum reporting group size').fill('60');
  await save.click();
  await expect(commentMinimum).toHaveAccessibleDescription(/at least 60, the minimum reporting group size/);
  await expect(page.getByRole('alert').filter({ hasText: 'comment minimum' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
