import { readFile } from 'node:fs/promises';
import {
  apiAs,
  change,
  createPublishedProgram,
  enrol,
  expect,
  expectNoSeriousA11yViolations,
  expectOk,
  isoDate,
  signIn,
  test,
} from './fixtures.ts';

const phone = { width: 390, height: 844 };

type MyGroups = { groups: { id: string; programId: string }[] };

test('on a phone, a person withdraws keeping their post, deletes it afterwards, and downloads their data', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error('baseURL is not configured');
  const person = 'participant30@demo.tend.test';

  // Setup through the API: a small published group, and one anonymous post by the person.
  const coordinator = await apiAs(baseURL, 'coordinator@demo.tend.test');
  const programId = await createPublishedProgram(coordinator, {
    title: 'Night-shift circle (withdrawal journey)',
    description: 'A small group.',
    audience: `Withdrawal journey ${Date.now()}`,
    termEnd: isoDate(21 + 7 * 8),
    groupSizeMin: 3,
    groupSizeMax: 5,
  });
  for (const email of [
    'facilitator1@demo.tend.test',
    'participant31@demo.tend.test',
    'participant32@demo.tend.test',
  ]) {
    const level = email.startsWith('facilitator') ? 'faculty' : 'resident';
    const other = await enrol(baseURL, programId, email, {
      level,
      discipline: 'Pharmacy',
      availability: ['wed-9'],
    });
    await other.dispose();
  }
  const api = await enrol(baseURL, programId, person, {
    level: 'student-2',
    discipline: 'Pharmacy',
    availability: ['wed-9'],
  });
  await expectOk(
    await change(coordinator, 'POST', `/api/programs/${programId}/groups/form`, { seed: 1 }),
    'form',
  );
  await expectOk(await change(coordinator, 'POST', `/api/programs/${programId}/groups/publish`), 'publish');
  await coordinator.dispose();
  const { groups } = await expectOk<MyGroups>(await api.get('/api/me/groups'), 'my groups');
  const group = groups.find((candidate) => candidate.programId === programId);
  if (!group) throw new Error('the person was not placed in a group');
  const confession = 'A near miss on nights that I still think about.';
  await expectOk(
    await change(api, 'POST', `/api/groups/${group.id}/posts`, { body: confession, isAnonymous: true }),
    'post',
  );
  await api.dispose();

  await page.setViewportSize(phone);
  await signIn(page, person);

  // The enrolment form says who sees the answers and offers the private "not with" choice.
  await page.goto(`/programs/${programId}`);
  await expect(page.getByText(/Who sees your answers/)).toBeVisible();
  await expect(page.getByText('Anyone you would rather not be grouped with? (optional)')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The withdraw dialog says what happens to posts, and keeping them is the default.
  await page.getByRole('button', { name: 'Withdraw', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Withdraw from this program?' });
  await expect(dialog.getByRole('radio', { name: /Keep my posts/ })).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Close without withdrawing' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Remove them' }).check();
  await expect(dialog.getByText(/Your posts \(with the replies to them\) are deleted/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('radio', { name: /Keep my posts/ }).check();
  await dialog.getByRole('button', { name: 'Withdraw now' }).click();
  await expect(dialog).toBeHidden();
  const withdrawn = page.getByRole('status').filter({ hasText: 'You have withdrawn' });
  await expect(withdrawn.getByText(/You can delete any of them later/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // After withdrawing, the post is still theirs to delete, from Your data.
  await page.goto('/my-data');
  await expect(page.getByRole('heading', { name: 'Your data', level: 1 })).toBeVisible();
  const post = page.getByRole('article', { name: /Your post in/ });
  await expect(post.getByText(confession)).toBeVisible();
  await expect(post.getByText(/you have left this group/)).toBeVisible();
  // Anonymous: the day it was written, never the minute.
  await expect(post.getByText(/\d{1,2}:\d{2}/)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await post.getByRole('button', { name: 'Delete this post' }).click();
  await expect(page.getByText('You have not posted in any group space.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Their data downloads as one file about them.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download my data (JSON)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tend-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
  expect(data.account.email).toBe(person);
  expect(data.enrolments.some((row: { status: string }) => row.status === 'withdrawn')).toBe(true);
  expect(data.posts).toEqual([]);

  // Closing the account is spelled out and needs both the confirmation and the password.
  await expect(page.getByText(/anonymous reports of working conditions/)).toBeVisible();
  const closeButton = page.getByRole('button', { name: 'Close my account' });
  await expect(closeButton).toBeDisabled();
  await page.getByLabel(/I understand that closing my account/).check();
  await expect(closeButton).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
});
