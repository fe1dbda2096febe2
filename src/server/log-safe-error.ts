import type { LoggerOptions } from 'pino';

/**
 * What Tend logs of an error: enough to find the failing code and the kind of failure, nothing that
 * can quote a person. Messages are never kept — Drizzle's repeats the whole query with its parameters
 * ("Failed query: …\nparams: …"), PostgreSQL's quotes values ("Key (email)=(jane@…)"), and its
 * `detail`, `where` and `hint` carry row values — so only names the code chose are logged: the error's
 * type, the SQLSTATE or framework code, the constraint, table and column involved, and stack frames.
 */
export type LoggedError = {
  type: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: LoggedError;
};

/** Identifier-shaped properties worth keeping: database error fields a person's data never fills. */
const identifierFields = ['code', 'constraint', 'table', 'column'] as const;
/** A code or a database name as the application wrote it; anything else may be data and is left out. */
const identifierPattern = /^[A-Za-z0-9_.$-]{1,128}$/;
const framePrefix = '    at ';
const deepestCause = 3;

/** Already made safe: a serializer applied twice (explicitly, then by the logger) leaves it as it is. */
const loggedErrors = new WeakSet<object>();

/** The one way any error is turned into something to log; use it wherever an error is logged. */
export function toLoggedError(error: unknown): LoggedError {
  return describeError(error, 0);
}

function describeError(error: unknown, depth: number): LoggedError {
  if (typeof error === 'object' && error !== null && loggedErrors.has(error)) return error as LoggedError;
  const logged: LoggedError = { type: typeOf(error) };
  if (typeof error === 'object' && error !== null) {
    const fields = error as Record<string, unknown>;
    for (const field of identifierFields) {
      const value = fields[field];
      if (typeof value === 'string' && identifierPattern.test(value)) logged[field] = value;
    }
    if (error instanceof Error) {
      const stack = framesOf(error);
      if (stack) logged.stack = stack;
      if (error.cause !== undefined && depth < deepestCause)
        logged.cause = describeError(error.cause, depth + 1);
    }
  }
  loggedErrors.add(logged);
  return logged;
}

function typeOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  // Drizzle's query error keeps the name "Error"; its class says more. pg names its errors "error".
  const constructorName = error.constructor?.name;
  const name = constructorName && constructorName !== 'Error' ? constructorName : error.name;
  return identifierPattern.test(name) ? name : 'Error';
}

/**
 * Only the frames. V8 starts a stack with "<name>: <message>", and a message can span many lines —
 * some of which may even look like frames when a parameter holds "\n    at …" — so everything up to
 * the end of the message is cut off before frames are picked.
 */
function framesOf(error: Error): string | undefined {
  const stack = typeof error.stack === 'string' ? error.stack : '';
  const message = typeof error.message === 'string' ? error.message : '';
  const messageAt = message ? stack.indexOf(message) : -1;
  const afterMessage = messageAt >= 0 ? stack.slice(messageAt + message.length) : stack;
  const frames = afterMessage.split('\n').filter((line) => line.startsWith(framePrefix));
  return frames.length > 0 ? frames.join('\n') : undefined;
}

type LogArguments = Parameters<Parameters<NonNullable<NonNullable<LoggerOptions['hooks']>['logMethod']>>[1]>;

/**
 * Logger settings that keep errors safe however they are logged: the `err` serializer, and a hook
 * for the two ways a message would still slip into `msg` — `log.error(error)`, where pino uses the
 * error's message, and Fastify's fallback handler, which logs `{err}` with `error.message` as msg.
 */
export const safeErrorLogging = {
  serializers: { err: toLoggedError },
  hooks: {
    logMethod(args, method) {
      const [first, second, ...rest] = args as unknown[];
      if (first instanceof Error) {
        const message = typeof second === 'string' && second !== first.message ? second : 'error';
        return method.apply(this, [{ err: first }, message] as LogArguments);
      }
      const loggedError =
        typeof first === 'object' && first !== null ? (first as { err?: unknown }).err : null;
      if (loggedError instanceof Error && typeof second === 'string' && second === loggedError.message) {
        return method.apply(this, [first, 'error', ...rest] as LogArguments);
      }
      return method.apply(this, args);
    },
  },
} satisfies Pick<LoggerOptions, 'serializers' | 'hooks'>;
