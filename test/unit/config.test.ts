import { describe, expect, it } from 'vitest';
import { parseDuration, parseByteSize } from '../../src/duration.js';
import { crossFieldProblems } from '../../src/config/cross-field.js';
import { resolveConfig } from '../../src/config/schema.js';

describe('durations and sizes', () => {
  it('reads 500ms, 2s, 5m, 1h and 1.5s', () => {
    expect(['500ms', '2s', '5m', '1h', '1.5s'].map((d) => parseDuration(d))).toEqual([500, 2000, 300_000, 3_600_000, 1500]);
  });
  it('refuses what is not a duration, and a number without its unit (seconds or milliseconds?)', () => {
    expect(['soon', '-1s', '2 days', '', '250', '10 '].map((d) => parseDuration(d))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
  it('reads sizes', () => {
    expect(parseByteSize('1mb')).toBe(1048576);
    expect(parseByteSize('12kb')).toBe(12288);
    expect(parseByteSize('lots')).toBeUndefined();
  });
});

describe('resolveConfig', () => {
  it('runs the bundled fleet when no services are configured', () => {
    const c = resolveConfig({}, null, '/srv');
    expect(Object.keys(c.services)).toEqual(['auth', 'ach', 'analytics', 'messaging', 'mail-sink']);
    expect(c.services.ach!.instances).toBe(2);
    expect(c.services.ach!.route).toBe('/ach');
    expect(c.services['mail-sink']!.route).toBe('/mail');
    expect(c.stateDir).toBe('/srv/.hmsops');
  });
  it('refuses a store URL with parameters it would not read (sslmode), pointing to store.tls; takes store.tls from the file only, paths resolved', () => {
    expect(crossFieldProblems({ store: { backend: 'postgres', url: 'postgres://ach@db:5432/hmsops?sslmode=require' } })).toEqual([
      { path: ['store', 'url'], message: expect.stringContaining('TLS is store.tls') },
    ]);
    expect(resolveConfig({ store: { backend: 'postgres', url: 'postgres://ach@db:5432/h' } }, null, '/srv').services.ach!.store.tls).toBeUndefined();
    const c = resolveConfig(
      { store: { backend: 'postgres', url: 'postgres://ach@db:5432/h', tls: { ca: 'db-ca.crt' } }, services: { ach: {}, auth: { store: { tls: {} } } } },
      null,
      '/srv',
    );
    expect(c.services.ach!.store.tls).toEqual({ ca: '/srv/db-ca.crt' });
    expect(c.services.auth!.store.tls).toEqual({});
    expect(crossFieldProblems({ store: { tls: { cert: 'c.crt' } } })).toEqual([
      { path: ['store', 'tls'], message: 'a client certificate needs its key, and a key its certificate' },
    ]);
  });
  it('gives custom programs one health path for both probes', () => {
    const c = resolveConfig({ services: { billing: { command: 'node b.js', health: { path: '/health' }, route: '/bill' } } }, null, '/srv');
    expect(c.services.billing).toMatchObject({ bundled: false, route: '/bill', liveness: { path: '/health' }, readiness: { path: '/health' } });
  });
  it("hands each service's rate limit to the gateway as a rate per second and a burst", () => {
    const c = resolveConfig({ services: { ach: { rateLimit: { requests: 30, per: '1m' } }, auth: { rateLimit: { requests: 5, burst: 20 } }, analytics: {} } }, null, '/srv');
    expect(c.services.ach!.rateLimit).toEqual({ ratePerSecond: 0.5, burst: 30 });
    expect(c.gateway.rateLimits).toEqual({ ach: { ratePerSecond: 0.5, burst: 30 }, auth: { ratePerSecond: 5, burst: 20 } });
    expect(c.services.analytics!.rateLimit).toBeNull();
    expect(crossFieldProblems({ services: { ach: { rateLimit: { requests: 5, per: '0s' } } } })).toEqual([
      { path: ['services', 'ach', 'rateLimit', 'per'], message: 'must be more than 0' },
    ]);
  });
});
