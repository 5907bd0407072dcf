/**
 * The service registry's one interface. `embedded` (inside the daemon) implements it today;
 * an etcd backend (leases for TTL, watch for changes) can implement the same later.
 */
export type RegistryStatus = 'starting' | 'passing' | 'critical' | 'draining';

export interface RegistrationInput {
  service: string;
  instanceId: string;
  address: string;
  port: number;
  version?: string;
  metadata?: Record<string, string>;
  /** Heartbeat TTL; null for entries the daemon keeps alive itself (probed programs). */
  ttlMs?: number | null;
}

export interface RegistryEntry {
  service: string;
  instanceId: string;
  address: string;
  port: number;
  version: string;
  status: RegistryStatus;
  registeredAt: number;
  lastHeartbeat: number;
  ttlMs: number | null;
  metadata: Record<string, string>;
}

export interface WatchResult {
  index: number;
  entries: RegistryEntry[];
}

export interface Registry {
  /** Monotonic change counter: every write that changes what readers see bumps it. */
  readonly index: number;
  register(input: RegistrationInput): RegistryEntry;
  heartbeat(instanceId: string): boolean;
  /** Result of the daemon's probes, or draining before a stop. */
  setHealth(instanceId: string, health: 'passing' | 'critical' | 'draining'): void;
  deregister(instanceId: string): boolean;
  list(service?: string): RegistryEntry[];
  /** Long-poll: resolves as soon as index > afterIndex, or after waitMs with the current state. */
  watch(afterIndex: number, waitMs: number, service?: string): Promise<WatchResult>;
  close(): void;
}
