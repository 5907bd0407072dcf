/**
 * The gateway's request path: route, authenticate at the edge, pick an instance, stream the
 * request and the answer through a keep-alive undici pool, retry what is safe to repeat once on
 * another instance, and answer failures with stable JSON error codes.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import { Pool } from 'undici';
import type { FleetConfig } from '../config/schema.js';
import { IDENTITY_HEADER, signIdentity } from '../internal-identity.js';
import { Metrics } from '../metrics.js';
import { Balancer } from './balancer.js';
import type { EdgeAuth } from './edge-auth.js';
import { matchRoute, type RoutingTable, type Upstream } from './routing-table.js';

type GatewayConfig = FleetConfig['gateway'];

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', IDENTITY_HEADER]);
const RETRYABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'EPIPE', 'UND_ERR_CLOSED']);

export class GatewayError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly extra: Record<string, unknown> = {}) {
    super(message);
  }
}

/** Paths that need no bearer token: logging in, the keys to check tokens, API documents. */
export function isPublic(service: string, method: string, path: string): boolean {
  const p = path.split('?')[0];
  if (p === '/v1/openapi.json') return true;
  return service === 'auth' && ((method === 'POST' && p === '/v1/login') || (method === 'GET' && p === '/v1/jwks.json'));
}

export class Proxy {
  table: RoutingTable = { routes: [] };
  readonly metrics = new Metrics();
  readonly balancer: Balancer;
  #pools = new Map<string, Pool>();

  constructor(
    private readonly cfg: GatewayConfig,
    private readonly auth: EdgeAuth | undefined,
    private readonly identityKey: Buffer,
    private readonly accessLog: (line: Record<string, unknown>) => void,
  ) {
    this.balancer = new Balancer(cfg.balancing, cfg.cooldownMs);
  }

  setTable(table: RoutingTable) {
    this.table = table;
    const live = new Set(table.routes.flatMap((r) => r.upstreams.map((u) => u.origin)));
    for (const [origin, pool] of this.#pools) {
      if (!live.has(origin)) {
        this.#pools.delete(origin);
        void pool.close().catch(() => undefined);
      }
    }
  }

  pool(origin: string): Pool {
    let p = this.#pools.get(origin);
    if (!p) this.#pools.set(origin, (p = new Pool(origin, { connections: 256, keepAliveTimeout: 30_000, headersTimeout: this.cfg.upstreamTimeoutMs, bodyTimeout: this.cfg.upstreamTimeoutMs })));
    return p;
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const requestId = (req.headers['x-request-id'] as string | undefined) ?? crypto.randomUUID();
    const log: Record<string, unknown> = { method: req.method, url: req.url, requestId };
    try {
      await this.#forward(req, res, requestId, log);
    } catch (err) {
      const e = err instanceof GatewayError ? err : new GatewayError(502, 'UPSTREAM_UNREACHABLE', (err as Error).message);
      log.error = e.code;
      if (!res.headersSent) {
        const body = JSON.stringify({ error: { code: e.code, message: e.message, requestId, ...e.extra } });
        res.writeHead(e.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': requestId });
        res.end(body);
      } else res.destroy();
      if (e.code.startsWith('UPSTREAM')) this.metrics.incKey('gateway_upstream_errors_total', 'Upstream failures', `code="${e.code}",service="${log.service ?? '-'}"`);
      // The client's body may be unread; drain it so the connection can be reused.
      req.resume();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.status = res.statusCode;
      log.ms = Math.round(ms * 100) / 100;
      // Label keys built directly (sorted by label name): this runs on every request.
      const service = (log.service as string | undefined) ?? '-';
      this.metrics.incKey('gateway_requests_total', 'Requests through the gateway', `service="${service}",status="${res.statusCode}"`);
      this.metrics.observeKey('gateway_request_duration_seconds', 'Gateway request duration', `service="${service}"`, ms / 1000);
      this.accessLog(log);
    }
  }

  async #forward(req: http.IncomingMessage, res: http.ServerResponse, requestId: string, log: Record<string, unknown>) {
    const match = matchRoute(this.table, req.url ?? '/');
    if (!match) throw new GatewayError(404, 'NO_ROUTE', `no service is routed at ${(req.url ?? '/').split('?')[0]}`);
    const { route, path } = match;
    log.service = route.service;
    log.route = route.prefix;
    const method = req.method ?? 'GET';
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > this.cfg.bodyLimitBytes) throw new GatewayError(413, 'BODY_TOO_LARGE', `the body is ${length} bytes; the limit is ${this.cfg.bodyLimitBytes}`);

    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
    headers['x-request-id'] = requestId;
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    if (this.auth && !isPublic(route.service, method, path)) {
      const v = await this.auth.verify(req.headers.authorization);
      if ('reason' in v) throw new GatewayError(401, 'UNAUTHENTICATED', `bearer token refused: ${v.reason}`);
      headers[IDENTITY_HEADER] = signIdentity({ ...v.identity, exp: Math.min(v.identity.exp, Math.floor(Date.now() / 1000) + 300) }, this.identityKey);
      log.user = v.identity.username;
    }

    const safe = method === 'GET' || method === 'HEAD' || req.headers['idempotency-key'] !== undefined;
    const hasBody = method !== 'GET' && method !== 'HEAD';
    // A body we may need to send twice is read first (bounded by the limit); any other streams through.
    let body: Buffer | AsyncIterable<Buffer> | undefined;
    if (hasBody) body = safe ? await readBounded(req, this.cfg.bodyLimitBytes) : limitStream(req, this.cfg.bodyLimitBytes);

    let tried: string | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const upstream = this.balancer.pick(route.service, route.upstreams, tried);
      if (!upstream) {
        if (tried) throw new GatewayError(502, 'UPSTREAM_UNREACHABLE', `${route.service}: ${tried} refused the connection and no other instance is passing`, { service: route.service });
        throw new GatewayError(503, 'NO_HEALTHY_INSTANCE', `no healthy instance of ${route.service}`, { service: route.service });
      }
      log.instance = upstream.instanceId;
      try {
        await this.#send(upstream, method, path, headers, body, res);
        return;
      } catch (err) {
        const code = (err as { code?: string }).code ?? '';
        if (err instanceof GatewayError) throw err;
        if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
          throw new GatewayError(504, 'UPSTREAM_TIMEOUT', `${upstream.instanceId} did not answer within ${this.cfg.upstreamTimeoutMs}ms`, { service: route.service });
        if (RETRYABLE_CODES.has(code)) this.balancer.eject(upstream);
        if (!RETRYABLE_CODES.has(code) || !safe || res.headersSent || attempt === 1)
          throw new GatewayError(502, 'UPSTREAM_UNREACHABLE', `${upstream.instanceId}: ${code || (err as Error).message}`, { service: route.service });
        tried = upstream.instanceId;
        log.retried = true;
      }
    }
  }

  async #send(upstream: Upstream, method: string, path: string, headers: Record<string, string | string[]>, body: Buffer | AsyncIterable<Buffer> | undefined, res: http.ServerResponse) {
    this.balancer.start(upstream);
    try {
      // stream(): undici writes the answer straight into the client's response, with backpressure.
      await this.pool(upstream.origin).stream({ path, method: method as any, headers, body: body as any }, ({ statusCode, headers: upstreamHeaders }) => {
        const out: Record<string, string | string[]> = {};
        for (const k in upstreamHeaders) {
          const v = upstreamHeaders[k];
          if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v as string | string[];
        }
        res.writeHead(statusCode, out);
        return res;
      });
    } finally {
      this.balancer.finish(upstream);
    }
  }

  async close() {
    await Promise.all([...this.#pools.values()].map((p) => p.close().catch(() => undefined)));
  }
}

async function readBounded(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new GatewayError(413, 'BODY_TOO_LARGE', `the body is over the ${limit}-byte limit`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

async function* limitStream(req: http.IncomingMessage, limit: number): AsyncIterable<Buffer> {
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new GatewayError(413, 'BODY_TOO_LARGE', `the body is over the ${limit}-byte limit`);
    yield c as Buffer;
  }
}
