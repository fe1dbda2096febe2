import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { SendingKind } from '../core/sending-limits/sending-limits.ts';
import type { Database } from '../db/connect.ts';
import type { SignedInMember } from './auth/sessions.ts';
import type { InvitationOrganizer } from './calendar/meeting-invitation.ts';
import type { Config } from './config.ts';
import type { Action } from './policy.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression<RawServerDefault>,
  RawReplyDefaultExpression<RawServerDefault>,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type AppDependencies = {
  db: Database;
  config: Config;
  /** The clock, replaceable so tests can move time past a session timeout. */
  now: () => Date;
  /** Who calendar invitations come from: the organisation's sender address. */
  organizer: InvitationOrganizer;
};

/** `schema` lets tests walk every route's inputs (e.g. that each text field refuses control characters). */
export type ApiRoute = { method: string; url: string; action: Action; schema?: FastifySchema | undefined };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its policy action, for the authorization test and the docs check. */
    apiRoutes: ApiRoute[];
    /** How many requests wait for their turn (with a request queue), for tests and diagnostics. */
    requestQueueLength?: () => number;
  }
  interface FastifyContextConfig {
    /** The policy action this route performs; required on every /api route. */
    action?: Action;
    /** What a request to this route sends to others, limited per person (plugins/sending-limits.ts). */
    sendingLimit?: SendingKind | ((body: unknown) => SendingKind);
    /**
     * A form an identity provider's page posts here (SAML): no CSRF token can come with it, and the
     * provider's signature, checked by the route, is what protects it.
     */
    isPostedByIdentityProvider?: boolean;
  }
  interface FastifyRequest {
    member: SignedInMember | null;
  }
}
