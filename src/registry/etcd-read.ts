/**
 * The registry of a fleet an orchestrator runs, read straight from its etcd (each process
 * registers itself there: self-registration.ts). What `hmsops registry ls|get --gateway URL`
 * show when the config's registry is etcd.
 */
import type { RegistryConfig } from '../config/types.js';
import type { RegistryAnswer } from '../control/api.js';
import { byServiceThenInstance } from './host-table.js';
import { etcdClientFor } from './etcd-client-for.js';
import type { RegistryEntry } from './types.js';

export async function readEtcdRegistry(cfg: RegistryConfig, service?: string): Promise<RegistryAnswer> {
  const client = etcdClientFor(cfg);
  try {
    const { kvs, revision } = await client.range(`${cfg.prefix}instances/`);
    const entries = kvs
      .map((kv) => JSON.parse(kv.value) as RegistryEntry)
      .filter((e) => !service || e.service === service)
      .sort(byServiceThenInstance);
    return { index: revision, entries, registry: { backend: 'etcd', reachable: true } };
  } finally {
    await client.close().catch(() => undefined);
  }
}
