import { expect, test } from '@playwright/test';
import { startLocalPushService } from '../test/helpers/local-push-service.ts';
import { apiAs, change, expectNoSeriousA11yViolations, expectOk, signIn } from './fixtures.ts';

const phone = { width: 390, height: 844 };

/** Width and height from a PNG's IHDR chunk: what the icon really is, whatever the manifest says. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

type Manifest = {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
};

test('the manifest makes Tend installable: names, standalone, theme colour, real 192 and 512 icons, maskable too', async ({
  request,
}) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as Manifest;
  expect(manifest).toMatchObject({ short_name: 'Tend', start_url: '/', display: 'standalone' });
  expect(manifest.name).toMatch(/^Tend/);
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  for (const [size, purpose] of [
    ['192x192', 'any'],
    ['512x512', 'any'],
    ['512x512', 'maskable'],
  ] as const) {
    const icon = manifest.icons.find(
      (candidate) => candidate.sizes === size && candidate.purpose === purpose,
    );
    expect(icon, `a ${purpose} icon of ${size}`).toBeDefined();
    const image = await request.get(icon?.src ?? '');
    expect(image.headers()['content-type']).toBe('image/png');
    const { width, height } = pngSize(await image.body());
    expect(`${width}x${height}`).toBe(size);
  }
});

test('the service worker is served fresh each time, so a new release replaces the old one', async ({
  request,
}) => {
  const response = await request.get('/sw.js');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-cache');
  expect(response.headers()['content-type']).toContain('javascript');
});

test('on a phone the app registers its worker, names each page, subscribes to push and receives a leader’s action', async ({
  page,
  baseURL,
}) => {
  const pushService = await startLocalPushService();
  try {
    await page.setViewportSize(phone);
    await page.context().grantPermissions(['notifications']);
    await signIn(page, 'participant1@demo.tend.test');
    await expect(page).toHaveTitle('Dashboard — Tend');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');

    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${baseURL}/`);

    for (const [path, title] of [
      ['/journal', 'Journal — Tend'],
      ['/my-groups', 'My groups — Tend'],
      ['/speak-up', 'Speak up — Tend'],
      ['/notices', 'Notices and calendar — Tend'],
    ]) {
      await page.goto(path ?? '/');
      await expect(page).toHaveTitle(title ?? '');
    }
    await expect(page.getByRole('button', { name: 'Get notifications on this device' })).toBeEnabled();
    await expectNoSeriousA11yViolations(page);

    // The person turns notifications on with the app's own button: permission, the service worker,
    // pushManager.subscribe with the server's key, and the subscription sent to the server. Only the
    // step Chromium takes with Google's push service is stood in for (headless and offline, it cannot
    // reach it): subscribe answers with a device on the local push service, which decrypts what
    // arrives as the browser would (RFC 8291).
    const device = pushService.addDevice('participant-phone');
    await page.addInitScript((subscription) => {
      const state = window as unknown as { tendPushKey?: string; tendSubscribed?: boolean };
      const made = {
        ...subscription,
        expirationTime: null,
        toJSON: () => ({ ...subscription, expirationTime: null }),
        unsubscribe: async () => true,
      };
      PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
        const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
        state.tendPushKey = btoa(String.fromCharCode(...key))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
        state.tendSubscribed = true;
        return made as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async () =>
        (state.tendSubscribed ? made : null) as unknown as PushSubscription | null;
    }, device);
    await page.goto('/notices');
    await page.getByRole('button', { name: 'Get notifications on this device' }).click();
    await expect(page.getByRole('button', { name: 'Stop notifications on this device' })).toBeVisible();
    await expect(page.getByText('1 of your devices receive them.')).toBeVisible();
    // The app subscribed with the server's own VAPID key, the one the push service will check.
    const { vapidPublicKey } = (await (await page.request.get('/api/me/push-subscriptions')).json()) as {
      vapidPublicKey: string;
    };
    expect(await page.evaluate(() => (window as unknown as { tendPushKey?: string }).tendPushKey)).toBe(
      vapidPublicKey,
    );

    const leader = await apiAs(baseURL ?? '', 'leader@demo.tend.test');
    await expectOk(
      await change(leader, 'POST', '/api/leadership-actions', {
        title: 'Protected breaks on night shifts',
        ownerName: 'Director of nursing',
        status: 'planned',
      }),
      'the leader posts an action',
    );
    await expect
      .poll(() => pushService.received.map((push) => push.payload), { timeout: 30_000 })
      .toContainEqual({
        kind: 'leadership-action',
        title: 'Leadership is acting on reported working conditions',
        body: 'New action: Protected breaks on night shifts',
        link: '/speak-up',
      });
  } finally {
    await pushService.close();
  }
});

test('the sign-in page is named too', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Sign in — Tend');
});

test('dark mode follows the device and keeps contrast', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize(phone);
  await signIn(page, 'participant1@demo.tend.test');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectNoSeriousA11yViolations(page);
  await page.goto('/notices');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
