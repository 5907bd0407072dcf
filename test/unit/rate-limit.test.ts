import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/gateway/rate-limit.js';

describe('rate limits at the gateway', () => {
  it('lets a client send its burst at once, then refuses until the bucket refills at the rate', () => {
    const limiter = new RateLimiter({ ach: { ratePerSecond: 2, burst: 3 } });
    const at = (ms: number) => limiter.take('ach', '10.0.0.1', ms);
    expect([at(0), at(0), at(0)]).toEqual([0, 0, 0]);
    expect(at(0)).toBe(0.5); // one token comes every 500 ms
    expect(at(250)).toBe(0.25);
    expect(at(500)).toBe(0);
    expect(at(500)).toBeGreaterThan(0);
    // A quiet spell refills it up to the burst, not beyond.
    expect([at(60_000), at(60_000), at(60_000)]).toEqual([0, 0, 0]);
    expect(at(60_000)).toBeGreaterThan(0);
  });

  it('keeps each client and each service apart, and leaves services without a limit alone', () => {
    const limiter = new RateLimiter({ ach: { ratePerSecond: 1, burst: 1 }, auth: { ratePerSecond: 1, burst: 1 } });
    expect(limiter.take('ach', 'a', 0)).toBe(0);
    expect(limiter.take('ach', 'a', 0)).toBeGreaterThan(0);
    expect(limiter.take('ach', 'b', 0)).toBe(0);
    expect(limiter.take('auth', 'a', 0)).toBe(0);
    expect(limiter.limited('analytics')).toBe(false);
    for (let i = 0; i < 100; i++) expect(limiter.take('analytics', 'a', 0)).toBe(0);
  });

  it('forgets clients whose bucket has filled up again, and only those', () => {
    const limiter = new RateLimiter({ ach: { ratePerSecond: 1, burst: 2 } });
    limiter.take('ach', 'quiet', 0);
    limiter.take('ach', 'busy', 0);
    limiter.take('ach', 'busy', 0);
    limiter.take('ach', 'busy', 900);
    expect(limiter.clients).toBe(2);
    limiter.sweep(1000); // quiet: 1 left + 1 refilled = the burst; busy: 0.9 + 0.1 = 1 of 2
    expect(limiter.clients).toBe(1);
    // busy kept its bucket: one token now, then none.
    expect(limiter.take('ach', 'busy', 1000)).toBe(0);
    expect(limiter.take('ach', 'busy', 1000)).toBeGreaterThan(0);
  });
});
