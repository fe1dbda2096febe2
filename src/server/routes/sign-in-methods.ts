import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import {
  disconnectProvider,
  readSignInMethods,
  setPasswordSignInAdminOnly,
} from '../services/sign-in-methods.ts';
import { findSignInOptions } from '../services/sso-connections.ts';
import { EmailSchema, errorResponses } from './schemas.ts';
import { ProtocolParamsSchema, SsoConnectionSchema } from './sso-schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

const SignInMethodsSchema = z.object({
  isPasswordSignInAdminOnly: z
    .boolean()
    .describe(
      'When true, only admins sign in with a password (their recovery path); everyone else uses single sign-on',
    ),
  connections: z.array(SsoConnectionSchema),
  serviceProvider: z
    .object({
      oidcRedirectUri: z.string(),
      oidcPostLogoutRedirectUri: z.string(),
      samlEntityId: z.string(),
      samlMetadataUrl: z.string(),
      samlAcsUrl: z.string(),
      samlLogoutUrl: z.string(),
      scimBaseUrl: z.string(),
    })
    .describe("The addresses to register Tend under at the organisation's identity provider"),
  scimToken: z.object({ createdAt: z.string(), lastUsedAt: z.string().nullable() }).nullable(),
});

const SignInOptionSchema = z.object({
  protocol: z.enum(['oidc', 'saml']),
  displayName: z.string(),
  organizationName: z.string(),
  startPath: z.string().describe('Send the browser here to sign in with this provider'),
});

export function signInMethodRoutes(app: App, { db, config }: AppDependencies): void {
  app.get(
    '/api/sso/discover',
    {
      config: { action: 'sso.discover', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['single sign-on'],
        summary:
          'The identity providers that sign in an e-mail address (by its domain) or an organisation (by its address)',
        querystring: z
          .object({
            email: EmailSchema.optional(),
            organization: ShortTextSchema.min(1, 'is empty').max(100).optional(),
          })
          .refine((query) => (query.email === undefined) !== (query.organization === undefined), {
            message: 'give either email or organization',
          }),
        response: { 200: z.object({ options: z.array(SignInOptionSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { email, organization } = request.query;
      return {
        options: await findSignInOptions(db, email ? { email } : { organizationSlug: organization ?? '' }),
      };
    },
  );

  app.get(
    '/api/organization/sign-in-methods',
    {
      config: { action: 'sso-connections.read' },
      schema: {
        tags: ['single sign-on'],
        summary:
          'The identity providers, password rule and SCIM token of the organisation, with the addresses to register',
        response: { 200: SignInMethodsSchema, ...errorResponses },
      },
    },
    async (request) => readSignInMethods(db, requireMember(request).organizationId, config.publicUrl),
  );

  app.put(
    '/api/organization/sign-in-methods',
    {
      config: { action: 'sign-in-methods.update' },
      schema: {
        tags: ['single sign-on'],
        summary: 'Turn password sign-in off for everyone but admins (or back on)',
        body: z.object({ isPasswordSignInAdminOnly: z.boolean() }),
        response: { 200: SignInMethodsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      await setPasswordSignInAdminOnly(db, member, request.body.isPasswordSignInAdminOnly);
      return readSignInMethods(db, member.organizationId, config.publicUrl);
    },
  );

  app.delete(
    '/api/organization/sso/:protocol',
    {
      config: { action: 'sso-connections.delete' },
      schema: {
        tags: ['single sign-on'],
        summary: 'Disconnect the identity provider of one protocol (people keep their accounts)',
        params: ProtocolParamsSchema,
        response: { 200: SignInMethodsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      await disconnectProvider(db, member, request.params.protocol);
      return readSignInMethods(db, member.organizationId, config.publicUrl);
    },
  );
}
