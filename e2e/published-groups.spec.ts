import type { APIRequestContext, Page } from '@playwright/test';
import {
  apiAs,
  change,
  createPublishedProgram,
  enrol,
  expect,
  expectNoSeriousA11yViolations,
  expectOk,
  holdMeeting,
  signIn,
  test,
} from './fixtures.ts';

type Person = { id: string; name: string; isFacilitator: boolean };
type Overview = {
  status: string;
  groups: { id: string; name: string; members: Person[] }[];
  unassigned: (Person & { proposedGroupId: string | null })[];
};

/** The e2e server's control port (scripts/e2e-server.ts): the e-mail its SMTP peer received. */
const control = `http://127.0.0.1:${process.env.E2E_CONTROL_PORT}`;
const levels = ['student-1', 'student-2', 'student-3', 'student-4', 'resident', 'practitioner'];

test('after publishing, a coordinator places a late enrollee, fills a withdrawal and swaps a facilitator; notices name nobody', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  if (!baseURL) throw new Error('baseURL is not configured');

  // Setup: published groups (two of nine) for two facilitators and 16 participants.
  await signIn(page, 'coordinator@demo.tend.test');
  const programId = await createPublishedProgram(page.request, {
    title: 'Resilience in practice (a whole term)',
    description: 'Six small-group meetings.',
    meetingCount: 6,
  });
  const clients = new Map<string, APIRequestContext>();
  const emails = [
    'facilitator1@demo.tend.test',
    'facilitator2@demo.tend.test',
    ...Array.from({ length: 16 }, (_, index) => `participant${index + 1}@demo.tend.test`),
  ];
  for (const [index, email] of emails.entries()) {
    clients.set(
      email,
      await enrol(baseURL, programId, email, {
        level: email.startsWith('facilitator') ? 'faculty' : levels[index % levels.length],
      }),
    );
  }
  await expectOk(await change(page.request, 'POST', `/api/programs/${programId}/groups/form`, {}), 'form');
  await expectOk(await change(page.request, 'POST', `/api/programs/${programId}/groups/publish`), 'publish');
  const readGroups = async () =>
    (await (await page.request.get(`/api/programs/${programId}/groups`)).json()) as Overview;
  const region = (name: string) => page.getByRole('region', { name, exact: true });
  const openBoard = async () => {
    await page.goto(`/programs/${programId}`);
    await page.getByRole('tab', { name: 'Groups' }).click();
    await expect(page.getByText('These groups are published')).toBeVisible();
  };
  const saveStaged = async (expectedLine: string | RegExp) => {
    await expect(page.getByTestId('change-check')).toContainText('No rule broken');
    await page.getByRole('button', { name: 'Save and tell those affected' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save these changes?' });
    await expect(dialog).toContainText(expectedLine);
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Save and tell them' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved. The people whose group' })).toBeVisible();
    await expect(page.getByText(/Changes not saved yet/)).toHaveCount(0);
  };

  // 1. A late enrollee: the engine proposes the group with room; placing is staged with an undo.
  clients.set(
    'participant17@demo.tend.test',
    await enrol(baseURL, programId, 'participant17@demo.tend.test', { level: 'resident' }),
  );
  const late = (await readGroups()).unassigned[0] as Person;
  await openBoard();
  const unplaced = region('Not in a group (1)');
  await expect(unplaced).toContainText(late.name);
  await expect(
    unplaced.getByRole('button', { name: new RegExp(`^Offer a place in .* to ${late.name}$`) }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await unplaced.getByRole('button', { name: `Choose a group for ${late.name}` }).click();
  const placing = page.getByRole('dialog', { name: `Place ${late.name}` });
  await expect(placing).toContainText('(proposed)');
  await expect(placing).toContainText('Meets every rule');
  await expectNoSeriousA11yViolations(page);
  const proposedRow = placing.getByRole('row').filter({ hasText: '(proposed)' });
  const proposedName = ((await proposedRow.getByRole('button').textContent()) ?? '').replace('Place in ', '');
  await proposedRow.getByRole('button', { name: `Place in ${proposedName}` }).click();
  await expect(region(proposedName)).toContainText(late.name);
  // Undo, then place again: nothing is saved until the coordinator saves.
  await page.getByRole('button', { name: `Undo: ${late.name} to ${proposedName}` }).click();
  await expect(region('Not in a group (1)')).toContainText(late.name);
  await region('Not in a group (1)')
    .getByRole('button', { name: `Choose a group for ${late.name}` })
    .click();
  await placing.getByRole('row').filter({ hasText: '(proposed)' }).getByRole('button').click();
  await expectNoSeriousA11yViolations(page);
  await saveStaged(`${late.name} is told they are now in ${proposedName}.`);
  await expect(region('Not in a group (0)')).toContainText('Everyone enrolled is in a group.');

  // 2. People withdraw from the other group, leaving it one short; a move from the fuller group fills it.
  let overview = await readGroups();
  const short = overview.groups.find((group) => group.name !== proposedName);
  const full = overview.groups.find((group) => group.name === proposedName);
  if (!short || !full) throw new Error(`unexpected groups: ${JSON.stringify(overview)}`);
  const leaving = short.members.filter((person) => !person.isFacilitator).slice(0, short.members.length - 7);
  const emailOf = async (person: Person) => {
    for (const [email, client] of clients) {
      const session = await (await client.get('/api/session')).json();
      if (session.member?.userId === person.id) return email;
    }
    throw new Error(`no client for ${person.name}`);
  };
  for (const person of leaving) {
    const client = clients.get(await emailOf(person));
    await expectOk(
      await change(client as APIRequestContext, 'DELETE', `/api/programs/${programId}/enrollment`),
      'withdraw',
    );
  }
  await openBoard();
  await expect(region(short.name)).toContainText(`${short.name} has 7 members; groups need 8–10`);
  const filler = full.members.find((person) => !person.isFacilitator && person.id !== late.id) as Person;
  await region(full.name)
    .getByRole('button', { name: `Move ${filler.name} to…` })
    .click();
  await page.getByRole('menuitem', { name: short.name }).click();
  await expect(region(short.name)).toContainText(filler.name);
  await expectNoSeriousA11yViolations(page);
  await saveStaged(`${filler.name} is told they are now in ${short.name}.`);
  await expect(region(short.name)).not.toContainText('Broken rules');

  // 3. A new facilitator joins the program and takes over the short group's facilitation.
  const admin = await apiAs(baseURL, 'admin@demo.tend.test');
  const newcomer = await expectOk<{ id: string; name: string }>(
    await change(admin, 'POST', '/api/users', {
      name: 'Marguerite Achterberg',
      email: 'new-facilitator@demo.tend.test',
      role: 'facilitator',
      level: 'faculty',
    }),
    'create a facilitator',
  );
  await expectOk(
    await change(page.request, 'PUT', `/api/programs/${programId}/facilitators/${newcomer.id}`, {
      level: 'faculty',
      availability: ['tue-12'],
      timeZone: 'America/Toronto',
    }),
    'place the facilitator in the program',
  );
  overview = await readGroups();
  const outgoing = overview.groups
    .find((group) => group.id === short.id)
    ?.members.find((person) => person.isFacilitator) as Person;
  await openBoard();
  await region('Not in a group (1)')
    .getByRole('button', { name: `Choose a group for ${newcomer.name}` })
    .click();
  const placingFacilitator = page.getByRole('dialog', { name: `Place ${newcomer.name}` });
  await placingFacilitator.getByRole('button', { name: `Place in ${short.name}` }).click();
  await region(short.name)
    .getByRole('button', { name: `Move ${outgoing.name} to…` })
    .click();
  await page.getByRole('menuitem', { name: 'Not in a group' }).click();
  await expect(region(short.name)).toContainText(newcomer.name);
  await expect(region(short.name)).not.toContainText(outgoing.name);
  await expectNoSeriousA11yViolations(page);
  await saveStaged(`The other members of ${short.name} are told their facilitator changed, without names.`);
  await expect(region(short.name).getByText('Facilitator', { exact: true })).toHaveCount(1);
  await expect(region('Not in a group (1)')).toContainText(outgoing.name);
  await expectNoSeriousA11yViolations(page);

  // No notice or e-mail names another member: every person's notices, and every e-mail sent.
  const names = new Set<string>([newcomer.name, late.name, ...leaving.map((person) => person.name)]);
  for (const group of (await readGroups()).groups) for (const person of group.members) names.add(person.name);
  names.add(outgoing.name);
  for (const [email, client] of clients) {
    const { notifications } = (await (await client.get('/api/notifications')).json()) as {
      notifications?: { title: string; body: string }[];
    };
    for (const notice of notifications ?? []) {
      for (const name of names) expect(`${notice.title} ${notice.body}`, email).not.toContain(name);
    }
  }
  await expectNamesInNoMail(page, names);

  // Once a group has met, re-forming would erase its meetings and attendance: the dialog says to
  // move people one at a time instead, and offers no way to re-form.
  const programOverview = (await (await page.request.get(`/api/programs/${programId}/overview`)).json()) as {
    groups: { meetings: { id: string }[] }[];
  };
  const firstMeeting = programOverview.groups[0]?.meetings[0]?.id ?? '';
  await holdMeeting(firstMeeting, 90);
  await openBoard();
  await page.getByRole('button', { name: 'Re-form…' }).click();
  const reform = page.getByRole('dialog', { name: 'Re-form the groups?' });
  await expect(reform.getByText('These groups have already met')).toBeVisible();
  await expect(reform).toContainText('move, place or swap people one at a time');
  await expect(reform.getByRole('button', { name: /^Re-form/ })).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
  await reform.getByRole('button', { name: 'Cancel' }).click();

  for (const client of clients.values()) await client.dispose();
  await admin.dispose();
});

/** Waits for the late enrollee's e-mail to reach the SMTP peer, then checks no e-mail names anyone. */
async function expectNamesInNoMail(page: Page, names: ReadonlySet<string>) {
  const decoded = async () =>
    ((await (await page.request.get(`${control}/mail`)).json()) as { to: string; raw: string }[]).map(
      (mail) => mail.raw.replace(/=\r?\n/g, '').replace(/=E2=80=94/g, '—'),
    );
  await expect
    .poll(async () => (await decoded()).some((raw) => raw.includes('You are now in')), {
      timeout: 30_000,
    })
    .toBe(true);
  for (const raw of await decoded()) {
    if (!raw.includes('Tend sends this e-mail')) continue;
    for (const name of names) expect(raw).not.toContain(name);
  }
}
