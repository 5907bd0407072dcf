// A fleet across machines, measured:
//  1. from an instance becoming ready (the supervisor's `ready` event) to the gateway routing to
//     it: the embedded registry (one daemon) next to etcd (the instance on another daemon, its
//     entry through etcd's watch to the gateway's daemon), loopback both, same program;
//  2. failover when a host dies: requests through host A's gateway to a service with one instance
//     on A and one on host B, B's link cut (network namespaces; on loopback B's processes are
//     SIGKILLed instead): how many failed, and for how long after the cut (goal: not longer than
//     the registry's TTL);
//  3. gateway req/s (wrk, run on host A) with the upstream across the namespace link (on B) next
//     to the upstream on A itself.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startEtcd } from '../scripts/etcd-server.mjs';
import { canMakeNamespaces, makeHosts } from '../scripts/netns.mjs';
import { ControlClient } from '../dist/src/control/client.js';
import { hasCommand, median, printTable, root, saveResults, sleep, tempFleet, until, verdict } from './lib.mjs';

const execFileAsync = promisify(execFile);
const fixture = path.join(root, 'test', 'fixtures', 'programs', 'fixture-server.mjs');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const TTL_MS = 5000;

const fx = (instances) => `  fx:
    command: node ${fixture}
    instances: ${instances}
    route: /fx
    stopTimeout: 2s
    drainDelay: 0ms
    health: { liveness: { path: /healthz }, readiness: { path: /readyz, interval: 1s } }
`;

/** The registry settings of one host of a fleet (the fleet's etcd and prefix, this host's name and address). */
const registryYaml = (etcd, prefix, host, address, secretFile) =>
  etcd
    ? `registry: { backend: etcd, endpoints: ["${etcd.endpoint}"], prefix: ${prefix}, ttl: ${TTL_MS}ms }
host: { name: ${host}, advertise: ${address} }
fleet: { secretFile: "${secretFile}" }
`
    : '';

async function events(fleet) {
  return (await new ControlClient(path.join(fleet.stateDir, 'run', 'hmsopsd.sock')).call('GET /v1/events')).events;
}

/** GET from inside a host (or from here on loopback): the status, 0 when nothing answered. */
async function status(net, host, url, timeoutMs = 3000) {
  if (!net)
    return fetch(url, { signal: AbortSignal.timeout(timeoutMs) }).then(
      (r) => r.status,
      () => 0,
    );
  const script = `fetch(${JSON.stringify(url)}, { signal: AbortSignal.timeout(${timeoutMs}) }).then((r) => console.log(r.status), () => console.log(0))`;
  const { stdout } = await execFileAsync('ip', ['netns', 'exec', net.hosts[host].ns, process.execPath, '-e', script]).catch((e) => e);
  return Number(String(stdout).trim() || 0);
}

/** Ready to routed: scale fx 0 -> 1 on `instanceFleet`, poll the gateway here until /fx/ answers 200; `ready` event to that 200. */
async function readyToRouted(gatewayUrl, instanceFleet) {
  const samples = [];
  for (let i = 0; i < ROUNDS; i++) {
    await instanceFleet.hmsops(['scale', 'fx=0']);
    // 503 once the gateway has seen the route, 404 before it ever has
    if (!(await until(async () => [503, 404].includes(await status(undefined, 'a', `${gatewayUrl}/fx/`)), 20_000, 10))) throw new Error('fx still routed after scale 0');
    const since = Date.now();
    const scaled = instanceFleet.hmsops(['scale', 'fx=1']);
    if (!(await until(async () => (await status(undefined, 'a', `${gatewayUrl}/fx/`, 1000)) === 200, 20_000, 2))) throw new Error('fx not routed within 20 s of scale 1');
    const routedAt = Date.now();
    await scaled;
    const ready = (await events(instanceFleet)).filter((e) => e.type === 'ready' && e.at >= since && e.instance?.startsWith('fx-')).at(-1);
    if (!ready) throw new Error('no ready event for fx');
    samples.push(routedAt - ready.at);
  }
  return samples;
}

async function gatewayUrlOf(fleet) {
  const { entries } = await new ControlClient(path.join(fleet.stateDir, 'run', 'hmsopsd.sock')).call('GET /v1/registry', { query: { service: 'gateway' } });
  return `http://${entries[0].address}:${entries[0].port}`;
}

export async function benchHosts() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-bench-hosts-'));
  const secretFile = path.join(dir, 'fleet.secret');
  fs.writeFileSync(secretFile, crypto.randomBytes(32).toString('base64'), { mode: 0o600 });
  const fleets = [];
  let etcd;
  let net;
  const fleet = (yaml, opts) => {
    const f = tempFleet(yaml, undefined, opts);
    fleets.push(f);
    return f;
  };
  const downAll = async () => {
    for (const f of fleets.splice(0)) await f.cleanup();
  };
  try {
    etcd = await startEtcd();
    // 1. ready -> routed, embedded then etcd, on loopback
    const one = fleet(`version: 1\ngateway: { port: 0, auth: false }\nservices:\n${fx(0)}`);
    if ((await one.hmsops(['up'])).code !== 0) throw new Error('embedded fleet did not come up');
    const embedded = await readyToRouted(await gatewayUrlOf(one), one);
    await downAll();
    let prefix = `/hmsops/bench-${crypto.randomBytes(3).toString('hex')}/`;
    const gw = fleet(`version: 1\n${registryYaml(etcd, prefix, 'bench-a', '127.0.0.1', secretFile)}gateway: { port: 0, auth: false }\nservices: {}\n`);
    const other = fleet(`version: 1\n${registryYaml(etcd, prefix, 'bench-b', '127.0.0.1', secretFile)}gateway: { enabled: false }\nservices:\n${fx(0)}`);
    for (const f of [gw, other]) {
      const up = await f.hmsops(['up']);
      if (up.code !== 0) throw new Error(`etcd fleets did not come up: ${up.stderr}`);
    }
    const viaEtcd = await readyToRouted(await gatewayUrlOf(gw), other);
    await downAll();
    await etcd.stop();
    etcd = undefined;

    // 2 and 3 across namespace hosts (2 on loopback with SIGKILL where namespaces cannot be made)
    const namespaces = canMakeNamespaces();
    net = namespaces ? makeHosts(['db', 'a', 'b']) : undefined;
    const addr = (h) => net?.hosts[h].address ?? '127.0.0.1';
    etcd = await startEtcd({ host: addr('db'), netns: net?.hosts.db.ns });
    const gatewayPort = net ? 8080 : 0;
    prefix = `/hmsops/bench-${crypto.randomBytes(3).toString('hex')}/`;
    const a = fleet(
      `version: 1\n${registryYaml(etcd, prefix, 'host-a', addr('a'), secretFile)}gateway: { port: ${gatewayPort}, host: ${addr('a')}, auth: false, upstreamTimeout: 2s, cooldown: ${TTL_MS}ms }\nservices:\n${fx(1)}`,
      {
        netns: net?.hosts.a.ns,
      },
    );
    const b = fleet(`version: 1\n${registryYaml(etcd, prefix, 'host-b', addr('b'), secretFile)}gateway: { enabled: false }\nservices:\n${fx(1)}`, { netns: net?.hosts.b.ns });
    for (const f of [b, a]) {
      const up = await f.hmsops(['up']);
      if (up.code !== 0) throw new Error(`host fleets did not come up: ${up.stderr}`);
    }
    const origin = await gatewayUrlOf(a);
    await until(
      async () => (await new ControlClient(path.join(a.stateDir, 'run', 'hmsopsd.sock')).call('GET /v1/registry', { query: { service: 'fx' } })).entries.length === 2,
      20_000,
      50,
    );

    // 3 first, while both hosts are up: fx on B only (across the link), then on A only
    let acrossRps;
    let localRps;
    if (net && hasCommand('wrk')) {
      const wrk = async () => {
        const { stdout } = await execFileAsync('ip', ['netns', 'exec', net.hosts.a.ns, 'wrk', '-t1', '-c32', '-d6s', `${origin}/fx/`]);
        const bad = /Non-2xx or 3xx responses: (\d+)/.exec(stdout);
        if (bad) throw new Error(`wrk: ${bad[1]} answers were not 2xx`);
        return Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)[1]);
      };
      const across = [];
      const local = [];
      for (let round = 0; round < 3; round++) {
        await a.hmsops(['scale', 'fx=0']);
        await sleep(500);
        across.push(await wrk());
        await a.hmsops(['scale', 'fx=1']);
        await b.hmsops(['scale', 'fx=0']);
        await sleep(500);
        local.push(await wrk());
        await b.hmsops(['scale', 'fx=1']);
        await sleep(500);
      }
      acrossRps = median(across);
      localRps = median(local);
    }

    // 2: requests from host A for 20 s, B lost at 5 s
    const script = `(async () => {
      const end = Date.now() + 20000, cutAt = Date.now() + 5000, failures = [];
      let total = 0, slowest = 0, slow = 0;
      await Promise.all(Array.from({ length: 4 }, async () => {
        while (Date.now() < end) {
          const at = Date.now();
          const ok = await fetch(${JSON.stringify(`${origin}/fx/`)}, { signal: AbortSignal.timeout(10000) }).then((r) => r.status === 200, () => false);
          total++;
          if (!ok) failures.push(at);
          const took = Date.now() - at;
          slowest = Math.max(slowest, took);
          if (took > 1000) slow++;
        }
      }));
      console.log(JSON.stringify({ total, failures, cutAt, slowest, slow }));
    })()`;
    const load = execFileAsync(...(net ? ['ip', ['netns', 'exec', net.hosts.a.ns, process.execPath, '-e', script]] : [process.execPath, ['-e', script]]), { timeout: 60_000 });
    await sleep(5000);
    if (net) net.linkDown('b');
    else {
      const { instances } = await new ControlClient(path.join(b.stateDir, 'run', 'hmsopsd.sock')).call('GET /v1/instances');
      const daemon = JSON.parse(fs.readFileSync(path.join(b.stateDir, 'run', 'hmsopsd.lock'), 'utf8')).pid;
      for (const i of instances) if (i.pid) process.kill(-i.pid, 'SIGKILL');
      process.kill(daemon, 'SIGKILL');
    }
    const { stdout } = await load;
    const { total, failures, cutAt, slowest, slow } = JSON.parse(stdout);
    const gapMs = failures.length ? Math.max(...failures) - cutAt : 0;
    if (net) net.linkUp('b');

    const gone = failures.length ? Math.min(...failures) - cutAt : 0;
    const r = {
      readyToRoutedEmbeddedMs: median(embedded),
      readyToRoutedEtcdMs: median(viaEtcd),
      failover: {
        how: net ? 'link down' : 'SIGKILL',
        requests: total,
        failed: failures.length,
        firstFailureAfterCutMs: gone,
        lastFailureAfterCutMs: gapMs,
        slowestMs: slowest,
        slowerThan1s: slow,
        ttlMs: TTL_MS,
      },
      acrossLinkRps: acrossRps ?? null,
      sameHostRps: localRps ?? null,
    };
    const rows = [
      { measure: 'ready -> routed, embedded (median)', value: `${r.readyToRoutedEmbeddedMs} ms`, goal: '<= 100 ms', result: verdict(r.readyToRoutedEmbeddedMs <= 100) },
      { measure: 'ready -> routed, etcd (median)', value: `${r.readyToRoutedEtcdMs} ms`, goal: '<= 250 ms', result: verdict(r.readyToRoutedEtcdMs <= 250) },
      { measure: 'etcd / embedded', value: `${(r.readyToRoutedEtcdMs / Math.max(1, r.readyToRoutedEmbeddedMs)).toFixed(2)}x`, goal: '', result: '' },
      {
        measure: `failover, host B ${r.failover.how}: failed requests`,
        value: `${failures.length} of ${total}${failures.length ? `, sent ${gone} to ${gapMs} ms after the cut` : ''}`,
        goal: `none later than the TTL (${TTL_MS} ms)`,
        result: verdict(gapMs <= TTL_MS),
      },
      { measure: 'failover: slowest request, requests over 1 s', value: `${slowest} ms, ${slow}`, goal: '', result: '' },
    ];
    if (acrossRps)
      rows.push(
        { measure: 'gateway req/s, upstream on host A', value: localRps.toFixed(0), goal: '', result: '' },
        { measure: 'gateway req/s, upstream across the link (host B)', value: acrossRps.toFixed(0), goal: '', result: '' },
        { measure: 'across / same host', value: `${(acrossRps / localRps).toFixed(2)}x`, goal: '', result: '' },
      );
    printTable(`fleet across hosts (${net ? 'network namespaces' : 'loopback: namespaces not available'}; ${ROUNDS} rounds ready -> routed)`, rows);
    saveResults('hosts', { results: r, samples: { embedded, viaEtcd, failures } });
    return r;
  } finally {
    await downAll().catch(() => undefined);
    await etcd?.stop().catch(() => undefined);
    net?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHosts();
