/**
 * Counts failed sign-ins per key (an e-mail address, an IP address) in a sliding window,
 * so that guessing passwords is answered with 429 after a few tries.
 */
export type SignInThrottle = {
  isBlocked(key: string, now: number): { isBlocked: boolean; retryAfterSeconds: number };
  recordFailure(key: string, now: number): void;
  reset(key: string): void;
};

export function createSignInThrottle(options: { maxFailures: number; windowMs: number }): SignInThrottle {
  const failures = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    const kept = (failures.get(key) ?? []).filter((time) => now - time < options.windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  }

  return {
    isBlocked(key, now) {
      const times = recent(key, now);
      if (times.length < options.maxFailures) return { isBlocked: false, retryAfterSeconds: 0 };
      const oldest = times[times.length - options.maxFailures] ?? now;
      return { isBlocked: true, retryAfterSeconds: Math.ceil((oldest + options.windowMs - now) / 1000) };
    },
    recordFailure(key, now) {
      failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
