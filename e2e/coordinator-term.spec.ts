import type { APIRequestContext } from '@playwright/test';
import {
  change,
  createPublishedProgram,
  enrol,
  expect,
  expectNoSeriousA11yViolations,
  expectOk,
  signIn,
  test,
} from './fixtures.ts';

type Groups = { groups: { id: string; name: string; slot: string; members: { name: string }[] }[] };
type Notices = { notifications: { title: string; body: string }[] };

test('a coordinator copies a program for next term and moves a group to the time people asked for', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error('baseURL is not configured');
  const title = `Term journey ${Date.now()}`;

  // Setup through the API: a published program, a facilitator and eight participants, one published group.
  await signIn(page, 'coordinator@demo.tend.test');
  const programId = await createPublishedProgram(page.request, {
    title,
    description: 'A term that runs past publishing.',
    topicIds: ['stress-anxiety-and-burnout', 'self-care-and-boundaries'],
  });
  const participants = Array.from({ length: 8 }, (_, index) => `participant${31 + index}@demo.tend.test`);
  const clients = new Map<string, APIRequestContext>();
  for (const email of ['facilitator1@demo.tend.test', ...participants]) {
    clients.set(
      email,
      await enrol(baseURL, programId, email, {
        availability: ['tue-12', 'thu-18'],
        interests: email.startsWith('participant') ? ['growth-mindset'] : [],
      }),
    );
  }
  await expectOk(
    await change(page.request, 'POST', `/api/programs/${programId}/groups/form`, {}),
    'form groups',
  );
  await expectOk(
    await change(page.request, 'POST', `/api/programs/${programId}/groups/publish`),
    'publish groups',
  );
  const { groups } = await expectOk<Groups>(
    await page.request.get(`/api/programs/${programId}/groups`),
    'groups',
  );
  const group = groups[0];
  if (!group) throw new Error('no group formed');

  // The feedback tab recommends Thursday evenings; the coordinator applies it to the group, after confirming.
  await page.goto(`/programs/${programId}`);
  await page.getByRole('tab', { name: 'Feedback' }).click();
  await expect(page.getByText('8 of 8 respondents can meet Thursdays 18:00–19:00.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('combobox', { name: 'Group to meet Thursdays 18:00–19:00' }).click();
  await page.getByRole('option', { name: group.name }).click();
  await page.getByRole('button', { name: /^Apply this time.*Thursdays 18:00–19:00$/ }).click();
  const dialog = page.getByRole('dialog', { name: `Move ${group.name} to Thursdays 18:00–19:00?` });
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Move the meetings' }).click();
  await expect(page.getByRole('status').filter({ hasText: /meetings? moved/ })).toContainText(
    "The group's members have been told.",
  );

  // A member hears of the new time, and the notice names nobody.
  const member = clients.get(participants[0] as string) as APIRequestContext;
  const { notifications } = await expectOk<Notices>(await member.get('/api/notifications'), 'notices');
  const notice = notifications.find((entry) => /new meeting time/.test(entry.title));
  expect(notice?.body).toContain('Thursdays 18:00');
  for (const person of group.members) expect(`${notice?.title} ${notice?.body}`).not.toContain(person.name);

  // Copy for next term: the settings and curriculum come along, nobody's enrolment does.
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Copy for next term' }).click();
  const copyDialog = page.getByRole('dialog', { name: 'Copy for next term' });
  await expect(copyDialog.getByLabel('Title')).toHaveValue(`${title} (next term)`);
  await expectNoSeriousA11yViolations(page);
  await copyDialog.getByRole('button', { name: 'Create the copy' }).click();
  await expect(page.getByRole('heading', { name: `${title} (next term)`, level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Enrolment' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Curriculum' }).click();
  await expect(page.getByText(/^1\. /)).toBeVisible();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expectNoSeriousA11yViolations(page);
  const copyId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const copy = await expectOk<{ enrolledCount: number; status: string; topicIds: string[] }>(
    await page.request.get(`/api/programs/${copyId}`),
    'read the copy',
  );
  expect(copy).toMatchObject({
    enrolledCount: 0,
    status: 'draft',
    topicIds: ['stress-anxiety-and-burnout', 'self-care-and-boundaries'],
  });
});
