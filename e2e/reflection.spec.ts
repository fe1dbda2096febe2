import type { APIRequestContext } from '@playwright/test';
import {
  apiAs,
  change,
  createPublishedProgram,
  enrol,
  expect,
  expectNoSeriousA11yViolations,
  expectOk,
  holdMeeting,
  isoDate,
  pageAs,
  signIn,
  test,
} from './fixtures.ts';

/** The e2e server's control port (scripts/e2e-server.ts): its SMTP peer's mail, jobs with a chosen clock. */
const control = `http://127.0.0.1:${process.env.E2E_CONTROL_PORT}`;

type ReceivedMail = { to: string[]; raw: string };

/** The follow-up link in the e-mail the SMTP peer received for `email`, once it has arrived. */
async function followUpLinkMailedTo(api: APIRequestContext, email: string): Promise<URL> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await (await api.get(`${control}/mail`)).json()) as ReceivedMail[];
        const text = mails
          .filter((mail) => mail.to.includes(email))
          .map((mail) => mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='))
          .join('\n');
        link = text.match(/https?:\/\/[^\s]+\/reflections\/[0-9a-f-]{36}/)?.[0];
        return link;
      },
      { timeout: 20_000 },
    )
    .toBeTruthy();
  return new URL(link ?? '');
}

test('attend → follow-up e-mail → reflect (the draft survives a reload and a dropped connection) → journal → share with the group', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error('baseURL is not configured');
  const title = `Reflection journey ${Date.now()}`;
  const reflector = 'participant38@demo.tend.test';
  const groupmate = 'participant39@demo.tend.test';
  const absentee = 'participant40@demo.tend.test';

  // Setup through the API: a one-meeting program with a next-day follow-up, a group of four, published.
  const coordinator = await apiAs(baseURL, 'coordinator@demo.tend.test');
  const programId = await createPublishedProgram(coordinator, {
    title,
    termStart: isoDate(2),
    termEnd: isoDate(40),
    enrolmentCloses: isoDate(1),
    groupSizeMin: 3,
    groupSizeMax: 4,
    meetingCount: 1,
    cadenceWeeks: 1,
    topicIds: ['stress-anxiety-and-burnout'],
    followUpDays: [1],
  });
  for (const email of ['facilitator2@demo.tend.test', reflector, groupmate, absentee]) {
    await enrol(baseURL, programId, email, { availability: ['thu-18'] });
  }
  await expectOk(
    await change(coordinator, 'POST', `/api/programs/${programId}/groups/form`, {}),
    'form groups',
  );
  await expectOk(
    await change(coordinator, 'POST', `/api/programs/${programId}/groups/publish`),
    'publish groups',
  );

  const reflectorApi = await apiAs(baseURL, reflector);
  const myGroups = (await (await reflectorApi.get('/api/me/groups')).json()) as {
    groups: {
      id: string;
      programId: string;
      members: { id: string; name: string }[];
      meetings: { id: string; endsAt: string }[];
    }[];
  };
  const group = myGroups.groups.find((candidate) => candidate.programId === programId);
  const meeting = group?.meetings[0];
  if (!group || !meeting) throw new Error(`no group or meeting: ${JSON.stringify(myGroups)}`);
  const me = await (await reflectorApi.get('/api/session')).json();
  const myName: string = me.member.name;

  // The meeting was held two hours ago: the coordinator takes attendance (two present, one absent).
  const held = await holdMeeting(meeting.id, 120);
  const { enrollments } = (await (
    await coordinator.get(`/api/programs/${programId}/enrollments`)
  ).json()) as {
    enrollments: { email: string; userId: string }[];
  };
  const userIdOf = (email: string) => enrollments.find((row) => row.email === email)?.userId;
  await expectOk(
    await change(coordinator, 'PUT', `/api/meetings/${meeting.id}/attendance`, {
      records: [
        { userId: userIdOf(reflector), status: 'present' },
        { userId: userIdOf(groupmate), status: 'present' },
        { userId: userIdOf(absentee), status: 'absent' },
      ],
    }),
    'take attendance',
  );

  // The follow-up job runs the day after the meeting; the e-mail reaches the SMTP peer.
  const dayAfter = new Date(new Date(held.endsAt).getTime() + 25 * 3_600_000).toISOString();
  const run = await coordinator.post(
    `${control}/jobs/reflection-follow-ups?at=${encodeURIComponent(dayAfter)}`,
  );
  await expectOk(run, 'run the follow-up job');
  // Other journeys on the same server may have meetings ending too: at least this one's three go out.
  expect((await run.json()).sent).toBeGreaterThanOrEqual(3);
  const link = await followUpLinkMailedTo(coordinator, reflector);
  expect(link.origin).toBe(new URL(baseURL).origin);

  // The participant opens the link, starts writing; the connection drops as they save.
  await signIn(page, reflector);
  await page.goto(link.pathname);
  await expect(page.getByRole('heading', { name: /^Reflect:/ })).toBeVisible();
  await expect(page).toHaveTitle('Reflect — Tend');
  const answer = `Mapped my warning signs before a night shift ${Date.now()}`;
  await page.getByLabel('Your answer').fill(answer);
  await page.getByRole('radio', { name: 'Tried' }).check();
  await page.getByLabel(/One intention for next week/).fill('Check my map on Mondays');
  await expect(page.getByText('Draft saved on this device.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A reload (or a closed tab) loses nothing: the draft comes back from this device.
  await page.reload();
  await expect(page.getByLabel('Your answer')).toHaveValue(answer);
  await expect(page.getByRole('radio', { name: 'Tried' })).toBeChecked();
  await expect(page.getByText('Draft restored. Draft saved on this device.')).toBeVisible();

  // Offline, the app still opens (the service worker serves it) and says so; back online, the draft is there.
  await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
  await page.context().setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toContainText(
    'Drafts you started are kept on this device',
  );
  await page.context().setOffline(false);
  await expect(page.getByLabel('Your answer')).toHaveValue(answer);

  // The connection drops as they save: the draft stays, and it is saved once the connection is back.
  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Save reflection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toContainText(
    'Your draft is kept on this device',
  );
  await page.context().setOffline(false);
  await expect(page.getByText('Saved to your journal.')).toBeVisible();
  await expect(page.getByText('Draft saved on this device.')).toHaveCount(0);

  await page.getByRole('link', { name: 'Journal', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Journal', level: 1 })).toBeVisible();
  const entry = page.getByRole('article').filter({ hasText: answer });
  await expect(entry).toContainText('Private');
  await expect(entry).toContainText('Used the skill (Warning-signs map): Tried');
  await expect(page.getByText(/You practised 1 week in a row/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export PDF' })).toHaveAttribute(
    'href',
    /\/api\/me\/journal\/pdf/,
  );
  await expectNoSeriousA11yViolations(page);

  // Fewer nudges, from the journal.
  await page.getByRole('radio', { name: 'Fewer: at most one a week' }).check();
  await page.getByRole('button', { name: 'Save nudge settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // Shared with the group under their name, it appears in the group's shared reflections.
  await entry.getByRole('radio', { name: 'Me, with my name' }).check();
  await entry.getByRole('button', { name: 'Share with group' }).click();
  await expect(entry).toContainText('Shared with your name');

  const member = await pageAs(browser, baseURL, groupmate);
  await member.goto(`/groups/${group.id}`);
  // The group space may wrap the section in a region of its own name: the innermost is the list.
  const shared = member.getByRole('region', { name: 'Shared reflections' });
  await expect(shared).toContainText(answer);
  await expect(shared).toContainText(myName);

  // The coordinator sees engagement only as shares, and only once the meeting's reflection period
  // has closed (decision 003): until then, the day it appears.
  const coordinatorPage = await pageAs(browser, baseURL, 'coordinator@demo.tend.test');
  await coordinatorPage.goto(`/programs/${programId}`);
  await coordinatorPage.getByRole('tab', { name: 'Engagement' }).click();
  const table = coordinatorPage.getByRole('table', { name: 'Engagement per meeting held' });
  await expect(table).toContainText('Appears on');
  await expect(table).not.toContainText('%');
  await expect(table).not.toContainText(answer);
  await expectNoSeriousA11yViolations(coordinatorPage);
});
