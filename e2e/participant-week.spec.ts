import {
  apiAs,
  change,
  controlUrl,
  createPublishedProgram,
  enrol,
  expect,
  expectNoSeriousA11yViolations,
  expectOk,
  holdMeeting,
  isoDate,
  signIn,
  test,
} from './fixtures.ts';

/** Issue 15 parts 1, 2 and 4, on a phone: the home says what is next, answers survive a reload, help is one tap away. */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('a participant’s week on a phone: home shows the next meeting and what is due, a questionnaire survives a reload and a lost connection, help is in the header', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error('baseURL is not configured');
  const title = `A week on a phone ${Date.now()}`;
  const me = 'participant18@demo.tend.test';

  // Setup through the API: two meetings, a group of four, published, with a room and a video link.
  const coordinator = await apiAs(baseURL, 'coordinator@demo.tend.test');
  const programId = await createPublishedProgram(coordinator, {
    title,
    termStart: isoDate(2),
    termEnd: isoDate(40),
    enrolmentCloses: isoDate(1),
    groupSizeMin: 3,
    groupSizeMax: 4,
    meetingCount: 2,
    cadenceWeeks: 1,
    topicIds: ['stress-anxiety-and-burnout', 'self-care-and-boundaries'],
    followUpDays: [1],
  });
  const facilitator = await enrol(baseURL, programId, 'facilitator2@demo.tend.test', {
    availability: ['thu-18'],
  });
  for (const email of [me, 'participant19@demo.tend.test', 'participant20@demo.tend.test']) {
    await enrol(baseURL, programId, email, { availability: ['thu-18'] });
  }
  await expectOk(await change(coordinator, 'POST', `/api/programs/${programId}/groups/form`, {}), 'form');
  await expectOk(await change(coordinator, 'POST', `/api/programs/${programId}/groups/publish`), 'publish');
  const mine = await apiAs(baseURL, me);
  const { groups } = (await (await mine.get('/api/me/groups')).json()) as {
    groups: { id: string; name: string; programId: string; meetings: { id: string }[] }[];
  };
  const group = groups.find((candidate) => candidate.programId === programId);
  const [first, second] = group?.meetings ?? [];
  if (!group || !first || !second) throw new Error(`no group or meetings: ${JSON.stringify(groups)}`);
  await expectOk(
    await change(facilitator, 'PUT', `/api/groups/${group.id}/place`, {
      place: 'Pharmacy building, room 2.07',
      videoUrl: 'https://video.example.org/circle',
    }),
    'set the group’s place',
  );

  // The first meeting was two days ago; the participant attended; the next-day reflection is due.
  await holdMeeting(first.id, 49 * 60);
  const { enrollments } = (await (
    await coordinator.get(`/api/programs/${programId}/enrollments`)
  ).json()) as {
    enrollments: { email: string; userId: string }[];
  };
  await expectOk(
    await change(coordinator, 'PUT', `/api/meetings/${first.id}/attendance`, {
      records: enrollments
        .filter((row) => row.email.startsWith('participant'))
        .map((row) => ({ userId: row.userId, status: 'present' })),
    }),
    'take attendance',
  );
  const run = await coordinator.post(
    controlUrl(`/jobs/reflection-follow-ups?at=${encodeURIComponent(new Date().toISOString())}`),
  );
  await expectOk(run, 'run the follow-up job');

  // A questionnaire open for the program's people.
  const scheduled = await expectOk<{ windows: { id: string }[] }>(
    await change(coordinator, 'POST', '/api/assessment-windows', {
      instrumentId: 'proqol-5',
      programId,
      title: `ProQOL ${title}`,
      kind: 'baseline-at-enrolment',
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    }),
    'schedule a questionnaire',
  );
  const windowId = scheduled.windows[0]?.id;

  // Home: the next meeting (in the person's zone, named), its place, link and topic; what is due.
  await signIn(page, me);
  const nextMeeting = page.getByRole('region', { name: 'Your next meeting' });
  await expect(nextMeeting).toContainText(group.name);
  await expect(nextMeeting).toContainText('meeting 2 of 2');
  await expect(nextMeeting).toContainText('(America/Toronto)');
  await expect(nextMeeting).toContainText('Pharmacy building, room 2.07');
  await expect(nextMeeting).toContainText('Topic: Self-care and boundaries');
  await expect(nextMeeting.getByRole('link', { name: 'Join the video call' })).toHaveAttribute(
    'href',
    'https://video.example.org/circle',
  );
  const waiting = page.getByRole('region', { name: 'Waiting for you' });
  await expect(waiting).toContainText('Reflect: Stress, anxiety and burnout');
  await expect(waiting.getByRole('link', { name: 'Write your reflection' })).toBeVisible();
  await expect(waiting).toContainText(`Questionnaire: ProQOL ${title}`);
  await expect(waiting).toContainText('0 of 30 answered');
  await expect(page.getByRole('region', { name: 'Join a program' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Part of the questionnaire: each answer is saved as it is given.
  await waiting.getByRole('link', { name: 'Start the questionnaire' }).click();
  await expect(page).toHaveURL(new RegExp(`/questionnaires/${windowId}$`));
  const progress = page.getByTestId('questionnaire-progress');
  await expect(progress).toContainText('0 of 30 answered');
  for (const item of [1, 2, 3]) {
    await page.locator(`#item-${item}`).getByRole('radio', { name: 'Sometimes' }).check();
  }
  await expect(progress).toContainText('3 of 30 answered');
  await expect(progress).toContainText('All answers saved.');
  await expectNoSeriousA11yViolations(page);

  // A reload loses nothing, and offers to carry on where they left off.
  await page.reload();
  for (const item of [1, 2, 3]) {
    await expect(page.locator(`#item-${item}`).getByRole('radio', { name: 'Sometimes' })).toBeChecked();
  }
  await expect(page.getByText('You answered 3 of 30.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue at question 4' }).click();
  await expect(page.locator('#item-4').getByRole('radio').first()).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  // The connection drops: the answer stays on the device, and goes out once it is back.
  await page.context().setOffline(true);
  await page.locator('#item-4').getByRole('radio', { name: 'Often', exact: true }).check();
  await expect(progress).toContainText('Offline: your answers are kept on this device');
  await expect(progress).toContainText('4 of 30 answered');
  await page.context().setOffline(false);
  await expect(progress).toContainText('All answers saved.');
  await page.reload();
  await expect(page.locator('#item-4').getByRole('radio', { name: 'Often', exact: true })).toBeChecked();

  // Help, from the header of any page: tap to call, tap to text.
  await page.getByRole('banner').getByRole('button', { name: 'Get help now' }).click();
  const help = page.getByRole('dialog', { name: 'Get help now' });
  await expect(help).toContainText('Employee and student assistance program');
  await expect(help.getByRole('link', { name: /^Call 1-800-555-0100/ })).toHaveAttribute(
    'href',
    'tel:18005550100',
  );
  await expect(help.getByRole('link', { name: /^Call 9-8-8/ })).toHaveAttribute('href', 'tel:988');
  await expect(help.getByRole('link', { name: /^Text 9-8-8/ })).toHaveAttribute('href', 'sms:988');
  await expect(help.getByRole('link', { name: 'Call 9-1-1' })).toHaveAttribute('href', 'tel:911');
  await expectNoSeriousA11yViolations(page);
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toHaveCount(0);

  // Back home, the questionnaire shows how far along it is; the reflection page offers help too.
  await page.getByRole('button', { name: 'Toggle navigation' }).click();
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('region', { name: 'Waiting for you' })).toContainText('4 of 30 answered');
  await page.getByRole('link', { name: 'Write your reflection' }).click();
  await expect(page.getByRole('heading', { name: /^Reflect:/ })).toBeVisible();
  const reflectionHelp = page.getByRole('region', { name: 'If this brings up something heavy' });
  await expect(reflectionHelp.getByRole('link', { name: /^Text 9-8-8/ })).toHaveAttribute('href', 'sms:988');
  await expectNoSeriousA11yViolations(page);
});
