import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFlags } from '../src/cli/node-flags.ts';
import {
  apiAs,
  change,
  controlUrl,
  expect,
  expectNoSeriousA11yViolations,
  expectOk,
  holdMeeting,
  pageAs,
  runFeedbackRequests,
  test,
  waitForHealth,
} from './fixtures.ts';

/**
 * The coordinator's term past publishing, on the demo's own term in progress (made by `src/cli/demo/`,
 * decision 016) rather than on a program the journey builds: a late enrollee placed, a withdrawal
 * filled, two facilitators swapped, a group messaged, attendance at meeting 4 refused before it and
 * taken at it, feedback asked only after it ends, the program copied and the groups exported. Every
 * page is scanned for accessibility, and no notice or e-mail sent names another member.
 *
 * It runs its own e2e server (scripts/e2e-server.ts with E2E_DEMO_TERM=1) on a fresh data directory,
 * because the shared one starts without the term.
 */
const port = Number(process.env.E2E_PORT) + 6;
const controlPort = String(Number(process.env.E2E_PORT) + 7);
const baseURL = `http://localhost:${port}`;
const programTitle = 'Resilience in practice — winter term';
/** Every hour the demo's groups meet at, so the late enrollee fits any group with room. */
const broadAvailability = ['tue-12', 'tue-17', 'wed-12', 'wed-17', 'thu-12', 'thu-17'];
let server: ChildProcess;

type Person = { id: string; name: string; isFacilitator: boolean };
type Overview = {
  status: string;
  groups: { id: string; name: string; members: Person[] }[];
  unassigned: (Person & { proposedGroupId: string | null })[];
};
type User = { id: string; name: string; email: string; level: string | null };
type MyGroups = {
  groups: {
    id: string;
    name: string;
    programId: string;
    members: Person[];
    meetings: { id: string; sequence: number; startsAt: string; endsAt: string }[];
  }[];
};
type Notice = { kind: string; title: string; body: string; link: string | null; createdAt: string };

/** Waits for the server to answer; making the demo's term on a loaded machine can take minutes. */

test.beforeAll(async () => {
  test.setTimeout(330_000);
  const { DATABASE_URL: _embeddedOnly, ...inherited } = process.env;
  server = spawn(process.execPath, [...nodeFlags, 'scripts/e2e-server.ts'], {
    env: {
      ...inherited,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'tend-term-on-demo-')),
      E2E_DEMO_TERM: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseURL,
      E2E_CONTROL_PORT: controlPort,
      LOG_LEVEL: 'warn',
      SIGN_IN_REQUESTS_PER_MINUTE: '1000',
    },
    stdio: 'inherit',
  });
  await waitForHealth(`${baseURL}/api/health`, 300_000);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

/** Every message the SMTP peer received, decoded (quoted-printable, base64 parts, encoded words). */
async function receivedMail(): Promise<{ to: string[]; text: string }[]> {
  const mails = (await (await fetch(controlUrl('/mail', controlPort))).json()) as {
    to: string[];
    raw: string;
  }[];
  return mails.map(({ to, raw }) => ({ to, text: decodeMail(raw) }));
}

function decodeMail(raw: string): string {
  const bytes = (text: string) =>
    text.replace(/(?:=[0-9A-F]{2})+/g, (run) => Buffer.from(run.replaceAll('=', ''), 'hex').toString('utf8'));
  const words = raw
    .replace(/\?=\s+=\?UTF-8\?Q\?/gi, '')
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_, word: string) => bytes(word.replaceAll('_', ' ')));
  const quoted = bytes(words.replace(/=\r?\n/g, ''));
  const attachments = [
    ...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g),
  ].map((match) => Buffer.from((match[1] ?? '').replace(/\s/g, ''), 'base64').toString('utf8'));
  return [quoted, ...attachments].join('\n');
}

test('on the demo’s term in progress, a coordinator places, fills, swaps, messages, takes attendance, copies and exports; nothing sent names another member', async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const startedAt = new Date();
  // Each person signs in to their dashboard, which is scanned like every page the journey visits.
  const page = await pageAs(browser, baseURL, 'coordinator@demo.tend.test');
  await expectNoSeriousA11yViolations(page);
  const admin = await apiAs(baseURL, 'admin@demo.tend.test');
  const { users } = await expectOk<{ users: User[] }>(await admin.get('/api/users'), 'people');
  const byEmail = (email: string) => users.find((user) => user.email === email) as User;
  const emailOf = (id: string) => (users.find((user) => user.id === id) as User).email;
  const { programs } = await expectOk<{ programs: { id: string; title: string }[] }>(
    await page.request.get('/api/programs'),
    'programs',
  );
  const programId = programs.find((program) => program.title === programTitle)?.id ?? '';
  expect(programId, 'the demo holds its term').not.toBe('');

  const readGroups = async () =>
    expectOk<Overview>(await page.request.get(`/api/programs/${programId}/groups`), 'groups');
  const groupOf = (overview: Overview, personId: string) =>
    overview.groups.find((group) => group.members.some((person) => person.id === personId));
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

  // The demo's term: four groups of 8–10 that have met three times, and one late enrollee (Saturday only).
  const before = await readGroups();
  expect(before.status).toBe('published');
  expect(before.groups).toHaveLength(4);
  const saturdayOnly = byEmail('participant40@demo.tend.test');
  expect(before.unassigned.map((person) => person.id)).toEqual([saturdayOnly.id]);

  // 1. A late enrollee who can come whenever the groups meet: the engine proposes the group with room.
  const late = byEmail('participant36@demo.tend.test');
  const lateClient = await apiAs(baseURL, late.email);
  await expectOk(
    await change(lateClient, 'PUT', `/api/programs/${programId}/enrollment`, {
      level: late.level,
      availability: broadAvailability,
      timeZone: 'America/Toronto',
      interests: [],
      agreesToGuidelines: true,
    }),
    `${late.email} enrols`,
  );
  await openBoard();
  const unplaced = region('Not in a group (2)');
  await expect(unplaced).toContainText(late.name);
  await expect(unplaced).toContainText(saturdayOnly.name);
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
  await saveStaged(`${late.name} is told they are now in ${proposedName}.`);
  await expect(region('Not in a group (1)')).toContainText(saturdayOnly.name);

  // 2. A participant of a group the swap below leaves alone withdraws, in their own browser.
  let overview = await readGroups();
  const facilitator1 = byEmail('facilitator1@demo.tend.test');
  const facilitator2 = byEmail('facilitator2@demo.tend.test');
  const swapped = new Set([groupOf(overview, facilitator1.id)?.id, groupOf(overview, facilitator2.id)?.id]);
  const untouched = overview.groups.filter((group) => !swapped.has(group.id) && group.name !== proposedName);
  const short = untouched[0];
  const full =
    untouched[1] ?? overview.groups.find((group) => group.id !== short?.id && !swapped.has(group.id));
  if (!short || !full) throw new Error(`unexpected groups: ${JSON.stringify(overview.groups)}`);
  const withdrawing = short.members.find((person) => !person.isFacilitator) as Person;
  const leaver = await pageAs(browser, baseURL, emailOf(withdrawing.id));
  await expectNoSeriousA11yViolations(leaver);
  await leaver.goto(`/programs/${programId}`);
  await expect(leaver.getByRole('heading', { name: programTitle, level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(leaver);
  await leaver.getByRole('button', { name: 'Withdraw', exact: true }).click();
  const withdrawDialog = leaver.getByRole('dialog', { name: 'Withdraw from this program?' });
  await expect(withdrawDialog.getByRole('radio', { name: /Keep my posts/ })).toBeChecked();
  await expectNoSeriousA11yViolations(leaver);
  await withdrawDialog.getByRole('button', { name: 'Withdraw now' }).click();
  await expect(withdrawDialog).toBeHidden();
  await expect(leaver.getByRole('status').filter({ hasText: 'You have withdrawn' })).toBeVisible();
  await expectNoSeriousA11yViolations(leaver);
  await leaver.context().close();

  // The coordinator fills the gap from a full group, with someone who can make the short group's time.
  overview = await readGroups();
  const fullNow = overview.groups.find((group) => group.id === full.id) as Overview['groups'][number];
  let filler: Person | undefined;
  for (const candidate of fullNow.members.filter(
    (person) => !person.isFacilitator && person.id !== late.id,
  )) {
    const preview = await expectOk<{ isAllowed: boolean; problems: unknown[] }>(
      await change(page.request, 'POST', `/api/programs/${programId}/groups/changes/preview`, {
        moves: [{ userId: candidate.id, toGroupId: short.id }],
      }),
      'preview a move',
    );
    if (preview.isAllowed && preview.problems.length === 0) {
      filler = candidate;
      break;
    }
  }
  if (!filler) throw new Error(`nobody in ${full.name} can move to ${short.name}`);
  await openBoard();
  await expect(region(short.name)).not.toContainText(withdrawing.name);
  await region(full.name)
    .getByRole('button', { name: `Move ${filler.name} to…` })
    .click();
  await page.getByRole('menuitem', { name: short.name }).click();
  await expect(region(short.name)).toContainText(filler.name);
  await expectNoSeriousA11yViolations(page);
  await saveStaged(`${filler.name} is told they are now in ${short.name}.`);

  // 3. facilitator1 and facilitator2 swap groups: two moves, saved together.
  const groupOne = groupOf(overview, facilitator1.id) as Overview['groups'][number];
  const groupTwo = groupOf(overview, facilitator2.id) as Overview['groups'][number];
  await region(groupOne.name)
    .getByRole('button', { name: `Move ${facilitator1.name} to…` })
    .click();
  await page.getByRole('menuitem', { name: groupTwo.name }).click();
  await region(groupTwo.name)
    .getByRole('button', { name: `Move ${facilitator2.name} to…` })
    .click();
  await page.getByRole('menuitem', { name: groupOne.name }).click();
  await expect(region(groupOne.name)).toContainText(facilitator2.name);
  await expect(region(groupTwo.name)).toContainText(facilitator1.name);
  await expectNoSeriousA11yViolations(page);
  await saveStaged(
    `The other members of ${groupOne.name} are told their facilitator changed, without names.`,
  );
  await expect(region(groupOne.name).getByText('Facilitator', { exact: true })).toHaveCount(1);
  await expect(region(groupTwo.name).getByText('Facilitator', { exact: true })).toHaveCount(1);
  overview = await readGroups();
  expect(groupOf(overview, facilitator1.id)?.id).toBe(groupTwo.id);
  expect(groupOf(overview, facilitator2.id)?.id).toBe(groupOne.id);

  // 4. The coordinator messages one group, after confirming.
  await page.getByRole('tab', { name: 'Messages' }).click();
  await page.getByRole('combobox', { name: 'To' }).click();
  await page.getByRole('option', { name: `Group: ${short.name}` }).click();
  await page.getByRole('textbox', { name: 'Subject', exact: true }).fill('Room change next week');
  await page
    .getByRole('textbox', { name: 'Message', exact: true })
    .fill('We meet in the wellness room on the fifth floor next week.');
  await page.getByRole('button', { name: 'Send…' }).click();
  await page.getByRole('button', { name: 'Yes, send it' }).click();
  await expect(page.getByText(/^Sent to \d+ people\.$/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // 5. Meeting 4 of facilitator1's new group: attendance is refused before it, in the page and the API.
  const facilitator = await pageAs(browser, baseURL, facilitator1.email);
  await expectNoSeriousA11yViolations(facilitator);
  const { groups: myGroups } = await expectOk<MyGroups>(
    await facilitator.request.get('/api/me/groups'),
    'my groups',
  );
  const myGroup = myGroups.find((group) => group.programId === programId);
  expect(myGroup?.id).toBe(groupTwo.id);
  const meeting = myGroup?.meetings.find((candidate) => candidate.sequence === 4);
  if (!myGroup || !meeting) throw new Error('facilitator1 has no meeting 4');
  expect(new Date(meeting.startsAt).getTime()).toBeGreaterThan(Date.now());
  await facilitator.goto('/my-groups');
  await expect(facilitator.getByRole('region', { name: new RegExp(myGroup.name) }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(facilitator);
  await facilitator.goto(`/meetings/${meeting.id}`);
  await expect(facilitator.getByText(/^Attendance opens when the meeting starts/)).toBeVisible();
  await expect(facilitator.getByRole('button', { name: 'Save attendance' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(facilitator);
  const present = myGroup.members.find((person) => !person.isFacilitator) as Person;
  const early = await change(facilitator.request, 'PUT', `/api/meetings/${meeting.id}/attendance`, {
    records: [{ userId: present.id, status: 'present' }],
  });
  expect(early.status()).toBe(409);
  expect((await early.json()).error.message).toMatch(/^Attendance opens when the meeting starts at /);

  // The meeting starts: attendance is taken in the page; nobody is asked for feedback while it runs.
  const held = await holdMeeting(meeting.id, 15, controlPort);
  await facilitator.reload();
  await facilitator.getByRole('button', { name: 'Save attendance' }).click();
  await expect(facilitator.getByText('Attendance saved.')).toBeVisible();
  await expectNoSeriousA11yViolations(facilitator);
  const presentClient = await apiAs(baseURL, emailOf(present.id));
  const feedbackAsked = async () => {
    const { notifications } = await expectOk<{ notifications: Notice[] }>(
      await presentClient.get('/api/notifications'),
      'notices',
    );
    return notifications.some((notice) => notice.link === `/meetings/${meeting.id}/feedback`);
  };
  await runFeedbackRequests(new Date(new Date(held.endsAt).getTime() - 60_000), controlPort);
  expect(await feedbackAsked(), 'asked before the meeting ends').toBe(false);
  // Once it has ended, those present are asked.
  const after = await runFeedbackRequests(new Date(new Date(held.endsAt).getTime() + 60_000), controlPort);
  expect(after.asked).toBeGreaterThan(0);
  expect(await feedbackAsked(), 'asked after the meeting ends').toBe(true);
  await facilitator.context().close();

  // 6. Copy the program for next term: the settings and curriculum come along, nobody's enrolment does.
  await page.goto(`/programs/${programId}`);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Copy for next term' }).click();
  const copyDialog = page.getByRole('dialog', { name: 'Copy for next term' });
  await expect(copyDialog.getByLabel('Title')).toHaveValue(`${programTitle} (next term)`);
  await expectNoSeriousA11yViolations(page);
  await copyDialog.getByRole('button', { name: 'Create the copy' }).click();
  await expect(page.getByRole('heading', { name: `${programTitle} (next term)`, level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const copyId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const copy = await expectOk<{ enrolledCount: number; status: string; meetingCount: number }>(
    await page.request.get(`/api/programs/${copyId}`),
    'read the copy',
  );
  expect(copy).toMatchObject({ enrolledCount: 0, status: 'draft', meetingCount: 6 });

  // 7. Export the groups as CSV: every group, the new members in, the withdrawn one gone.
  await page.goto(`/programs/${programId}`);
  await page.getByRole('tab', { name: 'Overview' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Groups and meeting times' }).click(),
  ]);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^group,status,meeting_slot,meeting_time,time_zone,place,video_link/);
  for (const group of overview.groups) expect(csv).toContain(group.name);
  await expectNoSeriousA11yViolations(page);

  // No notice sent during the journey names another member, whoever received it: everyone's notices
  // since the journey began are read, and none holds the name of anyone in the organisation but its
  // recipient's — so the withdrawn person's name reaches nobody, and nobody learns who was moved.
  const received = new Map<string, Notice[]>();
  for (const user of users) {
    const client = user.email === late.email ? lateClient : await apiAs(baseURL, user.email);
    const { notifications } = await expectOk<{ notifications: Notice[] }>(
      await client.get('/api/notifications'),
      `${user.email}'s notices`,
    );
    received.set(
      user.id,
      notifications.filter((entry) => new Date(entry.createdAt) >= startedAt),
    );
    if (client !== lateClient) await client.dispose();
  }
  const noticeText = (id: string) =>
    (received.get(id) ?? []).map((notice) => `${notice.title}\n${notice.body}`);
  // What each step told: the placed person, the group that gained a member, the swapped groups, the message.
  expect(noticeText(late.id).join('\n')).toContain(proposedName);
  expect(noticeText(filler.id).join('\n')).toContain(short.name);
  const stayingInGroupOne = groupOne.members.find(
    (person) => !person.isFacilitator && person.id !== late.id,
  ) as Person;
  expect(noticeText(stayingInGroupOne.id).join('\n')).toMatch(/facilitator/i);
  const inShort = short.members.find(
    (person) => !person.isFacilitator && person.id !== withdrawing.id,
  ) as Person;
  expect(noticeText(inShort.id).join('\n')).toContain('Room change next week');
  for (const user of users) {
    for (const text of noticeText(user.id)) {
      for (const other of users) {
        if (other.id !== user.id) expect(text, `a notice to ${user.email}`).not.toContain(other.name);
      }
    }
  }

  // Nor any e-mail the SMTP peer received (the demo's own included): the placed person's names only
  // them, the group message names nobody, and the withdrawn person's name is in no one else's.
  const mailTo = async (email: string, text: string) =>
    (await receivedMail()).filter((mail) => mail.to.includes(email) && mail.text.includes(text));
  await expect
    .poll(async () => (await mailTo(late.email, `You are now in ${proposedName}`)).length, {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  await expect
    .poll(async () => (await mailTo(emailOf(inShort.id), 'fifth floor')).length, { timeout: 60_000 })
    .toBeGreaterThan(0);
  const mails = await receivedMail();
  expect(mails.length).toBeGreaterThan(100);
  for (const mail of mails) {
    for (const user of users) {
      if (!mail.to.includes(user.email)) {
        expect(mail.text, `an e-mail to ${mail.to.join(', ')}`).not.toContain(user.name);
      }
    }
  }
  await lateClient.dispose();
  await presentClient.dispose();
  await admin.dispose();
});
