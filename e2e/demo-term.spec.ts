import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { nodeFlags } from '../src/cli/node-flags.ts';
import { demoPassword, expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';

/**
 * What a person evaluating Tend sees right after `npm start` on a new data directory: the server
 * `npm start` runs (the web app is built by `npm run test:e2e`), in development, with the demo made
 * on first start — and each demo role's first page with something to do in a term in progress.
 */
const port = Number(process.env.E2E_PORT) + 4;
const baseURL = `http://localhost:${port}`;
let server: ChildProcess;
let output = '';

test.beforeAll(async () => {
  const { DATABASE_URL: _embeddedOnly, ...inherited } = process.env;
  server = spawn(process.execPath, [...nodeFlags, 'src/cli/tend.ts', 'serve'], {
    env: {
      ...inherited,
      NODE_ENV: 'development',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'tend-demo-term-')),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseURL,
      LOG_LEVEL: 'warn',
      SIGN_IN_REQUESTS_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Tend is running')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`tend serve exited with ${code}:\n${output}`)));
  });
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

async function firstPageOf(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, timezoneId: 'America/Toronto' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel(/^Password/).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  return page;
}

test('npm start says the demo holds a term in progress', () => {
  expect(output).toContain('with a term in progress');
});

test('the participant finds a reflection due, the mid-term questionnaire and the next meeting', async ({
  browser,
}) => {
  const page = await firstPageOf(browser, 'participant1@demo.tend.test');
  const waiting = page.getByRole('region', { name: 'Waiting for you' });
  await expect(waiting.getByText(/^Reflect: /).first()).toBeVisible();
  await expect(waiting.getByText('Questionnaire: ProQOL at mid-term')).toBeVisible();
  const next = page.getByRole('region', { name: 'Your next meeting' });
  await expect(next).toContainText('meeting 4 of 6');
  await expect(page.getByRole('heading', { name: 'Join a program' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('the facilitator finds the next meeting to run, with its prompts', async ({ browser }) => {
  const page = await firstPageOf(browser, 'facilitator1@demo.tend.test');
  const meeting = page.getByRole('region', { name: 'Next meeting to run' });
  await expect(meeting).toContainText('Prompts, in order');
  await expect(meeting.getByRole('listitem').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the coordinator finds an unplaced late enrollee and feedback to read', async ({ browser }) => {
  const page = await firstPageOf(browser, 'coordinator@demo.tend.test');
  const program = page.getByRole('region', { name: 'Resilience in practice — winter term' });
  await expect(program.getByRole('link', { name: '1 person enrolled is not in a group.' })).toBeVisible();
  await expect(program.getByRole('link', { name: /New session feedback/ })).toBeVisible();
  await program.getByRole('link', { name: '1 person enrolled is not in a group.' }).click();
  await expect(page.getByText('Noah Iyer').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the leader finds outcomes to read and a stressor to answer', async ({ browser }) => {
  const page = await firstPageOf(browser, 'leader@demo.tend.test');
  const reports = page.getByRole('region', { name: 'Reports to answer' });
  await expect(reports).toContainText('Scheduling');
  await expect(reports).not.toContainText('Workload and staffing');
  const outcomes = page.getByRole('region', { name: 'Outcomes' });
  await expect(outcomes).toContainText('ProQOL at the start of the term');
  await expectNoSeriousA11yViolations(page);
  await outcomes.getByRole('link', { name: 'Open the outcomes' }).click();
  await expect(page.getByText(/Minimum group size: 5\. \d+ figures? hidden/)).toBeVisible();
});
