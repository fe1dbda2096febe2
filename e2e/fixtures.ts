import AxeBuilder from '@axe-core/playwright';
import {
  type APIRequestContext,
  type APIResponse,
  type Browser,
  test as base,
  expect,
  type Page,
  request,
} from '@playwright/test';

export const demoPassword = 'tend-demo-2026';

export async function signIn(page: Page, email: string) {
  await page.goto('/');
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel(/^Password/).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
}

/** Fails on serious or critical accessibility violations, listing them. */
export async function expectNoSeriousA11yViolations(page: Page) {
  // A dialog fading in or out is half transparent: judge contrast once transitions have finished.
  // Spinners turn forever, so only animations that end are waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Sends a change with the CSRF token the session hands out, as the web app does. */
export async function change(
  api: APIRequestContext,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  data?: unknown,
) {
  const { csrfToken } = await (await api.get('/api/session')).json();
  return api.fetch(url, { method, data, headers: { 'x-csrf-token': csrfToken } });
}

/** A browser-less client signed in as one demo person, for setting up what a journey needs. */
export async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const signedIn = await change(api, 'POST', '/api/session', { email, password: demoPassword });
  expect(signedIn.status(), `${email} signs in`).toBe(204);
  return api;
}

/** A signed-in page of its own (a separate browser context) for a second person in a journey. */
export async function pageAs(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, timezoneId: 'America/Toronto' });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** A calendar date counted in days from today (UTC), as the API takes it. */
export function isoDate(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

/** Fails with the server's answer unless the request succeeded; resolves to the response's JSON, if any. */
export async function expectOk<T = unknown>(response: APIResponse, what: string): Promise<T> {
  const text = await response.text();
  expect(response.ok(), `${what}: ${response.status()} ${text}`).toBe(true);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Creates and publishes a program whose enrolment is open now; `fields` name what the journey needs. */
export async function createPublishedProgram(
  coordinator: APIRequestContext,
  fields: Record<string, unknown> & { title: string },
): Promise<string> {
  const { id } = await expectOk<{ id: string }>(
    await change(coordinator, 'POST', '/api/programs', {
      audience: fields.title,
      termStart: isoDate(21),
      termEnd: isoDate(21 + 7 * 14),
      enrolmentOpens: isoDate(-1),
      enrolmentCloses: isoDate(14),
      meetingCount: 3,
      meetingMinutes: 60,
      cadenceWeeks: 2,
      ...fields,
    }),
    `create ${fields.title}`,
  );
  await expectOk(
    await change(coordinator, 'PATCH', `/api/programs/${id}`, { status: 'published' }),
    'publish',
  );
  return id;
}

/** Signs a demo person in and enrols them; resolves to their signed-in client. */
export async function enrol(
  baseURL: string,
  programId: string,
  email: string,
  fields: Record<string, unknown> = {},
): Promise<APIRequestContext> {
  const person = await apiAs(baseURL, email);
  await expectOk(
    await change(person, 'PUT', `/api/programs/${programId}/enrollment`, {
      availability: ['tue-12'],
      timeZone: 'America/Toronto',
      interests: [],
      agreesToGuidelines: true,
      ...fields,
    }),
    `${email} enrols`,
  );
  return person;
}

export const test = base;
export { expect };

/** The e2e server's control port (scripts/e2e-server.ts): its SMTP peer's mail, jobs with a chosen clock. */
export function controlUrl(path: string, controlPort = process.env.E2E_CONTROL_PORT): string {
  return `http://127.0.0.1:${controlPort}${path}`;
}

/** Waits, by the clock, until a server a spec started answers its health check. */
export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered`);
}

/** The meeting's day comes: the e2e server moves it to have started `minutesAgo` minutes ago. */
export async function holdMeeting(
  meetingId: string,
  minutesAgo: number,
  controlPort?: string,
): Promise<{ startsAt: string; endsAt: string }> {
  const response = await fetch(
    controlUrl(
      `/meetings/hold?id=${encodeURIComponent(meetingId)}&startedMinutesAgo=${minutesAgo}`,
      controlPort,
    ),
    { method: 'POST' },
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { startsAt: string; endsAt: string };
}

/** Runs the feedback-request job now, as the scheduler would every five minutes. */
export async function runFeedbackRequests(
  at = new Date(),
  controlPort?: string,
): Promise<{ meetings: number; asked: number }> {
  const response = await fetch(
    controlUrl(`/jobs/feedback-requests?at=${encodeURIComponent(at.toISOString())}`, controlPort),
    { method: 'POST' },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as { meetings: number; asked: number };
}
