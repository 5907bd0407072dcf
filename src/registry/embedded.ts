/** The embedded registry backend: this host's table in the daemon, with blocking watches. One machine. */
import { ChangeSignal } from './change-signal.js';
import { HostTable } from './host-table.js';
import type { RegistrationInput, Registry, RegistryEntry, RegistryHealth, WatchResult } from './types.js';

export interface EmbeddedRegistryOptions {
  host: string;
  deregisterAfterMs: number;
  checkEveryMs?: number;
  now?: () => number;
  /** Where the index starts (above a registry this one replaces, so no watcher misses a change). */
  startIndex?: number;
}

export class EmbeddedRegistry implements Registry {
  readonly #signal: ChangeSignal;
  /** The table itself, for tests that drive its clock. */
  readonly table: HostTable;
  readonly host: string;

  constructor(opts: EmbeddedRegistryOptions) {
    this.host = opts.host;
    this.#signal = new ChangeSignal(opts.startIndex);
    this.table = new HostTable({ ...opts, onChange: () => this.#signal.changed() });
  }

  get index() {
    return this.#signal.index;
  }

  async register(input: RegistrationInput): Promise<RegistryEntry> {
    return this.table.register(input);
  }

  async heartbeat(instanceId: string): Promise<boolean> {
    return this.table.heartbeat(instanceId);
  }

  async setHealth(instanceId: string, health: 'passing' | 'critical' | 'draining'): Promise<void> {
    this.table.setHealth(instanceId, health);
  }

  async deregister(instanceId: string): Promise<boolean> {
    return this.table.deregister(instanceId);
  }

  hasLocal(instanceId: string): boolean {
    return this.table.has(instanceId);
  }

  async list(service?: string): Promise<RegistryEntry[]> {
    return this.table.list(service);
  }

  async watch(afterIndex: number, waitMs: number, service?: string): Promise<WatchResult> {
    await this.#signal.wait(afterIndex, waitMs);
    return { index: this.#signal.index, entries: this.table.list(service), registry: this.health() };
  }

  health(): RegistryHealth {
    return { backend: 'embedded', reachable: true };
  }

  async close(): Promise<void> {
    this.table.close();
    this.#signal.close();
  }
}
