import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { safeErrorLogging, toLoggedError } from './log-safe-error.ts';

const secret = 'jane.doe@example.org';

/** An error shaped like pg's DatabaseError: the values sit in message, detail, where and hint. */
function databaseError() {
  const error = Object.assign(new Error(`duplicate key value violates unique constraint; ${secret}`), {
    name: 'error',
    code: '23505',
    detail: `Key (email)=(${secret}) already exists.`,
    where: `SQL statement "insert ... ${secret}"`,
    hint: secret,
    constraint: 'users_email_unique',
    table: 'users',
    column: 'email',
  });
  return error;
}

/** Drizzle's query error: a message of several lines ending with the parameters, and pg's error as cause. */
function drizzleError(parameter: string) {
  class DrizzleQueryError extends Error {}
  return new DrizzleQueryError(`Failed query: insert into users values ($1)\nparams: ${parameter}`, {
    cause: databaseError(),
  });
}

describe('toLoggedError', () => {
  it('keeps the kind, SQLSTATE, constraint and stack frames of a failed query, never its values', () => {
    const logged = toLoggedError(drizzleError(secret));
    const text = JSON.stringify(logged);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('params');
    expect(text).not.toContain('Failed query');
    expect(logged).toMatchObject({
      type: 'DrizzleQueryError',
      cause: { type: 'error', code: '23505', constraint: 'users_email_unique', table: 'users' },
    });
    expect(logged.stack).toMatch(/^ {4}at /);
  });

  it('drops a parameter that looks like a stack frame', () => {
    const text = JSON.stringify(toLoggedError(drizzleError(`x\n    at ${secret}`)));
    expect(text).not.toContain(secret);
  });

  it('leaves out a code that is not an identifier', () => {
    const error = Object.assign(new Error('x'), { code: `bad ${secret}` });
    expect(toLoggedError(error).code).toBeUndefined();
  });

  it('keeps a logged error as it is when serialized again', () => {
    const logged = toLoggedError(drizzleError(secret));
    expect(toLoggedError(logged)).toBe(logged);
  });
});

describe('a logger with safeErrorLogging', () => {
  function capture() {
    const lines: string[] = [];
    const log = pino({ level: 'info', ...safeErrorLogging }, { write: (line: string) => lines.push(line) });
    return { log, lines };
  }

  it('logs neither the message of an error logged on its own nor one repeated as msg', () => {
    const { log, lines } = capture();
    const error = drizzleError(secret);
    log.error(error);
    log.error({ err: error }, error.message);
    log.error(error, 'insert failed');
    const text = lines.join('');
    expect(text).not.toContain(secret);
    expect(text).toContain('insert failed');
    expect(text).toContain('users_email_unique');
  });
});
