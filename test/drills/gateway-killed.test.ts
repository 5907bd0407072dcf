// Drill: an instance behind the gateway killed with SIGKILL while four clients send 600 requests
// (half of them POSTs with an idempotency key) through the gateway: no request fails (each one
// the dead instance held is sent once to another instance), and the replacement is routed to
// again after the gateway's cool-down. In `npm run drills`; the gateway's routing, retries and
// cool-down without a kill are test/integration/gateway.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { downAll, fixtureService, gatewayUrl, makeFleet, sleep, until } from '../helpers/fleet.js';

const header = () => 'version: 1\ngateway: { port: 0, auth: false, cooldown: 2s }\nservices:\n';

afterEach(downAll);

describe('drill: an instance killed under load behind the gateway', () => {
  it('loses no idempotent request when an instance is killed with SIGKILL under load, and takes it back after restart', async () => {
    const fleet = makeFleet(header() + fixtureService('web', { instances: 3, extra: '    restart: { initialBackoff: 300ms }\n' }));
    expect((await fleet.hmsops(['up'])).exitCode).toBe(0);
    const gw = await gatewayUrl(fleet);
    const victim = (await fleet.instances()).find((i) => i.id === 'web-2');
    let failures = 0;
    let done = 0;
    const perInstance: Record<string, number> = {};
    let killed = false;
    const worker = async () => {
      for (let i = 0; i < 150; i++) {
        const r = await fetch(`${gw}/web/slow?ms=5`, {
          method: i % 2 ? 'GET' : 'POST',
          headers: i % 2 ? {} : { 'idempotency-key': `k-${i}-${Math.random()}` },
          body: i % 2 ? undefined : '{}',
        });
        if (r.status !== 200) failures++;
        const b = (await r.json()) as any;
        if (killed) perInstance[b.instance] = (perInstance[b.instance] ?? 0) + 1;
        done++;
        if (done === 100) {
          process.kill(victim.pid, 'SIGKILL');
          killed = true;
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(failures).toBe(0);
    expect(done).toBe(600);
    // web-2 came back (a new process) and serves again.
    const back = await until('web-2 ready again', async () => {
      const i = (await fleet.instances()).find((x) => x.id === 'web-2');
      return i.state === 'ready' && i.pid !== victim.pid ? i : undefined;
    });
    expect(back.restarts).toBe(1);
    await sleep(2100); // the cool-down
    await until('web-2 serves through the gateway', async () => {
      for (let i = 0; i < 6; i++) if (((await (await fetch(`${gw}/web/`)).json()) as { instance: string }).instance === 'web-2') return true;
      return false;
    });
  });
});
