import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../src/core/accounts/roles.ts';
import { auditEvents, scimTokens, sessions, users } from '../src/db/schema.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { hashToken } from '../src/server/auth/tokens.ts';
import { setUpOrganization } from '../src/server/services/organization-setup.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

const userSchema = 'urn:ietf:params:scim:schemas:core:2.0:User';
const patchOp = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const errorSchema = 'urn:ietf:params:scim:api:messages:2.0:Error';

let context: TestContext;
let admin: TestClient;
let token: string;

beforeAll(async () => {
  context = await createTestApp();
  admin = await signedInClient(context.app, 'admin');
  const issued = await admin.request('POST', '/api/organization/scim-token');
  expect(issued.statusCode).toBe(201);
  token = issued.json().token;
});
afterAll(() => context.close());

/** What an identity provider sends: a bearer token, SCIM's media type, no cookies. */
async function scim(method: string, url: string, body?: unknown, bearer: string | null = token) {
  return context.app.inject({
    method: method as 'GET',
    url: `/scim/v2${url}`,
    headers: {
      ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
    },
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** Okta's create request, as its SCIM 2.0 test suite sends it. */
const oktaUser = (email: string, externalId: string) => ({
  schemas: [userSchema],
  userName: email,
  name: { givenName: 'Isabella', familyName: 'Lee' },
  emails: [{ primary: true, value: email, type: 'work' }],
  displayName: 'Isabella Lee',
  locale: 'en-US',
  externalId,
  groups: [],
  password: '1mz050nq',
  active: true,
});

/** Entra ID's create request, with its enterprise extension. */
const entraUser = (email: string, externalId: string) => ({
  schemas: [userSchema, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
  externalId,
  userName: email,
  active: true,
  emails: [{ primary: true, type: 'work', value: email }],
  meta: { resourceType: 'User' },
  name: { formatted: 'Noor Haddad', familyName: 'Haddad', givenName: 'Noor' },
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Nursing' },
  roles: [],
});

async function createUser(body: unknown) {
  const response = await scim('POST', '/Users', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('the SCIM token', () => {
  it('refuses a request without a token, with a wrong one, and a session cookie of every role', async () => {
    for (const bearer of [null, 'not-the-token']) {
      const response = await scim('GET', '/Users', undefined, bearer);
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      // Counted even when refused, so guessing tokens is rate-limited too.
      expect(response.headers['x-ratelimit-limit']).toBeDefined();
      expect(response.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(response.json()).toMatchObject({ schemas: [errorSchema], status: '401' });
    }
    for (const role of roles) {
      const client = await signedInClient(context.app, role);
      expect((await client.request('GET', '/scim/v2/Users')).statusCode).toBe(401);
    }
  });

  it('works until rotated, when only the new one does, and not at all once revoked', async () => {
    const rotated = await admin.request('POST', '/api/organization/scim-token');
    expect(rotated.headers['cache-control']).toBe('no-store');
    expect((await scim('GET', '/Users', undefined, token)).statusCode).toBe(401);
    expect((await scim('GET', '/Users', undefined, rotated.json().token)).statusCode).toBe(200);
    const methods = (await admin.request('GET', '/api/organization/sign-in-methods')).json();
    expect(methods.scimToken).toEqual({
      createdAt: rotated.json().createdAt,
      lastUsedAt: expect.any(String),
    });

    expect((await admin.request('DELETE', '/api/organization/scim-token')).statusCode).toBe(204);
    expect((await scim('GET', '/Users', undefined, rotated.json().token)).statusCode).toBe(401);
    token = (await admin.request('POST', '/api/organization/scim-token')).json().token;
    const [stored] = await context.connection.db.select().from(scimTokens);
    expect(stored?.id).toBe(hashToken(token));
  });

  it("shows another organisation's client nothing of this one", async () => {
    const second = await setUpOrganization(
      context.connection.db,
      {
        organizationName: 'Other Clinic',
        timeZone: 'Europe/Paris',
        locale: 'fr-FR',
        adminEmail: 'admin@other.example',
        adminName: 'Other Admin',
      },
      new Date(),
    );
    await context.connection.db
      .insert(scimTokens)
      .values({ id: hashToken('other-organisation-token'), organizationId: second.organizationId });
    const mine = await createUser(oktaUser('kept.apart@demo.tend.test', 'okta-apart'));
    const other = (method: string, url: string, body?: unknown) =>
      scim(method, url, body, 'other-organisation-token');
    const list = (await other('GET', '/Users')).json();
    expect(list.totalResults).toBe(1);
    expect(list.Resources[0].userName).toBe('admin@other.example');
    expect((await other('GET', `/Users/${mine.id}`)).statusCode).toBe(404);
    expect(
      (
        await other('PATCH', `/Users/${mine.id}`, {
          schemas: [patchOp],
          Operations: [{ op: 'replace', value: { active: false } }],
        })
      ).statusCode,
    ).toBe(404);
    expect((await other('DELETE', `/Users/${mine.id}`)).statusCode).toBe(404);
    expect((await scim('GET', `/Users/${mine.id}`)).json().active).toBe(true);
  });
});

describe('what identity providers read first', () => {
  it('describes users only, with filtering and PATCH, and no groups', async () => {
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(config.json()).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 100 },
    });
    const types = (await scim('GET', '/ResourceTypes')).json();
    expect(types.Resources.map((type: { name: string }) => type.name)).toEqual(['User']);
    const schemas = (await scim('GET', '/Schemas')).json();
    expect(schemas.Resources.map((schema: { id: string }) => schema.id)).toContain(userSchema);
    const groups = await scim('GET', '/Groups');
    expect(groups.statusCode).toBe(501);
    expect(groups.json()).toMatchObject({ schemas: [errorSchema], detail: expect.stringMatching(/groups/) });
  });
});

describe('provisioning people', () => {
  it("creates a participant from Okta's request, with Location and meta, and finds them by filter", async () => {
    const created = await scim('POST', '/Users', oktaUser('Isabella.Lee@example.org', 'okta-00u1'));
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(created.headers.location).toBe(user.meta.location);
    expect(user).toMatchObject({
      userName: 'isabella.lee@example.org',
      name: { formatted: 'Isabella Lee' },
      externalId: 'okta-00u1',
      active: true,
      'urn:tend:params:scim:schemas:extension:2.0:User': { role: 'participant' },
      meta: { resourceType: 'User', created: expect.any(String), lastModified: expect.any(String) },
    });
    const [stored] = await context.connection.db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.passwordHash).toBeNull();

    for (const filter of [
      'userName eq "ISABELLA.LEE@example.org"',
      'externalId eq "okta-00u1"',
      'emails.value eq "isabella.lee@example.org"',
    ]) {
      const found = (await scim('GET', `/Users?filter=${encodeURIComponent(filter)}`)).json();
      expect(found).toMatchObject({ totalResults: 1, itemsPerPage: 1, startIndex: 1 });
      expect(found.Resources[0].id).toBe(user.id);
    }
    const none = (
      await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "nobody@x.org"')}`)
    ).json();
    expect(none).toMatchObject({ totalResults: 0, Resources: [] });
  });

  it("takes Entra ID's request, its department as the discipline", async () => {
    const user = await createUser(entraUser('noor.haddad@example.org', 'entra-7363'));
    expect(user['urn:tend:params:scim:schemas:extension:2.0:User']).toMatchObject({ discipline: 'Nursing' });
  });

  it('refuses duplicates, and says so in words when the account belongs to another organisation', async () => {
    const again = await scim('POST', '/Users', oktaUser('isabella.lee@example.org', 'okta-other'));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ scimType: 'uniqueness' });
    const sameExternalId = await scim('POST', '/Users', oktaUser('someone.else@example.org', 'okta-00u1'));
    expect(sameExternalId.json()).toMatchObject({ status: '409', scimType: 'uniqueness' });
    const elsewhere = await scim('POST', '/Users', oktaUser('admin@other.example', 'okta-x'));
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().detail).toMatch(/another organisation/);
  });

  it('pages with a 1-based startIndex and caps count', async () => {
    const all = (await scim('GET', '/Users?count=1000')).json();
    expect(all.itemsPerPage).toBe(Math.min(100, all.totalResults));
    const second = (await scim('GET', '/Users?startIndex=2&count=2')).json();
    expect(second).toMatchObject({ startIndex: 2, itemsPerPage: 2, totalResults: all.totalResults });
    expect(second.Resources.map((user: { id: string }) => user.id)).toEqual(
      all.Resources.slice(1, 3).map((user: { id: string }) => user.id),
    );
  });

  it('replaces with PUT, keeping what the body leaves out', async () => {
    const user = await createUser(oktaUser('put.me@example.org', 'okta-put'));
    const replaced = await scim('PUT', `/Users/${user.id}`, {
      schemas: [userSchema],
      userName: 'put.me@example.org',
      name: { givenName: 'Pat', familyName: 'Morgan' },
      active: true,
      'urn:tend:params:scim:schemas:extension:2.0:User': { level: 'resident' },
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({
      name: { formatted: 'Pat Morgan' },
      externalId: 'okta-put',
      'urn:tend:params:scim:schemas:extension:2.0:User': { level: 'resident' },
    });
  });
});

describe('deactivating, re-enabling and removing', () => {
  async function signedInPerson(email: string, externalId: string) {
    const user = await createUser(entraUser(email, externalId));
    const passwordHash = await hashPassword('a long enough password');
    await context.connection.db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    const person = new TestClient(context.app, '10.9.0.1');
    expect((await person.signIn(email, 'a long enough password')).statusCode).toBe(204);
    expect((await person.request('GET', '/api/dashboard')).statusCode).toBe(200);
    return { user, person };
  }

  it('signs the person out everywhere at once on Entra ID\'s PATCH active "False"', async () => {
    const { user, person } = await signedInPerson('entra.leaver@example.org', 'entra-leaver');
    const patched = await scim('PATCH', `/Users/${user.id}`, {
      schemas: [patchOp],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().active).toBe(false);
    // Ended, not merely refused while disabled: re-enabling must not bring the old session back.
    const left = await context.connection.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left).toEqual([]);
    expect((await person.request('GET', '/api/dashboard')).statusCode).toBe(401);
    expect((await person.signIn('entra.leaver@example.org', 'a long enough password')).statusCode).toBe(401);
    const [event] = await context.connection.db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, user.id))
      .orderBy(auditEvents.createdAt);
    expect(event).toEqual({ action: 'scim.user-created', actor: null });
    const actions = await context.connection.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, user.id));
    expect(actions.map((row) => row.action)).toContain('scim.user-deactivated');
  });

  it("does the same for Okta's PATCH without a path, and re-enables with active true", async () => {
    const { user, person } = await signedInPerson('okta.leaver@example.org', 'okta-leaver');
    const off = await scim('PATCH', `/Users/${user.id}`, {
      schemas: [patchOp],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.json().active).toBe(false);
    expect((await person.request('GET', '/api/dashboard')).statusCode).toBe(401);
    const on = await scim('PATCH', `/Users/${user.id}`, {
      schemas: [patchOp],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(on.json().active).toBe(true);
    expect((await person.signIn('okta.leaver@example.org', 'a long enough password')).statusCode).toBe(204);
  });

  it('changes names and attributes the way Entra ID sends them', async () => {
    const user = await createUser(entraUser('renamed@example.org', 'entra-renamed'));
    const patched = await scim('PATCH', `/Users/${user.id}`, {
      schemas: [patchOp],
      Operations: [
        { op: 'Replace', path: 'name.familyName', value: 'Karimi' },
        {
          op: 'Add',
          path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
          value: 'Pharmacy',
        },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'renamed@example.org' },
        { op: 'Remove', path: 'externalId' },
      ],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      name: { formatted: 'Noor Karimi' },
      'urn:tend:params:scim:schemas:extension:2.0:User': { discipline: 'Pharmacy' },
    });
    expect(patched.json().externalId).toBeUndefined();
  });

  it("never disables or removes the organisation's last admin", async () => {
    const admins = (await admin.request('GET', '/api/users?search=admin')).json().users;
    const onlyAdmin = admins.find((user: { role: string }) => user.role === 'admin');
    const off = await scim('PATCH', `/Users/${onlyAdmin.id}`, {
      schemas: [patchOp],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(off.statusCode).toBe(409);
    expect(off.json().detail).toMatch(/only admin/);
    expect((await scim('DELETE', `/Users/${onlyAdmin.id}`)).statusCode).toBe(409);
    expect((await admin.request('GET', '/api/dashboard')).statusCode).toBe(200);
  });

  it('removes the person with DELETE, after which they are not found and signed out', async () => {
    const { user, person } = await signedInPerson('deleted@example.org', 'entra-deleted');
    expect((await scim('DELETE', `/Users/${user.id}`)).statusCode).toBe(204);
    expect((await scim('GET', `/Users/${user.id}`)).statusCode).toBe(404);
    expect((await person.request('GET', '/api/dashboard')).statusCode).toBe(401);
    expect((await scim('DELETE', `/Users/${user.id}`)).statusCode).toBe(404);
  });
});

describe('bad requests', () => {
  it('answers each with 400, a scimType and a detail naming what to fix', async () => {
    const user = await createUser(oktaUser('bad.requests@example.org', 'okta-bad'));
    const cases: [string, string, unknown, string][] = [
      ['GET', `/Users?filter=${encodeURIComponent('name.givenName sw "Is"')}`, undefined, 'invalidFilter'],
      [
        'GET',
        `/Users?filter=${encodeURIComponent('userName eq "a" or userName eq "b"')}`,
        undefined,
        'invalidFilter',
      ],
      ['GET', '/Users?startIndex=first', undefined, 'invalidValue'],
      ['POST', '/Users', '{"userName": ', 'invalidSyntax'],
      ['POST', '/Users', { schemas: [userSchema], name: { formatted: 'No E-mail' } }, 'invalidValue'],
      ['POST', '/Users', { ...oktaUser('x@example.org', 'x'), userName: 'not an e-mail' }, 'invalidValue'],
      ['POST', '/Users', { ...oktaUser('y@example.org', 'y'), active: 'maybe' }, 'invalidValue'],
      ['POST', '/Users', { ...oktaUser('z@example.org', 'z'), name: 'Just Text' }, 'invalidValue'],
      ['POST', '/Users', { ...oktaUser('w@example.org', 'w'), favouriteColour: 'blue' }, 'invalidPath'],
      [
        'PATCH',
        `/Users/${user.id}`,
        { Operations: [{ op: 'replace', value: { active: false } }] },
        'invalidSyntax',
      ],
      [
        'PATCH',
        `/Users/${user.id}`,
        { schemas: [patchOp], Operations: [{ op: 'move', path: 'active' }] },
        'invalidSyntax',
      ],
      [
        'PATCH',
        `/Users/${user.id}`,
        { schemas: [patchOp], Operations: [{ op: 'replace', path: 'active', value: 3 }] },
        'invalidValue',
      ],
      [
        'PATCH',
        `/Users/${user.id}`,
        { schemas: [patchOp], Operations: [{ op: 'replace', path: 'id', value: 'mine' }] },
        'mutability',
      ],
      ['PATCH', `/Users/${user.id}`, { schemas: [patchOp], Operations: [{ op: 'remove' }] }, 'noTarget'],
      [
        'PATCH',
        `/Users/${user.id}`,
        {
          schemas: [patchOp],
          Operations: [
            { op: 'replace', path: 'urn:tend:params:scim:schemas:extension:2.0:User:level', value: 'king' },
          ],
        },
        'invalidValue',
      ],
    ];
    for (const [method, url, body, scimType] of cases) {
      const response = await scim(method, url, body);
      expect(response.statusCode, `${method} ${url} ${response.body}`).toBe(400);
      expect(response.json()).toMatchObject({
        schemas: [errorSchema],
        status: '400',
        scimType,
        detail: expect.any(String),
      });
    }
    // Nothing half-written: the person is as before every refused request.
    expect((await scim('GET', `/Users/${user.id}`)).json()).toMatchObject({
      active: true,
      userName: 'bad.requests@example.org',
    });
  });

  it('accepts application/json too, and refuses other media types and unknown addresses in SCIM terms', async () => {
    const asJson = await context.app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: oktaUser('plain.json@example.org', 'okta-json'),
    });
    expect(asJson.statusCode).toBe(201);
    const asText = await context.app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      payload: 'userName=x',
    });
    expect(asText.statusCode).toBe(415);
    const huge = await scim('POST', '/Users', {
      ...oktaUser('huge@example.org', 'huge'),
      title: 'x'.repeat(70_000),
    });
    expect(huge.statusCode).toBe(413);
    expect(asText.json().schemas).toEqual([errorSchema]);
    expect((await scim('GET', '/Users/not-an-id')).statusCode).toBe(404);
    const unknown = await scim('GET', '/Bulk');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().schemas).toEqual([errorSchema]);
  });
});
