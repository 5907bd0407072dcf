/** The embedded registry backend: an in-memory table in the daemon, with TTL checks and blocking watches. */
import type { RegistrationInput, Registry, RegistryEntry, RegistryStatus, WatchResult } from './types.js';

interface Row extends RegistryEntry {
  probe: 'starting' | 'passing' | 'critical';
  draining: boolean;
  ttlExpired: boolean;
}

export function entryStatus(r: Pick<Row, 'probe' | 'draining' | 'ttlExpired'>): RegistryStatus {
  if (r.draining) return 'draining';
  if (r.ttlExpired || r.probe === 'critical') return 'critical';
  return r.probe === 'passing' ? 'passing' : 'starting';
}

export class EmbeddedRegistry implements Registry {
  #rows = new Map<string, Row>();
  #index = 1;
  #waiters = new Set<() => void>();
  #timer: NodeJS.Timeout;

  constructor(private readonly opts: { deregisterAfterMs: number; checkEveryMs?: number; now?: () => number }) {
    this.#timer = setInterval(() => this.expire(), opts.checkEveryMs ?? 250);
    this.#timer.unref();
  }

  get index() {
    return this.#index;
  }

  #now() {
    return this.opts.now?.() ?? Date.now();
  }

  #changed() {
    this.#index++;
    for (const w of this.#waiters) w();
    this.#waiters.clear();
  }

  #set(row: Row, patch: Partial<Row>) {
    const before = row.status;
    Object.assign(row, patch);
    row.status = entryStatus(row);
    return before !== row.status;
  }

  register(input: RegistrationInput): RegistryEntry {
    const now = this.#now();
    const prev = this.#rows.get(input.instanceId);
    const row: Row = {
      service: input.service,
      instanceId: input.instanceId,
      address: input.address,
      port: input.port,
      version: input.version ?? '0.0.0',
      metadata: input.metadata ?? {},
      ttlMs: input.ttlMs ?? null,
      registeredAt: prev?.registeredAt ?? now,
      lastHeartbeat: now,
      probe: prev?.probe ?? 'starting',
      draining: prev?.draining ?? false,
      ttlExpired: false,
      status: 'starting',
    };
    row.status = entryStatus(row);
    this.#rows.set(row.instanceId, row);
    this.#changed();
    return this.#public(row);
  }

  heartbeat(instanceId: string): boolean {
    const row = this.#rows.get(instanceId);
    if (!row) return false;
    row.lastHeartbeat = this.#now();
    if (this.#set(row, { ttlExpired: false })) this.#changed();
    return true;
  }

  setHealth(instanceId: string, health: 'passing' | 'critical' | 'draining'): void {
    const row = this.#rows.get(instanceId);
    if (!row) return;
    const changed = health === 'draining' ? this.#set(row, { draining: true }) : this.#set(row, { probe: health });
    if (changed) this.#changed();
  }

  deregister(instanceId: string): boolean {
    const had = this.#rows.delete(instanceId);
    if (had) this.#changed();
    return had;
  }

  list(service?: string): RegistryEntry[] {
    return [...this.#rows.values()]
      .filter((r) => !service || r.service === service)
      .sort((a, b) => a.service.localeCompare(b.service) || a.instanceId.localeCompare(b.instanceId, undefined, { numeric: true }))
      .map((r) => this.#public(r));
  }

  watch(afterIndex: number, waitMs: number, service?: string): Promise<WatchResult> {
    const answer = () => ({ index: this.#index, entries: this.list(service) });
    if (this.#index > afterIndex) return Promise.resolve(answer());
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve(answer());
      };
      const timer = setTimeout(done, waitMs);
      this.#waiters.add(done);
    });
  }

  /** TTL bookkeeping: silent past ttl -> critical; silent past deregisterAfter -> removed. */
  expire(): void {
    const now = this.#now();
    let changed = false;
    for (const row of this.#rows.values()) {
      if (row.ttlMs === null) continue;
      const silent = now - row.lastHeartbeat;
      if (silent > this.opts.deregisterAfterMs) {
        this.#rows.delete(row.instanceId);
        changed = true;
      } else if (silent > row.ttlMs && !row.ttlExpired) {
        this.#set(row, { ttlExpired: true });
        changed = true;
      }
    }
    if (changed) this.#changed();
  }

  close(): void {
    clearInterval(this.#timer);
    for (const w of this.#waiters) w();
  }

  #public(r: Row): RegistryEntry {
    const { probe: _p, draining: _d, ttlExpired: _t, ...entry } = r;
    return { ...entry, metadata: { ...entry.metadata } };
  }
}
