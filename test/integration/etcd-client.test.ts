/** The etcd client the etcd registry backend stands on, against a real etcd (Debian's etcd-server on a free loopback port). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EtcdEvent, EtcdClient, prefixEnd } from '../../src/registry/etcd-client.js';
import { startEtcd } from '../../scripts/etcd-server.mjs';
import { until } from '../helpers/fleet.js';
import { skipWithout } from '../helpers/servers.js';

let etcd: Awaited<ReturnType<typeof startEtcd>>;
let client: EtcdClient;
beforeAll(async () => {
  etcd = await startEtcd();
  client = new EtcdClient({ endpoints: [etcd.endpoint] });
});
afterAll(async () => {
  try {
    await client?.close();
  } finally {
    await etcd?.stop();
  }
});

describe.skipIf(skipWithout('the etcd client (v3 JSON gateway)', ['etcd']))('the etcd client (v3 JSON gateway)', () => {
  it("reads a prefix's keys and nothing beside it", async () => {
    await client.put('/t/a/1', 'one');
    await client.put('/t/a/2', 'two');
    await client.put('/t/b/1', 'other');
    const { kvs, revision } = await client.range('/t/a/');
    expect(kvs.map((k) => [k.key, k.value])).toEqual([
      ['/t/a/1', 'one'],
      ['/t/a/2', 'two'],
    ]);
    expect(revision).toBeGreaterThan(0);
    expect(Buffer.from(prefixEnd('/t/a/'), 'base64').toString()).toBe('/t/a0');
  });

  it('takes the keys bound to a lease away when the lease is no longer kept alive, and keeps them while it is', async () => {
    const lease = await client.grant(2);
    await client.put('/t/lease/x', 'held', lease);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 700));
      expect(await client.keepAlive(lease)).toBeGreaterThan(0);
    }
    expect((await client.range('/t/lease/')).kvs).toHaveLength(1);
    await until('the key gone with its lease', async () => (await client.range('/t/lease/')).kvs.length === 0, 6000, 100);
    expect(await client.keepAlive(lease)).toBe(0);
  });

  it('watches a prefix from a revision: the changes since then in order, then new ones as they happen', async () => {
    const { revision } = await client.range('/t/w/');
    await client.put('/t/w/1', 'first');
    const seen: EtcdEvent[] = [];
    let failed: Error | undefined;
    const w = client.watch(
      '/t/w/',
      revision + 1,
      (events) => seen.push(...events),
      (err) => (failed = err),
    );
    await client.put('/t/w/2', 'second');
    await client.delete('/t/w/1');
    await client.put('/t/x/1', 'not watched');
    await until('three events', () => seen.length >= 3, 5000, 20);
    expect(seen.map((e) => [e.type, e.kv.key, e.kv.value])).toEqual([
      ['put', '/t/w/1', 'first'],
      ['put', '/t/w/2', 'second'],
      ['delete', '/t/w/1', ''],
    ]);
    w.close();
    expect(failed).toBeUndefined();
  });

  it('says etcd is unreachable (a call, and a watch it ends), and works again when it is back', async () => {
    let cut: Error | undefined;
    const before = client.watch(
      '/t/down',
      0,
      () => undefined,
      (err) => (cut = err),
    );
    await etcd.halt();
    await until('the watch told its stream ended', () => cut !== undefined, 5000, 20);
    expect(cut).toMatchObject({ code: 'ETCD_UNAVAILABLE' });
    before.close();
    let ended: Error | undefined;
    await expect(client.put('/t/down', 'x')).rejects.toMatchObject({ code: 'ETCD_UNAVAILABLE' });
    await etcd.resume();
    const w = client.watch(
      '/t/down',
      0,
      () => undefined,
      (err) => (ended = err),
    );
    expect(await client.put('/t/down', 'y')).toBeGreaterThan(0);
    expect((await client.range('/t/down')).kvs[0]?.value).toBe('y');
    w.close();
    expect(ended).toBeUndefined();
  });
});
