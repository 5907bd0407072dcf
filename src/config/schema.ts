/**
 * The config file resolved: every default filled in (from the definition's, in the JSON Schema),
 * durations and sizes in ms and bytes, paths absolute. The types are types.ts; the checks the
 * schema cannot express, cross-field.ts.
 */
import { parseAmount } from '../money.js';
import os from 'node:os';
import path from 'node:path';
import { parseByteSize, parseDuration } from '../duration.js';
import { configSchemaJson } from '../generated/validators.js';
import { type FleetConfig, isBundled, type OdfiConfig, type ProbeConfig, type Raw, type ServiceConfig, type StoreConfig } from './types.js';

/** The fleet when no config file says otherwise: the bundled services. */
export const DEFAULT_SERVICES: Record<string, unknown> = {
  auth: { instances: 1 },
  ach: { instances: 2 },
  analytics: { instances: 1 },
  messaging: { instances: 1 },
  'mail-sink': { instances: 1 },
};

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
    cutoffs: [...(raw.cutoffs ?? d.cutoffs)].sort(),
    timezone: raw.timezone ?? d.timezone,
    sameDayCutoffs: [...(raw.sameDayCutoffs ?? d.sameDayCutoffs)].sort(),
    sendLeadMs: ms(raw.sendLead ?? d.sendLead),
    merge: raw.merge ?? d.merge,
    maxLines: raw.maxLines ?? d.maxLines,
    ...(raw.maxEntries === undefined ? {} : { maxEntries: raw.maxEntries }),
    ...(raw.pgp
      ? {
          pgp: {
            bankPublicKeyFile: path.resolve(dir, raw.pgp.bankPublicKeyFile),
            privateKeyFile: path.resolve(dir, raw.pgp.privateKeyFile),
            ...(raw.pgp.passphraseFile ? { passphraseFile: path.resolve(dir, raw.pgp.passphraseFile) } : {}),
          },
        }
      : {}),
  };
}

/** The bank's calendar as the CLI plans with it: the config's ach.odfi, or its defaults when no bank is configured. */
export function achCalendar(config: FleetConfig): Pick<OdfiConfig, 'cutoffs' | 'timezone' | 'sameDayCutoffs' | 'sendLeadMs'> {
  const d = FILE_DEFAULTS.ach?.odfi ?? {};
  const o = config.ach.odfi;
  return o
    ? { cutoffs: o.cutoffs, timezone: o.timezone, sameDayCutoffs: o.sameDayCutoffs, sendLeadMs: o.sendLeadMs }
    : { cutoffs: [...d.cutoffs].sort(), timezone: d.timezone, sameDayCutoffs: [...d.sameDayCutoffs].sort(), sendLeadMs: ms(d.sendLead) };
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
      url: g.url ?? null,
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
    ach: { odfi: resolveOdfi(raw.ach?.odfi, dir), prenote: raw.ach?.prenote ?? d.ach?.prenote ?? false },
    approvals: raw.approvals ? { overCents: parseAmount(String(raw.approvals.over).replace(/[$,]/g, ''))! } : null,
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
