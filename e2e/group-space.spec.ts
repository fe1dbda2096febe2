import {
  apiAs,
  change,
  createPublishedProgram,
  enrol,
  expect,
  expectNoSeriousA11yViolations,
  expectOk,
  isoDate,
  pageAs,
  test,
} from './fixtures.ts';

type MyGroups = {
  groups: { id: string; name: string; programId: string; members: { id: string; name: string }[] }[];
};

test('a group talks in its private space, a facilitator hides a reported post, and a colleague is thanked', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  if (!baseURL) throw new Error('baseURL is not configured');

  // Setup through the API: a small published group of a facilitator and three participants.
  const coordinator = await apiAs(baseURL, 'coordinator@demo.tend.test');
  const programId = await createPublishedProgram(coordinator, {
    title: 'Peer support circle (group space journey)',
    description: 'A small group.',
    audience: `Group space journey ${Date.now()}`,
    termEnd: isoDate(21 + 7 * 8),
    groupSizeMin: 3,
    groupSizeMax: 5,
  });
  const [author, anonymousAuthor, reporter] = [
    'participant35@demo.tend.test',
    'participant36@demo.tend.test',
    'participant37@demo.tend.test',
  ];
  const facilitator = 'facilitator2@demo.tend.test';
  for (const email of [facilitator, author, anonymousAuthor, reporter]) {
    const level = email.startsWith('facilitator') ? 'faculty' : 'resident';
    const person = await enrol(baseURL, programId, email, {
      level,
      discipline: 'Nursing',
      availability: ['thu-15'],
    });
    await person.dispose();
  }
  await expectOk(
    await change(coordinator, 'POST', `/api/programs/${programId}/groups/form`, { seed: 1 }),
    'form',
  );
  await expectOk(
    await change(coordinator, 'POST', `/api/programs/${programId}/groups/publish`),
    'publish groups',
  );
  await coordinator.dispose();

  // The author opens the group space from My groups and posts under their name.
  const authorPage = await pageAs(browser, baseURL, author);
  const mine = (await (await authorPage.request.get('/api/me/groups')).json()) as MyGroups;
  const group = mine.groups.find((candidate) => candidate.programId === programId);
  if (!group) throw new Error('the author is not in the new group');
  const nameOf = async (email: string) => {
    const people = await apiAs(baseURL, email);
    const me = (await (await people.get('/api/session')).json()) as { member: { name: string } };
    await people.dispose();
    return me.member.name;
  };
  const authorName = await nameOf(author);
  const anonymousName = await nameOf(anonymousAuthor);
  const recipientName = anonymousName;

  await authorPage.goto('/my-groups');
  await authorPage
    .getByRole('region', { name: /Peer support circle \(group space journey\)/ })
    .getByRole('link', { name: /Open group space/ })
    .first()
    .click();
  await expect(authorPage.getByRole('heading', { name: /^Group space:/ })).toBeVisible();
  await expect(authorPage.getByRole('heading', { name: 'Community guidelines' })).toBeVisible();
  await expect(authorPage.getByText('What is said here stays here')).toBeVisible();
  const composer = authorPage.getByLabel('Share with your group');
  await composer.fill('Nights this month have been rough. How do you unwind?');
  // Written on a ward without signal: the draft survives a reload, and the post waits for the connection.
  await authorPage.reload();
  await expect(composer).toHaveValue('Nights this month have been rough. How do you unwind?');
  await expect(authorPage.getByText(/Draft restored/)).toBeVisible();
  await authorPage.context().setOffline(true);
  await authorPage.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(authorPage.getByText(/You are offline\. Your post is kept on this device/)).toBeVisible();
  await authorPage.context().setOffline(false);
  const authorsPost = authorPage.getByRole('article', { name: `Post by ${authorName} (you)` });
  await expect(authorsPost).toContainText('Nights this month have been rough');
  await expect(composer).toHaveValue('');
  await expectNoSeriousA11yViolations(authorPage);

  // Another member posts anonymously; the author replies to it.
  const anonymousPage = await pageAs(browser, baseURL, anonymousAuthor);
  await anonymousPage.goto(`/groups/${group.id}`);
  await anonymousPage
    .getByLabel('Share with your group')
    .fill('I snapped at a colleague today and feel awful.');
  await anonymousPage.getByLabel(/Post anonymously/).check();
  await anonymousPage.getByRole('button', { name: 'Post', exact: true }).click();
  await expect(anonymousPage.getByRole('article', { name: 'Post by A group member (you)' })).toBeVisible();
  await expectNoSeriousA11yViolations(anonymousPage);

  await authorPage.reload();
  const anonymousPost = authorPage.getByRole('article', { name: 'Post by A group member' });
  await expect(anonymousPost).toContainText('I snapped at a colleague');
  await anonymousPost.getByRole('button', { name: 'Reply' }).click();
  await anonymousPost
    .getByLabel('Your reply')
    .fill('It happens to all of us. A short walk before driving home helps me.');
  await anonymousPost.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(anonymousPost.getByRole('article', { name: `Reply by ${authorName} (you)` })).toContainText(
    'A short walk',
  );

  // The raw answer other members get never carries the anonymous author's id or name.
  const anonymousId = (
    (await (await anonymousPage.request.get('/api/session')).json()) as { member: { userId: string } }
  ).member.userId;
  for (const page of [authorPage]) {
    const raw = await (await page.request.get(`/api/groups/${group.id}/space`)).text();
    expect(raw).toContain('I snapped at a colleague');
    expect(raw).not.toContain(anonymousId);
    expect(raw).not.toContain(anonymousName);
  }

  // Searching the space finds the thread whose reply mentions a walk, and not the other post.
  const searchBox = authorPage.getByRole('searchbox', { name: 'Search posts and replies' });
  await searchBox.fill('walk');
  await expect(authorPage.getByText('Nights this month have been rough')).toHaveCount(0);
  await expect(authorPage.getByRole('article', { name: 'Post by A group member' })).toContainText(
    'I snapped',
  );
  await searchBox.fill('');
  await expect(authorPage.getByText('Nights this month have been rough')).toBeVisible();

  // A third member reports the first post; the facilitator sees the report and hides the post.
  const reporterPage = await pageAs(browser, baseURL, reporter);
  await reporterPage.goto(`/groups/${group.id}`);
  const reported = reporterPage.getByRole('article', { name: `Post by ${authorName}` });
  await reported.getByRole('button', { name: 'Report' }).first().click();
  await reported.getByLabel('Why are you reporting this?').fill('It mentions a named colleague');
  await reported.getByRole('button', { name: 'Send report' }).click();
  await expect(reporterPage.getByText('The group’s facilitator will look at it.')).toBeVisible();

  const facilitatorPage = await pageAs(browser, baseURL, facilitator);
  await facilitatorPage.goto(`/groups/${group.id}`);
  const reports = facilitatorPage.getByRole('region', { name: 'Reported posts' });
  await expect(reports).toContainText('It mentions a named colleague');
  await expectNoSeriousA11yViolations(facilitatorPage);
  const toHide = facilitatorPage.getByRole('article', { name: `Post by ${authorName}` });
  await toHide.getByRole('button', { name: 'Hide' }).first().click();
  await toHide.getByLabel(/Reason for hiding/).fill('Please keep colleagues unnamed');
  await toHide.getByRole('button', { name: 'Hide from the group' }).click();
  await expect(reports).toContainText('No open reports.');

  await reporterPage.reload();
  await expect(reporterPage.getByText('Nights this month have been rough')).toHaveCount(0);
  await expect(reporterPage.getByText('A facilitator hid this post.')).toBeVisible();
  await authorPage.reload();
  await expect(authorPage.getByText('Reason: Please keep colleagues unnamed')).toBeVisible();

  // Recognition: the author thanks a groupmate privately; the recipient sees it.
  await authorPage.goto('/recognition');
  await authorPage.getByLabel('Find a colleague by name').fill(recipientName);
  await authorPage.getByRole('radio', { name: recipientName, exact: true }).check();
  await authorPage.getByRole('radio', { name: 'Thank you', exact: true }).check();
  await authorPage.getByLabel('Message').fill('Thank you for the walk idea.');
  // Earlier journeys may have put the same two people in another group too: choose this one.
  await authorPage.locator(`input[type="radio"][value="group:${group.id}"]`).check();
  await expect(authorPage.getByRole('radio', { name: /^Our group:/, checked: true })).toHaveCount(1);
  await expectNoSeriousA11yViolations(authorPage);
  await authorPage.getByRole('button', { name: 'Send recognition' }).click();
  await expect(authorPage.getByText(`Sent to ${recipientName}.`)).toBeVisible();

  await anonymousPage.goto('/recognition');
  await expect(anonymousPage.getByRole('tabpanel', { name: /Received/ })).toContainText(
    'Thank you for the walk idea.',
  );
  // Shown to the group both are in, so it is on the wall of the group too.
  await anonymousPage.getByRole('tab', { name: 'Organisation wall' }).click();
  await expect(anonymousPage.getByRole('tabpanel', { name: 'Organisation wall' })).toContainText(
    `Shown to ${group.name}`,
  );
  await expectNoSeriousA11yViolations(anonymousPage);

  // The supervision page is there for everyone, and accessible.
  await anonymousPage.goto('/supervision');
  await expect(anonymousPage.getByRole('heading', { name: 'Supervision', level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(anonymousPage);

  for (const page of [authorPage, anonymousPage, reporterPage, facilitatorPage]) await page.context().close();
});
