import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, test as base, expect, type Page, request } from '@playwright/test';

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

export const test = base;
export { expect };
