import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, emailOf, TestClient, type TestContext, testPassword } from './helpers/test-app.ts';

let context: TestContext;
beforeAll(async () => {
  context = await createTestApp({ SIGN_IN_MAX_FAILURES: '3' });
});
afterAll(() => context.close());

describe('signing in and out', () => {
  it('signs in with e-mail and password, shows who is signed in, and signs out', async () => {
    const client = new TestClient(context.app);
    const response = await client.signIn(emailOf.coordinator.toUpperCase());
    expect(response.statusCode).toBe(204);
    const cookie = response.cookies.find((c) => c.name === 'tend_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value).toMatch(/^[a-z2-7]{52}$/);

    const session = await client.loadSession();
    expect(session.member).toMatchObject({ email: emailOf.coordinator, role: 'coordinator' });

    const signOut = await client.request('DELETE', '/api/session');
    expect(signOut.statusCode).toBe(200);
    // A password sign-in has no identity provider to sign out of as well.
    expect(signOut.json()).toEqual({ providerLogoutUrl: null });
    expect((await client.loadSession()).member).toBeNull();
  });

  it('stops accepting a signed-out token even if someone kept a copy', async () => {
    const client = new TestClient(context.app);
    await client.signIn(emailOf.participant);
    const stolen = client.cookie('tend_session');
    await client.request('DELETE', '/api/session');
    const replay = await context.app.inject({
      method: 'GET',
      url: '/api/dashboard',
      cookies: { tend_session: stolen ?? '' },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('gives a new token at every sign-in and retires the old one', async () => {
    const client = new TestClient(context.app);
    await client.signIn(emailOf.facilitator);
    const first = client.cookie('tend_session');
    await client.signIn(emailOf.facilitator);
    const second = client.cookie('tend_session');
    expect(second).not.toBe(first);
    const withOld = await context.app.inject({
      method: 'GET',
      url: '/api/dashboard',
      cookies: { tend_session: first ?? '' },
    });
    expect(withOld.statusCode).toBe(401);
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const client = new TestClient(context.app, '10.0.0.1');
    await client.loadSession();
    const wrongPassword = await client.request('POST', '/api/session', {
      email: emailOf.leader,
      password: 'not-the-one',
    });
    const noAccount = await client.request('POST', '/api/session', {
      email: 'nobody@x.org',
      password: 'whatever1',
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(noAccount.json()).toEqual(wrongPassword.json());
    expect(wrongPassword.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers 429 after repeated failures, even with the right password', async () => {
    const target = 'participant2@demo.tend.test';
    const client = new TestClient(context.app, '10.0.0.2');
    await client.loadSession();
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await client.request('POST', '/api/session', {
        email: target,
        password: 'guess-number-x',
      });
      expect(response.statusCode).toBe(401);
    }
    const blocked = await client.request('POST', '/api/session', { email: target, password: testPassword });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const client = new TestClient(context.app);
    await client.signIn(emailOf.coordinator);
    const start = context.clock.now;
    try {
      context.clock.now = new Date(start.getTime() + 29 * 60_000);
      expect((await client.request('GET', '/api/dashboard')).statusCode).toBe(200);
      context.clock.now = new Date(context.clock.now.getTime() + 31 * 60_000);
      expect((await client.request('GET', '/api/dashboard')).statusCode).toBe(401);
    } finally {
      context.clock.now = start;
    }
  });

  it('ends even an active session after 12 hours', async () => {
    const client = new TestClient(context.app);
    await client.signIn(emailOf.coordinator);
    const start = context.clock.now;
    try {
      // Staying active every 20 minutes keeps the idle timeout away.
      for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
        context.clock.now = new Date(start.getTime() + minutes * 60_000);
        expect((await client.request('GET', '/api/dashboard')).statusCode).toBe(200);
      }
      context.clock.now = new Date(start.getTime() + 12 * 3_600_000 + 60_000);
      expect((await client.request('GET', '/api/dashboard')).statusCode).toBe(401);
    } finally {
      context.clock.now = start;
    }
  });
});

describe('request protection', () => {
  it('refuses a state-changing request without the CSRF token', async () => {
    const client = new TestClient(context.app);
    await client.signIn(emailOf.admin);
    client.forgetCsrfToken();
    const response = await client.request('POST', '/api/users', {
      name: 'Eve',
      email: 'eve@example.org',
      role: 'participant',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_INVALID');
  });

  it('sends security headers and never lets personal answers be cached', async () => {
    const client = new TestClient(context.app);
    await client.signIn(emailOf.admin);
    const response = await client.request('GET', '/api/users');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('in production', () => {
  it('uses a __Host- cookie that is Secure', async () => {
    const production = await createTestApp({ NODE_ENV: 'production' });
    try {
      const client = new TestClient(production.app);
      const response = await client.signIn(emailOf.participant);
      const cookie = response.cookies.find((c) => c.name === '__Host-tend_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/', sameSite: 'Lax' });
      expect(cookie?.domain).toBeUndefined();
    } finally {
      await production.close();
    }
  });
});
