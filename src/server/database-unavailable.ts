/**
 * Whether an error means the database cannot be reached right now (down, restarting, out of
 * connections), rather than that this request was wrong: such a request may succeed if retried.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') return false;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && unavailableCodes.test(code)) return true;
    if (typeof message === 'string' && unavailableMessages.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

// SQLSTATE class 08 (connection exception), 53300 (too many connections), 57P01–57P03 (the server is
// shutting down, crashed or starting), and the socket errors of a server that is not there.
const unavailableCodes =
  /^(08\w{3}|53300|57P0[123]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND)$/;
// pg's pool and client say these without a code.
const unavailableMessages = /^(timeout exceeded when trying to connect|Connection terminated)/;
