import { describe, expect, it } from 'vitest';
import { accountDelayMs, createSignInThrottle, type SignInThrottleOptions } from './sign-in-throttle.ts';

const options: SignInThrottleOptions = {
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  addressMaxFailures: 100,
  addressWindowMs: 15 * 60_000,
};

describe('sign-in throttle', () => {
  it('lets a person mistype a few times, then makes each further guess wait longer', () => {
    expect([0, 4, 5, 6, 7, 10, 50].map((failures) => accountDelayMs(failures, options))).toEqual([
      0, 0, 30_000, 60_000, 120_000, 900_000, 900_000,
    ]);
  });

  it('blocks one account after its free failures, and only that account', () => {
    const throttle = createSignInThrottle(options);
    const keys = { account: 'ana@example.org', address: '10.0.0.1' };
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(throttle.check(keys, 1_000).isBlocked).toBe(false);
      throttle.recordFailure(keys, 1_000);
    }
    expect(throttle.check(keys, 2_000)).toEqual({ isBlocked: true, retryAfterSeconds: 29 });
    // A colleague behind the same NAT signs in as usual.
    expect(throttle.check({ account: 'ben@example.org', address: '10.0.0.1' }, 2_000).isBlocked).toBe(false);
    expect(throttle.check(keys, 31_000).isBlocked).toBe(false);
  });

  it('lets hundreds of honest people share one address, up to a much higher ceiling of failures', () => {
    const throttle = createSignInThrottle(options);
    for (let person = 0; person < 99; person++) {
      throttle.recordFailure({ account: `p${person}@example.org`, address: '192.0.2.9' }, 0);
    }
    expect(throttle.check({ account: 'new@example.org', address: '192.0.2.9' }, 1).isBlocked).toBe(false);
    throttle.recordFailure({ account: 'p99@example.org', address: '192.0.2.9' }, 1);
    const blocked = throttle.check({ account: 'new@example.org', address: '192.0.2.9' }, 2);
    expect(blocked.isBlocked).toBe(true);
    expect(blocked.retryAfterSeconds).toBe(900);
    expect(throttle.check({ account: 'new@example.org', address: '192.0.2.10' }, 2).isBlocked).toBe(false);
  });

  it('forgets an account’s failures after a successful sign-in, or a day without failures', () => {
    const throttle = createSignInThrottle(options);
    const keys = { account: 'ana@example.org', address: '10.0.0.1' };
    for (let attempt = 0; attempt < 8; attempt++) throttle.recordFailure(keys, 0);
    expect(throttle.check(keys, 1).isBlocked).toBe(true);
    throttle.recordSuccess(keys.account);
    expect(throttle.check(keys, 1).isBlocked).toBe(false);
    for (let attempt = 0; attempt < 8; attempt++) throttle.recordFailure(keys, 0);
    expect(throttle.check(keys, 24 * 3_600_000 + 1).isBlocked).toBe(false);
  });
});
