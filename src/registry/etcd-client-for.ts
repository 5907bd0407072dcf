/** A client of the etcd a registry config names (its password and TLS files read now). */
import fs from 'node:fs';
import type { RegistryConfig } from '../config/types.js';
import { EtcdClient } from './etcd-client.js';

const readText = (file: string | undefined) => (file ? fs.readFileSync(file, 'utf8') : undefined);

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
