import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import {
  change,
  createPublishedProgram,
  enrol,
  expect,
  expectNoSeriousA11yViolations,
  expectOk,
  holdMeeting,
  pageAs,
  runFeedbackRequests,
  signIn,
  test,
} from './fixtures.ts';

type MyGroups = {
  groups: {
    id: string;
    programId: string;
    members: { id: string; name: string }[];
    meetings: { id: string }[];
  }[];
};

test('a term after publishing: attendance when the meeting happens, a place, messages and exports', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  if (!baseURL) throw new Error('baseURL is not configured');
  const title = `Term meetings ${Date.now()}`;

  // Setup through the API: a published program with one published group on the demo data.
  await signIn(page, 'coordinator@demo.tend.test');
  const programId = await createPublishedProgram(page.request, {
    title,
    description: 'A term that runs past publishing.',
    topicIds: ['stress-anxiety-and-burnout', 'self-care-and-boundaries'],
  });
  const participants = Array.from({ length: 8 }, (_, index) => `participant${31 + index}@demo.tend.test`);
  const clients = new Map<string, APIRequestContext>();
  for (const email of ['facilitator2@demo.tend.test', ...participants]) {
    clients.set(email, await enrol(baseURL, programId, email));
  }
  await expectOk(await change(page.request, 'POST', `/api/programs/${programId}/groups/form`, {}), 'form');
  await expectOk(await change(page.request, 'POST', `/api/programs/${programId}/groups/publish`), 'publish');
  const facilitatorApi = clients.get('facilitator2@demo.tend.test') as APIRequestContext;
  const { groups } = await expectOk<MyGroups>(await facilitatorApi.get('/api/me/groups'), 'my groups');
  const group = groups.find((entry) => entry.programId === programId);
  const meetingId = group?.meetings[0]?.id ?? '';
  expect(meetingId).not.toBe('');

  // Attendance is refused before the meeting, in the page and through the API.
  const facilitator = await pageAs(browser, baseURL, 'facilitator2@demo.tend.test');
  await facilitator.goto(`/meetings/${meetingId}`);
  await expect(facilitator.getByText(/^Attendance opens when the meeting starts/)).toBeVisible();
  await expect(facilitator.getByRole('button', { name: 'Save attendance' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(facilitator);
  const early = await change(facilitatorApi, 'PUT', `/api/meetings/${meetingId}/attendance`, {
    records: [{ userId: group?.members[1]?.id, status: 'present' }],
  });
  expect(early.status()).toBe(409);
  expect((await early.json()).error.message).toMatch(/^Attendance opens when the meeting starts at /);

  // The meeting starts: attendance is taken in the page, and nobody is asked for feedback yet.
  // Journeys share one server: meetings other journeys held are asked about first, so the count
  // below is this meeting's alone.
  await runFeedbackRequests();
  await holdMeeting(meetingId, 15);
  await facilitator.reload();
  // The change form says whose clock its times are on.
  await expect(facilitator.getByText('Times in America/Toronto (organisation time)')).toBeVisible();
  await facilitator.getByRole('button', { name: 'Save attendance' }).click();
  await expect(facilitator.getByText('Attendance saved.')).toBeVisible();
  expect((await runFeedbackRequests()).asked).toBe(0);
  // It ends: now those present are asked.
  await holdMeeting(meetingId, 75);
  expect((await runFeedbackRequests()).asked).toBeGreaterThan(0);

  // The facilitator sets the group's room and video link and messages the group.
  await facilitator.goto('/my-groups');
  const region = facilitator.getByRole('region', { name: new RegExp(title) });
  await region.getByLabel('Usual room').fill('Room 3.14');
  await region.getByLabel('Usual video link').fill('http://video.example.org/circle');
  await region.getByRole('button', { name: 'Save the place' }).click();
  await expect(region.getByText('must be a link starting with https://')).toBeVisible();
  await region.getByLabel('Usual video link').fill('https://video.example.org/circle');
  await region.getByRole('button', { name: 'Save the place' }).click();
  await expect(region.getByText('Saved; the group has been told.')).toBeVisible();
  await region.getByRole('textbox', { name: 'Subject', exact: true }).fill('Bring a snack');
  await region
    .getByRole('textbox', { name: 'Message', exact: true })
    .fill('We meet a little longer next week.');
  await region.getByRole('button', { name: 'Send to the group' }).click();
  await expect(region.getByText(/^Sent to \d+ people, each on their own\.$/)).toBeVisible();
  await expectNoSeriousA11yViolations(facilitator);

  // The coordinator messages everyone enrolled, after confirming, and exports the groups.
  await page.goto(`/programs/${programId}`);
  await page.getByRole('tab', { name: 'Messages' }).click();
  await page.getByRole('textbox', { name: 'Subject', exact: true }).fill('Term dates');
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('The last meeting is in April.');
  await page.getByRole('button', { name: 'Send…' }).click();
  await page.getByRole('button', { name: 'Yes, send it' }).click();
  await expect(page.getByText(/^Sent to 9 people\.$/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('tab', { name: 'Overview' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Groups and meeting times' }).click(),
  ]);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^group,status,meeting_slot,meeting_time,time_zone,place,video_link/);
  expect(csv).toContain('Room 3.14');
  await expectNoSeriousA11yViolations(page);

  // No notice a participant got names another member.
  const member = clients.get(participants[0] ?? '') as APIRequestContext;
  const { notifications } = await expectOk<{ notifications: { title: string; body: string }[] }>(
    await member.get('/api/notifications'),
    'notices',
  );
  expect(notifications.some((notice) => notice.title.includes('Term dates'))).toBe(true);
  const me = (await (await member.get('/api/session')).json()).member.name as string;
  const others = (group?.members ?? []).map((person) => person.name).filter((name) => name !== me);
  for (const notice of notifications) {
    for (const name of others) expect(`${notice.title} ${notice.body}`).not.toContain(name);
  }
});
