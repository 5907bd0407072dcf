/**
 * hmsopsd: one per state dir. Holds the lock, reaps what a crashed predecessor left,
 * supervises the fleet and serves the control API until told to stop.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { resolveConfig, resolveService } from '../config/schema.js';
import { daemonSettings, type FleetConfig, type ServiceConfig } from '../config/types.js';
import { bundledEntry } from '../entry-points.js';
import { HmsopsError } from '../errors/index.js';
import { openRegistry } from '../registry/open-registry.js';
import { statePaths } from '../state/paths.js';
import { startControlServer } from './control-server.js';
import { acquireLock, releaseLock } from './lock.js';
import { reapOrphans } from './orphans.js';
import { Supervisor } from './supervisor.js';

/** The gateway runs as a supervised instance like any other. */
export function gatewayService(cfg: FleetConfig): ServiceConfig {
  // The config's defaults, except where the gateway differs: always restarted, quicker to stop, never drained.
  const resolved = resolveService(
    'gateway',
    {
      route: 'none',
      version: 'bundled',
      health: { liveness: { path: '/healthz' }, readiness: { path: '/readyz' } },
      restart: { policy: 'always', maxBackoff: '5s' },
      stopTimeout: '5s',
      drainDelay: 0,
    },
    cfg.dir,
  );
  return { ...resolved, bundled: true };
}

function desiredServices(cfg: FleetConfig): Record<string, ServiceConfig> {
  return cfg.gateway.enabled ? { gateway: gatewayService(cfg), ...cfg.services } : { ...cfg.services };
}

async function main() {
  const argIdx = process.argv.indexOf('--state-dir');
  const stateDir = path.resolve(argIdx > 0 ? process.argv[argIdx + 1]! : '.hmsops');
  const paths = statePaths(stateDir);
  fs.mkdirSync(paths.run, { recursive: true, mode: 0o700 });
  fs.mkdirSync(paths.logs, { recursive: true });
  if (!acquireLock(paths.lock)) {
    console.error(`hmsopsd: another daemon holds ${paths.lock}`);
    process.exit(3);
  }
  const { reaped } = await reapOrphans(paths);
  if (reaped.length) console.log(`hmsopsd: stopped ${reaped.length} instance(s) left by a previous daemon: ${reaped.join(', ')}`);

  const fleetToken = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(paths.fleetToken, fleetToken, { mode: 0o600 });
  let config: FleetConfig | undefined;
  try {
    config = JSON.parse(fs.readFileSync(path.join(paths.run, 'config.json'), 'utf8'));
  } catch {
    config = undefined;
  }
  // Until `up` hands over a config, the schema's defaults (one source for them).
  const defaults = resolveConfig({}, null, path.dirname(stateDir));
  // The registry, this host's name and address and the fleet secret are the daemon's for its life
  // (`up` writes the config down before it starts one, so they are the config's).
  const settings: FleetConfig = { ...defaults, ...config };
  const registry = await openRegistry(settings, (msg) => console.log(`hmsopsd: ${msg}`));
  const logLimits = settings.logs;
  /** What a bundled service is told of the config beyond its own section (the gateway's settings, the bank, the SMTP relay). */
  const bundledEnv = (service: string) => {
    const env: Record<string, string> = { HMSOPS_REGISTRY_TTL_MS: String((config ?? defaults).registry.ttlMs) };
    if (service === 'gateway' && config) env.HMSOPS_GATEWAY_CONFIG = JSON.stringify(config.gateway);
    if (service === 'gateway') env.HMSOPS_ACCESS_LOG = JSON.stringify({ dir: paths.logs, ...logLimits });
    if (service === 'messaging' && config?.smtp.url) env.HMSOPS_SMTP_URL = config.smtp.url;
    if (service === 'ach' && config?.ach?.odfi) env.HMSOPS_ACH_ODFI = JSON.stringify(config.ach.odfi);
    if (service === 'ach' && config?.approvals) env.HMSOPS_APPROVALS_OVER_CENTS = String(config.approvals.overCents);
    return env;
  };
  const supervisor = new Supervisor({
    paths,
    registry,
    fleetToken,
    address: (service) => (service === 'gateway' ? (config ?? settings).gateway.host : settings.host.advertise),
    fleetSecretFile: settings.fleet.secretFile,
    logs: logLimits,
    bundledCommand: (service) => [process.execPath, bundledEntry(service)],
    bundledEnv,
  });

  let stopping: Promise<void> | undefined;
  const shutdown = (timeoutMs?: number) => {
    stopping ??= (async () => {
      console.log('hmsopsd: stopping the fleet');
      await supervisor.stopAll(timeoutMs);
      await registry.close();
      server.close();
      fs.rmSync(paths.socket, { force: true });
      fs.rmSync(paths.instancesFile, { force: true });
      fs.rmSync(paths.daemonInfo, { force: true });
      releaseLock(paths.lock);
      console.log('hmsopsd: stopped');
      process.exit(0);
    })();
    return stopping;
  };

  const startedAt = Date.now();
  const server = await startControlServer(paths.socket, {
    supervisor,
    registry,
    address: settings.host.advertise,
    fleetToken,
    config: () => config,
    info: () => ({ pid: process.pid, stateDir, startedAt, configFile: config?.file ?? null, instances: supervisor.instances.size }),
    apply: async (cfg, only) => {
      if (daemonSettings(cfg) !== daemonSettings(settings))
        throw new HmsopsError('DAEMON_SETTINGS_CHANGED', 'the config changes the registry, host or fleet settings this daemon started with: run `hmsops down`, then `hmsops up`');
      // A bundled service whose settings elsewhere in the config changed (ach.odfi, smtp.url) is restarted, rolling, with them.
      const told = (c: FleetConfig | undefined) => {
        const before = config;
        config = c;
        const out = Object.fromEntries([...supervisor.services.keys()].map((name) => [name, JSON.stringify(bundledEnv(name))]));
        config = before;
        return out;
      };
      const was = told(config);
      const now = told(cfg);
      config = cfg;
      fs.writeFileSync(path.join(paths.run, 'config.json'), JSON.stringify(cfg), { mode: 0o600 });
      const retold = Object.keys(was).filter((name) => was[name] !== now[name] && (!only?.length || only.includes(name)));
      return supervisor.apply(desiredServices(cfg), only, retold);
    },
    shutdown: (timeoutMs) => void shutdown(timeoutMs),
  });
  fs.writeFileSync(paths.daemonInfo, JSON.stringify({ pid: process.pid, socket: paths.socket, startedAt }));
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  process.on('SIGHUP', () => undefined);
  process.on('uncaughtException', (err) => {
    console.error('hmsopsd: internal error', err);
    void shutdown();
  });
  console.log(`hmsopsd: pid ${process.pid} listening on ${paths.socket}`);
}

void main();
