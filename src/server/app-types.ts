import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SignedInMember } from './auth/sessions.ts';
import type { Action } from './policy.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type ApiRoute = { method: string; url: string; action: Action };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its policy action, for the authorization test and the docs check. */
    apiRoutes: ApiRoute[];
  }
  interface FastifyContextConfig {
    /** The policy action this route performs; required on every /api route. */
    action?: Action;
  }
  interface FastifyRequest {
    member: SignedInMember | null;
  }
}
