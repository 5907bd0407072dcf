/**
 * One host's registrations: what its daemon's probes and its instances' heartbeats say, with TTL
 * checks. Synchronous and in memory; both registry backends keep one (the etcd backend publishes
 * it under the host's lease).
 */
import type { RegistrationInput, RegistryEntry, RegistryStatus } from './types.js';

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

export const byServiceThenInstance = (a: RegistryEntry, b: RegistryEntry) =>
  a.service.localeCompare(b.service) || a.host.localeCompare(b.host) || a.instanceId.localeCompare(b.instanceId, undefined, { numeric: true });

export interface HostTableOptions {
  host: string;
  deregisterAfterMs: number;
  /** Called after every change readers can see. */
  onChange: () => void;
  checkEveryMs?: number;
  now?: () => number;
}

export class HostTable {
  #rows = new Map<string, Row>();
  #timer: NodeJS.Timeout;

  constructor(private readonly opts: HostTableOptions) {
    this.#timer = setInterval(() => this.expire(), opts.checkEveryMs ?? 250);
    this.#timer.unref();
  }

  #now() {
    return this.opts.now?.() ?? Date.now();
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
      host: this.opts.host,
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
    this.opts.onChange();
    return this.#public(row);
  }

  heartbeat(instanceId: string): boolean {
    const row = this.#rows.get(instanceId);
    if (!row) return false;
    row.lastHeartbeat = this.#now();
    if (this.#set(row, { ttlExpired: false })) this.opts.onChange();
    return true;
  }

  setHealth(instanceId: string, health: 'passing' | 'critical' | 'draining'): void {
    const row = this.#rows.get(instanceId);
    if (!row) return;
    const changed = health === 'draining' ? this.#set(row, { draining: true }) : this.#set(row, { probe: health });
    if (changed) this.opts.onChange();
  }

  deregister(instanceId: string): boolean {
    const had = this.#rows.delete(instanceId);
    if (had) this.opts.onChange();
    return had;
  }

  has(instanceId: string): boolean {
    return this.#rows.has(instanceId);
  }

  list(service?: string): RegistryEntry[] {
    return [...this.#rows.values()]
      .filter((r) => !service || r.service === service)
      .sort(byServiceThenInstance)
      .map((r) => this.#public(r));
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
    if (changed) this.opts.onChange();
  }

  close(): void {
    clearInterval(this.#timer);
  }

  #public(r: Row): RegistryEntry {
    const { probe: _p, draining: _d, ttlExpired: _t, ...entry } = r;
    return { ...entry, metadata: { ...entry.metadata } };
  }
}
