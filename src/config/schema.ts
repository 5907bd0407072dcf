/** The hmsops.config.yaml schema (validation and JSON Schema) and its resolution to defaults. */
import path from 'node:path';
import { parseByteSize, parseDuration } from '../duration.js';
import { shown, type Schema } from './schema-dsl.js';

export const BUNDLED_SERVICES = ['auth', 'ach', 'analytics', 'messaging', 'mail-sink'] as const;
export type BundledService = (typeof BUNDLED_SERVICES)[number];
export const isBundled = (name: string): name is BundledService => (BUNDLED_SERVICES as readonly string[]).includes(name);

const probeSchema: Schema = {
  kind: 'object',
  description: 'An HTTP probe with Kubernetes semantics',
  properties: {
    path: { kind: 'string', pattern: /^\//, patternHint: 'a path starting with /', description: 'HTTP path probed with GET; 2xx/3xx is success' },
    interval: { kind: 'duration', description: 'time between probes' },
    timeout: { kind: 'duration', description: 'a probe slower than this fails' },
    failureThreshold: { kind: 'integer', minimum: 1, description: 'consecutive failures before the probe counts as failed' },
    successThreshold: { kind: 'integer', minimum: 1, description: 'consecutive successes before it counts as passing again' },
    startPeriod: { kind: 'duration', description: 'failures during this time after start do not count' },
  },
};

const serviceSchema: Schema = {
  kind: 'object',
  description: 'One service of the fleet: a bundled one (auth, ach, analytics, messaging, mail-sink) or any program with a command',
  properties: {
    command: { kind: 'string', minLength: 1, description: 'shell command that starts one instance; gets PORT and HOST=127.0.0.1' },
    cwd: { kind: 'string', description: 'working directory, relative to the config file' },
    env: { kind: 'stringMap', description: 'extra environment variables' },
    instances: { kind: 'integer', minimum: 0, maximum: 64, description: 'how many instances to run' },
    route: {
      kind: 'string',
      pattern: /^(\/[A-Za-z0-9._~-]+)+$|^none$/,
      patternHint: 'a path prefix such as /billing, or none',
      description: 'gateway route prefix (default /<name>); none keeps it off the gateway',
    },
    version: { kind: 'string', description: 'version reported in the registry' },
    rateLimit: {
      kind: 'object',
      description: 'a limit per client address at the gateway: over it, 429 RATE_LIMITED with Retry-After',
      required: ['requests'],
      properties: {
        requests: { kind: 'integer', minimum: 1, maximum: 1_000_000, description: 'requests one client may make per period' },
        per: { kind: 'duration', description: 'the period (default 1s)' },
        burst: { kind: 'integer', minimum: 1, maximum: 1_000_000, description: 'requests at once after a quiet spell (default: requests)' },
      },
    },
    health: {
      kind: 'object',
      properties: {
        path: { kind: 'string', pattern: /^\//, patternHint: 'a path starting with /', description: 'shortcut: one path for liveness and readiness' },
        liveness: probeSchema,
        readiness: probeSchema,
      },
    },
    restart: {
      kind: 'object',
      description: 'restart policy with exponential backoff',
      properties: {
        policy: { kind: 'string', enum: ['on-failure', 'always', 'never'] },
        initialBackoff: { kind: 'duration' },
        maxBackoff: { kind: 'duration' },
        minUptime: { kind: 'duration', description: 'an instance up this long resets its backoff' },
        maxRestarts: { kind: 'integer', minimum: 0, description: 'restarts allowed within the window before crash-looping' },
        window: { kind: 'duration' },
      },
    },
    stopTimeout: { kind: 'duration', description: 'time between SIGTERM and SIGKILL' },
    drainDelay: { kind: 'duration', description: 'time between deregistering and SIGTERM, so routers stop sending' },
  },
};

export const configSchema: Schema = {
  kind: 'object',
  description: 'hmsops fleet configuration',
  properties: {
    version: { kind: 'integer', minimum: 1, maximum: 1, description: 'config format version; 1' },
    stateDir: { kind: 'string', description: 'state directory, relative to the config file (default .hmsops)' },
    gateway: {
      kind: 'object',
      properties: {
        enabled: { kind: 'boolean' },
        port: { kind: 'integer', minimum: 0, maximum: 65535, description: 'fixed port of the gateway (0: any free port)' },
        host: { kind: 'string' },
        upstreamTimeout: { kind: 'duration' },
        bodyLimit: { kind: 'bytes' },
        balancing: { kind: 'string', enum: ['round-robin', 'least-outstanding'] },
        cooldown: { kind: 'duration', description: 'how long an instance that refused a connection stays out of rotation' },
        auth: { kind: 'boolean', description: 'verify bearer tokens at the edge (default true)' },
        workers: { kind: 'integer', minimum: 1, maximum: 64, description: 'gateway processes sharing its port (default 1); up to one per core for throughput' },
      },
    },
    registry: {
      kind: 'object',
      properties: {
        backend: { kind: 'string', enum: ['embedded'] },
        ttl: { kind: 'duration', description: 'an instance that has not heartbeated for this long is critical' },
        deregisterAfter: { kind: 'duration', description: 'a critical instance silent for this long is removed' },
      },
    },
    logs: {
      kind: 'object',
      properties: {
        maxSize: { kind: 'bytes', description: 'rotate an instance log at this size' },
        maxFiles: { kind: 'integer', minimum: 1, maximum: 100 },
      },
    },
    smtp: {
      kind: 'object',
      description: 'where messaging delivers mail (default: the bundled mail sink)',
      properties: {
        url: { kind: 'string', pattern: /^smtps?:\/\//, patternHint: 'an smtp:// or smtps:// URL' },
      },
    },
    services: { kind: 'map', keyPattern: /^[a-z][a-z0-9-]{0,30}$/, values: serviceSchema },
  },
};

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
}

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
  registry: { backend: 'embedded'; ttlMs: number; deregisterAfterMs: number };
  logs: { maxSizeBytes: number; maxFiles: number };
  smtp: { url: string | null };
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

type Raw = Record<string, any>;
const dur = (v: unknown, dflt: number) => (v === undefined ? dflt : parseDuration(v as string)!);

function resolveProbe(raw: Raw | undefined, dfltPath: string, dflt: Omit<ProbeConfig, 'path'>): ProbeConfig {
  return {
    path: raw?.path ?? dfltPath,
    intervalMs: dur(raw?.interval, dflt.intervalMs),
    timeoutMs: dur(raw?.timeout, dflt.timeoutMs),
    failureThreshold: raw?.failureThreshold ?? dflt.failureThreshold,
    successThreshold: raw?.successThreshold ?? dflt.successThreshold,
    startPeriodMs: dur(raw?.startPeriod, dflt.startPeriodMs),
  };
}

function resolveService(name: string, raw: Raw, dir: string): ServiceConfig {
  const bundled = isBundled(name) && raw.command === undefined;
  const health: Raw = raw.health ?? {};
  const r: Raw = raw.restart ?? {};
  return {
    name,
    bundled,
    command: raw.command,
    cwd: path.resolve(dir, raw.cwd ?? '.'),
    env: Object.fromEntries(Object.entries((raw.env ?? {}) as Raw).map(([k, v]) => [k, String(v)])),
    instances: raw.instances ?? 1,
    route: raw.route === 'none' ? null : (raw.route ?? (name === 'mail-sink' ? '/mail' : `/${name}`)),
    rateLimit: raw.rateLimit ? { ratePerSecond: raw.rateLimit.requests / (dur(raw.rateLimit.per, 1000) / 1000), burst: raw.rateLimit.burst ?? raw.rateLimit.requests } : null,
    version: raw.version ?? (bundled ? 'bundled' : '0.0.0'),
    liveness: resolveProbe(health.liveness, health.liveness?.path ?? health.path ?? (bundled ? '/healthz' : '/'), {
      intervalMs: 2000,
      timeoutMs: 1000,
      failureThreshold: 3,
      successThreshold: 1,
      startPeriodMs: 10_000,
    }),
    readiness: resolveProbe(health.readiness, health.readiness?.path ?? health.path ?? (bundled ? '/readyz' : '/'), {
      intervalMs: 1000,
      timeoutMs: 1000,
      failureThreshold: 1,
      successThreshold: 1,
      startPeriodMs: 0,
    }),
    restart: {
      policy: r.policy ?? 'on-failure',
      initialBackoffMs: dur(r.initialBackoff, 100),
      maxBackoffMs: dur(r.maxBackoff, 10_000),
      minUptimeMs: dur(r.minUptime, 10_000),
      maxRestarts: r.maxRestarts ?? 5,
      windowMs: dur(r.window, 60_000),
    },
    stopTimeoutMs: dur(raw.stopTimeout, 10_000),
    drainDelayMs: dur(raw.drainDelay, 100),
  };
}

/** Fills defaults into an already validated raw config. */
export function resolveConfig(raw: Raw, file: string | null, dir: string): FleetConfig {
  const g: Raw = raw.gateway ?? {};
  const reg: Raw = raw.registry ?? {};
  const logs: Raw = raw.logs ?? {};
  const services: Raw = raw.services ?? DEFAULT_SERVICES;
  const resolved = Object.fromEntries(Object.entries(services).map(([name, s]) => [name, resolveService(name, (s ?? {}) as Raw, dir)]));
  return {
    version: 1,
    file,
    dir,
    stateDir: path.resolve(dir, raw.stateDir ?? '.hmsops'),
    gateway: {
      enabled: g.enabled ?? true,
      port: g.port ?? 8080,
      host: g.host ?? '127.0.0.1',
      upstreamTimeoutMs: dur(g.upstreamTimeout, 30_000),
      bodyLimitBytes: g.bodyLimit === undefined ? 10 * 1024 * 1024 : parseByteSize(g.bodyLimit)!,
      balancing: g.balancing ?? 'round-robin',
      cooldownMs: dur(g.cooldown, 5000),
      auth: g.auth ?? true,
      workers: g.workers ?? 1,
      rateLimits: Object.fromEntries(Object.values(resolved).flatMap((s) => (s.rateLimit ? [[s.name, s.rateLimit]] : []))),
    },
    registry: { backend: 'embedded', ttlMs: dur(reg.ttl, 10_000), deregisterAfterMs: dur(reg.deregisterAfter, 60_000) },
    logs: {
      maxSizeBytes: logs.maxSize === undefined ? 10 * 1024 * 1024 : parseByteSize(logs.maxSize)!,
      maxFiles: logs.maxFiles ?? 3,
    },
    smtp: { url: raw.smtp?.url ?? null },
    services: resolved,
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
  // Bundled messaging delivers to the bundled mail sink or to smtp.url: with neither, every notice
  // would wait in its outbox forever while disburse reports them queued.
  const services = (raw.services ?? {}) as Raw;
  const messaging = services.messaging;
  if (messaging !== undefined && !(messaging && typeof messaging === 'object' && 'command' in messaging) && !('mail-sink' in services) && !raw.smtp?.url)
    out.push({ path: ['services', 'messaging'], message: 'messaging has no SMTP server to deliver to: add mail-sink to services (the bundled sink), or set smtp.url to a relay' });
  return out;
}
