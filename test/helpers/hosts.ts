/**
 * A fleet across machines for the tests and drills: three hosts, each a network namespace of its
 * own (test/helpers/netns.ts). The first runs etcd and PostgreSQL; host A the gateway, auth and
 * ACH instances; host B ACH instances, analytics, messaging and the mail sink. Each host runs its
 * own daemon with its own config; the registry (etcd), the store (PostgreSQL) and the fleet
 * secret are shared. Where the machine cannot make namespaces, the same runs as two daemons on
 * loopback (`mode` says which).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { startEtcd } from '../../scripts/etcd-server.mjs';
import { readPersistedInstances } from '../../src/daemon/orphans.js';
import { groupAlive, pidAlive } from '../../src/daemon/process-group.js';
import { statePaths } from '../../src/state/paths.js';
import { downAll, makeFleet, type TestFleet } from './fleet.js';
import { canMakeNamespaces, type HostNetwork, makeHosts } from './netns.js';
import { startPostgres, type TestPostgres } from './postgres.js';
import { type FleetStore, postgresStore } from './stores.js';

const namespaces = canMakeNamespaces();
export const mode = namespaces
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
    const a = makeFleet(`${shared('a')}gateway: { port: ${gatewayPort}, host: ${address('a')}, upstreamTimeout: 10s }\nservices:\n  auth: {}\n  ach: { instances: ${achA} }\n`, {
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
export async function httpOn(h: Hosts, host: 'a' | 'b', origin: string, route: string): Promise<{ status: number; code?: string; detail?: string }> {
  const { username, password } = JSON.parse(fs.readFileSync(path.join(h.a.stateDir, 'credentials.json'), 'utf8'));
  const script = `(async () => {
    const login = await fetch(${JSON.stringify(`${origin}/auth/v1/login`)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ${JSON.stringify(username)}, password: ${JSON.stringify(password)} }) });
    const { token } = await login.json();
    const r = await fetch(${JSON.stringify(origin)} + ${JSON.stringify(route)}, { headers: { authorization: 'Bearer ' + token }, signal: AbortSignal.timeout(20000) });
    const b = await r.json().catch(() => ({}));
    console.log(JSON.stringify({ status: r.status, code: b.code ?? b.error?.code, detail: b.detail }));
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

/** A host lost: every process on it SIGKILLed (on loopback: its daemon and its instances' groups). */
export function killHost(h: Hosts, host: 'a' | 'b'): void {
  if (h.net) {
    h.net.killAll(host);
    return;
  }
  const fleet = host === 'a' ? h.a : h.b;
  const daemon = fleet.daemonPid();
  if (daemon && pidAlive(daemon)) process.kill(daemon, 'SIGKILL');
  for (const p of readPersistedInstances(statePaths(fleet.stateDir))) if (groupAlive(p.pgid)) process.kill(-p.pgid, 'SIGKILL');
}

/**
 * Requests through a gateway from inside host `host` for `seconds`, `workers` at a time, as the
 * operator: how many, and every one that did not answer 2xx.
 */
export async function trafficOn(h: Hosts, host: 'a' | 'b', origin: string, routes: string[], seconds: number, workers = 4) {
  const { username, password } = JSON.parse(fs.readFileSync(path.join(h.a.stateDir, 'credentials.json'), 'utf8'));
  const script = `(async () => {
    const origin = ${JSON.stringify(origin)};
    const login = await fetch(origin + '/auth/v1/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ${JSON.stringify(username)}, password: ${JSON.stringify(password)} }) });
    const { token } = await login.json();
    const routes = ${JSON.stringify(routes)};
    const end = Date.now() + ${seconds * 1000};
    let total = 0;
    const failures = [];
    await Promise.all(Array.from({ length: ${workers} }, async (_, w) => {
      for (let i = w; Date.now() < end; i++) {
        const route = routes[i % routes.length];
        const at = Date.now();
        try {
          const r = await fetch(origin + route, { headers: { authorization: 'Bearer ' + token }, signal: AbortSignal.timeout(15000) });
          const text = await r.text();
          total++;
          if (r.status >= 300) failures.push({ route, status: r.status, body: text.slice(0, 200), at });
        } catch (err) {
          total++;
          failures.push({ route, status: 0, body: String(err.cause?.code ?? err.message), at });
        }
      }
    }));
    console.log(JSON.stringify({ total, failures }));
  })()`;
  const argv = h.net ? h.net.on(host, [process.execPath, '-e', script]) : [process.execPath, '-e', script];
  const r = await execa(argv[0]!, argv.slice(1), { reject: false, timeout: (seconds + 60) * 1000 });
  return JSON.parse(String(r.stdout).trim() || '{"total":0,"failures":[{"status":-1}]}') as {
    total: number;
    failures: { route: string; status: number; body: string; at: number }[];
  };
}
