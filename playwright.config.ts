import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

// A port per run (workers inherit it from the runner), so runs on one machine do not collide.
process.env.E2E_PORT ??= String(3210 + (process.pid % 700));
const port = Number(process.env.E2E_PORT);
// The e2e server's control port: e-mail its SMTP peer received, jobs run with a chosen clock (scripts/e2e-server.ts).
process.env.E2E_CONTROL_PORT ??= String(port + 1);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    // The demo organisation's time zone, so the availability people tick is the organisation's hour.
    timezoneId: 'America/Toronto',
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  webServer: {
    // A fresh embedded database each run, so the demo organisation is exactly as seeded.
    command: `node --no-wasm-code-gc scripts/e2e-server.ts`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://localhost:${port}`,
      E2E_CONTROL_PORT: process.env.E2E_CONTROL_PORT,
      LOG_LEVEL: 'warn',
      // The journeys sign in dozens of demo people from one address within a minute.
      SIGN_IN_REQUESTS_PER_MINUTE: '1000',
      // The browsers' push services, and the local one e2e/installable.spec.ts runs in its own process.
      PUSH_SERVICE_HOSTS: 'fcm.googleapis.com,updates.push.services.mozilla.com,127.0.0.1',
      // Seals the identity providers' client secrets e2e/single-sign-on.spec.ts connects; new each run.
      SSO_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    },
  },
});
