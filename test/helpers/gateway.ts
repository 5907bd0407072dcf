/** An in-process gateway (edge server + proxy) for tests of its HTTP/1.1, and upstreams that answer with hand-written bytes. */
import net from 'node:net';
import type http from 'node:http';
import { EdgeServer } from '../../src/gateway/edge-server.js';
import { GatewayProxy, NOT_PASSED } from '../../src/gateway/proxy.js';

type Cleanup = () => unknown;

export async function listen(server: net.Server | http.Server, cleanups: Cleanup[]): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => server.close(r)));
  if ('closeAllConnections' in server) cleanups.push(() => server.closeAllConnections());
  return (server.address() as net.AddressInfo).port;
}

/** An upstream that reads one request head per connection turn and answers with `answer(head)` verbatim. */
export async function rawUpstream(cleanups: Cleanup[], answer: (head: string, socket: net.Socket) => string | undefined) {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    let buf = '';
    s.on('data', (d) => {
      buf += d.toString('latin1');
      let end: number;
      while ((end = buf.indexOf('\r\n\r\n')) >= 0) {
        const head = buf.slice(0, end);
        buf = buf.slice(end + 4);
        const out = answer(head, s);
        if (out !== undefined) s.write(out, 'latin1');
      }
    });
    s.on('error', () => undefined);
  });
  cleanups.push(() => sockets.forEach((s) => s.destroy()));
  const port = await listen(server, cleanups);
  return { port, connections: () => connections };
}

export interface GatewayOptions {
  bodyLimitBytes?: number;
  upstreamTimeoutMs?: number;
  keepAliveTimeoutMs?: number;
  headersTimeoutMs?: number;
  cooldownMs?: number;
}

/** A gateway (edge server + proxy) in this process routing /svc to the given upstream port. */
export async function inProcessGateway(cleanups: Cleanup[], upstreamPort: number, opts: GatewayOptions = {}) {
  const lines: Array<Record<string, unknown>> = [];
  const proxy = new GatewayProxy(
    {
      enabled: true,
      port: 0,
      host: '127.0.0.1',
      upstreamTimeoutMs: opts.upstreamTimeoutMs ?? 5000,
      bodyLimitBytes: opts.bodyLimitBytes ?? 64 * 1024 * 1024,
      balancing: 'round-robin',
      cooldownMs: opts.cooldownMs ?? 1000,
      auth: false,
    } as any,
    undefined,
    Buffer.alloc(32),
    (l) => lines.push(l as unknown as Record<string, unknown>),
  );
  proxy.setTable({
    routes: [
      { prefix: '/svc', service: 'svc', upstreams: [{ instanceId: 'svc-1', service: 'svc', host: '127.0.0.1', port: upstreamPort, origin: `http://127.0.0.1:${upstreamPort}` }] },
    ],
  });
  const server = new EdgeServer((req, res) => void proxy.handle(req, res), {
    keepAliveTimeoutMs: opts.keepAliveTimeoutMs ?? 5000,
    headersTimeoutMs: opts.headersTimeoutMs ?? 5000,
    notPassed: NOT_PASSED,
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(
    () => new Promise<void>((r) => server.close(r)),
    () => proxy.close(),
  );
  return { port: server.address().port, lines, proxy };
}
