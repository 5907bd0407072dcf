/** The hmsops.config.yaml schema (validation and JSON Schema) and its resolution to defaults. */
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseByteSize, parseDuration } from '../duration.js';
import { configSchemaJson } from '../generated/validators.js';
import { shown } from './schema-check.js';

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
  ach: { odfi: OdfiConfig | null };
  services: Record<string, ServiceConfig>;
}

/** The fleet when no config file says otherwise: the bundled services. */
export const DEFAULT_SERVICES: Record<string, unknown> = {
  auth: { instances: 1 },
  ach: { instances: 2 },
  analytics: { instances: 1 },
  messaging: { instances: 1 },
  'mail-sink': { instances: 1 },
};

/** The config file as parsed, after checkAgainst() passed: the shapes the schema above promises. */
// biome-ignore lint/suspicious/noExplicitAny: read only after the schema has checked it (checkAgainst() in load.ts)
type Raw = Record<string, any>;

/** The defaults the schema states (what `config schema` prints), as a nested object: one source for them. */
function defaultsOf(schema: unknown): Raw {
  const props = (schema as { properties?: Record<string, { default?: unknown; properties?: object }> }).properties ?? {};
  const out: Raw = {};
  for (const [key, node] of Object.entries(props)) {
    if (node.default !== undefined) out[key] = node.default;
    else if (node.properties) {
      // Only sections with defaults inside: an empty one would read as "set" (a `tls: {}` means TLS).
      const inner = defaultsOf(node);
      if (Object.keys(inner).length) out[key] = inner;
    }
  }
  return out;
}

const FILE_DEFAULTS = defaultsOf(configSchemaJson);
const SERVICE_DEFAULTS = defaultsOf(configSchemaJson.properties.services.additionalProperties);
const SERVICE_SCALAR_DEFAULTS = Object.fromEntries(Object.entries(SERVICE_DEFAULTS).filter(([, v]) => typeof v !== 'object'));
const ms = (v: string | number) => parseDuration(v)!;

function resolveProbe(raw: Raw | undefined, path: string, defaults: Raw): ProbeConfig {
  const p = { ...defaults, ...raw };
  return {
    path,
    intervalMs: ms(p.interval),
    timeoutMs: ms(p.timeout),
    failureThreshold: p.failureThreshold,
    successThreshold: p.successThreshold,
    startPeriodMs: ms(p.startPeriod),
  };
}

function resolveStore(fleet: Raw | undefined, own: Raw | undefined, dir: string): StoreConfig {
  const s: Raw = { ...FILE_DEFAULTS.store, ...fleet, ...own };
  return {
    backend: s.backend,
    ...(s.url ? { url: s.url } : {}),
    ...(s.passwordFile ? { passwordFile: path.resolve(dir, s.passwordFile) } : {}),
    ...(s.tls ? { tls: resolvePaths(s.tls, dir) } : {}),
  };
}

/** A section of file names (tls), each relative to the config file's folder. */
const resolvePaths = (files: Record<string, string>, dir: string) => Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.resolve(dir, f)]));

export function resolveService(name: string, given: Raw, dir: string, fleetStore?: Raw): ServiceConfig {
  // The sections (health, restart, rateLimit) take their defaults below, only where they apply.
  const raw = { ...SERVICE_SCALAR_DEFAULTS, ...given };
  const bundled = isBundled(name) && raw.command === undefined;
  const health: Raw = raw.health ?? {};
  const r: Raw = { ...SERVICE_DEFAULTS.restart, ...raw.restart };
  const rateLimit: Raw | undefined = raw.rateLimit && { ...SERVICE_DEFAULTS.rateLimit, ...raw.rateLimit };
  return {
    name,
    bundled,
    command: raw.command,
    cwd: path.resolve(dir, raw.cwd),
    env: Object.fromEntries(Object.entries((raw.env ?? {}) as Raw).map(([k, v]) => [k, String(v)])),
    instances: raw.instances,
    // Defaults that depend on the service, which the schema can only describe.
    route: raw.route === 'none' ? null : (raw.route ?? (name === 'mail-sink' ? '/mail' : `/${name}`)),
    rateLimit: rateLimit ? { ratePerSecond: rateLimit.requests / (ms(rateLimit.per) / 1000), burst: rateLimit.burst ?? rateLimit.requests } : null,
    version: raw.version ?? (bundled ? 'bundled' : '0.0.0'),
    liveness: resolveProbe(health.liveness, health.liveness?.path ?? health.path ?? (bundled ? '/healthz' : '/'), SERVICE_DEFAULTS.health.liveness),
    readiness: resolveProbe(health.readiness, health.readiness?.path ?? health.path ?? (bundled ? '/readyz' : '/'), SERVICE_DEFAULTS.health.readiness),
    restart: {
      policy: r.policy,
      initialBackoffMs: ms(r.initialBackoff),
      maxBackoffMs: ms(r.maxBackoff),
      minUptimeMs: ms(r.minUptime),
      maxRestarts: r.maxRestarts,
      windowMs: ms(r.window),
    },
    stopTimeoutMs: ms(raw.stopTimeout),
    drainDelayMs: ms(raw.drainDelay),
    store: resolveStore(fleetStore, raw.store, dir),
  };
}

function resolveOdfi(raw: Raw | undefined, dir: string): OdfiConfig | null {
  if (!raw) return null;
  const d = FILE_DEFAULTS.ach?.odfi ?? {};
  const sftp = { ...d.sftp, ...raw.sftp };
  return {
    sftp: {
      url: sftp.url,
      privateKeyFile: path.resolve(dir, sftp.privateKeyFile),
      hostKey: sftp.hostKey,
      outbound: sftp.outbound ?? '/outbound',
      inbound: sftp.inbound ?? '/inbound',
    },
    cutoffs: [...(raw.cutoffs ?? d.cutoffs ?? ['10:30', '14:45'])].sort(),
    timezone: raw.timezone ?? d.timezone ?? 'America/New_York',
  };
}

/** Fills the schema's defaults into an already checked config file. */
export function resolveConfig(raw: Raw, file: string | null, dir: string): FleetConfig {
  const d = FILE_DEFAULTS;
  const g: Raw = { ...d.gateway, ...raw.gateway };
  const reg: Raw = { ...d.registry, ...raw.registry };
  const logs: Raw = { ...d.logs, ...raw.logs };
  const services: Raw = raw.services ?? DEFAULT_SERVICES;
  const resolved = Object.fromEntries(Object.entries(services).map(([name, s]) => [name, resolveService(name, (s ?? {}) as Raw, dir, raw.store)]));
  return {
    version: 1,
    file,
    dir,
    stateDir: path.resolve(dir, raw.stateDir ?? d.stateDir),
    gateway: {
      enabled: g.enabled,
      port: g.port,
      host: g.host,
      upstreamTimeoutMs: ms(g.upstreamTimeout),
      bodyLimitBytes: parseByteSize(g.bodyLimit)!,
      balancing: g.balancing,
      cooldownMs: ms(g.cooldown),
      auth: g.auth,
      workers: g.workers,
      rateLimits: Object.fromEntries(Object.values(resolved).flatMap((s) => (s.rateLimit ? [[s.name, s.rateLimit]] : []))),
    },
    registry: {
      backend: reg.backend,
      ttlMs: ms(reg.ttl),
      deregisterAfterMs: ms(reg.deregisterAfter),
      endpoints: reg.backend === 'etcd' ? (reg.endpoints ?? []).map((e: string) => e.replace(/\/$/, '')) : [],
      prefix: reg.prefix,
      ...(reg.user ? { user: reg.user } : {}),
      ...(reg.passwordFile ? { passwordFile: path.resolve(dir, reg.passwordFile) } : {}),
      ...(reg.tls ? { tls: resolvePaths(reg.tls, dir) } : {}),
    },
    host: { name: raw.host?.name ?? os.hostname(), advertise: raw.host?.advertise ?? d.host.advertise },
    fleet: { secretFile: raw.fleet?.secretFile ? path.resolve(dir, raw.fleet.secretFile) : null },
    logs: { maxSizeBytes: parseByteSize(logs.maxSize)!, maxFiles: logs.maxFiles },
    smtp: { url: raw.smtp?.url ?? null },
    ach: { odfi: resolveOdfi(raw.ach?.odfi, dir) },
    services: resolved,
  };
}

/**
 * The file as written with the defaults that always apply filled in, in the file's own keys: the
 * sections every fleet has (gateway, registry, logs) and each service's settings and restart
 * policy. Sections that switch something on when present (ach.odfi, store, tls, rateLimit) stay
 * as written: filled in, they would turn it on.
 */
export function withFileDefaults(raw: Raw): Raw {
  const d = FILE_DEFAULTS;
  const services: Raw = raw.services ?? DEFAULT_SERVICES;
  return {
    version: 1,
    stateDir: d.stateDir,
    ...raw,
    gateway: { ...d.gateway, ...raw.gateway },
    registry: { ...d.registry, ...raw.registry },
    logs: { ...d.logs, ...raw.logs },
    services: Object.fromEntries(
      Object.entries(services).map(([name, s]) => [name, { ...SERVICE_SCALAR_DEFAULTS, ...(s as Raw), restart: { ...SERVICE_DEFAULTS.restart, ...(s as Raw)?.restart } }]),
    ),
  };
}

/** Problems the schema cannot express: custom services need a command; a rate limit needs a period; messaging needs an SMTP server. */
export function crossFieldProblems(raw: Raw): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  for (const [name, s] of Object.entries((raw.services ?? {}) as Raw)) {
    if (name === 'gateway') out.push({ path: ['services', name], message: '"gateway" is reserved; configure it under the top-level gateway key' });
    else if (!isBundled(name) && !(s && typeof s === 'object' && 'command' in s))
      out.push({ path: ['services', name], message: `${shown(name)} is not a bundled service (${BUNDLED_SERVICES.join(', ')}), so it needs a command` });
    const per = s?.rateLimit?.per;
    if ((typeof per === 'string' || typeof per === 'number') && parseDuration(per) === 0)
      out.push({ path: ['services', name, 'rateLimit', 'per'], message: 'must be more than 0' });
  }
  // A store is the bundled services' (custom programs keep their own data); PostgreSQL needs its
  // URL, and a password never sits in the config text.
  const urlProblem = (url: unknown, where: (string | number)[]) => {
    if (typeof url !== 'string') return;
    let password = '';
    try {
      password = new URL(url).password;
    } catch {
      out.push({ path: where, message: 'is not a URL: expected postgres://USER@HOST:PORT/DB' });
      return;
    }
    if (password) out.push({ path: where, message: 'must not hold a password: put it in a file named by passwordFile (mode 0600), or in PGPASSWORD' });
    // Parameters after ? (sslmode=require...) would be silently ignored: say where they go instead.
    else if (url.includes('?'))
      out.push({ path: where, message: 'takes no parameters after "?": TLS is store.tls ({ ca, cert, key }), the password passwordFile; expected postgres://USER@HOST:PORT/DB' });
  };
  const tlsProblem = (tls: Raw | undefined, where: (string | number)[]) => {
    if (tls && Boolean(tls.cert) !== Boolean(tls.key)) out.push({ path: [...where, 'tls'], message: 'a client certificate needs its key, and a key its certificate' });
  };
  urlProblem(raw.store?.url, ['store', 'url']);
  tlsProblem(raw.store?.tls, ['store']);
  for (const [name, s] of Object.entries((raw.services ?? {}) as Raw)) {
    if (!s || typeof s !== 'object' || !s.store) continue;
    if ('command' in s) out.push({ path: ['services', name, 'store'], message: 'is for the bundled services; a custom program keeps its own data' });
    urlProblem(s.store.url, ['services', name, 'store', 'url']);
    tlsProblem(s.store.tls, ['services', name, 'store']);
  }
  for (const [name, s] of Object.entries((raw.services ?? DEFAULT_SERVICES) as Raw)) {
    const st: Raw = { ...raw.store, ...(s as Raw | null)?.store };
    if (st.backend === 'postgres' && !st.url && !(s && typeof s === 'object' && 'command' in s))
      out.push({
        path: (s as Raw | null)?.store ? ['services', name, 'store'] : ['store'],
        message: `the postgres backend needs a url (postgres://USER@HOST:PORT/DB) for ${name}`,
      });
  }
  // Across machines: etcd needs its members; instances listen where other hosts reach them, and a
  // gateway on one host calls services on another with the identity only the fleet can sign.
  const reg = (raw.registry ?? {}) as Raw;
  if (reg.backend === 'etcd' && !reg.endpoints) out.push({ path: ['registry'], message: "the etcd backend needs endpoints (the cluster's client URLs)" });
  if (reg.backend === 'etcd' && !raw.fleet?.secretFile)
    out.push({ path: ['registry'], message: 'the etcd backend spans hosts: set fleet.secretFile (a 0600 file every host has) so gateways can call services on any host' });
  if (reg.backend !== 'etcd')
    for (const key of ['endpoints', 'user', 'passwordFile', 'tls'])
      if (reg[key] !== undefined) out.push({ path: ['registry', key], message: 'is for the etcd backend (registry.backend: etcd)' });
  if (reg.user && !reg.passwordFile) out.push({ path: ['registry', 'user'], message: "needs passwordFile (a 0600 file holding the user's password)" });
  if (reg.user && reg.tls?.cert)
    out.push({
      path: ['registry', 'tls', 'cert'],
      message:
        "etcd's JSON gateway refuses a request with both a client certificate and a user's token: use user and passwordFile over https, or a client certificate without user",
    });
  if (reg.tls && Boolean(reg.tls.cert) !== Boolean(reg.tls.key)) out.push({ path: ['registry', 'tls'], message: 'a client certificate needs its key, and a key its certificate' });
  if (reg.tls && reg.endpoints?.some((e: unknown) => typeof e === 'string' && e.startsWith('http://')))
    out.push({ path: ['registry', 'endpoints'], message: 'tls is set: the endpoints must be https:// URLs' });
  const advertise = raw.host?.advertise;
  if (typeof advertise === 'string' && (!net.isIP(advertise) || advertise === '0.0.0.0' || advertise === '::'))
    out.push({
      path: ['host', 'advertise'],
      message: `expected an IP address of this machine that other hosts reach, such as 10.0.0.5, got ${shown(advertise)}${net.isIP(advertise) ? ' (every address: not one to be reached at)' : ''}`,
    });
  const tz = raw.ach?.odfi?.timezone;
  if (typeof tz === 'string') {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
    } catch {
      out.push({ path: ['ach', 'odfi', 'timezone'], message: `expected an IANA time zone such as America/New_York, got ${shown(tz)}` });
    }
  }
  // Bundled messaging delivers to the bundled mail sink or to smtp.url: with neither, every notice
  // would wait in its outbox forever while disburse reports them queued.
  const services = (raw.services ?? {}) as Raw;
  const messaging = services.messaging;
  if (messaging !== undefined && !(messaging && typeof messaging === 'object' && 'command' in messaging) && !('mail-sink' in services) && !raw.smtp?.url)
    out.push({ path: ['services', 'messaging'], message: 'messaging has no SMTP server to deliver to: add mail-sink to services (the bundled sink), or set smtp.url to a relay' });
  return out;
}
