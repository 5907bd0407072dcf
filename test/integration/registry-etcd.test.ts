/**
 * The etcd registry backend against a real etcd (Debian's etcd-server on free loopback ports):
 * two daemons' registries as two hosts, each publishing its own table under a host lease and
 * seeing the other's through a watch; a host whose lease is no longer kept alive leaves; etcd
 * away and back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEtcd } from '../../scripts/etcd-server.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EtcdRegistry } from '../../src/registry/etcd.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import { EtcdClient } from '../../src/registry/etcd-client.js';
import type { RegistryEntry } from '../../src/registry/types.js';
import { until } from '../helpers/fleet.js';
import { skipWithout } from '../helpers/servers.js';

let etcd: Awaited<ReturnType<typeof startEtcd>>;
const open: EtcdRegistry[] = [];
const logs: string[] = [];
beforeAll(async () => {
  etcd = await startEtcd();
});
afterEach(async () => {
  for (const r of open.splice(0)) await r.close();
});
afterAll(async () => {
  await etcd?.stop();
});

let prefixes = 0;
function hostRegistry(host: string, prefix: string, opts: { ttlMs?: number } = {}) {
  const r = new EtcdRegistry({
    client: new EtcdClient({ endpoints: [etcd.endpoint], timeoutMs: 1000 }),
    prefix,
    host,
    ttlMs: opts.ttlMs ?? 2000,
    deregisterAfterMs: 60_000,
    retryMs: 200,
    log: (m) => logs.push(`${host}: ${m}`),
  });
  open.push(r);
  return r;
}
const newPrefix = () => `/hmsops/test-${++prefixes}-${Date.now()}/`;
const entry = (service: string, instanceId: string, port: number) => ({ service, instanceId, address: '127.0.0.1', port, ttlMs: null });
const seen = (entries: RegistryEntry[]) => entries.map((e) => `${e.host}/${e.instanceId}:${e.status}`).sort();

describe.skipIf(skipWithout('the etcd registry', ['etcd']))('the etcd registry', () => {
  it("shows every host's instances, each under its host, as soon as a host publishes a change", async () => {
    const prefix = newPrefix();
    const a = hostRegistry('host-a', prefix);
    const b = hostRegistry('host-b', prefix);
    await Promise.all([a.start(), b.start()]);
    await a.register(entry('ach', 'ach-1', 4001));
    await a.setHealth('ach-1', 'passing');
    // Both hosts number their instances from 1: the host tells them apart.
    await b.register(entry('ach', 'ach-1', 5001));
    const watched = b.watch(b.index, 10_000);
    const t0 = Date.now();
    await b.setHealth('ach-1', 'passing');
    await watched;
    await until('a sees b passing', async () => seen(await a.list()).includes('host-b/ach-1:passing'), 5000, 5);
    const waited = Date.now() - t0;
    expect(seen(await a.list())).toEqual(['host-a/ach-1:passing', 'host-b/ach-1:passing']);
    expect(seen(await b.list())).toEqual(['host-a/ach-1:passing', 'host-b/ach-1:passing']);
    expect((await a.list()).find((e) => e.host === 'host-b')).toMatchObject({ port: 5001, address: '127.0.0.1' });
    expect(waited).toBeLessThan(5000);
    // A change on one host reaches the other through the watch.
    const before = a.index;
    await b.setHealth('ach-1', 'critical');
    await until('a sees b critical', async () => seen(await a.list()).includes('host-b/ach-1:critical'), 5000, 10);
    expect(a.index).toBeGreaterThan(before);
    await b.deregister('ach-1');
    await until('a sees b gone', async () => seen(await a.list()).length === 1, 5000, 10);
    expect(a.health()).toEqual({ backend: 'etcd', reachable: true });
  });

  it("takes a host's entries away when its lease is no longer kept alive (the host died), within the TTL", async () => {
    const prefix = newPrefix();
    const a = hostRegistry('host-a', prefix);
    await a.start();
    // Host B publishes, then dies: its lease is granted by a client nobody keeps alive afterwards.
    const bClient = new EtcdClient({ endpoints: [etcd.endpoint] });
    const lease = await bClient.grant(2);
    await bClient.put(`${prefix}instances/host-b/ach-1`, JSON.stringify({ ...entry('ach', 'ach-1', 5001), status: 'passing', version: '1', metadata: {} }), lease);
    await bClient.close();
    await until('a sees b', async () => (await a.list()).length === 1, 5000, 10);
    const t0 = Date.now();
    await until('b gone with its lease', async () => (await a.list()).length === 0, 10_000, 50);
    expect(Date.now() - t0).toBeLessThan(4000);
  });

  it('keeps the last table while etcd is away and says so; what changed meanwhile is published when it is back', async () => {
    const prefix = newPrefix();
    const a = hostRegistry('host-a', prefix);
    const b = hostRegistry('host-b', prefix);
    await Promise.all([a.start(), b.start()]);
    await a.register(entry('auth', 'auth-1', 4002));
    await b.register(entry('ach', 'ach-1', 5002));
    await until('each sees the other', async () => (await a.list()).length === 2 && (await b.list()).length === 2, 5000, 10);
    await etcd.halt();
    await until('a says etcd is unreachable', () => !a.health().reachable, 5000, 20);
    expect(a.health()).toMatchObject({ backend: 'etcd', reachable: false, error: expect.stringContaining('etcd'), since: expect.any(Number) });
    // Readers keep the last table; this host's own changes are kept too, and wait.
    expect(seen(await a.list())).toEqual(['host-a/auth-1:starting', 'host-b/ach-1:starting']);
    await a.setHealth('auth-1', 'passing');
    expect(seen(await a.list())).toContain('host-a/auth-1:passing');
    await new Promise((r) => setTimeout(r, 2500));
    await etcd.resume();
    await until('both reachable again', () => a.health().reachable && b.health().reachable, 15_000, 50);
    await until('b sees what a changed while etcd was away', async () => seen(await b.list()).join() === 'host-a/auth-1:passing,host-b/ach-1:starting', 15_000, 50);
    // etcd gives leases a fresh TTL when it elects a leader: both hosts' entries outlive another TTL.
    await new Promise((r) => setTimeout(r, 3000));
    expect(seen(await b.list())).toEqual(['host-a/auth-1:passing', 'host-b/ach-1:starting']);
  });

  it("registers a host's instances again, on a new lease, when its lease is gone (revoked, or run out)", async () => {
    const prefix = newPrefix();
    const a = hostRegistry('host-a', prefix);
    const b = hostRegistry('host-b', prefix);
    await Promise.all([a.start(), b.start()]);
    await a.register(entry('auth', 'auth-1', 4004));
    await until('b sees a', async () => (await b.list()).length === 1, 5000, 10);
    const admin = new EtcdClient({ endpoints: [etcd.endpoint] });
    try {
      const [kv] = (await admin.range(`${prefix}instances/host-a/`)).kvs;
      await admin.revoke(kv!.lease);
      // Host A notices (its own key deleted, or the keep-alive answered 0) and writes its entry again on a new lease.
      const again = await until('a new lease', async () => (await admin.range(`${prefix}instances/host-a/`)).kvs.find((k) => k.lease !== kv!.lease), 5000, 10);
      expect(again.lease).not.toBe('0');
      await until('b sees a', async () => (await b.list()).length === 1, 5000, 10);
      expect(logs.filter((l) => l.startsWith('host-a: the host lease')).length).toBeGreaterThanOrEqual(1);
      // A key of this host deleted by hand is written again too.
      await admin.delete(`${prefix}instances/host-a/auth-1`);
      await until('written again', async () => (await admin.range(`${prefix}instances/host-a/`)).kvs.length === 1, 5000, 10);
    } finally {
      await admin.close();
    }
  });

  it('deregisters a host at once when its daemon closes the registry (its lease revoked)', async () => {
    const prefix = newPrefix();
    const a = hostRegistry('host-a', prefix, { ttlMs: 30_000 });
    const b = hostRegistry('host-b', prefix, { ttlMs: 30_000 });
    await Promise.all([a.start(), b.start()]);
    await b.register(entry('ach', 'ach-1', 5003));
    await until('a sees b', async () => (await a.list()).length === 1, 5000, 10);
    open.splice(open.indexOf(b), 1);
    await b.close();
    await until('b gone before its 30 s TTL', async () => (await a.list()).length === 0, 3000, 10);
  });

  it.each([
    ['its own authentication (user and password file) over TLS', { tls: 'server' as const, rootPassword: 'root-password-for-the-test' }],
    ["TLS with a client certificate of the cluster's CA", { tls: 'client-cert' as const }],
  ])('speaks to an etcd with %s, and says why when it is refused', async (_what, secured) => {
    const secure = await startEtcd(secured);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-etcd-auth-'));
    try {
      const prefix = newPrefix();
      const settings = (host: string, password: string, tls = secure.tls) => {
        const passwordFile = path.join(dir, `${host}.pw`);
        fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
        return {
          registry: {
            backend: 'etcd' as const,
            endpoints: [secure.endpoint],
            prefix,
            ttlMs: 2000,
            deregisterAfterMs: 60_000,
            ...(secured.rootPassword ? { user: 'root', passwordFile } : {}),
            tls,
          },
          host: { name: host, advertise: '127.0.0.1' },
        };
      };
      const a = (await openRegistry(settings('host-a', 'root-password-for-the-test'), (m) => logs.push(m))) as EtcdRegistry;
      const b = (await openRegistry(settings('host-b', 'root-password-for-the-test'), (m) => logs.push(m))) as EtcdRegistry;
      // A wrong password; without a client certificate where one is required.
      const refused = (await openRegistry(settings('host-c', 'not-the-password', secured.rootPassword ? secure.tls : { ca: secure.tls!.ca }), (m) => logs.push(m))) as EtcdRegistry;
      open.push(a, b, refused);
      expect(secure.endpoint).toMatch(/^https:/);
      await a.register(entry('auth', 'auth-1', 4005));
      await until('b sees a', async () => seen(await b.list()).join() === 'host-a/auth-1:starting', 10_000, 20);
      expect(b.health()).toEqual({ backend: 'etcd', reachable: true });
      await until('the refusal said', () => (refused.health().error ?? '').length > 0 && !/not connected yet/.test(refused.health().error ?? ''), 10_000, 50);
      expect(refused.health().error).toMatch(secured.rootPassword ? /authentication failed for root/ : /certificate|handshake|socket|alert|other side closed/i);
      expect(refused.health().reachable).toBe(false);
      expect(await refused.list()).toEqual([]);
    } finally {
      for (const r of open.splice(0)) await r.close();
      await secure.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
