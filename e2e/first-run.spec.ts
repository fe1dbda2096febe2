import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFlags } from '../src/cli/node-flags.ts';
import { expect, expectNoSeriousA11yViolations, test, waitForHealth } from './fixtures.ts';

/**
 * A new school's first day, on a production server of its own: `tend setup` prints the first admin's
 * link, the admin chooses a password, invites a colleague by e-mail (a real SMTP peer receives it),
 * the colleague accepts; then someone forgets their password and resets it.
 */
const port = Number(process.env.E2E_PORT) + 2;
const controlPort = port + 1;
const baseURL = `http://localhost:${port}`;
let server: ChildProcess;
const mailWaitMs = 75_000;

/** The newest link of a kind e-mailed to a person, read from what the SMTP peer received. */
async function linkIn(mailbox: string, kind: 'invitation' | 'reset-password'): Promise<string> {
  const mails = (await (await fetch(`http://127.0.0.1:${controlPort}/mail`)).json()) as {
    to: string[];
    raw: string;
  }[];
  for (const mail of mails.reverse()) {
    if (!mail.to.includes(mailbox)) continue;
    // Quoted-printable folds long lines with a trailing "=".
    const token = mail.raw.replace(/=\r?\n/g, '').match(new RegExp(`/${kind}#([a-z2-7]+)`))?.[1];
    if (token) return `${baseURL}/${kind}#${token}`;
  }
  throw new Error(`no ${kind} e-mail reached ${mailbox}`);
}

test.beforeAll(async () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'tend-first-run-'));
  const { DATABASE_URL: _embeddedOnly, ...inherited } = process.env;
  const environment = { ...inherited, NODE_ENV: 'production', DATA_DIR: dataDirectory, PUBLIC_URL: baseURL };
  const printed = execFileSync(
    process.execPath,
    [
      ...nodeFlags,
      'src/cli/tend.ts',
      'setup',
      '--organization',
      'Lakeside School of Nursing',
      '--time-zone',
      'America/Toronto',
      '--admin-email',
      'dean@lakeside.example',
      '--admin-name',
      'Dana Dean',
    ],
    { env: environment, encoding: 'utf8' },
  );
  const link = printed.match(/http\S+\/invitation#[a-z2-7]+/)?.[0];
  if (!link) throw new Error(`tend setup printed no link: ${printed}`);
  process.env.FIRST_ADMIN_LINK = link;
  server = spawn(process.execPath, [...nodeFlags, 'scripts/e2e-server.ts'], {
    env: { ...environment, PORT: String(port), E2E_CONTROL_PORT: String(controlPort), LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  await waitForHealth(`${baseURL}/api/health`);
});

test.afterAll(() => {
  server?.kill('SIGTERM');
});

test('a new organisation’s first admin sets up, invites a colleague by e-mail, and a password is reset', async ({
  browser,
}) => {
  test.setTimeout(60_000 + 2 * mailWaitMs);
  const context = await browser.newContext({ baseURL, timezoneId: 'America/Toronto' });
  const page = await context.newPage();
  await page.goto(process.env.FIRST_ADMIN_LINK ?? '');
  await expect(page.getByText('Dana Dean, choose a password for dean@lakeside.example.')).toBeVisible();
  await page.getByLabel('New password').fill('lakeside in winter');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('Lakeside School of Nursing')).toBeVisible();

  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('tab', { name: 'Create a person' }).click();
  await page.getByLabel('Name').fill('Noor Haddad');
  await page.getByRole('textbox', { name: 'E-mail' }).fill('noor.haddad@lakeside.example');
  await expect(page.getByLabel('E-mail an invitation now')).toBeChecked();
  await page.getByRole('button', { name: 'Create person' }).click();
  await expect(page.getByRole('status')).toContainText('invited by e-mail');
  await page.getByRole('tab', { name: 'Everyone' }).click();
  await expect(page.getByText(/Invited .*, not accepted/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const colleague = await (await browser.newContext({ baseURL })).newPage();
  // E-mail goes out about a second after it is queued, and otherwise with the every-minute delivery
  // job (start-jobs.ts): wait past the minute, not less (a 30 s wait failed once in CI).
  await expect
    .poll(() => linkIn('noor.haddad@lakeside.example', 'invitation').catch(() => ''), {
      timeout: mailWaitMs,
    })
    .not.toBe('');
  await colleague.goto(await linkIn('noor.haddad@lakeside.example', 'invitation'));
  await colleague.getByLabel('New password').fill('noor walks by the lake');
  await colleague.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(colleague.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await colleague.getByRole('button', { name: 'Sign out' }).click();

  await colleague.getByRole('link', { name: 'Forgot password?' }).click();
  await colleague.getByLabel('E-mail').fill('noor.haddad@lakeside.example');
  await colleague.getByRole('button', { name: 'Send me a link' }).click();
  await expect(colleague.getByRole('status')).toContainText('If that address belongs to an account');
  await expectNoSeriousA11yViolations(colleague);
  await expect
    .poll(() => linkIn('noor.haddad@lakeside.example', 'reset-password').catch(() => ''), {
      timeout: mailWaitMs,
    })
    .not.toBe('');
  await colleague.goto(await linkIn('noor.haddad@lakeside.example', 'reset-password'));
  await colleague.getByLabel('New password').fill('a brand new lake phrase');
  await colleague.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(colleague.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
});
