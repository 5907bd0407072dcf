/**
 * One gateway process serving requests: the edge server, the proxy, a routing table that follows
 * the registry's watch, the access log. main.ts runs one of these, or several under cluster.
 */
import cluster from 'node:cluster';
import type { JSONWebKeySet } from 'jose';
import type { FleetConfig } from '../config/types.js';
import { RotatingLog } from '../state/log-files.js';
import type { MetricsSnapshot } from '../metrics.js';
import { watchRegistry, type DaemonLink } from '../registry/daemon-link.js';
import type { RegistryEntry } from '../registry/types.js';
import { AccessLog, isoNow } from './access-log.js';
import { EdgeAuth } from './edge-auth.js';
import { EdgeServer } from './edge-server.js';
import { portHolder } from './port-holder.js';
import { GatewayProxy, NOT_PASSED } from './proxy.js';
import { buildRoutingTable } from './routing-table.js';

/** Messages between the primary and its workers. */
export type ClusterMessage =
  | { type: 'metrics-request'; id: number }
  | { type: 'metrics-snapshot'; id: number; snapshot: MetricsSnapshot }
  | { type: 'metrics-text'; id: number; text: string }
  | { type: 'stop' };

export interface GatewayWorker {
  port: number;
  log: (obj: Record<string, unknown>) => void;
  stop: () => Promise<void>;
}

/** The worker's own access-log file (the daemon passes the logs dir and the rotation limits). */
export interface AccessLogFile {
  file: string;
  maxSizeBytes: number;
  maxFiles: number;
}

/**
 * Where the routing table comes from: the daemon's registry (its watch), or, under an
 * orchestrator, a fixed list of upstreams (each service's Service address: the orchestrator
 * balances over the replicas that are ready).
 */
export type RoutingSource = { daemon: DaemonLink } | { upstreams: StaticUpstream[] };

/** One routed service under an orchestrator (HMSOPS_UPSTREAMS): `url` is its Service's. */
export interface StaticUpstream {
  service: string;
  route: string;
  url: string;
}

/** The registry entries a fixed list stands for: one passing instance per service, at its Service's address. */
export function staticEntries(upstreams: StaticUpstream[]): RegistryEntry[] {
  return upstreams.map((u) => {
    const url = new URL(u.url);
    return {
      service: u.service,
      instanceId: `${u.service}-service`,
      host: url.hostname,
      address: url.hostname,
      port: Number(url.port || 80),
      version: 'orchestrated',
      status: 'passing' as const,
      registeredAt: 0,
      lastHeartbeat: 0,
      ttlMs: null,
      metadata: { route: u.route },
    };
  });
}

/**
 * `accessLogFile`: the worker's own file, or undefined for stdout (an orchestrator collects it).
 * `identityKey`: the key the identity header is signed with (from the fleet secret).
 */
export function startGatewayWorker(config: FleetConfig['gateway'], source: RoutingSource, identityKey: Buffer, accessLogFile: AccessLogFile | undefined): Promise<GatewayWorker> {
  // The access log goes to the worker's own file. Through the daemon (stdout) each line also cost
  // the daemon a read, a split and a write, ~1.3 us of its CPU per request at full load (docs/benchmarks.md).
  const accessLog = accessLogFile
    ? new AccessLog(new RotatingLog(accessLogFile.file, accessLogFile.maxSizeBytes, accessLogFile.maxFiles))
    : // stdout may write later than asked: the block is copied, as the log's buffer is used again at once.
      new AccessLog({ writeBlock: (b) => process.stdout.write(typeof b === 'string' ? b : Buffer.from(b)), close: () => undefined }, true);
  // The gateway's own messages (rare) go to stdout at once: the daemon keeps them in the instance log.
  const log = (obj: Record<string, unknown>) => process.stdout.write(`{"time":"${isoNow()}",${JSON.stringify(obj).slice(1)}\n`);

  let proxy: GatewayProxy;
  const auth = config.auth
    ? new EdgeAuth(async () => {
        const upstream = proxy.table.routes.find((r) => r.service === 'auth')?.upstreams[0];
        if (!upstream) throw new Error('no passing auth instance');
        const r = await fetch(`${upstream.origin}/v1/jwks.json`, { signal: AbortSignal.timeout(config.upstreamTimeoutMs) });
        if (r.status !== 200) throw new Error(`auth answered ${r.status}`);
        return (await r.json()) as JSONWebKeySet;
      })
    : undefined;
  proxy = new GatewayProxy(config, auth, identityKey, (entry) => accessLog.write(entry));
  let registryReady = false;
  /** Said in /readyz while the registry's server does not answer (the gateway routes on with its last table). */
  let registryProblem: string | undefined;
  let draining = false;

  const server = new EdgeServer(
    (req, res) => {
      const url = req.url;
      if (url === '/healthz') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      if (url === '/readyz') {
        const ok = registryReady && !draining;
        const body = { status: ok ? 'ready' : 'not ready', ...(registryProblem ? { detail: registryProblem } : {}) };
        return void res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      }
      if (url === '/metrics') {
        void metricsText().then((text) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(text));
        return;
      }
      void proxy.handle(req, res);
    },
    { keepAliveTimeoutMs: 65_000, headersTimeoutMs: 60_000, notPassed: NOT_PASSED },
  );
  server.on('clientError', (e: Record<string, unknown>) => log({ msg: 'refused request', ...e }));

  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') {
      const holder = portHolder(config.port);
      console.error(
        `gateway: port ${config.port} on ${config.host} is already taken${holder ? ` by pid ${holder.pid} (${holder.command})` : ''}; stop it or set gateway.port in hmsops.config.yaml`,
      );
      process.exit(2);
    }
    console.error(`gateway: ${err.message}`);
    process.exit(1);
  });

  const seenRoutes: Record<string, string> = {};
  const watcher = 'upstreams' in source ? fixedTable(source.upstreams) : follow(source.daemon);
  function fixedTable(upstreams: StaticUpstream[]) {
    proxy.setTable(buildRoutingTable(staticEntries(upstreams)));
    registryReady = true;
    return { stop: () => undefined };
  }
  function follow(link: DaemonLink) {
    return watchRegistry(
      link.socket,
      (entries, health, routes) => {
        // A service of another host that has gone (its host down) answers 503, not 404: its route is remembered.
        for (const e of entries) if (e.metadata.route) seenRoutes[e.metadata.route] = e.service;
        proxy.setTable(buildRoutingTable(entries, { ...seenRoutes, ...routes }, process.env.HMSOPS_HOST_NAME));
        registryReady = true;
        const problem = health && !health.reachable ? `registry unreachable: ${health.error ?? 'no answer'}; routing with the last table known` : undefined;
        if (problem !== registryProblem) log({ msg: problem ?? 'registry reachable again' });
        registryProblem = problem;
      },
      (err) => log({ msg: 'registry watch failed', error: err.message }),
    );
  }

  // Under cluster, /metrics adds up every worker's numbers: the primary gathers them.
  const metricsWaiting = new Map<number, (text: string) => void>();
  let metricsId = 0;
  const metricsText = (): Promise<string> => {
    if (!cluster.isWorker) return Promise.resolve(proxy.metrics.render());
    const id = ++metricsId;
    return new Promise((resolve) => {
      metricsWaiting.set(id, resolve);
      process.send!({ type: 'metrics-request', id } satisfies ClusterMessage);
    });
  };
  process.on('message', (m: ClusterMessage) => {
    if (m.type === 'metrics-request') process.send!({ type: 'metrics-snapshot', id: m.id, snapshot: proxy.metrics.snapshot() } satisfies ClusterMessage);
    else if (m.type === 'metrics-text') {
      metricsWaiting.get(m.id)?.(m.text);
      metricsWaiting.delete(m.id);
    } else if (m.type === 'stop') void stop().then(() => process.exit(0));
  });

  const stop = async () => {
    if (draining) return;
    draining = true;
    watcher.stop();
    // Stop accepting; in-flight requests finish (the caller's timer is the backstop).
    await new Promise<void>((r) => server.close(r));
    proxy.close();
    accessLog.close();
  };

  return new Promise((resolve) => {
    server.listen(config.port, config.host, () => {
      const port = server.address().port;
      log({ msg: `gateway listening on http://${config.host}:${port}`, port, pid: process.pid });
      resolve({ port, log, stop });
    });
  });
}
