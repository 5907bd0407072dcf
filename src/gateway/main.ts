/** The gateway process: its routing table follows the registry's watch; see proxy.ts for the request path. */
import type { FleetConfig } from '../config/schema.js';
import { identityKey } from '../internal-identity.js';
import { daemonLinkFromEnv, registerWithDaemon, watchRegistry } from '../registry/daemon-link.js';
import { EdgeAuth } from './edge-auth.js';
import { EdgeServer } from './edge-server.js';
import { portHolder } from './port-holder.js';
import { Proxy } from './proxy.js';
import { buildRoutingTable } from './routing-table.js';

const cfg = JSON.parse(process.env.HMSOPS_GATEWAY_CONFIG ?? '{}') as FleetConfig['gateway'];
const defaults: FleetConfig['gateway'] = { enabled: true, port: 8080, host: '127.0.0.1', upstreamTimeoutMs: 30_000, bodyLimitBytes: 10 * 1024 * 1024, balancing: 'round-robin', cooldownMs: 5000, auth: true };
const config = { ...defaults, ...cfg };
const link = daemonLinkFromEnv();
if (!link) {
  console.error('gateway: HMSOPS_CONTROL_SOCKET and HMSOPS_FLEET_TOKEN must be set (the daemon starts the gateway)');
  process.exit(2);
}
// Access-log lines are batched like nginx's `buffer=`: one write per 32 KiB or 100 ms, which
// also keeps the daemon (which stores this output) from working per request.
let pending: string[] = [];
let pendingBytes = 0;
let flushTimer: NodeJS.Timeout | undefined;
const flush = () => {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = undefined;
  if (pending.length) process.stdout.write(pending.join(''));
  pending = [];
  pendingBytes = 0;
};
// Many lines share a millisecond; formatting its time once is measurable at full load.
let timeAt = 0;
let timeText = '';
const log = (obj: Record<string, unknown>) => {
  const now = Date.now();
  if (now !== timeAt) timeText = new Date((timeAt = now)).toISOString();
  const line = `{"time":"${timeText}",${JSON.stringify(obj).slice(1)}\n`;
  pending.push(line);
  pendingBytes += line.length;
  if (pendingBytes >= 32 * 1024) flush();
  else flushTimer ??= setTimeout(flush, 100);
};

let proxy: Proxy;
const auth = config.auth
  ? new EdgeAuth(async () => {
      const upstream = proxy.table.routes.find((r) => r.service === 'auth')?.upstreams[0];
      if (!upstream) throw new Error('no passing auth instance');
      const r = await fetch(`${upstream.origin}/v1/jwks.json`, { signal: AbortSignal.timeout(config.upstreamTimeoutMs) });
      if (r.status !== 200) throw new Error(`auth answered ${r.status}`);
      return (await r.json()) as any;
    })
  : undefined;
proxy = new Proxy(config, auth, identityKey(link.token), log);
let registryReady = false;
let draining = false;

const server = new EdgeServer((req, res) => {
  const url = req.url;
  if (url === '/healthz') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
  if (url === '/readyz') {
    const ok = registryReady && !draining;
    return void res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ready' : 'not ready' }));
  }
  if (url === '/metrics') return void res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(proxy.metrics.render());
  void proxy.handle(req, res);
}, { keepAliveTimeoutMs: 65_000 });
server.on('clientError', (e: Record<string, unknown>) => log({ msg: 'refused request', ...e }));

server.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') {
    const holder = portHolder(config.port);
    console.error(`gateway: port ${config.port} on ${config.host} is already taken${holder ? ` by pid ${holder.pid} (${holder.command})` : ''}; stop it or set gateway.port in hmsops.config.yaml`);
    process.exit(2);
  }
  console.error(`gateway: ${err.message}`);
  process.exit(1);
});

const watcher = watchRegistry(
  link.socket,
  (entries, _index, routes) => {
    proxy.setTable(buildRoutingTable(entries, routes));
    registryReady = true;
  },
  (err) => log({ msg: 'registry watch failed', error: err.message }),
);

server.listen(config.port, config.host, async () => {
  const port = server.address().port;
  log({ msg: `gateway listening on http://${config.host}:${port}`, port });
  const registration = await registerWithDaemon(
    link,
    { service: 'gateway', instanceId: process.env.HMSOPS_INSTANCE_ID ?? 'gateway-1', port, version: process.env.HMSOPS_VERSION ?? 'bundled', metadata: { role: 'gateway' } },
    Number(process.env.HMSOPS_REGISTRY_TTL_MS ?? 10_000),
    (m) => log({ msg: m }),
  );
  const stop = async () => {
    if (draining) return;
    draining = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    await registration.deregister();
    watcher.stop();
    // Stop accepting; in-flight requests finish (the timer above is the backstop).
    await new Promise<void>((r) => server.close(r));
    proxy.close();
    flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
});
