/**
 * A fleet across machines (test/helpers/hosts.ts): three network-namespace hosts sharing etcd,
 * PostgreSQL and a fleet secret; every host's instances in the registry, a disbursement through
 * one host's gateway to services on both, a host's link cut and mended.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../helpers/fleet.js';
import { bringUpHosts, gatewayOrigin, type Hosts, httpOn, mode, registryOn } from '../helpers/hosts.js';
import { skipWithout } from '../helpers/servers.js';

describe.skipIf(skipWithout(`a fleet across machines (${mode})`, ['etcd', 'postgres']))(`a fleet across machines (${mode})`, () => {
  let h: Hosts;
  beforeAll(async () => {
    h = await bringUpHosts();
  }, 180_000);
  afterAll(async () => {
    await h?.teardown();
  });

  const everyone = [
    'host-a/ach-1:passing',
    'host-a/ach-2:passing',
    'host-a/auth-1:passing',
    'host-a/gateway-1:passing',
    'host-b/ach-1:passing',
    'host-b/ach-2:passing',
    'host-b/analytics-1:passing',
    'host-b/mail-sink-1:passing',
    'host-b/messaging-1:passing',
  ];

  it("lists every host's instances with their host and address on either host; ps shows this host's processes only", async () => {
    for (const f of [h.a, h.b]) await until('both hosts registered', async () => (await registryOn(f)).seen.join() === everyone.join(), 20_000, 200);
    const { answer, exitCode } = await registryOn(h.a);
    expect(exitCode).toBe(0);
    expect(answer.registry).toEqual({ backend: 'etcd', reachable: true });
    const analytics = answer.entries.find((e: { service: string }) => e.service === 'analytics');
    expect(analytics).toMatchObject({ host: 'host-b', address: h.address('b') });
    const table = await h.a.hmsops(['registry', 'ls']);
    expect(table.stdout).toMatch(/SERVICE\s+INSTANCE\s+HOST\s+ADDRESS/);
    expect(table.stdout).toMatch(new RegExp(`analytics\\s+analytics-1\\s+host-b\\s+${h.address('b').replace(/\./g, '\\.')}:\\d+\\s+passing`));
    // registry get answers an address on any host.
    const auth = await h.b.hmsops(['registry', 'get', 'auth']);
    expect(auth.exitCode, auth.stderr).toBe(0);
    expect(auth.stdout.trim()).toMatch(new RegExp(`^${h.address('a').replace(/\./g, '\\.')}:\\d+$`));
    const ps = JSON.parse((await h.b.hmsops(['ps', '--json'])).stdout);
    expect(ps.instances.map((i: { id: string }) => i.id).sort()).toEqual(['ach-1', 'ach-2', 'analytics-1', 'mail-sink-1', 'messaging-1']);
  });

  it("disburses through host A's gateway to services on both hosts: every recipient paid once, filed, recorded and told", async () => {
    const grant = path.join(h.a.dir, 'hosts.yaml');
    const gen = await h.a.hmsops(['fixtures', 'grant', '--recipients', '300', '--seed', '11', '--id', 'G-HOSTS', '--out', grant]);
    expect(gen.exitCode, gen.stderr).toBe(0);
    const r = await h.a.hmsops(['disburse', '--grant', grant, '--json'], { timeout: 180_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    const receipt = JSON.parse(r.stdout);
    expect(receipt.totals).toMatchObject({ recipients: 300, paidNow: 300, refused: 0 });
    const q = async (service: string, sql: string) => Number((await h.store.query<{ n: number }>(service, sql))[0]!.n);
    expect(await q('ach', "SELECT COUNT(*) AS n FROM transfers WHERE grant_id = 'G-HOSTS'")).toBe(300);
    expect(await q('ach', "SELECT COUNT(DISTINCT trace_number) AS n FROM transfers WHERE grant_id = 'G-HOSTS'")).toBe(300);
    expect(await q('analytics', "SELECT COUNT(*) AS n FROM events WHERE grant_id = 'G-HOSTS'")).toBe(300);
    await until('300 notices delivered by host B', async () => (await q('mail-sink', 'SELECT COUNT(*) AS n FROM messages')) >= 300, 60_000, 500);
    // Host A's gateway sent ACH requests to host B's instances too (known there as ach-N@host-b).
    const logs = path.join(h.a.stateDir, 'logs');
    const access = fs
      .readdirSync(logs)
      .filter((f) => f.includes('.access'))
      .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
      .join('');
    expect(access).toMatch(/"instance":"ach-\d@host-b"/);
    expect(access).toMatch(/"instance":"analytics-1@host-b"/);
  });

  it("takes host B's entries away within the TTL when its link goes down, and B's instances rejoin, not restarted, when it is back", async () => {
    const pidsBefore = (await h.b.instances()).map((i: { id: string; pid: number }) => `${i.id}:${i.pid}`).sort();
    const cut = () => (h.net ? h.net.linkDown('b') : process.kill(h.b.daemonPid()!, 'SIGSTOP'));
    const mend = () => (h.net ? h.net.linkUp('b') : process.kill(h.b.daemonPid()!, 'SIGCONT'));
    cut();
    try {
      // Before B leaves the registry: ACH has instances on A too, so a request that meets B's
      // silence (no answer to the connection) goes to A's instead, and B is left out after that.
      const origin = await gatewayOrigin(h.a);
      for (let i = 0; i < 4; i++) expect(await httpOn(h, 'a', origin, '/ach/v1/grants')).toMatchObject({ status: 200 });
      const t0 = Date.now();
      await until('B gone from A', async () => (await registryOn(h.a)).seen.every((e) => e.startsWith('host-a/')), 20_000, 100);
      const gone = Date.now() - t0;
      // ttl 3 s: the lease runs out at most 3 s after B's last keep-alive.
      expect(gone).toBeLessThan(3000 + 3000);
      // A's gateway no longer sends there: analytics, only on B, has no instance (503 at once, not a timeout).
      const started = Date.now();
      const call = await httpOn(h, 'a', origin, '/analytics/v1/events');
      expect(call).toMatchObject({ status: 503, code: 'NO_HEALTHY_INSTANCE' });
      expect(Date.now() - started).toBeLessThan(5000);
      if (h.net) {
        // B cannot reach etcd: its registry ls shows the last table, says it is stale, and exits 1.
        const onB = await h.b.hmsops(['registry', 'ls']);
        expect(onB.exitCode).toBe(1);
        expect(onB.stdout).toContain('registry unreachable');
        expect(onB.stdout).toContain('stale');
        expect(onB.stdout).toContain('host-a');
      }
    } finally {
      mend();
    }
    await until('B back in A', async () => (await registryOn(h.a)).seen.join() === everyone.join(), 30_000, 200);
    const pidsAfter = (await h.b.instances()).map((i: { id: string; pid: number }) => `${i.id}:${i.pid}`).sort();
    expect(pidsAfter).toEqual(pidsBefore);
    if (h.net) expect(fs.readFileSync(path.join(h.b.stateDir, 'logs', 'hmsopsd.log'), 'utf8')).toContain('registry unreachable');
  });
});
