/** The registry backend a config names, opened for this host's daemon. */
import fs from 'node:fs';
import type { FleetConfig, RegistryConfig } from '../config/types.js';
import { EmbeddedRegistry } from './embedded.js';
import { EtcdRegistry } from './etcd.js';
import { EtcdClient } from './etcd-client.js';
import type { Registry } from './types.js';

const readText = (file: string | undefined) => (file ? fs.readFileSync(file, 'utf8') : undefined);

/** A client of the etcd a registry config names (its password and TLS files read now). */
export function etcdClientFor(r: RegistryConfig): EtcdClient {
  const tls = r.tls ? { ca: readText(r.tls.ca), cert: readText(r.tls.cert), key: readText(r.tls.key) } : undefined;
  return new EtcdClient({
    endpoints: r.endpoints,
    user: r.user,
    password: r.passwordFile ? readText(r.passwordFile)!.trim() : undefined,
    ...(tls ? { tls } : {}),
    timeoutMs: Math.min(3000, Math.max(1000, Math.floor(r.ttlMs / 3))),
  });
}

/** An etcd registry is returned at once and connects on its own: a daemon never waits for etcd to start its fleet. */
export function openRegistry(cfg: Pick<FleetConfig, 'registry' | 'host'>, log: (msg: string) => void): Registry {
  const r = cfg.registry;
  if (r.backend === 'embedded') return new EmbeddedRegistry({ host: cfg.host.name, deregisterAfterMs: r.deregisterAfterMs });
  const registry = new EtcdRegistry({ client: etcdClientFor(r), prefix: r.prefix, host: cfg.host.name, ttlMs: r.ttlMs, deregisterAfterMs: r.deregisterAfterMs, log });
  void registry.start();
  return registry;
}
