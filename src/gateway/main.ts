/**
 * The gateway process the daemon supervises, or an orchestrator runs (HMSOPS_UPSTREAMS: its
 * routes to the services' Services; the fleet secret from HMSOPS_FLEET_SECRET_FILE; the access
 * log to stdout; registered in etcd when HMSOPS_REGISTRY names it). With `gateway.workers` > 1 it is a cluster primary:
 * it forks that many workers sharing the port (connections dealt round-robin), registers the
 * gateway once, adds up the workers' metrics for /metrics, and replaces a worker that dies.
 */
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import type { FleetConfig } from '../config/types.js';
import { accessLogFileFor } from '../state/log-files.js';
import { Metrics } from '../metrics.js';
import { fleetIdentityKey } from '../internal-identity.js';
import { type RegistrationTarget, registerSelf, registrationTarget } from '../registry/self-registration.js';
import { type AccessLogFile, type ClusterMessage, type RoutingSource, type StaticUpstream, startGatewayWorker } from './worker.js';

const cfg = JSON.parse(process.env.HMSOPS_GATEWAY_CONFIG ?? '{}') as Partial<FleetConfig['gateway']>;
const defaults: FleetConfig['gateway'] = {
  url: null,
  enabled: true,
  port: 8080,
  host: '127.0.0.1',
  upstreamTimeoutMs: 30_000,
  bodyLimitBytes: 10 * 1024 * 1024,
  balancing: 'round-robin',
  cooldownMs: 5000,
  auth: true,
  workers: 1,
  rateLimits: {},
};
const config = { ...defaults, ...cfg };
// Where this gateway registers, read once: with the daemon that started it (whose link it also
// routes by), in etcd, or nowhere.
let target: RegistrationTarget;
try {
  target = registrationTarget();
} catch (err) {
  console.error(`gateway: ${(err as Error).message}`);
  process.exit(2);
}
const link = target && 'daemon' in target ? target.daemon : undefined;
const upstreams = process.env.HMSOPS_UPSTREAMS ? upstreamsFrom(process.env.HMSOPS_UPSTREAMS) : undefined;

/** HMSOPS_UPSTREAMS: [{ service, route, url }], as `hmsops export` writes it; anything else exits 2 saying so. */
function upstreamsFrom(text: string): StaticUpstream[] {
  try {
    const list = JSON.parse(text) as StaticUpstream[];
    if (!Array.isArray(list)) throw new Error('not a list');
    for (const u of list) {
      if (typeof u?.service !== 'string' || typeof u.route !== 'string' || !u.route.startsWith('/')) throw new Error(`not { service, route, url }: ${JSON.stringify(u)}`);
      if (new URL(u.url).protocol !== 'http:') throw new Error(`${u.service}: an http:// URL, got ${u.url}`);
    }
    return list;
  } catch (err) {
    console.error(`gateway: HMSOPS_UPSTREAMS: expected [{ "service": "ach", "route": "/ach", "url": "http://ach:8102" }, ...]: ${(err as Error).message}`);
    process.exit(2);
  }
}
if (link ? !process.env.HMSOPS_ACCESS_LOG : !upstreams || !process.env.HMSOPS_FLEET_SECRET_FILE) {
  console.error(
    'gateway: started by the daemon (HMSOPS_CONTROL_SOCKET, HMSOPS_FLEET_TOKEN, HMSOPS_ACCESS_LOG) or by an orchestrator (HMSOPS_UPSTREAMS, HMSOPS_FLEET_SECRET_FILE): neither is set',
  );
  process.exit(2);
}
const source: RoutingSource = link ? { daemon: link } : { upstreams: upstreams! };
const identityKey = fleetIdentityKey(process.env, link?.token ?? '');
const STOP_BACKSTOP_MS = 10_000;
const instanceId = process.env.HMSOPS_INSTANCE_ID ?? (process.env.HMSOPS_REGISTRY ? `gateway-${os.hostname()}` : 'gateway-1');

/** The daemon says where logs go; each worker writes its access log to a file of its own there. Else: stdout. */
function accessLogFile(): AccessLogFile | undefined {
  if (!process.env.HMSOPS_ACCESS_LOG) return undefined;
  const { dir, maxSizeBytes, maxFiles } = JSON.parse(process.env.HMSOPS_ACCESS_LOG!) as { dir: string; maxSizeBytes: number; maxFiles: number };
  const worker = cluster.isWorker ? Number(process.env.HMSOPS_GATEWAY_WORKER) : undefined;
  return { file: accessLogFileFor(dir, instanceId, worker), maxSizeBytes, maxFiles };
}

const register = (port: number, log: (m: string) => void) =>
  registerSelf(
    target,
    { service: 'gateway', instanceId, port, version: process.env.HMSOPS_VERSION ?? 'bundled', metadata: { role: 'gateway', workers: String(config.workers) } },
    log,
  );

const onStop = (stop: () => Promise<void>) => {
  let stopping = false;
  const once = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), STOP_BACKSTOP_MS).unref();
    void stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', once);
  process.on('SIGINT', once);
};

if (cluster.isWorker) {
  // The primary registers and decides when to stop (a 'stop' message); signals sent to the whole
  // process group are left to it. A worker whose primary is gone drains and leaves.
  const worker = await startGatewayWorker(config, source, identityKey, accessLogFile());
  process.on('SIGTERM', () => undefined);
  process.on('SIGINT', () => undefined);
  process.on('disconnect', () => {
    setTimeout(() => process.exit(1), STOP_BACKSTOP_MS).unref();
    void worker.stop().then(() => process.exit(0));
  });
} else if (config.workers <= 1) {
  const worker = await startGatewayWorker(config, source, identityKey, accessLogFile());
  const registration = await register(worker.port, (m) => worker.log({ msg: m }));
  onStop(async () => {
    await registration?.deregister();
    await worker.stop();
  });
} else {
  await runPrimary(config.workers);
}

async function runPrimary(count: number) {
  const log = (msg: string, extra: Record<string, unknown> = {}) => process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg, ...extra })}\n`);
  let stopping = false;
  const pendingMetrics = new Map<number, { asker: Worker; askerId: number; waiting: number; total: Metrics; timer: NodeJS.Timeout }>();
  let metricsId = 0;

  const answerMetrics = (id: number) => {
    const p = pendingMetrics.get(id);
    if (!p) return;
    pendingMetrics.delete(id);
    clearTimeout(p.timer);
    p.asker.send({ type: 'metrics-text', id: p.askerId, text: p.total.render() } satisfies ClusterMessage);
  };

  // Worker slots 1..count: a replacement takes the slot (and the access-log file) of the one it replaces.
  const slots = new Map<number, number>();
  const fork = (slot: number) => {
    const w = cluster.fork({ HMSOPS_GATEWAY_WORKER: String(slot) });
    slots.set(w.id, slot);
    w.on('message', (m: ClusterMessage) => {
      if (m.type === 'metrics-request') {
        const id = ++metricsId;
        const workers = Object.values(cluster.workers ?? {}).filter((x): x is Worker => !!x && x.isConnected());
        // A worker that does not answer within a second is left out rather than holding the scrape.
        pendingMetrics.set(id, { asker: w, askerId: m.id, waiting: workers.length, total: new Metrics(), timer: setTimeout(() => answerMetrics(id), 1000) });
        for (const x of workers) x.send({ type: 'metrics-request', id } satisfies ClusterMessage);
      } else if (m.type === 'metrics-snapshot') {
        const p = pendingMetrics.get(m.id);
        if (!p) return;
        p.total.add(m.snapshot);
        if (--p.waiting === 0) answerMetrics(m.id);
      }
    });
    return w;
  };

  const listening = new Promise<number>((resolve, reject) => {
    let ready = 0;
    cluster.on('listening', (_w, address) => {
      if (++ready === count) resolve(address.port);
    });
    cluster.on('exit', (w, code) => {
      if (stopping) return;
      // A worker that fails before all are listening (say, the port is taken) fails the gateway.
      if (ready < count) return reject(Object.assign(new Error(`worker ${w.id} exited with code ${code}`), { exitCode: code ?? 1 }));
      log('gateway worker died; starting another', { worker: w.id, code });
      fork(slots.get(w.id)!);
      slots.delete(w.id);
    });
  });
  for (let slot = 1; slot <= count; slot++) fork(slot);
  let port: number;
  try {
    port = await listening;
  } catch (err) {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill();
    process.exit((err as { exitCode?: number }).exitCode || 1);
  }
  log(`gateway listening on http://${config.host}:${port} with ${count} workers`, { port, workers: count });
  const registration = await register(port, (m) => log(m));
  onStop(async () => {
    stopping = true;
    await registration?.deregister();
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.send({ type: 'stop' } satisfies ClusterMessage);
          }),
      ),
    );
  });
}
