/**
 * The etcd registry backend. Each daemon keeps its own host's table (what its probes and its
 * instances' heartbeats say) and publishes it under `<prefix>instances/<host>/<instance>`, every
 * key bound to one lease for the host that the daemon keeps alive: a host that dies takes its
 * entries with it when the lease runs out. Every other host's entries come from a watch of the
 * prefix from the revision a read ended at (no polling). While etcd does not answer, readers get
 * the last table, marked stale, and this host's changes wait; when it answers again, the table
 * is published again, on a new lease if the old one ran out, without restarting anything.
 */
import { sleep } from '../sleep.js';
import { ChangeSignal } from './change-signal.js';
import type { EtcdClient, EtcdEvent } from './etcd-client.js';
import { byServiceThenInstance, HostTable } from './host-table.js';
import type { RegistrationInput, Registry, RegistryEntry, RegistryHealth, WatchResult } from './types.js';

export interface EtcdRegistryOptions {
  client: EtcdClient;
  /** Ends with '/'. */
  prefix: string;
  host: string;
  /** The host lease's TTL (registry.ttl; at least 2 s, etcd counts in seconds). */
  ttlMs: number;
  deregisterAfterMs: number;
  log: (msg: string) => void;
  startIndex?: number;
  /** How long to wait before trying etcd again. */
  retryMs?: number;
  /** false: publish this host's entries only, without following the other hosts' (a process registering itself). */
  follow?: boolean;
}

/** The part of an entry that, when it changes, is published again (heartbeat times are not). */
const published = (e: RegistryEntry) => JSON.stringify({ ...e, lastHeartbeat: undefined });

export class EtcdRegistry implements Registry {
  readonly host: string;
  readonly #signal: ChangeSignal;
  readonly #table: HostTable;
  readonly #client: EtcdClient;
  readonly #instancesPrefix: string;
  readonly #hostPrefix: string;
  /** Other hosts' entries by key, as the watch last said. */
  readonly #remote = new Map<string, RegistryEntry>();
  /** This host's keys as last written to etcd, and what was written. */
  readonly #written = new Map<string, string>();
  #lease: string | undefined;
  #health: RegistryHealth = { backend: 'etcd', reachable: false, error: 'not connected yet', since: Date.now() };
  #publishing: Promise<void> | undefined;
  #dirty = false;
  #closed = false;
  #watch: { close(): void } | undefined;
  #keepAliveTimer: NodeJS.Timeout | undefined;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: EtcdRegistryOptions) {
    this.host = opts.host;
    this.#client = opts.client;
    this.#signal = new ChangeSignal(opts.startIndex);
    this.#instancesPrefix = `${opts.prefix}instances/`;
    this.#hostPrefix = `${this.#instancesPrefix}${opts.host}/`;
    this.#table = new HostTable({
      host: opts.host,
      deregisterAfterMs: opts.deregisterAfterMs,
      onChange: () => {
        this.#signal.changed();
        this.#dirty = true;
      },
    });
  }

  /** Reads every host's entries and follows them; publishes this host's. Never rejects: while etcd is away it keeps trying. */
  async start(): Promise<void> {
    if (this.opts.follow !== false) void this.#follow();
    this.#keepAliveTimer = setInterval(() => void this.#keepAlive(), Math.max(500, Math.floor(this.opts.ttlMs / 3)));
    this.#keepAliveTimer.unref();
    await this.#publish();
  }

  get index() {
    return this.#signal.index;
  }

  // ---- writes: this host's table first, then etcd ------------------------------------

  async register(input: RegistrationInput): Promise<RegistryEntry> {
    const entry = this.#table.register(input);
    await this.#publish();
    return entry;
  }

  async heartbeat(instanceId: string): Promise<boolean> {
    const known = this.#table.heartbeat(instanceId);
    if (this.#dirty) await this.#publish();
    return known;
  }

  async setHealth(instanceId: string, health: 'passing' | 'critical' | 'draining'): Promise<void> {
    this.#table.setHealth(instanceId, health);
    await this.#publish();
  }

  async deregister(instanceId: string): Promise<boolean> {
    const had = this.#table.deregister(instanceId);
    await this.#publish();
    return had;
  }

  hasLocal(instanceId: string): boolean {
    return this.#table.has(instanceId);
  }

  // ---- reads: this host's table and every other host's entries -------------------------

  async list(service?: string): Promise<RegistryEntry[]> {
    const others = [...this.#remote.values()].filter((e) => e.host !== this.host && (!service || e.service === service));
    return [...this.#table.list(service), ...others].sort(byServiceThenInstance);
  }

  async watch(afterIndex: number, waitMs: number, service?: string): Promise<WatchResult> {
    await this.#signal.wait(afterIndex, waitMs);
    return { index: this.#signal.index, entries: await this.list(service), registry: this.health() };
  }

  health(): RegistryHealth {
    return { ...this.#health };
  }

  /** Deregisters this host at once (revokes its lease) rather than waiting for the TTL. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#keepAliveTimer);
    clearTimeout(this.#retryTimer);
    this.#watch?.close();
    this.#table.close();
    await this.#publishing?.catch(() => undefined);
    if (this.#lease) await this.#client.revoke(this.#lease).catch(() => undefined);
    await this.#client.close().catch(() => undefined);
    this.#signal.close();
  }

  // ---- etcd ------------------------------------------------------------------------------

  #reachable() {
    if (this.#health.reachable) return;
    this.#health = { backend: 'etcd', reachable: true };
    this.opts.log('etcd answers again');
    this.#signal.changed();
  }

  #unreachable(err: unknown) {
    const error = (err as Error).message;
    if (!this.#health.reachable && this.#health.error === error) return;
    const wasReachable = this.#health.reachable;
    this.#health = { backend: 'etcd', reachable: false, error, since: wasReachable ? Date.now() : (this.#health.since ?? Date.now()) };
    this.opts.log(`registry unreachable: ${error}`);
    this.#signal.changed();
  }

  /** One publisher at a time; a change made while it runs is published by the next round. Never rejects. */
  #publish(): Promise<void> {
    this.#dirty = true;
    this.#publishing ??= (async () => {
      try {
        while (this.#dirty && !this.#closed) {
          this.#dirty = false;
          await this.#publishOnce().catch((err: Error) => {
            // The lease went (revoked, or run out) before the keep-alive noticed: a new one, at once.
            if (!/lease not found/i.test(err.message)) throw err;
            this.opts.log(`the host lease ${this.#lease} is gone; registering this host's instances again`);
            this.#lease = undefined;
            this.#dirty = true;
          });
        }
        this.#reachable();
      } catch (err) {
        this.#dirty = true;
        this.#unreachable(err);
        this.#retrySoon();
      } finally {
        this.#publishing = undefined;
      }
    })();
    return this.#publishing;
  }

  #retrySoon() {
    if (this.#closed || this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      if (this.#dirty) void this.#publish();
    }, this.opts.retryMs ?? 1000);
    this.#retryTimer.unref();
  }

  async #publishOnce(): Promise<void> {
    if (!this.#lease) {
      const lease = await this.#client.grant(Math.max(2, Math.ceil(this.opts.ttlMs / 1000)));
      // Keys of this host written under an earlier lease (a daemon before this one, or before
      // etcd went away) are replaced below, and those of instances gone since are deleted.
      const { kvs } = await this.#client.range(this.#hostPrefix);
      this.#written.clear();
      for (const kv of kvs) this.#written.set(kv.key, '');
      this.#lease = lease;
    }
    const want = new Map(this.#table.list().map((e) => [`${this.#hostPrefix}${e.instanceId}`, published(e)]));
    for (const [key, value] of want) {
      if (this.#written.get(key) === value) continue;
      await this.#client.put(key, value, this.#lease);
      this.#written.set(key, value);
    }
    for (const key of [...this.#written.keys()]) {
      if (want.has(key)) continue;
      await this.#client.delete(key);
      this.#written.delete(key);
    }
  }

  async #keepAlive(): Promise<void> {
    if (this.#closed) return;
    if (!this.#lease) {
      if (!this.#publishing) void this.#publish();
      return;
    }
    const lease = this.#lease;
    try {
      const ttl = await this.#client.keepAlive(lease);
      if (ttl > 0) {
        this.#reachable();
        return;
      }
      if (this.#lease !== lease) return; // already replaced by the publisher
      // The lease ran out while etcd was away (or was revoked): publish everything on a new one.
      this.opts.log(`the host lease ${this.#lease} expired; registering this host's instances again`);
      this.#lease = undefined;
      void this.#publish();
    } catch (err) {
      this.#unreachable(err);
    }
  }

  /** Every host's entries: a read, then a watch from the revision after it; again after a failure. */
  async #follow(): Promise<void> {
    while (!this.#closed) {
      try {
        const { kvs, revision } = await this.#client.range(this.#instancesPrefix);
        this.#remote.clear();
        for (const kv of kvs) this.#apply({ type: 'put', kv });
        this.#signal.changed();
        this.#reachable();
        await new Promise<void>((resolve) => {
          const w = this.#client.watch(
            this.#instancesPrefix,
            revision + 1,
            (events) => {
              for (const e of events) this.#apply(e);
              this.#signal.changed();
            },
            (err) => {
              this.#unreachable(err);
              resolve();
            },
          );
          this.#watch = {
            close() {
              w.close();
              resolve();
            },
          };
          if (this.#closed) this.#watch.close();
        });
      } catch (err) {
        this.#unreachable(err);
      }
      if (!this.#closed) await sleep(this.opts.retryMs ?? 1000);
    }
  }

  #apply(e: EtcdEvent) {
    if (e.kv.key.startsWith(this.#hostPrefix)) {
      // This host's own table is the truth for its entries: one deleted by someone else is written again.
      if (e.type === 'delete' && this.#written.has(e.kv.key)) {
        this.#written.delete(e.kv.key);
        void this.#publish();
      }
      return;
    }
    if (e.type === 'delete') {
      this.#remote.delete(e.kv.key);
      return;
    }
    // <prefix>instances/<host>/<instance>: the key says whose entry it is.
    const host = e.kv.key.slice(this.#instancesPrefix.length).split('/')[0] ?? '';
    try {
      const entry = JSON.parse(e.kv.value) as RegistryEntry;
      if (typeof entry.service === 'string' && typeof entry.address === 'string' && typeof entry.port === 'number') this.#remote.set(e.kv.key, { ...entry, host });
    } catch {
      this.opts.log(`ignored ${e.kv.key}: not a registry entry`);
    }
  }
}
