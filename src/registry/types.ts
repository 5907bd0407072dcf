/**
 * The service registry's one interface, asynchronous so a backend may stand on a server:
 * `embedded` (a table in the daemon, one machine) and `etcd` (this host's entries published
 * under a lease, every host's read through a watch) implement it. The gateway, the CLI and the
 * services reach it through the daemon and do not know which one they have.
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
  /** The host whose daemon runs the instance (host.name in its config). */
  host: string;
  address: string;
  port: number;
  version: string;
  status: RegistryStatus;
  registeredAt: number;
  lastHeartbeat: number;
  ttlMs: number | null;
  metadata: Record<string, string>;
}

/** Whether the registry's server answers; while it does not, readers get the last table, marked stale. */
export interface RegistryHealth {
  backend: 'embedded' | 'etcd';
  reachable: boolean;
  /** Why not, when not. */
  error?: string;
  /** Since when it has not answered (ms since epoch). */
  since?: number;
}

export interface WatchResult {
  index: number;
  entries: RegistryEntry[];
  registry: RegistryHealth;
}

export interface Registry {
  /** Monotonic change counter: every change readers can see (entries or health) bumps it. */
  readonly index: number;
  /** This host's name: the entries it writes carry it. */
  readonly host: string;
  register(input: RegistrationInput): Promise<RegistryEntry>;
  heartbeat(instanceId: string): Promise<boolean>;
  /** Result of the daemon's probes, or draining before a stop. */
  setHealth(instanceId: string, health: 'passing' | 'critical' | 'draining'): Promise<void>;
  deregister(instanceId: string): Promise<boolean>;
  /** Whether this host has registered the instance (answered from the host's own table). */
  hasLocal(instanceId: string): boolean;
  /** Every host's entries. */
  list(service?: string): Promise<RegistryEntry[]>;
  /** Long-poll: resolves as soon as index > afterIndex, or after waitMs with the current state. */
  watch(afterIndex: number, waitMs: number, service?: string): Promise<WatchResult>;
  health(): RegistryHealth;
  close(): Promise<void>;
}
