import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { defaultSendingLimits, type SendingLimits } from '../core/sending-limits/sending-limits.ts';
import type { Database } from '../db/connect.ts';
import type { App, AppDependencies } from './app-types.ts';
import type { InvitationOrganizer } from './calendar/meeting-invitation.ts';
import type { Config } from './config.ts';
import { safeErrorLogging } from './log-safe-error.ts';
import { registerApiDocs } from './plugins/api-docs.ts';
import { registerAuthentication } from './plugins/authentication.ts';
import { registerAuthorization } from './plugins/authorization.ts';
import { registerCsrfProtection } from './plugins/csrf.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { type RequestQueueOptions, registerRequestQueue } from './plugins/request-queue.ts';
import { copyingSerializerCompiler } from './plugins/response-serializer.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerSendingLimits } from './plugins/sending-limits.ts';
import { registerWebApp } from './plugins/web-app.ts';
import { assessmentWindowRoutes } from './routes/assessment-windows.ts';
import { assessmentRoutes } from './routes/assessments.ts';
import { auditEventRoutes } from './routes/audit-events.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { groupChangeRoutes } from './routes/group-changes.ts';
import { groupPlaceRoutes } from './routes/group-places.ts';
import { groupSpaceRoutes } from './routes/group-space.ts';
import { groupTimeRoutes } from './routes/group-times.ts';
import { groupRoutes } from './routes/groups.ts';
import { healthRoutes } from './routes/health.ts';
import { instrumentRoutes } from './routes/instruments.ts';
import { invitationRoutes } from './routes/invitations.ts';
import { meRoutes } from './routes/me.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { messageRoutes } from './routes/messages.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { organizationSettingsRoutes } from './routes/organization-settings.ts';
import { outboxRoutes } from './routes/outbox.ts';
import { outcomeRoutes } from './routes/outcomes.ts';
import { passwordResetRoutes } from './routes/password-resets.ts';
import { personalResultRoutes } from './routes/personal-results.ts';
import { programCopyRoutes } from './routes/program-copies.ts';
import { programExportRoutes } from './routes/program-exports.ts';
import { programRoutes } from './routes/programs.ts';
import { pushSubscriptionRoutes } from './routes/push-subscriptions.ts';
import { recognitionRoutes } from './routes/recognitions.ts';
import { reflectionRoutes } from './routes/reflections.ts';
import { scimPrefix, scimRoutes } from './routes/scim.ts';
import { scimTokenRoutes } from './routes/scim-token.ts';
import { sessionRoutes } from './routes/session.ts';
import { signInMethodRoutes } from './routes/sign-in-methods.ts';
import { ssoOidcRoutes } from './routes/sso-oidc.ts';
import { samlRoutes } from './routes/sso-saml.ts';
import { supervisionRoutes } from './routes/supervision.ts';
import { topicRoutes } from './routes/topics.ts';
import { userRoutes } from './routes/users.ts';
import { workingConditionRoutes } from './routes/working-conditions.ts';

export type BuildAppOptions = {
  db: Database;
  config: Config;
  now?: () => Date;
  organizer?: InvitationOrganizer;
  logger?: FastifyServerOptions['logger'];
  /** Per-person limits on sending to others; Tend's defaults (core/sending-limits) where not given. */
  sendingLimits?: Partial<SendingLimits>;
  /** Admission control in front of the database; none when absent (tests that do not test it). */
  requestQueue?: RequestQueueOptions;
  /** Where the default logger writes (standard output when absent); tests read what gets logged. */
  logStream?: { write(line: string): void };
  /** The built web app's directory; `dist/web` when absent. */
  webRoot?: string;
};

/** Builds the whole HTTP application without listening; server start-up and tests both use it. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const deps: AppDependencies = {
    db: options.db,
    config: options.config,
    now: options.now ?? (() => new Date()),
    organizer: options.organizer ?? { name: 'Tend', email: 'no-reply@tend.local' },
  };
  const app = Fastify({
    logger: options.logger ?? {
      level: options.config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      ...safeErrorLogging,
      // Query strings and headers can carry tokens and personal data; log the path only.
      serializers: {
        // Fastify's type asks the serializer for a message: exactly what must never be logged.
        err: safeErrorLogging.serializers.err as never,
        req: (request) => ({ method: request.method, path: request.url.split('?')[0] }),
      },
    },
    genReqId: () => randomUUID(),
    // Behind a reverse proxy every request comes from the proxy; trusting it (and only it) gives the
    // real client address to the sign-in throttle and the rate limits.
    trustProxy: options.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(copyingSerializerCompiler);

  registerErrorHandler(app);
  await registerSecurityHeaders(app, deps.config.isCookieSecure);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await registerApiDocs(app);
  // Before anything reads the database, the session included.
  if (options.requestQueue) registerRequestQueue(app, options.requestQueue);
  // Hook order matters: who is asking, then may they, then is the request really from our page.
  registerAuthentication(app, deps);
  registerAuthorization(app);
  await registerCsrfProtection(app, deps.config.isCookieSecure);
  registerSendingLimits(app, deps, { ...defaultSendingLimits, ...options.sendingLimits });

  for (const routes of [
    healthRoutes,
    sessionRoutes,
    invitationRoutes,
    passwordResetRoutes,
    meRoutes,
    dashboardRoutes,
    userRoutes,
    auditEventRoutes,
    programRoutes,
    groupRoutes,
    groupChangeRoutes,
    meetingRoutes,
    groupPlaceRoutes,
    groupTimeRoutes,
    messageRoutes,
    programExportRoutes,
    programCopyRoutes,
    topicRoutes,
    notificationRoutes,
    pushSubscriptionRoutes,
    calendarRoutes,
    outboxRoutes,
    feedbackRoutes,
    workingConditionRoutes,
    groupSpaceRoutes,
    recognitionRoutes,
    supervisionRoutes,
    reflectionRoutes,
    instrumentRoutes,
    assessmentWindowRoutes,
    assessmentRoutes,
    personalResultRoutes,
    outcomeRoutes,
    organizationSettingsRoutes,
    signInMethodRoutes,
    ssoOidcRoutes,
    samlRoutes,
    scimTokenRoutes,
  ]) {
    routes(app, deps);
  }
  // Its own scope: bearer-token authentication, SCIM error bodies and media type (routes/scim.ts).
  await app.register(scimRoutes(deps), { prefix: scimPrefix });
  await registerWebApp(app, options.webRoot);
  return app;
}
