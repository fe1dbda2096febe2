import type { Config } from '../config.ts';

/** Per-IP ceiling on the routes that accept a password or a token, on top of the failed-sign-in throttle. */
export function signInRateLimit(config: Config) {
  return { max: config.signIn.requestsPerMinute, timeWindow: '1 minute' } as const;
}
