/**
 * SCIM 2.0 provisioning (RFC 7643/7644) for Entra ID, Okta and any other identity provider: their own
 * scope under /scim/v2, with its own authentication (the organisation's bearer token, no cookies and
 * so no CSRF), its own error bodies (RFC 7644 §3.12) and its own media type, application/scim+json.
 */
import type { FastifyError, FastifyRequest } from 'fastify';
import {
  describeSchemas,
  describeServiceProvider,
  describeUserResourceType,
  scimMaxResults,
} from '../../core/accounts/scim-discovery.ts';
import { ScimError } from '../../core/accounts/scim-error.ts';
import { parseScimFilter } from '../../core/accounts/scim-filter.ts';
import { applyScimPatch, readScimPatch } from '../../core/accounts/scim-patch.ts';
import {
  completeScimUser,
  presentScimUser,
  readScimUserResource,
  type ScimUserDraft,
  type ScimUserRecord,
  scimSchemas,
} from '../../core/accounts/scim-user.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { AppError } from '../errors.ts';
import { toLoggedError } from '../log-safe-error.ts';
import { authenticateScimToken } from '../services/scim-tokens.ts';
import {
  changeScimUser,
  createScimUser,
  deleteScimUser,
  findScimUser,
  listScimUsers,
} from '../services/scim-users.ts';

export const scimPrefix = '/scim/v2';

/** Which organisation each authenticated request provisions; nothing else may set it. */
const organizationOf = new WeakMap<FastifyRequest, string>();

function organizationIdOf(request: FastifyRequest): string {
  const organizationId = organizationOf.get(request);
  if (!organizationId) throw new ScimError(401, 'Send the SCIM token as Authorization: Bearer <token>.');
  return organizationId;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const errorBody = (status: number, detail: string, scimType?: string) => ({
  schemas: [scimSchemas.error],
  status: String(status),
  ...(scimType ? { scimType } : {}),
  detail,
});

/** Errors raised below (ours, the accounts service's, Fastify's) as a SCIM status, type and detail. */
function toScimError(error: FastifyError): ScimError | null {
  if (error instanceof ScimError) return error;
  if (error.code === '23505' || (error.cause as { code?: string } | undefined)?.code === '23505') {
    // Two requests raced for one userName or externalId; the loser is told as if it came second.
    return new ScimError(409, 'Another user already has this userName or externalId.', 'uniqueness');
  }
  if (error instanceof AppError) {
    if (error.code === 'NOT_FOUND') return new ScimError(404, 'No user with this id in the organisation.');
    if (error.code === 'EMAIL_TAKEN') return new ScimError(409, error.message, 'uniqueness');
    return new ScimError(error.status, error.message, error.status === 400 ? 'invalidValue' : undefined);
  }
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    (error instanceof SyntaxError && error.statusCode === 400)
  ) {
    return new ScimError(400, 'The request body is not valid JSON.', 'invalidSyntax');
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new ScimError(413, 'The request body is too large.');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new ScimError(415, 'Send the request body as application/scim+json or application/json.');
  }
  if (error.statusCode === 429)
    return new ScimError(429, 'Too many requests; slow down and try again in a minute.');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new ScimError(error.statusCode, 'The request could not be read.', 'invalidSyntax');
  }
  return null;
}

/** RFC 7644 §3.4.2.4: startIndex below 1 means 1, a negative count means 0; Tend caps count. */
function readPage(query: { startIndex?: string; count?: string }): { startIndex: number; count: number } {
  const read = (value: string | undefined, name: string, fallback: number) => {
    if (value === undefined || value === '') return fallback;
    if (!/^-?\d{1,9}$/.test(value))
      throw new ScimError(400, `${name} must be a whole number.`, 'invalidValue');
    return Number(value);
  };
  return {
    startIndex: Math.max(1, read(query.startIndex, 'startIndex', 1)),
    count: Math.min(scimMaxResults, Math.max(0, read(query.count, 'count', scimMaxResults))),
  };
}

function readUserId(params: unknown): string {
  const id = (params as { id?: string }).id ?? '';
  // Any other shape names no one here; answered like an unknown id rather than as bad input.
  if (!uuidPattern.test(id)) throw new ScimError(404, 'No user with this id in the organisation.');
  return id;
}

export function scimRoutes({ db, config, now }: AppDependencies) {
  const baseUrl = `${config.publicUrl}${scimPrefix}`;
  const locationOf = (userId: string) => `${baseUrl}/Users/${userId}`;
  const present = (user: ScimUserRecord) => presentScimUser(user, locationOf(user.id));
  const routeOptions = { bodyLimit: 64 * 1024 };

  return async function registerScim(scope: App): Promise<void> {
    // JSON in either media type (Entra ID sends application/json, RFC 7644 application/scim+json); any
    // other body is refused with 415 rather than read as text.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ['application/json', 'application/scim+json'],
      { parseAs: 'string' },
      scope.getDefaultJsonParser('error', 'error'),
    );

    // Enough for a full synchronisation of a large organisation, yet a stolen token cannot hammer;
    // counted before the token is checked, so guessing tokens is as limited as using one.
    scope.addHook('onRequest', scope.rateLimit({ max: 1200, timeWindow: '1 minute' }));
    scope.addHook('onRequest', async (request, reply) => {
      const [scheme, token] = (request.headers.authorization ?? '').split(' ');
      const organizationId =
        scheme?.toLowerCase() === 'bearer' && token ? await authenticateScimToken(db, token, now()) : null;
      if (!organizationId) {
        // A session cookie is not a SCIM credential: provisioning acts for the directory, not a person.
        reply.header('www-authenticate', token ? 'Bearer error="invalid_token"' : 'Bearer realm="Tend SCIM"');
        throw new ScimError(401, 'Send a valid SCIM token as Authorization: Bearer <token>.');
      }
      organizationOf.set(request, organizationId);
    });

    scope.addHook('onSend', async (_request, reply, payload) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith('application/json')) {
        reply.header('content-type', 'application/scim+json; charset=utf-8');
      }
      return payload;
    });

    scope.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = toScimError(error);
      if (problem) {
        return reply
          .status(problem.status)
          .send(errorBody(problem.status, problem.message, problem.scimType));
      }
      // Messages of unexpected errors may quote personal data; the request id ties the log to the client.
      request.log.error({ err: toLoggedError(error) }, 'unexpected error in SCIM');
      return reply
        .status(500)
        .send(errorBody(500, `Something went wrong on Tend's side (request ${request.id}).`));
    });

    scope.setNotFoundHandler((request, reply) =>
      reply.status(404).send(errorBody(404, `There is no ${request.method} ${request.url.split('?')[0]}.`)),
    );

    scope.get('/ServiceProviderConfig', routeOptions, async () => describeServiceProvider(baseUrl));
    scope.get('/ResourceTypes', routeOptions, async () => {
      const resources = [describeUserResourceType(baseUrl)];
      return {
        schemas: [scimSchemas.listResponse],
        totalResults: 1,
        itemsPerPage: 1,
        startIndex: 1,
        Resources: resources,
      };
    });
    scope.get('/ResourceTypes/User', routeOptions, async () => describeUserResourceType(baseUrl));
    scope.get('/Schemas', routeOptions, async () => {
      const resources = describeSchemas(baseUrl);
      return {
        schemas: [scimSchemas.listResponse],
        totalResults: resources.length,
        itemsPerPage: resources.length,
        startIndex: 1,
        Resources: resources,
      };
    });
    scope.get('/Schemas/:id', routeOptions, async (request) => {
      const { id } = request.params as { id: string };
      const found = describeSchemas(baseUrl).find((schema) => schema.id === id);
      if (!found) throw new ScimError(404, `Tend has no schema ${id}.`);
      return found;
    });

    scope.get('/Users', routeOptions, async (request) => {
      const query = request.query as { filter?: string; startIndex?: string; count?: string };
      const filter = query.filter ? parseScimFilter(query.filter) : null;
      const page = readPage(query);
      const { totalResults, users } = await listScimUsers(db, organizationIdOf(request), { filter, ...page });
      return {
        schemas: [scimSchemas.listResponse],
        totalResults,
        itemsPerPage: users.length,
        startIndex: page.startIndex,
        Resources: users.map(present),
      };
    });

    scope.post('/Users', routeOptions, async (request, reply) => {
      const fields = completeScimUser(null, readScimUserResource(request.body));
      const created = await createScimUser(db, organizationIdOf(request), fields, now());
      return reply.status(201).header('location', locationOf(created.id)).send(present(created));
    });

    scope.get('/Users/:id', routeOptions, async (request) =>
      present(await findScimUser(db, organizationIdOf(request), readUserId(request.params))),
    );

    // PUT and PATCH both describe the person as they should now be; attributes a draft leaves out
    // keep their value, so a client that never sent externalId or a level erases nothing.
    const changeTo = async (request: FastifyRequest, draft: ScimUserDraft) =>
      present(
        await changeScimUser(
          db,
          organizationIdOf(request),
          readUserId(request.params),
          (current) => completeScimUser(current, draft),
          now(),
        ),
      );

    scope.put('/Users/:id', routeOptions, (request) => changeTo(request, readScimUserResource(request.body)));

    scope.patch('/Users/:id', routeOptions, (request) =>
      changeTo(request, applyScimPatch(readScimPatch(request.body))),
    );

    scope.delete('/Users/:id', routeOptions, async (request, reply) => {
      await deleteScimUser(db, organizationIdOf(request), readUserId(request.params), now());
      return reply.status(204).send();
    });

    // 501, the status RFC 7644 §3.12 gives an operation the provider does not support: a 404 would
    // tell the client "no such group" and invite it to create one.
    scope.all('/Groups', routeOptions, async () => {
      throw new ScimError(
        501,
        'Tend does not provision groups: its groups are formed in Tend. Provision users only.',
      );
    });
    scope.all('/Groups/*', routeOptions, async () => {
      throw new ScimError(
        501,
        'Tend does not provision groups: its groups are formed in Tend. Provision users only.',
      );
    });
  };
}
