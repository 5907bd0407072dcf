/** The registry backend a config names, opened for this host's daemon. */
import type { FleetConfig } from '../config/types.js';
import { EmbeddedRegistry } from './embedded.js';
import type { Registry } from './types.js';

/**
 * An etcd registry is returned at once and connects on its own: a daemon never waits for etcd to
 * start its fleet. etcd's modules (and undici under them) are loaded only for etcd.
 */
export async function openRegistry(cfg: Pick<FleetConfig, 'registry' | 'host'>, log: (msg: string) => void): Promise<Registry> {
  const r = cfg.registry;
  if (r.backend === 'embedded') return new EmbeddedRegistry({ host: cfg.host.name, deregisterAfterMs: r.deregisterAfterMs });
  const [{ EtcdRegistry }, { etcdClientFor }] = await Promise.all([import('./etcd.js'), import('./etcd-client-for.js')]);
  const registry = new EtcdRegistry({ client: etcdClientFor(r), prefix: r.prefix, host: cfg.host.name, ttlMs: r.ttlMs, deregisterAfterMs: r.deregisterAfterMs, log });
  void registry.start();
  return registry;
}
