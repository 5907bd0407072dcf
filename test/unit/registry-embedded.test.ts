import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedRegistry } from '../../src/registry/embedded.js';

let now = 0;
const regs: EmbeddedRegistry[] = [];
const make = () => {
  const r = new EmbeddedRegistry({ host: 'here', deregisterAfterMs: 5000, checkEveryMs: 1_000_000, now: () => now });
  regs.push(r);
  return r;
};
afterEach(async () => {
  for (const r of regs.splice(0)) await r.close();
});

describe('embedded registry', () => {
  it('marks an instance critical after a missed TTL and removes it after deregisterAfter', async () => {
    now = 0;
    const r = make();
    await r.register({ service: 'ach', instanceId: 'ach-1', address: '127.0.0.1', port: 1, ttlMs: 1000 });
    await r.setHealth('ach-1', 'passing');
    expect((await r.list())[0]!.status).toBe('passing');
    now = 1500;
    r.table.expire();
    expect((await r.list())[0]!.status).toBe('critical');
    await r.heartbeat('ach-1');
    expect((await r.list())[0]!.status).toBe('passing');
    now = 7000;
    r.table.expire();
    expect(await r.list()).toEqual([]);
  });

  it('answers a watch as soon as something changes, with the entry tagged by its host', async () => {
    now = 0;
    const r = make();
    const idx = r.index;
    const watching = r.watch(idx, 10_000);
    await r.register({ service: 'auth', instanceId: 'auth-1', address: '127.0.0.1', port: 2 });
    const res = await watching;
    expect(res.index).toBeGreaterThan(idx);
    expect(res.entries.map((e) => [e.host, e.instanceId])).toEqual([['here', 'auth-1']]);
    expect(res.registry).toEqual({ backend: 'embedded', reachable: true });
  });

  it('answers a watch with the current state when nothing changes before the wait ends', async () => {
    const r = make();
    const res = await r.watch(r.index, 20);
    expect(res.index).toBe(r.index);
  });

  it('keeps draining over later probe results', async () => {
    const r = make();
    await r.register({ service: 'ach', instanceId: 'ach-1', address: '127.0.0.1', port: 1 });
    await r.setHealth('ach-1', 'draining');
    await r.setHealth('ach-1', 'passing');
    expect((await r.list())[0]!.status).toBe('draining');
  });

  it('starts its index where it is told, so a watcher of the registry it replaces misses nothing', async () => {
    const r = new EmbeddedRegistry({ host: 'here', deregisterAfterMs: 5000, startIndex: 40 });
    regs.push(r);
    expect(r.index).toBe(40);
    const watching = r.watch(40, 10_000);
    await r.register({ service: 'auth', instanceId: 'auth-1', address: '127.0.0.1', port: 2 });
    expect((await watching).index).toBe(41);
  });
});
