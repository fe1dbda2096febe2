/**
 * Web app benchmark (part of `npm run bench`; node bench/web/run.ts [--quick]).
 * Needs the built web app — it builds nothing itself: run `npm run build:web` first.
 * Starts Tend on a new embedded database (with the demo organisation) and drives Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium) over an emulated phone network (1.6 Mbps, 150 ms RTT)
 * through the DevTools protocol. For the sign-in page and a participant's home it measures:
 * - the JavaScript it downloads, gzipped, beside all of the app's JavaScript gzipped;
 * - a cold load (empty cache) until the page can be used, beside a bare Fastify page of the same
 *   bytes in one script, and beside the bytes' own transfer time;
 * - a repeat visit (cache kept) until usable, beside the same bare page's repeat visit;
 * and checks that neither downloads the charts, the groups board or the outcomes page.
 * Targets: JavaScript ≤ 200 kB gzipped for each; cold load < 3 s; repeat visit < 1 s.
 * Installable: Chromium's own installability check (what Lighthouse's "installable" audit reads:
 * manifest, icons, service worker) finds no error on Tend, and finds the errors on the bare page.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import {
  besideReference,
  freePort,
  median,
  projectRoot,
  startProcess,
  tendCommand,
} from '../helpers/processes.ts';
import { reportRow } from '../helpers/summary.ts';
import { loadPage, type PageLoad, phoneNetwork, theoreticalMs } from './page-load.ts';
import { startReferencePage } from './reference-page.ts';

const webRoot = join(projectRoot, 'dist/web');
if (!existsSync(join(webRoot, 'index.html'))) {
  console.log('bench/web skipped: it measures the built web app. Build it first: npm run build:web');
  process.exit(0);
}
const runs = process.argv.includes('--quick') ? 1 : 3;
const participant = { email: 'participant1@demo.tend.test', password: 'tend-demo-2026' };
/** Chunks only coordinators' and leaders' pages need (named in vite.config.ts and web/src/app/app.tsx). */
const staffOnlyChunks = /\/assets\/(?:charts|groups-board|outcomes-page|leadership-page|program-page)-/;

/** What a script weighs gzipped: its .gz copy from the build, or the file itself when it has none. */
function gzippedBytes(path: string): number {
  const file = join(webRoot, path);
  return existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : existsSync(file) ? statSync(file).size : 0;
}
const allScriptsGzipped = readdirSync(join(webRoot, 'assets'))
  .filter((name) => name.endsWith('.js'))
  .reduce((sum, name) => sum + gzippedBytes(`/assets/${name}`), 0);

const kilobytes = (bytes: number) => bytes / 1000;
const scriptsOf = (load: PageLoad) => load.transfers.filter((transfer) => transfer.type === 'Script');
const wireBytes = (load: PageLoad) => load.transfers.reduce((sum, transfer) => sum + transfer.bytes, 0);

/**
 * What stops Chromium offering to install the page, in its own words; none when it would. A profile
 * on disk, since Chromium never offers to install from an incognito (throwaway) profile.
 */
async function installabilityErrors(url: string, hasServiceWorker: boolean): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'tend-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    // The service worker registers after load; the check is only fair once it controls the page.
    if (hasServiceWorker) await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const session = await context.newCDPSession(page);
    const { installabilityErrors } = (await session.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    return installabilityErrors.map((error) => error.errorId);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const dataDirectory = mkdtempSync(join(tmpdir(), 'tend-bench-web-'));
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const tend = await startProcess(
  [tendCommand, 'serve'],
  {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDirectory,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SIGN_IN_REQUESTS_PER_MINUTE: '1000',
  },
  'Tend is running',
);
let browser: Browser | undefined;
let failed = false;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const openBrowser = browser;
  const signInUsable = (page: Page) => page.getByRole('button', { name: 'Sign in' }).waitFor();
  const homeUsable = (page: Page) => page.getByRole('heading', { name: 'Dashboard' }).waitFor();

  /** A fresh browser profile (empty cache), signed in as the participant when asked. */
  const newContext = async (isSignedIn: boolean) => {
    const context = await openBrowser.newContext({ baseURL: baseUrl });
    if (isSignedIn) {
      const { csrfToken } = (await (await context.request.get('/api/session')).json()) as {
        csrfToken: string;
      };
      const response = await context.request.post('/api/session', {
        data: participant,
        headers: { 'x-csrf-token': csrfToken },
      });
      if (!response.ok()) throw new Error(`the participant could not sign in: ${response.status()}`);
    }
    return context;
  };
  /** Cold loads and repeat visits of one page: each run a new profile, loading the page twice. */
  const measure = async (url: string, isSignedIn: boolean, isUsable: (page: Page) => Promise<unknown>) => {
    const cold: PageLoad[] = [];
    const repeat: PageLoad[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await newContext(isSignedIn);
      cold.push(await loadPage(context, url, isUsable));
      repeat.push(await loadPage(context, url, isUsable));
      await context.close();
    }
    return { cold, repeat };
  };

  const signIn = await measure(`${baseUrl}/`, false, signInUsable);
  const home = await measure(`${baseUrl}/`, true, homeUsable);

  // The reference page weighs what Tend's sign-in page transferred on its first cold load.
  const signInBytes = wireBytes(signIn.cold[0] as PageLoad);
  const homeBytes = wireBytes(home.cold[0] as PageLoad);
  const referenceFor = async (bytes: number) => {
    const reference = await startReferencePage(bytes);
    try {
      return await measure(reference.url, false, signInUsable);
    } finally {
      await reference.close();
    }
  };
  const signInReference = await referenceFor(signInBytes);
  const homeReference = await referenceFor(homeBytes);

  console.log(
    `JavaScript each page downloads, gzipped  [reference: all of the app's JavaScript, gzipped; target ≤ 200 kB]`,
  );
  for (const [name, load] of [
    ['sign-in page', signIn.cold[0]],
    ['participant home', home.cold[0]],
  ] as const) {
    const scripts = scriptsOf(load as PageLoad);
    const gzipped = scripts.reduce((sum, script) => sum + gzippedBytes(script.path), 0);
    const onWire = scripts.reduce((sum, script) => sum + script.bytes, 0);
    console.log(
      `  ${name.padEnd(28)} ${besideReference(kilobytes(gzipped), kilobytes(allScriptsGzipped), 'kB')}  ` +
        `(${scripts.length} scripts; ${kilobytes(onWire).toFixed(0)} kB on the wire as Chromium fetched them, brotli)`,
    );
    const staffOnly = scripts
      .filter((script) => staffOnlyChunks.test(script.path))
      .map((script) => script.path);
    reportRow({
      bench: 'web',
      figure: `${name}: JavaScript, gzipped`,
      value: kilobytes(gzipped),
      unit: 'kB',
      reference: "all the app's",
      referenceValue: kilobytes(allScriptsGzipped),
      target: '≤ 200 kB, no staff-only chunks',
      met: kilobytes(gzipped) <= 200 && staffOnly.length === 0,
    });
    if (staffOnly.length > 0) {
      failed = true;
      console.log(`  ✗ ${name} downloaded code only staff pages need: ${staffOnly.join(', ')}`);
    } else {
      console.log(`  ✓ ${name} downloads no charts, groups board, outcomes or program page`);
    }
  }

  const network = `${(phoneNetwork.downloadThroughput * 8e-6).toFixed(1)} Mbps, ${phoneNetwork.latency} ms RTT`;
  console.log(`\nTime until usable on a phone network (${network}; Chromium; median of ${runs})`);
  const row = (label: string, tendLoads: PageLoad[], referenceLoads: PageLoad[], target: string) => {
    const tendMs = median(tendLoads.map((load) => load.ms));
    const referenceMs = median(referenceLoads.map((load) => load.ms));
    console.log(`  ${label.padEnd(28)} ${besideReference(tendMs, referenceMs, 'ms')}  [target < ${target}]`);
    reportRow({
      bench: 'web',
      figure: `${label}, until usable on a phone`,
      value: tendMs,
      unit: 'ms',
      reference: 'bare page, same bytes',
      referenceValue: referenceMs,
      target: `< ${target}`,
      met: tendMs < Number.parseFloat(target) * 1000,
    });
  };
  row('sign-in, cold', signIn.cold, signInReference.cold, '3 s');
  console.log(
    `    reference: a bare Fastify page with one script, ${kilobytes(signInBytes).toFixed(0)} kB in all like Tend's; ` +
      `those bytes alone take ${theoreticalMs(signInBytes, 2).toFixed(0)} ms (transfer + 2 round trips: the page, then its scripts with the session)`,
  );
  row('sign-in, repeat visit', signIn.repeat, signInReference.repeat, '1 s');
  row('participant home, cold', home.cold, homeReference.cold, '3 s');
  console.log(
    `    reference: the same bare page at ${kilobytes(homeBytes).toFixed(0)} kB; ` +
      `those bytes alone take ${theoreticalMs(homeBytes, 3).toFixed(0)} ms (transfer + 3 round trips: the page, its scripts with the session, the home's data)`,
  );
  row('participant home, repeat', home.repeat, homeReference.repeat, '1 s');

  console.log(`\nInstallable as an app (Chromium's installability check, as Lighthouse runs it)`);
  const tendErrors = await installabilityErrors(`${baseUrl}/`, true);
  const reference = await startReferencePage(signInBytes);
  const referenceErrors = await installabilityErrors(reference.url, false);
  await reference.close();
  console.log(
    `  reference: the bare page has ${referenceErrors.length} error(s): ${referenceErrors.join('; ') || 'none'}`,
  );
  reportRow({
    bench: 'web',
    figure: "installability errors (Chromium's check)",
    value: tendErrors.length,
    unit: '',
    reference: `bare page: ${referenceErrors.length}`,
    target: '0, and the bare page > 0',
    met: tendErrors.length === 0 && referenceErrors.length > 0,
  });
  if (tendErrors.length > 0 || referenceErrors.length === 0) {
    failed = true;
    console.log(
      `  ✗ Tend is not installable: ${tendErrors.join('; ') || 'the check found nothing wrong even on the bare page'}`,
    );
  } else {
    console.log('  ✓ Tend: no installability errors (manifest, icons, service worker with a fetch handler)');
  }
} finally {
  await browser?.close();
  await tend.stop();
  rmSync(dataDirectory, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
