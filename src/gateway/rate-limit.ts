/**
 * Per-client rate limits at the gateway: a token bucket per service and client address, like
 * nginx's `limit_req` keyed on the remote address (not x-forwarded-for, which a client writes).
 * Pure: the caller passes the time.
 */

export interface RateLimit {
  /** Requests per second one client may keep up. */
  ratePerSecond: number;
  /** How many it may send at once after a quiet spell. */
  burst: number;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

export class RateLimiter {
  #buckets = new Map<string, Bucket>();
  readonly #limits: Readonly<Record<string, RateLimit>>;

  constructor(limits: Readonly<Record<string, RateLimit>>) {
    this.#limits = limits;
  }

  /** Whether `service` has a limit at all (most requests skip the rest). */
  limited(service: string): boolean {
    return this.#limits[service] !== undefined;
  }

  /** 0 if the request may go now (and it is counted); otherwise the seconds until one could. */
  take(service: string, client: string, nowMs: number): number {
    const limit = this.#limits[service];
    if (!limit) return 0;
    const key = `${service} ${client}`;
    let b = this.#buckets.get(key);
    if (!b) this.#buckets.set(key, (b = { tokens: limit.burst, atMs: nowMs }));
    else {
      b.tokens = Math.min(limit.burst, b.tokens + (Math.max(0, nowMs - b.atMs) / 1000) * limit.ratePerSecond);
      b.atMs = nowMs;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return (1 - b.tokens) / limit.ratePerSecond;
  }

  /** Forgets buckets that have filled up again: a new one would start the same. */
  sweep(nowMs: number): void {
    for (const [key, b] of this.#buckets) {
      const limit = this.#limits[key.slice(0, key.indexOf(' '))];
      if (!limit || b.tokens + ((nowMs - b.atMs) / 1000) * limit.ratePerSecond >= limit.burst) this.#buckets.delete(key);
    }
  }

  get clients(): number {
    return this.#buckets.size;
  }
}
