/**
 * Slows down password guessing without locking out a campus.
 *
 * Per account: the first `freeFailures` wrong passwords cost nothing; after that each attempt must
 * wait a delay that doubles with every further failure (capped), so an online guesser gets a few
 * hundred tries a day while a person who mistyped waits seconds. Failures are forgotten a day after
 * the last one, or at a successful sign-in.
 *
 * Per address: a much higher ceiling of failures in a sliding window, because one address can be a
 * hospital's NAT or a proxy with hundreds of honest people behind it.
 */
export type SignInThrottleOptions = {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  addressMaxFailures: number;
  addressWindowMs: number;
};

export type ThrottleDecision = { isBlocked: boolean; retryAfterSeconds: number };

export type SignInThrottle = {
  check(keys: { account: string; address: string }, now: number): ThrottleDecision;
  recordFailure(keys: { account: string; address: string }, now: number): void;
  recordSuccess(account: string): void;
};

const accountMemoryMs = 24 * 3_600_000;
/** Past this many tracked keys, forgotten entries are swept so the maps cannot grow without bound. */
const sweepThreshold = 10_000;

/** The wait after `failures` consecutive failures of one account. */
export function accountDelayMs(failures: number, options: SignInThrottleOptions): number {
  if (failures < options.freeFailures) return 0;
  const doublings = Math.min(failures - options.freeFailures, 30);
  return Math.min(options.firstDelayMs * 2 ** doublings, options.maxDelayMs);
}

export function createSignInThrottle(options: SignInThrottleOptions): SignInThrottle {
  const accounts = new Map<string, { failures: number; lastFailureAt: number }>();
  const addresses = new Map<string, number[]>();

  function accountState(account: string, now: number) {
    const state = accounts.get(account);
    if (state && now - state.lastFailureAt > accountMemoryMs) {
      accounts.delete(account);
      return undefined;
    }
    return state;
  }

  function addressFailures(address: string, now: number): number[] {
    const kept = (addresses.get(address) ?? []).filter((time) => now - time < options.addressWindowMs);
    if (kept.length === 0) addresses.delete(address);
    else addresses.set(address, kept);
    return kept;
  }

  function sweep(now: number) {
    if (accounts.size > sweepThreshold) {
      for (const account of [...accounts.keys()]) accountState(account, now);
    }
    if (addresses.size > sweepThreshold) {
      for (const address of [...addresses.keys()]) addressFailures(address, now);
    }
  }

  return {
    check({ account, address }, now) {
      const state = accountState(account, now);
      const waitUntil = state ? state.lastFailureAt + accountDelayMs(state.failures, options) : now;
      const times = addressFailures(address, now);
      const addressWaitUntil =
        times.length >= options.addressMaxFailures
          ? (times[times.length - options.addressMaxFailures] ?? now) + options.addressWindowMs
          : now;
      const until = Math.max(waitUntil, addressWaitUntil);
      if (until <= now) return { isBlocked: false, retryAfterSeconds: 0 };
      return { isBlocked: true, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) };
    },
    recordFailure({ account, address }, now) {
      const state = accountState(account, now);
      accounts.set(account, { failures: (state?.failures ?? 0) + 1, lastFailureAt: now });
      addresses.set(address, [...addressFailures(address, now), now]);
      sweep(now);
    },
    recordSuccess(account) {
      accounts.delete(account);
    },
  };
}
