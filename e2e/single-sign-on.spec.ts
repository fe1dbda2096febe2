import type { APIRequestContext, Page } from '@playwright/test';
import { startOidcProvider, type TestOidcProvider } from '../test/helpers/oidc-provider.ts';
import { type SamlIdentityProvider, startSamlIdentityProvider } from '../test/helpers/saml-idp.ts';
import { apiAs, change, expect, expectNoSeriousA11yViolations, expectOk, signIn, test } from './fixtures.ts';

/**
 * Single sign-on as a person meets it, through identity providers the test runs: a real OpenID
 * Connect provider (oidc-provider) and a SAML IdP, each with its own login page, and a SCIM client.
 * Their people are at sso.tend.test, a domain of its own, so the other journeys' demo people keep
 * signing in with passwords and see no provider buttons.
 */
const providerPassword = 'provider-password';
let oidc: TestOidcProvider;
let saml: SamlIdentityProvider;
let admin: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  const base = baseURL ?? '';
  oidc = await startOidcProvider({
    redirectUri: `${base}/api/sso/oidc/callback`,
    postLogoutRedirectUri: `${base}/sign-in`,
    people: [
      {
        login: 'robin',
        password: providerPassword,
        claims: {
          email: 'robin@sso.tend.test',
          email_verified: true,
          name: 'Robin Okafor',
          groups: ['tend-facilitators'],
        },
      },
      {
        login: 'sam',
        password: providerPassword,
        claims: { email: 'sam@sso.tend.test', email_verified: true, name: 'Sam at the provider' },
      },
    ],
  });
  saml = await startSamlIdentityProvider();
  saml.addUser('kim', {
    password: providerPassword,
    email: 'kim@sso.tend.test',
    displayName: 'Kim Student',
    affiliations: ['member', 'student'],
  });
  admin = await apiAs(base, 'admin@demo.tend.test');
  const common = { emailDomains: ['sso.tend.test'], createsUnknownPeople: 'create' };
  await expectOk(
    await change(admin, 'PUT', '/api/organization/sso/oidc', {
      ...common,
      displayName: 'Lakeside Okta',
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      mapping: { role: { claim: 'groups', values: { 'tend-facilitators': 'facilitator' } } },
    }),
    'connect the OpenID Connect provider',
  );
  await expectOk(
    await change(admin, 'PUT', '/api/organization/sso/saml', {
      ...common,
      displayName: 'Lakeside Shibboleth',
      metadataUrl: saml.metadataUrl,
      mapping: { level: { claim: 'eduPersonAffiliation', values: { student: 'student-1' } } },
    }),
    'connect the SAML identity provider',
  );
});

test.afterAll(async () => {
  // The demo organisation is shared by every journey: leave it signing in by password only.
  await change(admin, 'DELETE', '/api/organization/sso/oidc');
  await change(admin, 'DELETE', '/api/organization/sso/saml');
  await admin.dispose();
  await oidc.close();
  await saml.close();
});

async function startSignIn(page: Page, email: string, provider: string) {
  await page.goto('/');
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByRole('link', { name: `Sign in with ${provider}` }).click();
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
}

async function session(page: Page) {
  return (await (await page.request.get('/api/session')).json()).member;
}

test('an admin sees both providers connected, the addresses to register and the secret kept sealed', async ({
  page,
}) => {
  await signIn(page, 'admin@demo.tend.test');
  await page.getByRole('link', { name: 'Sign-in methods' }).click();
  await expect(page.getByRole('heading', { name: 'Sign-in methods', level: 1 })).toBeVisible();
  const oidcForm = page.getByRole('form', { name: 'OpenID Connect' });
  await expect(oidcForm.getByLabel('Issuer URL')).toHaveValue(oidc.issuer);
  await expect(oidcForm.getByLabel('Client secret')).toHaveValue('');
  await expect(oidcForm.getByText('A secret is stored (sealed). Leave empty to keep it.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'SAML 2.0' }).getByText(`as ${saml.entityId}`)).toBeVisible();
  await expect(page.getByRole('row', { name: /OpenID Connect redirect URI/ })).toContainText(
    '/api/sso/oidc/callback',
  );
  await expectNoSeriousA11yViolations(page);
});

test('someone new signs in through the OpenID Connect provider’s own page, lands with the mapped role, and signs out of both', async ({
  page,
}) => {
  await startSignIn(page, 'robin@sso.tend.test', 'Lakeside Okta');
  await page.getByLabel('Login').fill('robin');
  await page.getByLabel('Password').fill(providerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText('Robin Okafor · facilitator')).toBeVisible();
  expect(await session(page)).toMatchObject({ email: 'robin@sso.tend.test', role: 'facilitator' });

  // Signing out of Tend goes on to the provider's own sign-out, which returns to Tend's sign-in page.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.origin === oidc.issuer);
  await page.getByRole('button', { name: /yes, sign me out/i }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await session(page)).toBeNull();
});

test('a student signs in through the SAML IdP’s login page and lands with the level its affiliation maps to', async ({
  page,
}) => {
  await startSignIn(page, 'kim@sso.tend.test', 'Lakeside Shibboleth');
  await page.getByLabel('Username').fill('kim');
  await page.getByLabel('Password').fill(providerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  expect(await session(page)).toMatchObject({
    email: 'kim@sso.tend.test',
    role: 'participant',
    level: 'student-1',
  });
  await expectNoSeriousA11yViolations(page);
});

test('a SCIM client adds a person who signs in, then deactivates them and they are signed out at once', async ({
  page,
  baseURL,
}) => {
  const { token } = await expectOk<{ token: string }>(
    await change(admin, 'POST', '/api/organization/scim-token'),
    'issue a SCIM token',
  );
  const scim = (method: 'POST' | 'PATCH', path: string, data: unknown) =>
    page.request.fetch(`${baseURL}/scim/v2${path}`, {
      method,
      data,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
    });
  const created = await expectOk<{ id: string }>(
    await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'sam@sso.tend.test',
      externalId: 'hr-1001',
      name: { givenName: 'Sam', familyName: 'Provisioned' },
      emails: [{ value: 'sam@sso.tend.test', primary: true }],
      active: true,
    }),
    'the SCIM client creates Sam',
  );

  await startSignIn(page, 'sam@sso.tend.test', 'Lakeside Okta');
  await page.getByLabel('Login').fill('sam');
  await page.getByLabel('Password').fill(providerPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The person the SCIM client made, not a new one from the provider's claims.
  await expect(page.getByText('Sam Provisioned · participant')).toBeVisible();

  await expectOk(
    await scim('PATCH', `/Users/${created.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    }),
    'the SCIM client deactivates Sam',
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await session(page)).toBeNull();
  await expectOk(await change(admin, 'DELETE', '/api/organization/scim-token'), 'revoke the SCIM token');
});
