import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { App } from '../app-types.ts';
import { isDatabaseUnavailable } from '../database-unavailable.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import { toLoggedError } from '../log-safe-error.ts';
import { ClientGoneError } from './request-queue.ts';

/** Fastify's own error codes that a client caused, translated into ours. */
const frameworkErrors: Record<string, { code: ErrorCode; message: string }> = {
  FST_CSRF_INVALID_TOKEN: {
    code: 'CSRF_INVALID',
    message: 'The form is out of date; reload the page and try again.',
  },
  FST_CSRF_MISSING_SECRET: {
    code: 'CSRF_INVALID',
    message: 'The form is out of date; reload the page and try again.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the request body as application/json.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'VALIDATION_FAILED',
    message: 'The request body is empty; send a JSON object.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'VALIDATION_FAILED',
    message: 'The request body is not valid JSON.',
  },
};

export function toAppError(error: FastifyError): AppError | null {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) {
      const segments = issue.instancePath.replace(/^\//, '').split('/');
      // A bad key of a record (an answer's item number) is reported at the record, saying what is wrong
      // with it rather than zod's "Invalid key in record"; the key itself may be the unprintable text.
      const keyProblem =
        issue.keyword === 'invalid_key'
          ? (issue.params as { issues?: { message?: string }[] }).issues?.[0]?.message
          : undefined;
      if (keyProblem) segments.pop();
      const key = [error.validationContext, ...segments].filter(Boolean).join('.');
      fields[key] ??= (keyProblem ? `a key ${keyProblem}` : issue.message) ?? 'is invalid';
    }
    const summary = Object.entries(fields)
      .map(([field, message]) => `${field}: ${message}`)
      .join('; ');
    return new AppError('VALIDATION_FAILED', `Please correct: ${summary}`, { fields });
  }
  const known = error.code ? frameworkErrors[error.code] : undefined;
  if (known) return new AppError(known.code, known.message);
  if (error.statusCode === 429)
    return new AppError('TOO_MANY_ATTEMPTS', 'Too many requests; wait a minute and try again.');
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', error.message);
  }
  return null;
}

const databaseRetryAfterSeconds = 10;

export function registerErrorHandler(app: App): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError) {
      return reply.status(appError.status).headers(appError.headers).send(appError.toBody());
    }
    // Its client left while it waited for its turn: there is nobody to answer and nothing to log.
    if (error instanceof ClientGoneError) return reply.status(499).send();
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: toLoggedError(error) }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', String(databaseRetryAfterSeconds))
        .send({
          error: {
            code: 'SERVICE_UNAVAILABLE',
            message: `Tend cannot reach its database right now; nothing was changed. Try again in ${databaseRetryAfterSeconds} seconds.`,
          },
        });
    }
    // Messages of unexpected errors may quote personal data (a database error repeating a value), so
    // toLoggedError keeps none; the request id ties the log line to the client's report.
    request.log.error({ err: toLoggedError(error) }, 'unexpected error');
    return reply.status(500).send({
      error: { code: 'INTERNAL', message: `Something went wrong on our side (request ${request.id}).` },
    });
  });
}
