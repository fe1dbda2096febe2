import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions } from '../src/db/schema.ts';
import { serviceProviderAddresses } from '../src/server/services/sso-addresses.ts';
import { findSsoConnection } from '../src/server/services/sso-connections.ts';
import { samlLogoutUrl } from '../src/server/services/sso-saml.ts';
import { demoOrganizationId } from './helpers/meeting-fixtures.ts';
import {
  attackerKeys,
  type ResponseOptions,
  readAuthnRequest,
  type SamlIdentityProvider,
  startSamlIdentityProvider,
} from './helpers/saml-idp.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let idp: SamlIdentityProvider;
let admin: TestClient;
let organizationId: string;
let sp: ReturnType<typeof serviceProviderAddresses>;

const common = {
  displayName: 'Test University',
  emailDomains: ['demo.tend.test'],
  createsUnknownPeople: 'refuse',
  mapping: { level: { claim: 'eduPersonAffiliation', values: { student: 'student-1' } } },
};

beforeAll(async () => {
  context = await createTestApp();
  idp = await startSamlIdentityProvider();
  idp.addUser('pat', {
    password: 'pat-password',
    email: 'participant1@demo.tend.test',
    displayName: 'Pat Participant',
    affiliations: ['member', 'student'],
  });
  admin = await signedInClient(context.app, 'admin');
  organizationId = await demoOrganizationId(context.connection.db);
  sp = serviceProviderAddresses(context.config.publicUrl, organizationId);
});
afterAll(async () => {
  await context.close();
  await idp.close();
});

const pathOf = (address: string) =>
  new URL(address, 'http://x').pathname + new URL(address, 'http://x').search;

async function connect(overrides: Record<string, unknown> = {}) {
  const response = await admin.request('PUT', '/api/organization/sso/saml', {
    ...common,
    metadataXml: idp.metadataXml,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function start(client: TestClient) {
  const response = await client.request('GET', `/api/sso/saml/${organizationId}/start`);
  expect(response.statusCode).toBe(302);
  return String(response.headers.location);
}

function postToAcs(client: TestClient, fields: Record<string, string>) {
  return client.request('POST', pathOf(sp.samlAcsUrl), new URLSearchParams(fields).toString(), {
    'content-type': 'application/x-www-form-urlencoded',
  });
}

async function countRefusals() {
  const rows = await context.connection.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, 'sso.refused')));
  return rows.length;
}

/** A fresh sign-in started at Tend, answered by a response built with these options. */
async function forgedAnswer(client: TestClient, options: Partial<ResponseOptions>) {
  const location = new URL(await start(client));
  const request = readAuthnRequest(location.searchParams.get('SAMLRequest') ?? '');
  return idp.buildResponse({
    inResponseTo: request.id,
    acsUrl: sp.samlAcsUrl,
    audience: sp.samlEntityId,
    nameId: 'id-pat',
    attributes: { mail: ['participant1@demo.tend.test'], displayName: ['Pat Participant'] },
    ...options,
  });
}

describe('connecting a SAML identity provider', () => {
  it('reads the metadata an admin pastes', async () => {
    const connection = await connect();
    expect(connection.saml).toMatchObject({
      metadataUrl: null,
      idpEntityId: idp.entityId,
      entryPoint: `${idp.url}/sso`,
      logoutUrl: `${idp.url}/slo`,
    });
    expect(connection.saml.certificates).toHaveLength(1);
    expect(connection.saml.certificates[0]).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  });

  it("fetches the metadata from the provider's address", async () => {
    const connection = await connect({ metadataXml: undefined, metadataUrl: idp.metadataUrl });
    expect(connection.saml).toMatchObject({ metadataUrl: idp.metadataUrl, idpEntityId: idp.entityId });
  });

  it.each([
    ['both kinds of metadata', { metadataUrl: 'https://idp.example/metadata' }, 'body.metadataUrl'],
    ['no metadata', { metadataXml: undefined }, 'body.metadataXml'],
    ['metadata that is not XML', { metadataXml: '<md:EntityDescriptor' }, 'body.metadataXml'],
    [
      "Tend's own metadata",
      { metadataXml: '<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x"/>' },
      'body.metadataXml',
    ],
    ['metadata without a certificate', { metadataXml: '' }, 'body.metadataXml'],
    [
      'an address that does not answer',
      { metadataXml: undefined, metadataUrl: 'http://127.0.0.1:1/metadata' },
      'body.metadataUrl',
    ],
    ['an address without metadata', { metadataXml: undefined, metadataUrl: 'see below' }, 'body.metadataUrl'],
  ])('refuses %s with a 400 naming the field', async (_case, overrides, field) => {
    const body: Record<string, unknown> = { ...common, metadataXml: idp.metadataXml, ...overrides };
    if (_case === 'metadata without a certificate') {
      body.metadataXml = idp.metadataXml.replace(/<md:KeyDescriptor[\s\S]*?<\/md:KeyDescriptor>/, '');
    }
    if (_case === 'an address without metadata') body.metadataUrl = `${idp.url}/nothing-here`;
    const response = await admin.request('PUT', '/api/organization/sso/saml', body);
    expect(response.statusCode, response.body).toBe(400);
    expect(Object.keys(response.json().error.fields ?? {})).toContain(field);
  });

  it("serves Tend's service provider metadata at a stable address", async () => {
    await connect();
    const response = await new TestClient(context.app).request('GET', pathOf(sp.samlMetadataUrl));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/samlmetadata+xml');
    expect(response.body).toContain(`entityID="${sp.samlEntityId}"`);
    expect(response.body).toContain(`Location="${sp.samlAcsUrl}"`);
    const unknown = await admin.request('GET', '/api/sso/saml/00000000-0000-4000-8000-000000000000/metadata');
    expect(unknown.statusCode).toBe(404);
  });
});

describe('signing in with SAML', () => {
  beforeAll(() => connect());

  it('signs a known person in end to end, with the level their affiliation maps to', async () => {
    const client = new TestClient(context.app);
    const form = await idp.signIn(await start(client), 'pat', 'pat-password');
    expect(form.acsUrl).toBe(sp.samlAcsUrl);
    const response = await postToAcs(client, {
      SAMLResponse: form.SAMLResponse,
      RelayState: form.RelayState,
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    const session = await client.loadSession();
    expect(session.member).toMatchObject({ email: 'participant1@demo.tend.test', level: 'student-1' });
  });

  it('refuses the same answer posted twice', async () => {
    const client = new TestClient(context.app);
    const form = await idp.signIn(await start(client), 'pat', 'pat-password');
    expect((await postToAcs(client, { SAMLResponse: form.SAMLResponse })).headers.location).toBe('/');
    const attacker = new TestClient(context.app);
    const replay = await postToAcs(attacker, { SAMLResponse: form.SAMLResponse });
    expect(replay.headers.location).toMatch(/^\/sign-in\?ssoError=/);
    expect(attacker.cookie('tend_session')).toBeUndefined();
  });

  it('refuses an assertion used before, even inside an answer to a new request', async () => {
    const client = new TestClient(context.app);
    const assertionId = '_a-used-once';
    const first = await postToAcs(client, { SAMLResponse: await forgedAnswer(client, { assertionId }) });
    expect(first.headers.location).toBe('/');
    const other = new TestClient(context.app);
    const second = await postToAcs(other, { SAMLResponse: await forgedAnswer(other, { assertionId }) });
    expect(decodeURIComponent(String(second.headers.location))).toContain('already used');
    expect(other.cookie('tend_session')).toBeUndefined();
  });

  it('creates someone new when the organisation allows it, and refuses them when it does not', async () => {
    idp.addUser('sam', {
      password: 'sam-password',
      email: 'sam.new@demo.tend.test',
      displayName: 'Sam New',
      affiliations: ['student'],
    });
    idp.addUser('kim', {
      password: 'kim-password',
      email: 'kim.new@demo.tend.test',
      displayName: 'Kim New',
      affiliations: [],
    });
    await connect({ createsUnknownPeople: 'create' });
    const created = new TestClient(context.app);
    await postToAcs(created, await idp.signIn(await start(created), 'sam', 'sam-password'));
    expect((await created.loadSession()).member).toMatchObject({
      name: 'Sam New',
      role: 'participant',
      level: 'student-1',
    });

    await connect({ createsUnknownPeople: 'refuse' });
    const refused = new TestClient(context.app);
    const before = await countRefusals();
    const response = await postToAcs(refused, await idp.signIn(await start(refused), 'kim', 'kim-password'));
    expect(decodeURIComponent(String(response.headers.location))).toContain(
      'There is no Tend account for kim.new@demo.tend.test',
    );
    expect(await countRefusals()).toBe(before + 1);
    expect((await refused.loadSession()).member).toBeNull();
  });

  it.each<[string, Partial<ResponseOptions>, RegExp]>([
    ['an unsigned answer', { signWith: 'none' }, /not signed with its known key/],
    [
      'an answer changed after signing',
      { tamperWith: { from: 'participant1@', to: 'admin@' } },
      /not signed with its known key/,
    ],
    ['an answer signed by another key', { signWith: 'attacker' }, /not signed with its known key/],
    [
      'an expired answer',
      { notOnOrAfter: new Date(Date.now() - 10 * 60_000) },
      /expired|not started from Tend/,
    ],
    [
      'an answer for another service',
      { audience: 'https://other.example/saml' },
      /meant for another service/,
    ],
    [
      'an answer for another address',
      { recipient: 'https://other.example/acs' },
      /addressed to another service/,
    ],
    ['an answer to a request Tend never sent', { inResponseTo: '_never-sent' }, /not started from Tend/],
    ['an unsolicited (IdP-initiated) answer', { inResponseTo: null }, /not started from Tend/],
  ])('refuses %s with a message, an audit line and no session', async (_case, options, message) => {
    const client = new TestClient(context.app);
    const before = await countRefusals();
    const response = await postToAcs(client, { SAMLResponse: await forgedAnswer(client, options) });
    expect(response.statusCode).toBe(302);
    const location = new URL(String(response.headers.location), 'http://x');
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('ssoError')).toMatch(message);
    expect(client.cookie('tend_session')).toBeUndefined();
    expect(await countRefusals()).toBe(before + 1);
  });
});

describe('single logout started by Tend', () => {
  beforeAll(() => connect());

  it("sends the provider a LogoutRequest naming the sign-in, and takes the provider's answer", async () => {
    const connection = await findSsoConnection(context.connection.db, { organizationId, protocol: 'saml' });
    if (!connection) throw new Error('no connection');
    const link = { connectionId: connection.id, subject: 'id-pat', sessionIndex: '_s1' };
    const address = await samlLogoutUrl(context.connection.db, connection, link, context.config);
    expect(address).toMatch(new RegExp(`^${idp.url}/slo\\?SAMLRequest=`));
    const answer = await new TestClient(context.app).request(
      'GET',
      `${pathOf(sp.samlLogoutUrl)}?SAMLResponse=x`,
    );
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe('/sign-in');
  });
});

describe('single logout started by the identity provider', () => {
  beforeAll(() => connect());

  async function signedInWithSaml() {
    const client = new TestClient(context.app);
    await postToAcs(client, await idp.signIn(await start(client), 'pat', 'pat-password'));
    await client.loadSession();
    const links = await context.connection.db.select({ link: sessions.ssoLink }).from(sessions);
    const link = links
      .map((entry) => entry.link)
      .filter((entry) => entry?.subject === 'id-pat')
      .at(-1);
    return { client, sessionIndex: link?.sessionIndex ?? undefined };
  }

  it('ends the session the signed LogoutRequest names and answers the provider', async () => {
    const { client, sessionIndex } = await signedInWithSaml();
    expect((await client.request('GET', '/api/dashboard')).statusCode).toBe(200);
    const url = idp.logoutRequestUrl({
      serviceLogoutUrl: sp.samlLogoutUrl,
      nameId: 'id-pat',
      ...(sessionIndex ? { sessionIndex } : {}),
    });
    const response = await new TestClient(context.app).request('GET', pathOf(url));
    expect(response.statusCode).toBe(302);
    expect(String(response.headers.location)).toMatch(new RegExp(`^${idp.url}/slo\\?SAMLResponse=`));
    expect((await client.request('GET', '/api/dashboard')).statusCode).toBe(401);
  });

  it('signs nobody out on an unsigned or wrongly signed LogoutRequest', async () => {
    const { client } = await signedInWithSaml();
    for (const forged of [
      idp.logoutRequestUrl({ serviceLogoutUrl: sp.samlLogoutUrl, nameId: 'id-pat', isSigned: false }),
      idp.logoutRequestUrl({ serviceLogoutUrl: sp.samlLogoutUrl, nameId: 'id-pat', keys: attackerKeys }),
    ]) {
      const response = await new TestClient(context.app).request('GET', pathOf(forged));
      expect(String(response.headers.location)).toMatch(/^\/sign-in\?ssoError=/);
    }
    expect((await client.request('GET', '/api/dashboard')).statusCode).toBe(200);
  });
});
