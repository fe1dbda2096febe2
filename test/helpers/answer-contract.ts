import type { ZodType } from 'zod';
import type { ApiRoute } from '../../src/server/app-types.ts';

/**
 * Whether what a route's service returned is what the route's schema says it answers: the same
 * check for every route, read or write (test/response-examples.test.ts, test/mutation-responses.test.ts).
 */

/** A route's success answer in JSON: its status and schema. */
export type JsonAnswer = { status: number; schema: ZodType };

/** `METHOD /api/path/:param`, as a route is registered and named in the tests' lists. */
export const routeName = (route: Pick<ApiRoute, 'method' | 'url'>) => `${route.method} ${route.url}`;

/**
 * The JSON answer a route gives when it succeeds (2xx other than 204); null for a route that answers
 * nothing, a file or a redirect.
 */
export function jsonAnswerOf(route: Pick<ApiRoute, 'schema'>): JsonAnswer | null {
  const responses = (route.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
  for (const [status, answer] of Object.entries(responses)) {
    if (!/^20[0-3]$/.test(status) || !answer || typeof answer !== 'object') continue;
    if ('content' in answer) {
      const content = (answer as { content: Record<string, { schema: ZodType }> }).content;
      const schema = content['application/json']?.schema;
      if (schema) return { status: Number(status), schema };
      continue;
    }
    return { status: Number(status), schema: answer as ZodType };
  }
  return null;
}

/** The paths of keys in `given` that `kept` lacks: what serialising by the schema would silently drop. */
function droppedKeys(given: unknown, kept: unknown, path = ''): string[] {
  if (Array.isArray(given) && Array.isArray(kept)) {
    return given.flatMap((item, index) => droppedKeys(item, kept[index], `${path}[${index}]`)).slice(0, 5);
  }
  if (!given || typeof given !== 'object' || !kept || typeof kept !== 'object') return [];
  return Object.entries(given).flatMap(([key, value]) =>
    key in kept
      ? droppedKeys(value, (kept as Record<string, unknown>)[key], `${path}.${key}`)
      : [`${path}.${key}`],
  );
}

/** What goes over the wire. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

/**
 * How what a service handed over (before the schema serialised it) drifts from the schema: refused
 * (the route would answer 500), or with keys the schema would drop; null when it passes whole.
 */
export function answerDrift(schema: ZodType, sent: unknown): string | null {
  const result = schema.safeEncode(sent);
  if (!result.success) return `refused: ${result.error.message}`;
  const dropped = droppedKeys(asJson(sent), asJson(result.data));
  return dropped.length > 0 ? `the schema drops ${dropped.join(', ')}` : null;
}
