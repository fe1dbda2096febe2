import { createECDH, randomBytes } from 'node:crypto';
import type { ApiResponse } from '../../../web/src/lib/api.ts';
import { latestLinkTo } from '../mailbox.ts';
import type { Step } from './step.ts';

type Member = ApiResponse<'POST', '/api/users'>;

/** Identity providers running beside the app, for connecting single sign-on. */
export type Providers = {
  samlMetadataXml: string;
  oidc: { issuer: string; clientId: string; clientSecret: string };
};

const invitee = 'uma.ward@example.org';

/** A browser's push subscription: a P-256 public key and a 16-byte auth secret, as PushSubscription.toJSON() gives them. */
const device = {
  endpoint: 'https://fcm.googleapis.com/fcm/send/tend-response-test',
  keys: {
    p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
    auth: randomBytes(16).toString('base64url'),
  },
  expirationTime: null,
};

const providerSettings = {
  emailDomains: ['demo.tend.test'],
  createsUnknownPeople: 'refuse',
  mapping: { role: { claim: 'groups', values: { 'tend-facilitators': 'facilitator' } } },
};

/** People, invitations, the organisation's settings and sign-in, and each person's own preferences. */
export function peopleSteps(providers: Providers): Step[] {
  return [
    {
      route: 'POST /api/users',
      as: 'admin',
      body: () => ({ name: 'Uma Ward', email: invitee, role: 'participant', level: 'resident' }),
      keep: (answer, ids) => {
        ids.newPersonId = (answer as Member).id;
      },
    },
    {
      route: 'PATCH /api/users/:id',
      as: 'admin',
      params: { id: 'newPersonId' },
      body: () => ({ discipline: 'Social work' }),
    },
    { route: 'POST /api/users/:id/invitation', as: 'admin', params: { id: 'newPersonId' } },
    // The token comes the way it comes to the person: in the link of the e-mail just sent.
    {
      route: 'POST /api/invitations/lookup',
      as: 'anonymous',
      body: async ({ db }) => ({ token: await latestLinkTo(db, invitee, 'invitation') }),
    },
    {
      route: 'POST /api/users/import',
      as: 'admin',
      body: () => ({ csv: 'name,email,role,level\nBo Two,bo.two@example.org,facilitator,faculty\n' }),
    },
    { route: 'POST /api/users/invitations', as: 'admin' },
    {
      route: 'POST /api/password-resets',
      as: 'anonymous',
      body: () => ({ email: 'participant2@demo.tend.test' }),
    },
    {
      route: 'PUT /api/organization/settings',
      as: 'admin',
      body: () => ({
        attendanceWindowDays: 5,
        supportResources: [{ name: 'Counselling service', contact: 'Call 416-555-0199, weekdays' }],
      }),
    },
    { route: 'POST /api/organization/scim-token', as: 'admin' },
    {
      route: 'PUT /api/organization/sso/saml',
      as: 'admin',
      body: () => ({
        ...providerSettings,
        displayName: 'Test University',
        metadataXml: providers.samlMetadataXml,
      }),
    },
    {
      route: 'PUT /api/organization/sso/oidc',
      as: 'admin',
      body: () => ({ ...providerSettings, displayName: 'Hospital Login', ...providers.oidc }),
    },
    {
      route: 'PUT /api/organization/sign-in-methods',
      as: 'admin',
      body: () => ({ isPasswordSignInAdminOnly: false }),
    },
    {
      route: 'DELETE /api/organization/sso/:protocol',
      as: 'admin',
      params: { protocol: 'disconnectedProtocol' },
      before: async ({ ids }) => {
        ids.disconnectedProtocol = 'saml';
      },
    },
    {
      route: 'PUT /api/me/notification-preferences',
      as: 'participant',
      body: () => ({ isEmailEnabled: false }),
    },
    { route: 'POST /api/notifications/read', as: 'participant', body: () => ({ all: true }) },
    { route: 'PUT /api/me/push-subscriptions', as: 'participant', body: () => device },
    {
      route: 'DELETE /api/me/push-subscriptions',
      as: 'participant',
      body: () => ({ endpoint: device.endpoint }),
    },
    { route: 'POST /api/me/calendar-feed', as: 'participant' },
  ];
}

/** Signing out ends the participant's session: it comes after everything else. */
export const lastSteps: Step[] = [{ route: 'DELETE /api/session', as: 'participant' }];
