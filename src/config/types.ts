/** The resolved config's types (what schema.ts resolves a file to), and the bundled services' names. */

export const BUNDLED_SERVICES = ['auth', 'ach', 'analytics', 'messaging', 'mail-sink'] as const;
export type BundledService = (typeof BUNDLED_SERVICES)[number];
export const isBundled = (name: string): name is BundledService => (BUNDLED_SERVICES as readonly string[]).includes(name);

export interface ProbeConfig {
  path: string;
  intervalMs: number;
  timeoutMs: number;
  failureThreshold: number;
  successThreshold: number;
  startPeriodMs: number;
}

export interface RestartPolicy {
  policy: 'on-failure' | 'always' | 'never';
  initialBackoffMs: number;
  maxBackoffMs: number;
  minUptimeMs: number;
  maxRestarts: number;
  windowMs: number;
}

/** A token bucket: `ratePerSecond` kept up, `burst` at once. */
export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

export interface ServiceConfig {
  name: string;
  bundled: boolean;
  /** Shell command for custom programs; bundled services run the packaged entry point. */
  command?: string;
  cwd: string;
  env: Record<string, string>;
  instances: number;
  route: string | null;
  /** Per client address, at the gateway. */
  rateLimit: RateLimit | null;
  version: string;
  liveness: ProbeConfig;
  readiness: ProbeConfig;
  restart: RestartPolicy;
  stopTimeoutMs: number;
  drainDelayMs: number;
  /** Where a bundled service keeps its data (the fleet's store with this service's keys over it). */
  store: StoreConfig;
}

/** A bundled service's store, as the daemon passes it (HMSOPS_STORE). */
export interface StoreConfig {
  backend: 'sqlite' | 'postgres';
  /** postgres://USER@HOST:PORT/DB, never with a password. */
  url?: string;
  /** Absolute path of the file holding the password. */
  passwordFile?: string;
  /** TLS to the server, its certificate verified: absolute paths. */
  tls?: { ca?: string; cert?: string; key?: string };
}

/** How the ACH service sends files to the originating bank (HMSOPS_ACH_ODFI). */
export interface OdfiConfig {
  sftp: { url: string; privateKeyFile: string; hostKey: string; outbound: string; inbound: string };
  /** HH:MM, in `timezone`. */
  cutoffs: string[];
  timezone: string;
  /** HH:MM, in `timezone`: the Same Day ACH windows. */
  sameDayCutoffs: string[];
  /** Files go up this long before a cutoff. */
  sendLeadMs: number;
  /** true: the files cut for a window go up merged (src/nacha/merge.ts); false: each as soon as it is cut. */
  merge: boolean;
  /** The bank's limits on a merged file. */
  maxLines: number;
  maxEntries?: number;
  /** Files to and from the bank under OpenPGP (services/ach/odfi-pgp.ts). */
  pgp?: PgpConfig;
}

/** ach.odfi.pgp: absolute paths, each file mode 0600. */
export interface PgpConfig {
  bankPublicKeyFile: string;
  privateKeyFile: string;
  passphraseFile?: string;
}

export interface RegistryConfig {
  backend: 'embedded' | 'etcd';
  ttlMs: number;
  deregisterAfterMs: number;
  /** etcd only (empty for embedded). */
  endpoints: string[];
  prefix: string;
  user?: string;
  /** Absolute paths. */
  passwordFile?: string;
  tls?: { ca?: string; cert?: string; key?: string };
}

/** The settings a daemon takes at start and keeps: changing them means `down`, then `up`. */
export const daemonSettings = (c: Pick<FleetConfig, 'registry' | 'host' | 'fleet'>) =>
  JSON.stringify({
    registry: { ...c.registry, ttlMs: undefined, deregisterAfterMs: undefined },
    host: c.host,
    fleet: c.fleet,
  });

export interface FleetConfig {
  version: 1;
  /** Where the config came from (null: built-in defaults). */
  file: string | null;
  dir: string;
  stateDir: string;
  gateway: {
    /** A fleet run by an orchestrator: its gateway (null: the daemon's own). */
    url: string | null;
    enabled: boolean;
    port: number;
    host: string;
    upstreamTimeoutMs: number;
    bodyLimitBytes: number;
    balancing: 'round-robin' | 'least-outstanding';
    cooldownMs: number;
    auth: boolean;
    workers: number;
    /** Service -> its limit, from `services.<name>.rateLimit` (the gateway process gets this section only). */
    rateLimits: Record<string, RateLimit>;
  };
  registry: RegistryConfig;
  host: { name: string; advertise: string };
  /** Absolute path of the fleet secret every host shares; null: this daemon's own (one machine). */
  fleet: { secretFile: string | null };
  logs: { maxSizeBytes: number; maxFiles: number };
  smtp: { url: string | null };
  /** The ODFI, when files are sent to it (null: files stay in ach/outbound/). */
  /** Dual approval: grants over `overCents` (total or one payment) wait for an approver (null: none needed). */
  approvals: { overCents: number } | null;
  ach: {
    odfi: OdfiConfig | null;
    /** Prenotes to accounts never paid, for grants that do not say (a grant's `prenote` wins). */
    prenote: boolean;
  };
  services: Record<string, ServiceConfig>;
}

/** The config file as parsed, after checkAgainst() passed: the shapes the schema promises. */
// biome-ignore lint/suspicious/noExplicitAny: read only after the schema has checked it (checkAgainst() in load.ts)
export type Raw = Record<string, any>;
