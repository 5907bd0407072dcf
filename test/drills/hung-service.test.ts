// Drill: a service that hangs (it accepts connections and never answers, probes included, and
// never handles SIGTERM). Liveness is set to give up after ~2 s, the upstream timeout is 1 s: the
// gateway answers 504 UPSTREAM_TIMEOUT within its upstream timeout,
// the liveness probe fails, the supervisor replaces the instance (SIGKILL after the stop
// timeout), and the other service is served throughout.
import { afterEach, describe, expect, it } from 'vitest';
import { pidAlive } from '../../src/daemon/process-group.js';
import { downAll, fixtureServer, makeFleet, until } from '../helpers/fleet.js';

afterEach(downAll);

const service = (name: string) => `  ${name}:
    command: node ${fixtureServer}
    stopTimeout: 1s
    drainDelay: 0ms
    health:
      liveness: { path: /healthz, interval: 500ms, timeout: 300ms, failureThreshold: 4, startPeriod: 0ms }
      readiness: { path: /readyz, interval: 200ms, timeout: 200ms, failureThreshold: 5 }
`;

describe('drill: a service that hangs', () => {
  it('answers 504 within the upstream timeout, restarts the hung instance on liveness, and keeps serving the rest', async () => {
    const fleet = makeFleet(`version: 1\ngateway: { port: 0, auth: false, upstreamTimeout: 1s }\nservices:\n${service('hangs')}${service('steady')}`);
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const gw = `http://${(await fleet.hmsops(['registry', 'get', 'gateway'])).stdout.trim()}`;
    const hung = (await fleet.instances()).find((i: any) => i.service === 'hangs');

    expect((await fetch(`${gw}/hangs/control/freeze`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    const r = await fetch(`${gw}/hangs/anything`);
    const waited = Date.now() - t0;
    const body = await r.text();
    expect(r.status, body).toBe(504);
    expect(JSON.parse(body).error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', service: 'hangs' });
    // The gateway's deadline sweep runs a few times per timeout: within it, plus a sweep's slack.
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(1000 + 1500);

    // Meanwhile the other service answers.
    for (let i = 0; i < 5; i++) expect((await fetch(`${gw}/steady/`)).status).toBe(200);

    await until('liveness failed on the hung instance', async () => (await fleet.events()).some((e: any) => e.type === 'liveness-failed' && e.instance === hung.id), 20_000);
    const back = await until(
      'a new hangs instance, ready',
      async () => {
        const i = (await fleet.instances()).find((x: any) => x.service === 'hangs');
        return i?.state === 'ready' && i.pid !== hung.pid ? i : undefined;
      },
      20_000,
    );
    expect(back.restarts).toBeGreaterThanOrEqual(1);
    expect(pidAlive(hung.pid)).toBe(false); // SIGKILLed: it never handled SIGTERM
    await until('served again', async () => (await fetch(`${gw}/hangs/`)).status === 200, 10_000);
    expect((await fetch(`${gw}/steady/`)).status).toBe(200);
  });
});
