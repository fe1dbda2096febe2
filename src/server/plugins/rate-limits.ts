/** Per-IP ceiling on the routes that accept a password or a token, on top of the failed-sign-in throttle. */
export const signInRateLimit = { max: 30, timeWindow: '1 minute' } as const;
