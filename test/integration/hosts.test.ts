/**
 * A fleet across machines: three hosts, each a network namespace of its own (veth pairs to a
 * bridge in a namespace of its own, private addresses used only there). The first runs etcd and
 * PostgreSQL; host A the gateway, auth and two ACH instances; host B two ACH instances,
 * analytics, messaging and the mail sink. Each host runs its own daemon with its own config; the
 * registry (etcd), the store (PostgreSQL) and the fleet secret are shared.
 * Where the machine cannot make namespaces, the same runs as two daemons on loopback, and the
 * suite's name says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEtcd } from '../../scripts/etcd-server.mjs';
import { downAll, makeFleet, type TestFleet, until } from '../helpers/fleet.js';
import { canMakeNamespaces, type HostNetwork, makeHosts } from '../helpers/netns.js';
import { startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { type FleetStore, postgresStore } from '../helpers/stores.js';

const namespaces = canMakeNamespaces();
const mode = namespaces
  ? 'three hosts in network namespaces'
  : 'fallback: two daemons with separate state dirs on loopback sharing etcd and PostgreSQL (this machine cannot make network namespaces)';

/** Everything a multi-host test stands on; `teardown` removes all of it, also after a failure. */
export interface Hosts {
  net: HostNetwork | undefined;
  etcd: Awaited<ReturnType<typeof startEtcd>>;
  pg: TestPostgres;
  store: FleetStore;
  a: TestFleet;
  b: TestFleet;
  address(host: 'db' | 'a' | 'b'): string;
  teardown(): Promise<void>;
}

/** The three hosts, their servers and the two fleets, up and seeing each other. `ttl`: registry.ttl. */
export async function bringUpHosts(opts: { ttl?: string; achInstances?: [number, number] } = {}): Promise<Hosts> {
  const net = namespaces ? makeHosts(['db', 'a', 'b']) : undefined;
  const address = (h: 'db' | 'a' | 'b') => net?.hosts[h]?.address ?? '127.0.0.1';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-hosts-'));
  let etcd: Hosts['etcd'] | undefined;
  let pg: TestPostgres | undefined;
  let store: FleetStore | undefined;
  const teardown = async () => {
    try {
      await downAll();
    } finally {
      await store?.close().catch(() => undefined);
      await pg?.stop().catch(() => undefined);
      await etcd?.stop().catch(() => undefined);
      net?.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    [etcd, pg] = await Promise.all([startEtcd({ host: address('db'), netns: net?.hosts.db?.ns }), startPostgres(net ? { listen: address('db'), netns: net.hosts.db!.ns } : {})]);
    store = await postgresStore(pg);
    const secretFile = path.join(dir, 'fleet.secret');
    const secret = `fleet-secret-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(secretFile, secret, { mode: 0o600 });
    store.secrets.push({ kind: 'the fleet secret', value: secret });
    const [achA, achB] = opts.achInstances ?? [2, 2];
    const shared = (host: 'a' | 'b') =>
      [
        'version: 1',
        `registry: { backend: etcd, endpoints: ["${etcd!.endpoint}"], prefix: /hmsops/hosts-test/, ttl: ${opts.ttl ?? '3s'} }`,
        `host: { name: host-${host}, advertise: ${address(host)} }`,
        `fleet: { secretFile: "${secretFile}" }`,
        '',
      ].join('\n');
    // On loopback both hosts share one port space: the gateway takes any free port there.
    const gatewayPort = net ? 8080 : 0;
    const b = makeFleet(`${shared('b')}gateway: { enabled: false }\nservices:\n  ach: { instances: ${achB} }\n  analytics: {}\n  messaging: {}\n  mail-sink: {}\n`, {
      store,
      netns: net?.hosts.b?.ns,
      sharedStore: true,
    });
    const a = makeFleet(`${shared('a')}gateway: { port: ${gatewayPort}, host: ${address('a')} }\nservices:\n  auth: {}\n  ach: { instances: ${achA} }\n`, {
      store,
      netns: net?.hosts.a?.ns,
      sharedStore: true,
    });
    for (const f of [b, a]) {
      const up = await f.hmsops(['up', '--timeout', '60s']);
      if (up.exitCode !== 0) throw new Error(`up failed (${up.exitCode}): ${up.stderr}`);
    }
    return { net, etcd: etcd!, pg: pg!, store: store!, a, b, address, teardown };
  } catch (err) {
    await teardown();
    throw err;
  }
}

/** The registry as host `f` sees it: `<host>/<instance>:<status>`, and the answer. */
export async function registryOn(f: TestFleet) {
  const r = await f.hmsops(['registry', 'ls', '--json']);
  const answer = JSON.parse(r.stdout || '{"entries":[]}');
  return {
    exitCode: r.exitCode,
    answer,
    seen: (answer.entries as { host: string; instanceId: string; status: string }[]).map((e) => `${e.host}/${e.instanceId}:${e.status}`).sort(),
  };
}

/** A GET through a host's gateway from inside the host (its namespace), logged in as the operator: the status and the error code answered. */
export async function httpOn(h: Hosts, host: 'a' | 'b', origin: string, route: string): Promise<{ status: number; code?: string }> {
  const { username, password } = JSON.parse(fs.readFileSync(path.join(h.a.stateDir, 'credentials.json'), 'utf8'));
  const script = `(async () => {
    const login = await fetch(${JSON.stringify(`${origin}/auth/v1/login`)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ${JSON.stringify(username)}, password: ${JSON.stringify(password)} }) });
    const { token } = await login.json();
    const r = await fetch(${JSON.stringify(origin)} + ${JSON.stringify(route)}, { headers: { authorization: 'Bearer ' + token }, signal: AbortSignal.timeout(20000) });
    const b = await r.json().catch(() => ({}));
    console.log(JSON.stringify({ status: r.status, code: b.code ?? b.error?.code }));
  })()`;
  const argv = h.net ? h.net.on(host, [process.execPath, '-e', script]) : [process.execPath, '-e', script];
  const r = await execa(argv[0]!, argv.slice(1), { reject: false, timeout: 30_000 });
  return JSON.parse(String(r.stdout).trim() || '{"status":0}');
}

/** The gateway's origin, as the registry has it. */
export async function gatewayOrigin(f: TestFleet): Promise<string> {
  const { answer } = await registryOn(f);
  const gw = answer.entries.find((e: { service: string }) => e.service === 'gateway');
  return `http://${gw.address}:${gw.port}`;
}

describe(`a fleet across machines (${mode})`, () => {
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
      const t0 = Date.now();
      await until('B gone from A', async () => (await registryOn(h.a)).seen.every((e) => e.startsWith('host-a/')), 20_000, 100);
      const gone = Date.now() - t0;
      // ttl 3 s: the lease runs out at most 3 s after B's last keep-alive.
      expect(gone).toBeLessThan(3000 + 3000);
      // A's gateway no longer sends there: analytics, only on B, has no instance (503 at once, not a timeout).
      const started = Date.now();
      const call = await httpOn(h, 'a', await gatewayOrigin(h.a), '/analytics/v1/events');
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
