/**
 * Drills across machines (test/helpers/hosts.ts: three network-namespace hosts sharing etcd,
 * PostgreSQL and the fleet secret):
 *  - host B (two ACH instances, analytics, messaging, the mail sink) loses power in the middle
 *    of a 20,000-recipient disbursement through host A's gateway: the run completes (a resume
 *    finishes the follow-ups that were on B), every recipient is paid exactly once and is in
 *    exactly one NACHA file, B's entries leave the registry within the TTL, and B's instances
 *    rejoin when it is back;
 *  - etcd stopped for 10 s under traffic through the gateway: no failed request, the registry
 *    said unreachable (stale) meanwhile, every registration restored after.
 */
import { execa } from 'execa';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readNachaFile } from '../../src/nacha/index.js';
import { cliPath, sleep, until } from '../helpers/fleet.js';
import { bringUpHosts, gatewayOrigin, type Hosts, httpOn, killHost, mode, registryOn, trafficOn } from '../helpers/hosts.js';
import { skipWithout } from '../helpers/servers.js';

let h: Hosts | undefined;
afterEach(async () => {
  await h?.teardown();
  h = undefined;
});

const N = 20_000;
const TTL_MS = 5000;

const everyoneOnB = ['host-b/ach-1:passing', 'host-b/ach-2:passing', 'host-b/analytics-1:passing', 'host-b/mail-sink-1:passing', 'host-b/messaging-1:passing'];

describe.skipIf(skipWithout(`drills across machines (${mode})`, ['etcd', 'postgres']))(`drills across machines (${mode})`, () => {
  it('pays 20,000 recipients exactly once, each in one file, through host A while host B is killed mid-run; B leaves the registry within the TTL and rejoins when back', async () => {
    h = await bringUpHosts({ ttl: '5s' });
    const hosts = h;
    const grant = path.join(hosts.a.dir, 'drill.yaml');
    const gen = await hosts.a.hmsops(['fixtures', 'grant', '--recipients', String(N), '--seed', '17', '--id', 'G-HOST-DOWN', '--out', grant]);
    expect(gen.exitCode, gen.stderr).toBe(0);
    const count = async (service: string, sql: string) => Number((await hosts.store.query<{ n: number }>(service, sql))[0]?.n ?? 0);
    const ledger = () => count('ach', "SELECT COUNT(*) AS n FROM transfers WHERE grant_id = 'G-HOST-DOWN'");

    // step 1: the run, through A's gateway, in 1,000-transfer batches
    const argv = [...(hosts.net ? hosts.net.on('a', [process.execPath]) : [process.execPath]), cliPath, 'disburse', '--grant', grant, '--json', '--batch-size', '1000'];
    const run = execa(argv[0]!, argv.slice(1), { cwd: hosts.a.dir, reject: false, env: { NO_COLOR: '1' }, timeout: 600_000 });
    // step 2: B dies with a quarter paid
    await until('a quarter paid', async () => (await ledger()) >= N / 4, 300_000, 200);
    const paidAtKill = await ledger();
    killHost(hosts, 'b');
    const killedAt = Date.now();
    await until('B gone from A', async () => (await registryOn(hosts.a)).seen.every((e) => e.startsWith('host-a/')), 30_000, 100);
    const leftAfterMs = Date.now() - killedAt;
    // The lease runs out at most a TTL after B's last keep-alive (sent every TTL/3).
    expect(leftAfterMs).toBeLessThanOrEqual(TTL_MS + 1000);
    const first = await run;
    // Every payment went through on A's instances; analytics and notices, which were on B, may be pending (exit 5).
    expect([0, 5], String(first.stderr).slice(-2000)).toContain(first.exitCode);
    expect(await ledger()).toBe(N);

    // step 3: B back, its instances rejoin; a resume finishes what was pending
    const upB = await hosts.b.hmsops(['up', '--timeout', '60s']);
    expect(upB.exitCode, upB.stderr).toBe(0);
    await until('B back in A', async () => (await registryOn(hosts.a)).seen.filter((e) => e.startsWith('host-b/')).join() === everyoneOnB.join(), 30_000, 200);
    if (first.exitCode === 5) {
      const resumed = await hosts.a.hmsops(['disburse', '--resume', 'G-HOST-DOWN', '--json'], { timeout: 600_000 });
      expect(resumed.exitCode, resumed.stderr.slice(-2000)).toBe(0);
    }

    // step 4: exactly once, in exactly one file, everywhere
    const s = (
      await hosts.store.query<Record<string, number>>(
        'ach',
        `SELECT COUNT(*) AS transfers, COUNT(DISTINCT idempotency_key) AS keys, COUNT(DISTINCT recipient_id) AS recipients,
                COUNT(DISTINCT trace_number) AS traces, SUM(CASE WHEN status = 'filed' THEN 1 ELSE 0 END) AS filed
           FROM transfers WHERE grant_id = 'G-HOST-DOWN'`,
      )
    )[0]!;
    expect(s).toEqual({ transfers: N, keys: N, recipients: N, traces: N, filed: N });
    const files = await hosts.store.query<{ id: string; body: Buffer }>('ach', "SELECT id, body FROM files WHERE grant_id = 'G-HOST-DOWN'");
    const traces = files.flatMap((f) => {
      const nacha = readNachaFile(Buffer.from(f.body).toString('latin1'));
      expect(nacha.ok, `${f.id}: ${JSON.stringify(nacha.problems?.slice(0, 3))}`).toBe(true);
      return nacha.file!.batches.flatMap((b) => b.entries.map((e) => e.traceNumber));
    });
    expect(traces).toHaveLength(N);
    expect(new Set(traces).size).toBe(N);
    expect(await count('analytics', "SELECT COUNT(*) AS n FROM events WHERE grant_id = 'G-HOST-DOWN'")).toBe(N);
    console.log(
      `host B killed with ${paidAtKill} of ${N} paid; its entries left host A's registry ${leftAfterMs} ms later (TTL ${TTL_MS} ms); first run exit ${first.exitCode}; ${files.length} files`,
    );
  }, 900_000);

  it('routes on with no failed request while etcd is stopped for 10 s, says the registry is stale meanwhile, and registers every host again after', async () => {
    h = await bringUpHosts({ ttl: '5s' });
    const hosts = h;
    const origin = await gatewayOrigin(hosts.a);
    // Services on both hosts: auth (A), ACH (A and B), analytics and the mail sink (B).
    const routes = ['/auth/v1/me', '/ach/v1/grants', '/analytics/v1/reports/summary', '/mail/v1/messages?limit=1'];
    const pids = async () => [...(await hosts.a.instances()), ...(await hosts.b.instances())].map((i: { id: string; pid: number }) => `${i.id}:${i.pid}`).sort();
    const pidsBefore = await pids();
    const traffic = trafficOn(hosts, 'a', origin, routes, 25);
    await sleep(5000);
    await hosts.etcd.halt();
    const haltedAt = Date.now();
    try {
      await until('A says the registry is unreachable', async () => (await registryOn(hosts.a)).exitCode === 1, 10_000, 200);
      const onA = await hosts.a.hmsops(['registry', 'ls']);
      expect(onA.exitCode).toBe(1);
      expect(onA.stdout).toMatch(/registry unreachable[\s\S]*stale/);
      // The last table, with both hosts in it.
      expect(onA.stdout).toContain('host-b');
      // The gateway stays ready (it routes on) and says why its table may be old.
      const ready = await httpOn(hosts, 'a', origin, '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.detail).toMatch(/^registry unreachable: .*routing with the last table known$/);
      await sleep(Math.max(0, 10_000 - (Date.now() - haltedAt)));
    } finally {
      await hosts.etcd.resume();
    }
    const { total, failures } = await traffic;
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(100);
    for (const f of [hosts.a, hosts.b])
      await until(
        'registered again, reachable',
        async () => {
          const r = await registryOn(f);
          return r.exitCode === 0 && r.seen.length === 9 && r.seen.every((e) => e.endsWith(':passing'));
        },
        30_000,
        200,
      );
    // Nothing was restarted: the same processes, registered again.
    expect(await pids()).toEqual(pidsBefore);
    expect((await httpOn(hosts, 'a', origin, '/readyz')).detail).toBeUndefined();
    console.log(`etcd stopped 10 s under ${total} requests through host A's gateway: ${failures.length} failed`);
  }, 300_000);
});
