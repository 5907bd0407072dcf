import { describe, expect, it } from 'vitest';
import { Balancer } from '../../src/gateway/balancer.js';
import { isPublic } from '../../src/gateway/proxy.js';
import { buildRoutingTable, matchRoute } from '../../src/gateway/routing-table.js';
import type { RegistryEntry } from '../../src/registry/types.js';

const entry = (service: string, n: number, status: RegistryEntry['status'], route = `/${service}`): RegistryEntry => ({
  service,
  instanceId: `${service}-${n}`,
  address: '127.0.0.1',
  port: 1000 + n,
  version: '1',
  status,
  registeredAt: 0,
  lastHeartbeat: 0,
  ttlMs: null,
  metadata: { route },
});

describe('routing table', () => {
  it('keeps only passing instances and matches the longest prefix on segment boundaries', () => {
    const t = buildRoutingTable([entry('ach', 1, 'passing'), entry('ach', 2, 'critical'), entry('ach', 3, 'draining'), entry('achx', 1, 'passing', '/ach/x')]);
    expect(matchRoute(t, '/ach/v1/transfers?grantId=G')).toMatchObject({ path: '/v1/transfers?grantId=G', route: { service: 'ach' } });
    expect(matchRoute(t, '/ach/x/v1')).toMatchObject({ path: '/v1', route: { service: 'achx' } });
    expect(matchRoute(t, '/achievements')).toBeUndefined();
    expect(t.routes.find((r) => r.service === 'ach')!.upstreams.map((u) => u.instanceId)).toEqual(['ach-1']);
  });

  it('keeps configured routes without instances so they answer 503 rather than 404', () => {
    const t = buildRoutingTable([], { '/billing': 'billing' });
    expect(matchRoute(t, '/billing/v1')).toMatchObject({ route: { service: 'billing', upstreams: [] } });
  });
});

describe('balancer', () => {
  const ups = [1, 2, 3].map((n) => ({ instanceId: `a-${n}`, service: 'a', host: 'x', port: n, origin: `http://x:${n}` }));

  it('goes round the instances in turn', () => {
    const b = new Balancer('round-robin', 1000);
    expect([0, 1, 2, 3].map(() => b.pick('a', ups)!.instanceId)).toEqual(['a-1', 'a-2', 'a-3', 'a-1']);
  });

  it('skips an ejected instance until its cool-down ends', () => {
    let now = 0;
    const b = new Balancer('round-robin', 1000, () => now);
    b.eject(ups[1]!);
    expect([0, 1, 2, 3].map(() => b.pick('a', ups)!.instanceId)).not.toContain('a-2');
    now = 1001;
    expect([0, 1, 2].map(() => b.pick('a', ups)!.instanceId)).toContain('a-2');
  });

  it('prefers the instance with the fewest requests in flight', () => {
    const b = new Balancer('least-outstanding', 1000);
    b.start(ups[0]!);
    b.start(ups[1]!);
    expect(b.pick('a', ups)!.instanceId).toBe('a-3');
  });

  it('never retries on the instance that just failed', () => {
    const b = new Balancer('round-robin', 1000);
    expect(b.pick('a', ups.slice(0, 1), ups[0])).toBeUndefined();
  });

  it("retries on another machine's instance when there is one: the failure may be the machine's", () => {
    const two = [...ups, ...[4, 5].map((n) => ({ instanceId: `a-${n}`, service: 'a', host: 'y', port: n, origin: `http://y:${n}` }))];
    const b = new Balancer('round-robin', 1000);
    for (let i = 0; i < 6; i++) expect(b.pick('a', two, two[3])!.host).toBe('x');
    // Only that machine left: its other instance.
    expect(b.pick('a', two.slice(3), two[3])!.instanceId).toBe('a-5');
  });
});

describe('public routes', () => {
  it('lets login, JWKS and API documents through without a token, nothing else', () => {
    expect(isPublic('auth', 'POST', '/v1/login')).toBe(true);
    expect(isPublic('auth', 'GET', '/v1/jwks.json')).toBe(true);
    expect(isPublic('ach', 'GET', '/v1/openapi.json')).toBe(true);
    expect(isPublic('auth', 'GET', '/v1/me')).toBe(false);
    expect(isPublic('ach', 'POST', '/v1/login')).toBe(false);
  });
});
