import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedRegistry } from '../../src/registry/embedded.js';

let now = 0;
const regs: EmbeddedRegistry[] = [];
const make = () => {
  const r = new EmbeddedRegistry({ deregisterAfterMs: 5000, checkEveryMs: 1_000_000, now: () => now });
  regs.push(r);
  return r;
};
afterEach(() => regs.splice(0).forEach((r) => r.close()));

describe('embedded registry', () => {
  it('marks an instance critical after a missed TTL and removes it after deregisterAfter', () => {
    now = 0;
    const r = make();
    r.register({ service: 'ach', instanceId: 'ach-1', address: '127.0.0.1', port: 1, ttlMs: 1000 });
    r.setHealth('ach-1', 'passing');
    expect(r.list()[0]!.status).toBe('passing');
    now = 1500;
    r.expire();
    expect(r.list()[0]!.status).toBe('critical');
    r.heartbeat('ach-1');
    expect(r.list()[0]!.status).toBe('passing');
    now = 7000;
    r.expire();
    expect(r.list()).toEqual([]);
  });

  it('answers a watch as soon as something changes', async () => {
    now = 0;
    const r = make();
    const idx = r.index;
    const watching = r.watch(idx, 10_000);
    r.register({ service: 'auth', instanceId: 'auth-1', address: '127.0.0.1', port: 2 });
    const res = await watching;
    expect(res.index).toBeGreaterThan(idx);
    expect(res.entries.map((e) => e.instanceId)).toEqual(['auth-1']);
  });

  it('answers a watch with the current state when nothing changes before the wait ends', async () => {
    const r = make();
    const res = await r.watch(r.index, 20);
    expect(res.index).toBe(r.index);
  });

  it('keeps draining over later probe results', () => {
    const r = make();
    r.register({ service: 'ach', instanceId: 'ach-1', address: '127.0.0.1', port: 1 });
    r.setHealth('ach-1', 'draining');
    r.setHealth('ach-1', 'passing');
    expect(r.list()[0]!.status).toBe('draining');
  });
});
