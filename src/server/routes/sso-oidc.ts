import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { invalidateSession } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { requireMember, setSessionCookie } from '../plugins/authentication.ts';
import { findSsoConnection, saveSsoConnection } from '../services/sso-connections.ts';
import {
  describeProviderError,
  discoverProvider,
  finishOidcSignIn,
  startOidcSignIn,
} from '../services/sso-oidc.ts';
import { pendingSignInLifetimeMs } from '../services/sso-replay.ts';
import { errorResponses } from './schemas.ts';
import {
  OrganizationIdParamsSchema,
  ProtocolValueSchema,
  SsoConnectionCommonSchema,
  SsoConnectionSchema,
} from './sso-schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

const OidcConnectionInputSchema = SsoConnectionCommonSchema.extend({
  issuer: z
    .url({
      protocol: /^https?$/,
      message: "must be the provider's issuer address, e.g. https://login.example.org",
    })
    .max(500)
    .describe('The issuer address; Tend reads <issuer>/.well-known/openid-configuration'),
  clientId: ShortTextSchema.min(1, 'is required').max(500).describe('The client id the provider gave Tend'),
  clientSecret: ShortTextSchema.min(1, 'is empty; leave it out to keep the stored secret')
    .max(2000)
    .nullable()
    .optional()
    .describe('Absent: keep the stored secret; null: remove it (a public client using PKCE only)'),
});

/** Whatever the provider sends back; checked by the service, never rejected here (that would be a 400 page). */
const CallbackQuerySchema = z.looseObject({
  state: ProtocolValueSchema.max(2000).optional(),
  code: ProtocolValueSchema.max(4000).optional(),
  error: ProtocolValueSchema.max(200).optional(),
  error_description: ProtocolValueSchema.max(2000).optional(),
});

/**
 * Binds a sign-in to the browser that started it: an answer arriving in another browser (a link
 * someone was sent, to sign them in as someone else) has no cookie, or another state in it. Lax, so
 * the provider's redirect back (a top-level navigation) carries it.
 */
function stateCookieName(isCookieSecure: boolean): string {
  return isCookieSecure ? '__Secure-tend_sso_oidc' : 'tend_sso_oidc';
}
const stateCookiePath = '/api/sso/oidc';

function redirectToSignIn(reply: FastifyReply, message: string) {
  return reply.redirect(`/sign-in?${new URLSearchParams({ ssoError: message })}`, 302);
}

export function ssoOidcRoutes(app: App, { db, config, now }: AppDependencies): void {
  const cookieName = stateCookieName(config.isCookieSecure);
  const cookieOptions = {
    path: stateCookiePath,
    httpOnly: true,
    secure: config.isCookieSecure,
    sameSite: 'lax' as const,
  };

  app.put(
    '/api/organization/sso/oidc',
    {
      config: { action: 'sso-connections.update' },
      schema: {
        tags: ['single sign-on'],
        summary: 'Connect (or change) the OpenID Connect provider; Tend checks it answers discovery first',
        body: OidcConnectionInputSchema,
        response: { 200: SsoConnectionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      const { issuer, clientId, clientSecret, ...common } = request.body;
      const settings = { issuer, clientId };
      try {
        await discoverProvider(settings, undefined, config);
      } catch (error) {
        const problem = describeProviderError(error);
        throw new AppError(
          'SSO_SETTINGS_INVALID',
          `Tend could not use ${settings.issuer} as an OpenID Connect provider: ${problem}.`,
          { fields: { 'body.issuer': problem } },
        );
      }
      return saveSsoConnection(
        db,
        member,
        { protocol: 'oidc', settings, ...common },
        {
          ...(clientSecret !== undefined ? { secret: clientSecret } : {}),
          encryptionKey: config.ssoEncryptionKey,
          now: now(),
        },
      );
    },
  );

  app.get(
    '/api/sso/oidc/:organizationId/start',
    {
      config: { action: 'sso.start' },
      schema: {
        tags: ['single sign-on'],
        summary: "Sign in with the organisation's OpenID Connect provider: sends the browser there",
        params: OrganizationIdParamsSchema,
        response: {
          302: z
            .null()
            .describe("To the provider's sign-in page, or back to /sign-in?ssoError=… when it is down"),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const connection = await findSsoConnection(db, {
        organizationId: request.params.organizationId,
        protocol: 'oidc',
      });
      if (!connection) {
        throw new AppError(
          'NOT_FOUND',
          'This organisation has no OpenID Connect sign-in set up. Sign in another way, or ask your administrator.',
        );
      }
      try {
        const { authorizationUrl, state } = await startOidcSignIn(db, connection, config, now());
        reply.setCookie(cookieName, `${connection.id}.${state}`, {
          ...cookieOptions,
          maxAge: pendingSignInLifetimeMs / 1000,
        });
        return reply.redirect(authorizationUrl, 302);
      } catch (error) {
        if (error instanceof AppError && error.code !== 'SSO_PROVIDER_UNAVAILABLE') throw error;
        const problem = error instanceof AppError ? error.message : describeProviderError(error);
        request.log.warn({ connectionId: connection.id, problem }, 'OIDC sign-in could not start');
        return redirectToSignIn(
          reply,
          `Signing in with ${connection.displayName} is not possible right now (${problem}). Try again later.`,
        );
      }
    },
  );

  app.get(
    '/api/sso/oidc/callback',
    {
      config: { action: 'sso.finish' },
      schema: {
        tags: ['single sign-on'],
        summary: "The OpenID Connect provider's answer (redirect URI): signs in, or says why not",
        querystring: CallbackQuerySchema,
        response: {
          302: z
            .null()
            .describe('Signed in: to /. Refused: to /sign-in?ssoError=<why>, with a line in the audit log'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const [browserConnectionId, browserState] = (request.cookies[cookieName] ?? '').split('.');
      // Used or not, the binding is spent: a second answer must start again.
      reply.clearCookie(cookieName, cookieOptions);
      const queryStart = request.url.indexOf('?');
      try {
        const { token } = await finishOidcSignIn(
          db,
          {
            search: queryStart === -1 ? '' : request.url.slice(queryStart),
            state: request.query.state,
            error: request.query.error,
            errorDescription: request.query.error_description,
            browserState: browserState || undefined,
            browserConnectionId: browserConnectionId || undefined,
          },
          config,
          now(),
          (id) => findSsoConnection(db, { id }),
        );
        // A new token at every sign-in, and the browser's old session (if any) ends: see POST /api/session.
        if (request.member) await invalidateSession(db, request.member.sessionId);
        setSessionCookie(reply, token, config.isCookieSecure);
        return reply.redirect('/', 302);
      } catch (error) {
        if (
          !(error instanceof AppError) ||
          !['SSO_REFUSED', 'SSO_PROVIDER_UNAVAILABLE'].includes(error.code)
        ) {
          throw error;
        }
        // The reason (which can name the person's address) is in the organisation's audit log; the
        // server log says only that it happened, and never holds the code or a token.
        request.log.info('OIDC sign-in refused');
        return redirectToSignIn(reply, error.message);
      }
    },
  );
}
