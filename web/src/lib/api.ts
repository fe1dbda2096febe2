/**
 * The one way features call the API: `api('GET', '/api/meetings/{meetingId}', { path: { meetingId } })`.
 * Paths, parameters, bodies and answers are typed by api-types.ts, which is generated from the
 * server's route schemas (scripts/api-types.ts), so the web app cannot drift from what the server
 * says it answers. Requests go through `apiRequest` (CSRF token, errors as ApiError).
 */
import { apiRequest } from './api-client.ts';
import type { paths } from './api-types.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Operation<M extends Method, P extends keyof paths> = NonNullable<paths[P][Lowercase<M>]>;

/** The API paths that answer `method`. */
export type ApiPath<M extends Method> = {
  [P in keyof paths]: [NonNullable<paths[P][Lowercase<M>]>] extends [never] ? never : P;
}[keyof paths];

type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;
type SuccessStatus = 200 | 201 | 202 | 204;
type Responses<M extends Method, P extends keyof paths> =
  Operation<M, P> extends { responses: infer R } ? R : never;

/** What a route answers when it succeeds; undefined for 204 No Content. */
export type ApiResponse<M extends Method, P extends ApiPath<M>> = {
  [S in keyof Responses<M, P> & SuccessStatus]: S extends 204 ? undefined : JsonOf<Responses<M, P>[S]>;
}[keyof Responses<M, P> & SuccessStatus];

/** The JSON body a route takes. */
export type ApiBody<M extends Method, P extends ApiPath<M>> =
  Operation<M, P> extends {
    requestBody?: infer Body;
  }
    ? JsonOf<NonNullable<Body>>
    : never;

/** The query a route takes. */
export type ApiQuery<M extends Method, P extends ApiPath<M>> =
  Operation<M, P> extends { parameters: { query?: infer Query } } ? NonNullable<Query> : never;

// Not distributive ([O] extends [...]): while TypeScript still infers a call's path, O is the union
// of every operation, and distributing it would multiply the three unions past what it can represent.
type PathParams<O> = [O] extends [{ parameters: { path: infer Params } }]
  ? { path: Params }
  : { path?: never };
type QueryParams<O> = [O] extends [{ parameters: { query?: infer Query } }]
  ? [NonNullable<Query>] extends [never]
    ? { query?: never }
    : { query?: NonNullable<Query> }
  : { query?: never };
type BodyParam<O> = [O] extends [{ requestBody: { content: { 'application/json': infer Body } } }]
  ? { body: Body }
  : [O] extends [{ requestBody?: { content: { 'application/json': infer Body } } }]
    ? { body?: Body }
    : { body?: never };

export type ApiOptions<M extends Method, P extends ApiPath<M>> = PathParams<Operation<M, P>> &
  QueryParams<Operation<M, P>> &
  BodyParam<Operation<M, P>>;

/** The address of a path with its parameters filled in and its query appended. */
export function apiUrl(
  path: string,
  options: { path?: Record<string, string | number>; query?: Record<string, unknown> } = {},
): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = options.path?.[name];
    if (value === undefined) throw new Error(`The API path ${path} needs ${name}.`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null) query.set(name, String(value));
  }
  const search = query.toString();
  return search ? `${filled}?${search}` : filled;
}

type LooseOptions = {
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
};

export function api<M extends Method, P extends ApiPath<M>>(
  method: M,
  path: P,
  ...options: object extends ApiOptions<M, P> ? [options?: ApiOptions<M, P>] : [options: ApiOptions<M, P>]
): Promise<ApiResponse<M, P>>;
export function api(method: Method, path: string, options?: unknown): Promise<unknown> {
  const { body, ...address } = (options ?? {}) as LooseOptions;
  return apiRequest(method, apiUrl(path, address), body);
}
