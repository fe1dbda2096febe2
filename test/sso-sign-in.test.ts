import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VouchedIdentity } from '../src/core/accounts/sso-identity.ts';
import { auditEvents, memberships, ssoConnections, users } from '../src/db/schema.ts';
import { setUpOrganization } from '../src/server/services/organization-setup.ts';
import { findSsoConnection, saveSsoConnection } from '../src/server/services/sso-connections.ts';
import { signInWithIdentity } from '../src/server/services/sso-sign-in.ts';
import { latestLinkTo } from './helpers/mailbox.ts';
import { demoOrganizationId, userIdOf } from './helpers/meeting-fixtures.ts';
import { createTestApp, emailOf, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

/** The door every identity provider's answer goes through, and the admin's sign-in methods. */
let context: TestContext;
let organizationId: string;
const encryptionKey = 'a'.repeat(64);
const samlSettings = {
  metadataUrl: null,
  idpEntityId: 'https://idp.demo.tend.test/saml',
  entryPoint: 'https://idp.demo.tend.test/sso',
  logoutUrl: null,
  certificates: [],
};

async function connect(createsUnknownPeople: 'create' | 'refuse', mapping = {}) {
  const admin = { organizationId, userId: await userIdOf(context.connection.db, emailOf.admin) };
  await saveSsoConnection(
    context.connection.db,
    admin,
    {
      protocol: 'saml',
      settings: samlSettings,
      displayName: 'Riverside SSO',
      emailDomains: ['demo.tend.test'],
      createsUnknownPeople,
      mapping,
    },
    { encryptionKey: null, now: new Date() },
  );
  const connection = await findSsoConnection(context.connection.db, { organizationId, protocol: 'saml' });
  if (!connection) throw new Error('no connection saved');
  return connection;
}

const identity = (email: string, attributes: Record<string, string[]> = {}): VouchedIdentity => ({
  subject: `subject-of-${email}`,
  email,
  name: 'Robin New',
  attributes,
});

async function refusals(): Promise<string[]> {
  const rows = await context.connection.db
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'sso.refused'));
  return rows.map((row) => String(row.details?.changes?.[0]?.to));
}

beforeAll(async () => {
  context = await createTestApp({ SSO_ENCRYPTION_KEY: encryptionKey });
  organizationId = await demoOrganizationId(context.connection.db);
});
afterAll(() => context.close());

describe('who an identity provider signs in', () => {
  it('signs in a known person by e-mail and then by the remembered subject, even after the address changes', async () => {
    const connection = await connect('refuse');
    const { db } = context.connection;
    const first = await signInWithIdentity(
      db,
      connection,
      identity(emailOf.participant),
      { subject: 'x' },
      new Date(),
    );
    expect(first.userId).toBe(await userIdOf(db, emailOf.participant));
    // The provider now sends a new address at the same domain for the same subject.
    const renamed = { ...identity(emailOf.participant), email: 'renamed.participant@demo.tend.test' };
    const second = await signInWithIdentity(db, connection, renamed, { subject: 'x' }, new Date());
    expect(second.userId).toBe(first.userId);
  });

  it('refuses someone unknown when the organisation does not add people at first sign-in, and says why', async () => {
    const connection = await connect('refuse');
    await expect(
      signInWithIdentity(
        context.connection.db,
        connection,
        identity('stranger@demo.tend.test'),
        { subject: 's' },
        new Date(),
      ),
    ).rejects.toThrow(/no Tend account for stranger@demo.tend.test/);
    expect(await refusals()).toContainEqual(expect.stringContaining('no Tend account'));
  });

  it('adds someone unknown as mapped (never as admin) when the organisation allows it', async () => {
    const connection = await connect('create', {
      role: { claim: 'groups', values: { 'tend-admins': 'admin', 'tend-facilitators': 'facilitator' } },
      level: { claim: 'eduPersonAffiliation', values: { student: 'student-2' } },
      discipline: { claim: 'department' },
    });
    const { db } = context.connection;
    const facilitator = await signInWithIdentity(
      db,
      connection,
      identity('new.facilitator@demo.tend.test', { groups: ['tend-facilitators'], department: ['Pharmacy'] }),
      { subject: 'f' },
      new Date(),
    );
    const would_be_admin = await signInWithIdentity(
      db,
      connection,
      identity('new.student@demo.tend.test', {
        groups: ['tend-admins'],
        eduPersonAffiliation: ['member', 'student'],
      }),
      { subject: 'a' },
      new Date(),
    );
    const roles = await db
      .select({
        userId: memberships.userId,
        role: memberships.role,
        level: memberships.level,
        discipline: memberships.discipline,
      })
      .from(memberships)
      .where(eq(memberships.organizationId, organizationId));
    expect(roles.find((row) => row.userId === facilitator.userId)).toMatchObject({
      role: 'facilitator',
      discipline: 'Pharmacy',
    });
    expect(roles.find((row) => row.userId === would_be_admin.userId)).toMatchObject({
      role: 'participant',
      level: 'student-2',
    });
  });

  it('refuses an address outside the domains, a disabled account and a member of another organisation', async () => {
    const connection = await connect('create');
    const { db } = context.connection;
    await expect(
      signInWithIdentity(db, connection, identity('ana@elsewhere.example'), { subject: 'e' }, new Date()),
    ).rejects.toThrow(/outside this organisation's domains/);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, emailOf.leader));
    await expect(
      signInWithIdentity(db, connection, identity(emailOf.leader), { subject: 'l' }, new Date()),
    ).rejects.toThrow(/disabled/);
    await db.update(users).set({ disabledAt: null }).where(eq(users.email, emailOf.leader));
    await setUpOrganization(
      db,
      {
        organizationName: 'Other Health',
        timeZone: 'UTC',
        locale: 'en',
        adminEmail: 'boss@demo.tend.test',
        adminName: 'B',
      },
      new Date(),
    );
    await expect(
      signInWithIdentity(db, connection, identity('boss@demo.tend.test'), { subject: 'b' }, new Date()),
    ).rejects.toThrow(/another organisation/);
    expect((await refusals()).length).toBeGreaterThanOrEqual(3);
  });
});

describe('sign-in methods (admins)', () => {
  it('keeps password sign-in for admins only once a provider exists, without telling strangers who has an account', async () => {
    const admin = await signedInClient(context.app, 'admin');
    await context.connection.db.delete(ssoConnections);
    const refused = await admin.request('PUT', '/api/organization/sign-in-methods', {
      isPasswordSignInAdminOnly: true,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/Connect an identity provider/);

    await connect('refuse');
    const on = await admin.request('PUT', '/api/organization/sign-in-methods', {
      isPasswordSignInAdminOnly: true,
    });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ isPasswordSignInAdminOnly: true, connections: [{ protocol: 'saml' }] });

    const participant = new TestClient(context.app);
    const withPassword = await participant.signIn(emailOf.participant);
    expect(withPassword.statusCode).toBe(403);
    expect(withPassword.json().error.message).toMatch(/Sign in with/);
    // A wrong password gets the ordinary answer: the rule is said only to someone who knows the password.
    const wrong = await new TestClient(context.app).signIn(emailOf.participant, 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect((await new TestClient(context.app).signIn(emailOf.admin)).statusCode).toBe(204);
    // Nor does a reset link give them a password to sign in with.
    await participant.request('POST', '/api/password-resets', { email: emailOf.participant });
    const resetToken = await latestLinkTo(context.connection.db, emailOf.participant, 'reset-password');
    const reset = await participant.request('POST', '/api/password-resets/accept', {
      token: resetToken,
      password: 'a long new passphrase 42',
    });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().error.code).toBe('PASSWORD_SIGN_IN_OFF');

    // Disconnecting the last provider gives everyone their password back, so nobody is locked out.
    const off = await admin.request('DELETE', '/api/organization/sso/saml');
    expect(off.json()).toMatchObject({ isPasswordSignInAdminOnly: false, connections: [] });
    expect((await new TestClient(context.app).signIn(emailOf.participant)).statusCode).toBe(204);
  });

  it('offers the provider to addresses at its domains and subdomains and to its organisation’s address', async () => {
    await connect('refuse');
    const anyone = new TestClient(context.app);
    const byDomain = await anyone.request('GET', '/api/sso/discover?email=someone%40wards.demo.tend.test');
    expect(byDomain.json().options).toEqual([
      expect.objectContaining({
        protocol: 'saml',
        displayName: 'Riverside SSO',
        startPath: `/api/sso/saml/${organizationId}/start`,
      }),
    ]);
    expect(
      (await anyone.request('GET', '/api/sso/discover?email=someone%40elsewhere.example')).json().options,
    ).toEqual([]);
    const [organization] = await context.connection.db
      .select({ slug: ssoConnections.id })
      .from(ssoConnections);
    expect(organization).toBeDefined();
    const bad = await anyone.request('GET', '/api/sso/discover');
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a domain another organisation’s provider already signs in', async () => {
    const { db } = context.connection;
    const [other] = await db
      .select({ userId: users.id })
      .from(users)
      .where(eq(users.email, 'boss@demo.tend.test'));
    const [otherMembership] = await db
      .select({ organizationId: memberships.organizationId })
      .from(memberships)
      .where(eq(memberships.userId, other?.userId ?? ''));
    await expect(
      saveSsoConnection(
        db,
        { organizationId: otherMembership?.organizationId ?? '', userId: other?.userId ?? '' },
        {
          protocol: 'saml',
          settings: samlSettings,
          displayName: 'Impostor',
          emailDomains: ['demo.tend.test'],
          createsUnknownPeople: 'create',
          mapping: {},
        },
        { encryptionKey: null, now: new Date() },
      ),
    ).rejects.toThrow(/already signed in by another organisation/);
  });
});
