import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, ssoConnections } from '../src/db/schema.ts';
import { type ForgingProvider, startForgingProvider, tamperWith } from './helpers/forging-oidc-provider.ts';
import { demoOrganizationId } from './helpers/meeting-fixtures.ts';
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from './helpers/oidc-provider.ts';
import { createTestApp, emailOf, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

const publicUrl = 'http://tend.test';
const callbackPrefix = `${publicUrl}/api/sso/oidc/callback`;
const password = 'provider-password';

let context: TestContext;
let provider: TestOidcProvider;
let admin: TestClient;
let organizationId: string;

beforeAll(async () => {
  context = await createTestApp({
    SSO_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    PUBLIC_URL: publicUrl,
  });
  provider = await startOidcProvider({
    redirectUri: callbackPrefix,
    postLogoutRedirectUri: `${publicUrl}/sign-in`,
    people: [
      {
        login: 'pat',
        password,
        claims: { email: emailOf.participant, email_verified: true, name: 'Pat at the provider' },
      },
      {
        login: 'nia',
        password,
        claims: {
          email: 'nia.new@demo.tend.test',
          email_verified: true,
          name: 'Nia Newcomer',
          groups: ['staff', 'tend-facilitators'],
          department: 'Nursing',
        },
      },
      {
        login: 'ned',
        password,
        claims: { email: 'ned.new@demo.tend.test', email_verified: true, name: 'Ned' },
      },
      { login: 'olly', password, claims: { email: 'olly@elsewhere.example', email_verified: true } },
      { login: 'uma', password, claims: { email: 'uma@demo.tend.test', email_verified: false } },
    ],
  });
  admin = await signedInClient(context.app, 'admin');
  organizationId = await demoOrganizationId(context.connection.db);
});
afterAll(async () => {
  await provider.close();
  await context.close();
});

function connectionInput(overrides: Record<string, unknown> = {}) {
  return {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    displayName: 'Hospital Login',
    emailDomains: ['demo.tend.test'],
    createsUnknownPeople: 'create',
    mapping: {
      role: { claim: 'groups', values: { 'tend-facilitators': 'facilitator' } },
      discipline: { claim: 'department' },
    },
    ...overrides,
  };
}

async function refusalCount(): Promise<number> {
  const rows = await context.connection.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, 'sso.refused')));
  return rows.length;
}

/** Where a redirect sends the browser, and the message it carries when it goes back to /sign-in. */
function destination(response: { statusCode: number; headers: Record<string, unknown> }) {
  expect(response.statusCode).toBe(302);
  const location = new URL(String(response.headers.location), publicUrl);
  return { path: location.pathname, ssoError: location.searchParams.get('ssoError') };
}

function sessionCookieOf(response: { cookies: { name: string; value: string }[] }) {
  return response.cookies.find((cookie) => cookie.name === 'tend_session' && cookie.value !== '');
}

/** A browser going through the whole journey: Tend → provider's login page → back to Tend. */
async function signInThroughProvider(browser: TestClient, login: string) {
  const start = await browser.request('GET', `/api/sso/oidc/${organizationId}/start`);
  expect(start.statusCode).toBe(302);
  const callbackUrl = await signInAtProvider(
    String(start.headers.location),
    { login, password },
    callbackPrefix,
  );
  const callbackPath = callbackUrl.slice(publicUrl.length);
  const stateCookie = browser.cookie('tend_sso_oidc');
  return { callback: await browser.request('GET', callbackPath), callbackPath, stateCookie };
}

describe('connecting an OpenID Connect provider', () => {
  it('checks the issuer answers discovery, then keeps the client secret sealed', async () => {
    await admin.loadSession();
    const saved = await admin.request('PUT', '/api/organization/sso/oidc', connectionInput());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().oidc).toEqual({ issuer: provider.issuer, clientId: 'tend', hasClientSecret: true });

    const [row] = await context.connection.db.select().from(ssoConnections);
    expect(row?.encryptedSecret).toBeTruthy();
    expect(row?.encryptedSecret).not.toContain(provider.clientSecret);

    const methods = await admin.request('GET', '/api/organization/sign-in-methods');
    expect(methods.json().connections[0].oidc.hasClientSecret).toBe(true);
    expect(methods.body).not.toContain(provider.clientSecret);
  });

  it('keeps the stored secret when the change leaves it out', async () => {
    const { clientSecret: _left, ...withoutSecret } = connectionInput();
    const saved = await admin.request('PUT', '/api/organization/sso/oidc', withoutSecret);
    expect(saved.json().oidc.hasClientSecret).toBe(true);
  });

  it('names the issuer when it is not an address or does not answer', async () => {
    const notUrl = await admin.request(
      'PUT',
      '/api/organization/sso/oidc',
      connectionInput({ issuer: 'hospital' }),
    );
    expect(notUrl.statusCode).toBe(400);
    expect(notUrl.json().error.fields).toHaveProperty(['body.issuer']);

    const unreachable = await admin.request(
      'PUT',
      '/api/organization/sso/oidc',
      connectionInput({ issuer: 'http://127.0.0.1:1' }),
    );
    expect(unreachable.statusCode).toBe(400);
    expect(unreachable.json().error).toMatchObject({
      code: 'SSO_SETTINGS_INVALID',
      fields: { 'body.issuer': 'it could not be reached' },
    });
    expect(unreachable.json().error.message).toContain('http://127.0.0.1:1');
  });

  it('says plainly when an organisation has no OpenID Connect sign-in', async () => {
    const response = await new TestClient(context.app).request(
      'GET',
      '/api/sso/oidc/00000000-0000-4000-8000-000000000000/start',
    );
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toMatch(/no OpenID Connect sign-in/);
  });
});

describe('signing in with the provider', () => {
  it('signs in someone Tend knows and ends any session the browser had', async () => {
    const browser = new TestClient(context.app);
    await browser.signIn(emailOf.coordinator);
    const oldSession = browser.cookie('tend_session');
    const { callback } = await signInThroughProvider(browser, 'pat');
    expect(destination(callback).path).toBe('/');
    expect(sessionCookieOf(callback)?.value).not.toBe(oldSession);
    expect((await browser.loadSession()).member).toMatchObject({
      email: emailOf.participant,
      role: 'participant',
    });
    const withOld = await context.app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { tend_session: oldSession ?? '' },
    });
    expect(withOld.json().member).toBeNull();
  });

  it('creates someone new, with role and discipline from their claims, when the organisation allows it', async () => {
    const browser = new TestClient(context.app);
    const { callback } = await signInThroughProvider(browser, 'nia');
    expect(destination(callback).path).toBe('/');
    expect((await browser.loadSession()).member).toMatchObject({
      email: 'nia.new@demo.tend.test',
      name: 'Nia Newcomer',
      role: 'facilitator',
      discipline: 'Nursing',
    });
  });

  it('refuses someone new when the organisation does not create accounts', async () => {
    await admin.request(
      'PUT',
      '/api/organization/sso/oidc',
      connectionInput({ createsUnknownPeople: 'refuse' }),
    );
    const before = await refusalCount();
    const browser = new TestClient(context.app);
    const { callback } = await signInThroughProvider(browser, 'ned');
    expect(destination(callback)).toEqual({
      path: '/sign-in',
      ssoError: expect.stringContaining('There is no Tend account for ned.new@demo.tend.test'),
    });
    expect(sessionCookieOf(callback)).toBeUndefined();
    expect(await refusalCount()).toBe(before + 1);
  });

  it('refuses an address outside the organisation’s domains, and one the provider has not verified', async () => {
    for (const [login, message] of [
      ['olly', /outside this organisation's domains/],
      ['uma', /has not verified the address/],
    ] as const) {
      const before = await refusalCount();
      const { callback } = await signInThroughProvider(new TestClient(context.app), login);
      expect(destination(callback).ssoError).toMatch(message);
      expect(sessionCookieOf(callback)).toBeUndefined();
      expect(await refusalCount()).toBe(before + 1);
    }
  });

  it('refuses the provider’s answer a second time', async () => {
    const browser = new TestClient(context.app);
    const { callback, callbackPath, stateCookie } = await signInThroughProvider(browser, 'pat');
    expect(destination(callback).path).toBe('/');

    // From the same browser's history: the state is spent and its cookie gone.
    const again = await new TestClient(context.app).request('GET', callbackPath);
    expect(destination(again).ssoError).toMatch(/expired or was already used/);
    expect(sessionCookieOf(again)).toBeUndefined();
    // By someone who copied the address and the cookie too: refused as well, and logged.
    const before = await refusalCount();
    const copied = await context.app.inject({
      method: 'GET',
      url: callbackPath,
      cookies: { tend_sso_oidc: stateCookie ?? '' },
    });
    expect(destination(copied).ssoError).toMatch(/expired or was already used/);
    expect(sessionCookieOf(copied)).toBeUndefined();
    expect(await refusalCount()).toBe(before + 1);
  });

  it('refuses an answer arriving in another browser than the one that started', async () => {
    const starter = new TestClient(context.app);
    const start = await starter.request('GET', `/api/sso/oidc/${organizationId}/start`);
    const callbackUrl = await signInAtProvider(
      String(start.headers.location),
      { login: 'pat', password },
      callbackPrefix,
    );
    const before = await refusalCount();
    const other = await new TestClient(context.app).request('GET', callbackUrl.slice(publicUrl.length));
    expect(destination(other).ssoError).toMatch(/started in another browser/);
    expect(sessionCookieOf(other)).toBeUndefined();
    expect(await refusalCount()).toBe(before + 1);
  });

  it('signs out of the provider too: sign-out answers with its end-session address', async () => {
    const browser = new TestClient(context.app);
    await signInThroughProvider(browser, 'pat');
    await browser.loadSession();
    const signOut = await browser.request('DELETE', '/api/session');
    const url = new URL(signOut.json().providerLogoutUrl ?? '');
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'tend',
      post_logout_redirect_uri: `${publicUrl}/sign-in`,
    });
    expect((await browser.loadSession()).member).toBeNull();
  });

  it('says so when the person cancels at the provider', async () => {
    const browser = new TestClient(context.app);
    const start = await browser.request('GET', `/api/sso/oidc/${organizationId}/start`);
    const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
    const before = await refusalCount();
    const callback = await browser.request(
      'GET',
      `/api/sso/oidc/callback?${new URLSearchParams({ error: 'access_denied', error_description: 'User cancelled', state })}`,
    );
    expect(destination(callback).ssoError).toBe(
      'Sign-in at Hospital Login was cancelled or refused (User cancelled).',
    );
    expect(await refusalCount()).toBe(before + 1);
  });
});

describe('ID tokens that must not sign anyone in', () => {
  let forger: ForgingProvider;
  beforeAll(async () => {
    forger = await startForgingProvider();
    const saved = await admin.request(
      'PUT',
      '/api/organization/sso/oidc',
      connectionInput({ issuer: forger.issuer, clientId: forger.clientId, clientSecret: 'forged-secret' }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
  });
  // The last test has closed it already.
  afterAll(() => forger.close().catch(() => undefined));

  /** Starts a sign-in, has the forging provider answer with the token `makeToken` builds from the nonce. */
  async function answerWith(makeToken: (nonce: string) => string) {
    const browser = new TestClient(context.app);
    const start = await browser.request('GET', `/api/sso/oidc/${organizationId}/start`);
    const authorization = new URL(String(start.headers.location));
    const code = randomBytes(8).toString('hex');
    forger.issue(code, makeToken(authorization.searchParams.get('nonce') ?? ''));
    const state = authorization.searchParams.get('state') ?? '';
    const callback = await browser.request(
      'GET',
      `/api/sso/oidc/callback?${new URLSearchParams({ code, state })}`,
    );
    return { callback, browser };
  }

  const email = emailOf.participant;

  it('accepts a correctly signed token (so the refusals below are about the token)', async () => {
    const { callback, browser } = await answerWith((nonce) => forger.idToken({ nonce, email }));
    expect(destination(callback).path).toBe('/');
    expect((await browser.loadSession()).member).toMatchObject({ email });
  });

  const cases: [string, (nonce: string) => string, RegExp][] = [
    [
      'altered after signing',
      (nonce) => tamperWith(forger.idToken({ nonce, email: 'olly@elsewhere.example' }), { email }),
      /signature does not match/,
    ],
    [
      'signed by another key',
      (nonce) => forger.idToken({ nonce, email }, { signWith: 'stranger' }),
      /signature does not match/,
    ],
    [
      'not signed at all (alg: none)',
      (nonce) => forger.idToken({ nonce, email }, { signWith: 'none' }),
      /not signed/,
    ],
    [
      'issued for another application',
      (nonce) => forger.idToken({ nonce, email, aud: 'another-app' }),
      /another application/,
    ],
    [
      'issued by another provider',
      (nonce) => forger.idToken({ nonce, email, iss: 'https://elsewhere.example' }),
      /another provider/,
    ],
    [
      'for another sign-in (wrong nonce)',
      () => forger.idToken({ nonce: 'someone-elses-nonce', email }),
      /does not belong to this sign-in/,
    ],
    [
      'expired',
      (nonce) =>
        forger.idToken({
          nonce,
          email,
          iat: Math.floor(Date.now() / 1000) - 7200,
          exp: Math.floor(Date.now() / 1000) - 3600,
        }),
      /expired/,
    ],
    [
      'without an e-mail address',
      (nonce) => forger.idToken({ nonce, email: null }),
      /did not say which e-mail address/,
    ],
  ];

  it('refuses an ID token whose jti was already used, even in a new sign-in', async () => {
    const first = await answerWith((nonce) => forger.idToken({ nonce, email, jti: 'used-once' }));
    expect(destination(first.callback).path).toBe('/');
    const before = await refusalCount();
    const second = await answerWith((nonce) => forger.idToken({ nonce, email, jti: 'used-once' }));
    expect(destination(second.callback).ssoError).toMatch(/already used once/);
    expect(sessionCookieOf(second.callback)).toBeUndefined();
    expect(await refusalCount()).toBe(before + 1);
  });

  it.each(cases)('refuses a token %s, with a reason and an audit line', async (_name, makeToken, reason) => {
    const before = await refusalCount();
    const { callback, browser } = await answerWith(makeToken);
    const { path, ssoError } = destination(callback);
    expect(path).toBe('/sign-in');
    expect(ssoError).toMatch(reason);
    expect(sessionCookieOf(callback)).toBeUndefined();
    expect((await browser.loadSession()).member).toBeNull();
    expect(await refusalCount()).toBe(before + 1);
  });

  it('says so when the provider cannot be reached, rather than failing', async () => {
    const browser = new TestClient(context.app);
    const start = await browser.request('GET', `/api/sso/oidc/${organizationId}/start`);
    const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
    await forger.close();
    const callback = await browser.request(
      'GET',
      `/api/sso/oidc/callback?${new URLSearchParams({ code: 'c', state })}`,
    );
    expect(destination(callback).ssoError).toBe(
      'Hospital Login could not be reached, so you were not signed in. Try again later.',
    );
    expect(sessionCookieOf(callback)).toBeUndefined();
  });
});
