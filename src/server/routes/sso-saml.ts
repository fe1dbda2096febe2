import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { AppError, notFound } from '../errors.ts';
import { requireMember, setSessionCookie } from '../plugins/authentication.ts';
import { fetchIdentityProviderMetadata, parseIdentityProviderMetadata } from '../services/saml-metadata.ts';
import { findSsoConnection, saveSsoConnection } from '../services/sso-connections.ts';
import { finishSamlSignIn, serviceProviderMetadata, startSamlSignIn } from '../services/sso-saml.ts';
import { handleSamlLogout } from '../services/sso-saml-logout.ts';
import { refuseSignIn } from '../services/sso-sign-in.ts';
import { errorResponses, fileResponse } from './schemas.ts';
import {
  OrganizationIdParamsSchema,
  ProtocolValueSchema,
  SsoConnectionCommonSchema,
  SsoConnectionSchema,
} from './sso-schemas.ts';
import { LongTextSchema } from './text-schemas.ts';

/** A SAML form is a few kilobytes (one signed assertion); far more is not a provider's answer. */
const formBodyLimit = 256 * 1024;

const SamlConnectionInputSchema = SsoConnectionCommonSchema.extend({
  metadataXml: LongTextSchema.trim()
    .min(1, 'is empty')
    .max(1024 * 1024, 'is larger than 1 MB')
    .optional()
    .describe("The identity provider's metadata XML, pasted"),
  metadataUrl: z
    .url('must be an address, e.g. https://idp.example/metadata')
    .max(2000)
    .optional()
    .describe('Where the identity provider publishes its metadata; read once, when saving'),
}).superRefine((input, context) => {
  if ((input.metadataXml === undefined) === (input.metadataUrl === undefined)) {
    context.addIssue({
      code: 'custom',
      path: [input.metadataXml === undefined ? 'metadataXml' : 'metadataUrl'],
      message: 'give exactly one of metadataXml and metadataUrl',
    });
  }
});

const SamlFormSchema = z.object({
  SAMLResponse: ProtocolValueSchema.max(formBodyLimit).optional(),
  SAMLRequest: ProtocolValueSchema.max(formBodyLimit).optional(),
  RelayState: ProtocolValueSchema.max(1000).optional(),
});

const LogoutQuerySchema = SamlFormSchema.extend({
  SigAlg: ProtocolValueSchema.max(200).optional(),
  Signature: ProtocolValueSchema.max(2000).optional(),
});

const redirectResponse = (description: string) => ({ 302: z.null().describe(description) });

/** Where a refused sign-in lands: the sign-in page, saying why in words a person understands. */
function signInPageWithError(message: string): string {
  return `/sign-in?ssoError=${encodeURIComponent(message)}`;
}

export function samlRoutes(app: App, deps: AppDependencies): void {
  // Identity providers post their answers as HTML forms; only these routes read form bodies.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: formBodyLimit },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    samlRoutesInScope(scope as App, deps);
  });
}

function samlRoutesInScope(app: App, { db, config, now }: AppDependencies): void {
  const connectionOf = async (organizationId: string) => {
    const connection = await findSsoConnection(db, { organizationId, protocol: 'saml' });
    if (!connection) throw notFound('Single sign-on with SAML for this organisation');
    return connection;
  };

  app.put(
    '/api/organization/sso/saml',
    {
      config: { action: 'sso-connections.update' },
      schema: {
        tags: ['single sign-on'],
        summary: "Connect (or replace) the organisation's SAML identity provider from its metadata",
        body: SamlConnectionInputSchema,
        response: { 200: SsoConnectionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      const { metadataXml, metadataUrl, ...common } = request.body;
      const settings = metadataUrl
        ? await fetchIdentityProviderMetadata(metadataUrl, config.environment)
        : { metadataUrl: null, ...parseIdentityProviderMetadata(metadataXml ?? '') };
      return saveSsoConnection(
        db,
        member,
        { protocol: 'saml', settings, ...common },
        { encryptionKey: config.ssoEncryptionKey, now: now() },
      );
    },
  );

  app.get(
    '/api/sso/saml/:organizationId/metadata',
    {
      config: { action: 'sso.metadata' },
      schema: {
        tags: ['single sign-on'],
        summary: "Tend's SAML service provider metadata for this organisation, to give the identity provider",
        params: OrganizationIdParamsSchema,
        response: {
          200: fileResponse('SAML metadata', { 'application/samlmetadata+xml': 'text' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const connection = await connectionOf(request.params.organizationId);
      return reply
        .type('application/samlmetadata+xml; charset=utf-8')
        .send(serviceProviderMetadata(connection, config));
    },
  );

  app.get(
    '/api/sso/saml/:organizationId/start',
    {
      config: { action: 'sso.start', rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['single sign-on'],
        summary: "Go to the organisation's identity provider to sign in (SAML HTTP-Redirect)",
        params: OrganizationIdParamsSchema,
        response: { ...redirectResponse("To the identity provider's sign-in page"), ...errorResponses },
      },
    },
    async (request, reply) => {
      const connection = await connectionOf(request.params.organizationId);
      return reply.redirect(await startSamlSignIn(db, connection, config, now), 302);
    },
  );

  app.post(
    '/api/sso/saml/:organizationId/acs',
    {
      config: { action: 'sso.finish', isPostedByIdentityProvider: true },
      schema: {
        tags: ['single sign-on'],
        summary: "The identity provider's signed answer (SAML HTTP-POST), posted by the browser",
        params: OrganizationIdParamsSchema,
        body: SamlFormSchema,
        response: {
          ...redirectResponse('Signed in: to the home page; refused: to the sign-in page with ssoError'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      // No connection is not a forged answer but a wrong address, as for the other SAML routes.
      const connection = await connectionOf(request.params.organizationId);
      try {
        const samlResponse = request.body.SAMLResponse;
        if (!samlResponse)
          await refuseSignIn(db, connection, 'The identity provider sent no answer. Please start again.');
        const { token } = await finishSamlSignIn(db, connection, config, samlResponse ?? '', now);
        setSessionCookie(reply, token, config.isCookieSecure);
        return reply.redirect('/', 302);
      } catch (error) {
        if (error instanceof AppError && error.code === 'SSO_REFUSED') {
          return reply.redirect(signInPageWithError(error.message), 302);
        }
        throw error;
      }
    },
  );

  const logoutSchema = {
    tags: ['single sign-on'],
    params: OrganizationIdParamsSchema,
    response: {
      ...redirectResponse("To the identity provider with Tend's LogoutResponse, or to the sign-in page"),
      ...errorResponses,
    },
  };
  const answerLogout = async (
    organizationId: string,
    message: Parameters<typeof handleSamlLogout>[3],
  ): Promise<string> => {
    const connection = await connectionOf(organizationId);
    try {
      return await handleSamlLogout(db, connection, config, message, now);
    } catch (error) {
      if (error instanceof AppError && error.code === 'SSO_REFUSED')
        return signInPageWithError(error.message);
      throw error;
    }
  };

  app.get(
    '/api/sso/saml/:organizationId/logout',
    {
      config: { action: 'sso.logout' },
      schema: {
        ...logoutSchema,
        summary: 'Single logout from the identity provider (SAML HTTP-Redirect)',
        querystring: LogoutQuerySchema,
      },
    },
    async (request, reply) => {
      const originalQuery = request.url.split('?')[1] ?? '';
      const fields = Object.fromEntries(
        Object.entries(request.query).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
      const target = await answerLogout(request.params.organizationId, {
        binding: 'redirect',
        fields,
        originalQuery,
      });
      return reply.redirect(target, 302);
    },
  );

  app.post(
    '/api/sso/saml/:organizationId/logout',
    {
      config: { action: 'sso.logout', isPostedByIdentityProvider: true },
      schema: {
        ...logoutSchema,
        summary: 'Single logout from the identity provider (SAML HTTP-POST)',
        body: SamlFormSchema,
      },
    },
    async (request, reply) => {
      const fields = Object.fromEntries(
        Object.entries(request.body).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
      const target = await answerLogout(request.params.organizationId, { binding: 'post', fields });
      return reply.redirect(target, 302);
    },
  );
}
