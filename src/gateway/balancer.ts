/** Picks an upstream: round-robin or least-outstanding, skipping instances cooling down after a refused connection. */
import type { Upstream } from './routing-table.js';

export class Balancer {
  #rr = new Map<string, number>();
  #outstanding = new Map<string, number>();
  #cooldownUntil = new Map<string, number>();

  constructor(
    private readonly strategy: 'round-robin' | 'least-outstanding',
    private readonly cooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * `failed`: the instance a request just failed at (no connection, no answer). Another is picked,
   * on another machine when there is one: the failure may be its machine's (a host gone, its link
   * down), which its other instances share.
   */
  pick(service: string, upstreams: Upstream[], failed?: Upstream): Upstream | undefined {
    const exclude = failed?.instanceId;
    // The usual case, on every request: nobody cooling down, nothing to exclude, round-robin.
    if (this.#cooldownUntil.size === 0 && exclude === undefined && this.strategy === 'round-robin' && upstreams.length > 0) {
      const i = this.#rr.get(service) ?? 0;
      this.#rr.set(service, i + 1);
      return upstreams[i % upstreams.length];
    }
    const t = this.now();
    // Ended cool-downs are forgotten, so the fast path above applies again.
    for (const [id, until] of this.#cooldownUntil) if (until <= t) this.#cooldownUntil.delete(id);
    let candidates = upstreams.filter((u) => u.instanceId !== exclude && (this.#cooldownUntil.get(u.instanceId) ?? 0) <= t);
    // If every instance is cooling down, trying one beats refusing outright.
    if (candidates.length === 0) candidates = upstreams.filter((u) => u.instanceId !== exclude);
    if (candidates.length === 0) return undefined;
    const elsewhere = failed ? candidates.filter((u) => u.host !== failed.host) : [];
    if (elsewhere.length) candidates = elsewhere;
    if (this.strategy === 'least-outstanding') {
      let best = candidates[0]!;
      for (const u of candidates) if ((this.#outstanding.get(u.instanceId) ?? 0) < (this.#outstanding.get(best.instanceId) ?? 0)) best = u;
      return best;
    }
    const i = this.#rr.get(service) ?? 0;
    this.#rr.set(service, i + 1);
    return candidates[i % candidates.length];
  }

  start(u: Upstream) {
    this.#outstanding.set(u.instanceId, (this.#outstanding.get(u.instanceId) ?? 0) + 1);
  }
  finish(u: Upstream) {
    this.#outstanding.set(u.instanceId, (this.#outstanding.get(u.instanceId) ?? 1) - 1);
  }
  /** Connection refused or reset, or no answer in time: out of rotation for the cool-down. */
  eject(u: Upstream) {
    this.#cooldownUntil.set(u.instanceId, this.now() + this.cooldownMs);
  }
}
