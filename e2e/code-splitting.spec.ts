import { createPublishedProgram, expect, signIn, test } from './fixtures.ts';

/** Chunks only coordinators' and leaders' pages need (named in vite.config.ts and app.tsx). */
const staffOnlyChunks = /\/assets\/(?:charts|groups-board|outcomes-page|leadership-page|program-page)-/;

test('the sign-in page and a participant home download no charts, groups board or outcomes', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((path) => staffOnlyChunks.test(path))).toEqual([]);

  await signIn(page, 'participant1@demo.tend.test');
  await page.getByRole('link', { name: 'Journal' }).click();
  await expect(page.getByRole('heading', { name: 'Journal' })).toBeVisible();
  expect(scripts.filter((path) => staffOnlyChunks.test(path))).toEqual([]);

  // A coordinator's program page fetches the groups board with its Groups tab, not before.
  await page.context().clearCookies();
  await signIn(page, 'coordinator@demo.tend.test');
  const programId = await createPublishedProgram(page.request, { title: 'Code splitting check' });
  await page.goto(`/programs/${programId}`);
  await expect(page.getByRole('tab', { name: 'Groups' })).toBeVisible();
  expect(scripts.filter((path) => /groups-board-/.test(path))).toEqual([]);
  const board = page.waitForRequest((request) => /\/assets\/groups-board-/.test(request.url()));
  await page.getByRole('tab', { name: 'Groups' }).click();
  await board;
});
