/**
 * How a fleet process (a bundled service, the gateway) registers itself: with the daemon that
 * started it, or, under an orchestrator where there is none, in the fleet's etcd directly
 * (HMSOPS_REGISTRY, the config's `registry` section as JSON): its entry under a lease of its own,
 * `passing` once it serves, gone when it stops or when its lease runs out (the process killed).
 * Under an orchestrator the registry is the fleet's inventory (`hmsops registry ls`); traffic
 * goes through the orchestrator's Services.
 */
import type { RegistryConfig } from '../config/types.js';
import { type DaemonLink, daemonLinkFromEnv, registerWithDaemon } from './daemon-link.js';

export interface SelfEntry {
  service: string;
  instanceId: string;
  port: number;
  version: string;
  metadata?: Record<string, string>;
}

export interface Registration {
  deregister(): Promise<void>;
}

/** Where a fleet process registers: with the daemon that started it, in etcd, or nowhere (run alone). */
export type RegistrationTarget = { daemon: DaemonLink; ttlMs: number } | { etcd: RegistryConfig; address: string } | undefined;

/**
 * Where this process registers, read once at start, before anything listens: with the daemon
 * (HMSOPS_CONTROL_SOCKET, HMSOPS_FLEET_TOKEN), else in etcd under an orchestrator
 * (HMSOPS_REGISTRY naming etcd; its address HMSOPS_ADVERTISE, else HOST). A HMSOPS_REGISTRY that
 * is not a JSON object throws, saying so (the service or gateway then exits 2 with that line).
 */
export function registrationTarget(env: NodeJS.ProcessEnv = process.env): RegistrationTarget {
  const link = daemonLinkFromEnv(env);
  if (link) return { daemon: link, ttlMs: Number(env.HMSOPS_REGISTRY_TTL_MS ?? 10_000) };
  if (!env.HMSOPS_REGISTRY) return undefined;
  let cfg: RegistryConfig;
  try {
    cfg = JSON.parse(env.HMSOPS_REGISTRY) as RegistryConfig;
    if (typeof cfg !== 'object' || cfg === null || Array.isArray(cfg)) throw new Error('not an object');
  } catch (err) {
    throw new Error(`HMSOPS_REGISTRY: expected the config's registry section as a JSON object, as hmsops export writes it (${(err as Error).message})`);
  }
  return cfg.backend === 'etcd' ? { etcd: cfg, address: env.HMSOPS_ADVERTISE ?? env.HOST ?? '127.0.0.1' } : undefined;
}

/** Registers `entry` where `target` says (`address`: the one others reach it at). */
export async function registerSelf(target: RegistrationTarget, entry: SelfEntry, log: (msg: string) => void): Promise<Registration | undefined> {
  if (!target) return undefined;
  if ('daemon' in target) return registerWithDaemon(target.daemon, entry, target.ttlMs, log);
  const cfg = target.etcd;
  // Loaded only here: under the daemon a service does not pay for etcd's client (undici) at start.
  const [{ EtcdRegistry }, { etcdClientFor }] = await Promise.all([import('./etcd.js'), import('./etcd-client-for.js')]);
  // The process is its own "host": its keys live and die with its own lease.
  const registry = new EtcdRegistry({
    client: etcdClientFor(cfg),
    prefix: cfg.prefix,
    host: entry.instanceId,
    ttlMs: cfg.ttlMs,
    deregisterAfterMs: cfg.deregisterAfterMs,
    log,
    follow: false,
  });
  await registry.start();
  await registry.register({ ...entry, address: target.address, ttlMs: null });
  await registry.setHealth(entry.instanceId, 'passing');
  return {
    async deregister() {
      await registry.setHealth(entry.instanceId, 'draining');
      await registry.close();
    },
  };
}
