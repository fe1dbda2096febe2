import type { APIRequestContext } from '@playwright/test';
import {
  createPublishedProgram,
  enrol,
  expect,
  expectNoSeriousA11yViolations,
  signIn,
  test,
} from './fixtures.ts';

type GroupsOverview = {
  groups: { id: string; name: string; members: { id: string; name: string; isFacilitator: boolean }[] }[];
};

const levels = ['student-1', 'student-2', 'student-3', 'student-4', 'resident', 'practitioner'];

test('a coordinator forms groups, moves and pins people with live feedback, re-forms and publishes', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  if (!baseURL) throw new Error('baseURL is not configured');

  // Setup: a published program with enrolment open, and two facilitators and 16 participants enrolled.
  await signIn(page, 'coordinator@demo.tend.test');
  const programId = await createPublishedProgram(page.request, {
    title: 'Resilience in practice (groups journey)',
    description: 'Six small-group meetings.',
    audience: `Groups journey ${Date.now()}`,
    meetingCount: 6,
  });

  const people = [
    'facilitator1@demo.tend.test',
    'facilitator2@demo.tend.test',
    ...Array.from({ length: 16 }, (_, index) => `participant${index + 1}@demo.tend.test`),
  ];
  const clients: APIRequestContext[] = [];
  for (const [index, email] of people.entries()) {
    const client = await enrol(baseURL, programId, email, {
      level: email.startsWith('facilitator') ? 'faculty' : levels[index % levels.length],
      discipline: index % 2 === 0 ? 'Nursing' : 'Pharmacy',
      availability: ['tue-12', 'wed-18'],
    });
    clients.push(client);
  }
  const readGroups = async () =>
    (await (await page.request.get(`/api/programs/${programId}/groups`)).json()) as GroupsOverview;

  // The board, on the program page's Groups tab.
  await page.goto(`/programs/${programId}`);
  await page.getByRole('tab', { name: 'Groups' }).click();
  await expect(page.getByRole('heading', { name: 'Groups', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Form groups' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Formed 2 groups' })).toBeVisible({
    timeout: 30_000,
  });
  const region = (name: string) => page.getByRole('region', { name, exact: true });
  await expect(region('Group 1')).toContainText('Meets Tuesdays 12:00–13:00');
  await expect(region('Group 1').getByText('Facilitator', { exact: true })).toHaveCount(1);
  const summary = page.getByTestId('groups-summary');
  await expect(summary).toContainText('No broken rules');
  await expect(page.getByText('Every rule is met')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Move the facilitator of the larger group with the "Move to…" menu: the broken rule shows at once,
  // nothing is saved. (18 people make groups of 9 and 9, or 10 and 8; both stay within 8–10.)
  const formed = await readGroups();
  const [source, target] = [...formed.groups].sort((a, b) => b.members.length - a.members.length);
  const facilitator = source?.members.find((person) => person.isFacilitator);
  const member = source?.members.find((person) => !person.isFacilitator);
  if (!source || !target || !facilitator || !member)
    throw new Error(`unexpected groups: ${JSON.stringify(formed)}`);
  const sourceGroup = region(source.name);
  const targetGroup = region(target.name);

  await sourceGroup.getByRole('button', { name: `Move ${facilitator.name} to…` }).click();
  await page.getByRole('menuitem', { name: target.name }).click();
  await expect(targetGroup).toContainText(facilitator.name);
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();
  await expect(sourceGroup).toContainText('Broken rules (1)');
  await expect(sourceGroup).toContainText(`${source.name} has 0 facilitators`);
  await expect(summary).toContainText('1 broken rule');
  await expect(summary).toContainText(/than saved|same as saved/);
  await expect(page.getByRole('button', { name: 'Publish groups' })).toBeDisabled();
  await expect(page.getByText('Save or discard your changes before publishing.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Moving them back undoes the edit.
  await targetGroup.getByRole('button', { name: `Move ${facilitator.name} to…` }).click();
  await page.getByRole('menuitem', { name: source.name }).click();
  await expect(page.getByText('You have unsaved changes.')).toHaveCount(0);
  await expect(summary).toContainText('No broken rules');

  // Pin a participant and save.
  const pinButton = sourceGroup.getByRole('button', { name: `Pin ${member.name} to ${source.name}` });
  await expect(pinButton).toHaveAttribute('aria-pressed', 'false');
  await pinButton.click();
  await expect(pinButton).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your changes are saved.' })).toBeVisible();
  await expect(pinButton).toHaveAttribute('aria-pressed', 'true');
  // Each card is labelled by a heading whose id carries the group's id.
  const pinnedGroupHeading = await sourceGroup.getAttribute('aria-labelledby');

  // Re-form with another seed: the pinned person stays in the same group.
  await page.getByRole('button', { name: 'Options' }).click();
  await page.getByLabel('Seed').fill('42');
  await page.getByRole('button', { name: 'Re-form…' }).click();
  // Re-forming asks first, listing who would move; the pinned person is not among them.
  const reform = page.getByRole('dialog', { name: 'Re-form the groups?' });
  await expect(reform).toContainText(/would move|Nobody would move/, { timeout: 30_000 });
  await expect(reform).not.toContainText(`${member.name}:`);
  await expectNoSeriousA11yViolations(page);
  await reform.getByRole('button', { name: /^Re-form/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Formed 2 groups' })).toBeVisible({
    timeout: 30_000,
  });
  const pinnedAfter = page.getByRole('button', { name: `Pin ${member.name} to `, exact: false });
  await expect(pinnedAfter).toHaveAttribute('aria-pressed', 'true');
  const homeAfter = page.getByRole('region').filter({ has: pinnedAfter });
  await expect(homeAfter).toHaveAttribute('aria-labelledby', pinnedGroupHeading ?? 'a group heading');

  // Publish, after a confirmation that says what happens.
  await page.getByRole('button', { name: 'Publish groups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish these groups?' });
  await expect(dialog).toContainText('every member is told their group');
  await dialog.getByRole('button', { name: 'Publish and tell members' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The groups are published' })).toBeVisible();
  await expect(page.getByText('These groups are published')).toBeVisible();
  // Published groups stay editable: one person at a time, and re-forming only after a confirmation.
  await expect(page.getByRole('button', { name: /^Move .* to…$/ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Re-form…' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A participant sees only their own group.
  const participant = clients[2];
  const mine = (await (await participant?.get('/api/me/groups'))?.json()) as { groups: unknown[] };
  expect(mine.groups).toHaveLength(1);
  for (const client of clients) await client.dispose();
});
