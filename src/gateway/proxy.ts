/**
 * The gateway's request path: route, authenticate at the edge, pick an instance, stream the
 * request and the answer through that instance's keep-alive pool, retry what is safe to repeat
 * once, and answer failures with stable JSON error codes.
 */
import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FleetConfig } from '../config/types.js';
import { HmsopsError } from '../errors/index.js';
import { IDENTITY_HEADER, signIdentity } from '../internal-identity.js';
import { Metrics } from '../metrics.js';
import { AccessEntry } from './access-log.js';
import { Balancer } from './balancer.js';
import type { EdgeAuth } from './edge-auth.js';
import { RateLimiter } from './rate-limit.js';
import { matchRoute, type Route, type RoutingTable, type Upstream } from './routing-table.js';
import type { EdgeRequest, EdgeResponse } from './edge-server.js';
import { HOP_BY_HOP } from './http1.js';
import { UpstreamPool } from './upstream-pool.js';

type GatewayConfig = FleetConfig['gateway'];

/** Client headers the gateway replaces or frames itself rather than passing on (the edge server's `notPassed`). */
export const NOT_PASSED: ReadonlySet<string> = new Set([...HOP_BY_HOP, 'host', 'content-length', 'x-request-id', 'x-forwarded-for', IDENTITY_HEADER]);
const EMPTY = Buffer.alloc(0);
/** Unused upstream connections are closed before Node's default 5 s keep-alive timeout would close them. */
const IDLE_MS = 4000;

/** A request on its way: what every try on an instance needs. */
interface Forwarding {
  req: EdgeRequest;
  res: EdgeResponse;
  log: AccessEntry;
  done: (err?: unknown) => void;
  route: Route;
  path: string;
  headers: string[];
  body: Buffer | Readable | undefined;
  length: number | undefined;
  safe: boolean;
}

/** What runs after a promise settles reports its own throw (handle's try covers only the synchronous part). */
function guarded(f: Forwarding, step: () => void) {
  try {
    step();
  } catch (err) {
    f.done(err);
  }
}

/** Paths that need no bearer token: logging in, the keys to check tokens, API documents. */
export function isPublic(service: string, method: string, path: string): boolean {
  const p = path.split('?')[0];
  if (p === '/v1/openapi.json') return true;
  return service === 'auth' && ((method === 'POST' && p === '/v1/login') || (method === 'GET' && p === '/v1/jwks.json'));
}

export class GatewayProxy {
  table: RoutingTable = { routes: [] };
  readonly metrics = new Metrics();
  readonly balancer: Balancer;
  #pools = new Map<string, UpstreamPool>();
  readonly #limiter: RateLimiter;
  readonly #limiterSweep: NodeJS.Timeout | undefined;

  constructor(
    private readonly cfg: GatewayConfig,
    private readonly auth: EdgeAuth | undefined,
    private readonly identityKey: Buffer,
    private readonly accessLog: (entry: AccessEntry) => void,
  ) {
    this.balancer = new Balancer(cfg.balancing, cfg.cooldownMs);
    const limits = cfg.rateLimits ?? {}; // absent from a config written by hand (tests)
    this.#limiter = new RateLimiter(limits);
    if (Object.keys(limits).length) this.#limiterSweep = setInterval(() => this.#limiter.sweep(Date.now()), 10_000).unref();
  }

  setTable(table: RoutingTable) {
    this.table = table;
    const live = new Set(table.routes.flatMap((r) => r.upstreams.map((u) => u.origin)));
    for (const [origin, pool] of this.#pools) {
      if (!live.has(origin)) {
        this.#pools.delete(origin);
        pool.close();
      }
    }
  }

  pool(u: Upstream): UpstreamPool {
    let p = this.#pools.get(u.origin);
    if (!p) this.#pools.set(u.origin, (p = new UpstreamPool(u.host, u.port, { maxConnections: 256, timeoutMs: this.cfg.upstreamTimeoutMs, idleMs: IDLE_MS })));
    return p;
  }

  // Label keys are built once per service and status: this runs on every request.
  #labelKeys = new Map<string, { service: string; byStatus: Map<number, string> }>();
  #labels(service: string, status: number) {
    let l = this.#labelKeys.get(service);
    if (!l) this.#labelKeys.set(service, (l = { service: `service="${service}"`, byStatus: new Map() }));
    let serviceStatus = l.byStatus.get(status);
    if (!serviceStatus) l.byStatus.set(status, (serviceStatus = `service="${service}",status="${status}"`));
    return { service: l.service, serviceStatus };
  }

  /**
   * Forwards one request. Callbacks rather than async functions: a promise and its continuations
   * per request cost a few percent of the gateway's CPU. Only the rare waits (a bearer token's
   * check, a body read first so that it can be sent twice) go through promises.
   */
  handle(req: EdgeRequest, res: EdgeResponse): void {
    const started = performance.now();
    const given = req.headers['x-request-id'];
    const log = given === undefined ? new AccessEntry(req.method, req.url, crypto.randomUUID(), true) : new AccessEntry(req.method, req.url, given);
    let finished = false;
    const done = (err?: unknown) => {
      if (finished) return; // once, whichever path ends the request first
      finished = true;
      this.#finish(req, res, log, started, err);
    };
    try {
      this.#forward(req, res, log, done);
    } catch (err) {
      done(err);
    }
  }

  /** Answers a failure (unless the answer has started), then counts and logs the request. */
  #finish(req: EdgeRequest, res: EdgeResponse, log: AccessEntry, started: number, err: unknown) {
    if (err !== undefined) {
      const e = err instanceof HmsopsError ? err : new HmsopsError('UPSTREAM_UNREACHABLE', (err as Error).message);
      log.error = e.code;
      if (!res.headersSent && e.code !== 'CLIENT_CLOSED') {
        const body = JSON.stringify(e.body({ requestId: log.requestId }));
        // The rest of an oversized body is not worth reading: the connection closes after the answer.
        if (e.code === 'BODY_TOO_LARGE') res.keepAlive = false;
        res.writeHead(e.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': log.requestId, ...e.headers });
        res.end(body);
      } else res.destroy();
      if (e.code.startsWith('UPSTREAM')) this.metrics.incKey('gateway_upstream_errors_total', 'Upstream failures', `code="${e.code}",service="${log.service}"`);
      // The client's body may be unread: let it flow to its end (the edge server closes a connection
      // whose body was not read to the end, since its framing is then unknown).
      req.body?.resume();
    }
    const ms = performance.now() - started;
    log.status = res.statusCode;
    log.ms = Math.round(ms * 100) / 100;
    const labels = this.#labels(log.service, res.statusCode);
    this.metrics.incKey('gateway_requests_total', 'Requests through the gateway', labels.serviceStatus);
    this.metrics.observeKey('gateway_request_duration_seconds', 'Gateway request duration', labels.service, ms / 1000);
    this.accessLog(log);
  }

  #forward(req: EdgeRequest, res: EdgeResponse, log: AccessEntry, done: (err?: unknown) => void) {
    const url = req.url;
    const match = matchRoute(this.table, url);
    if (!match) throw new HmsopsError('NO_ROUTE', `no service is routed at ${url.split('?')[0]}`);
    const { route, path } = match;
    log.service = route.service;
    log.route = route.prefix;
    if (this.#limiter.limited(route.service)) {
      const wait = this.#limiter.take(route.service, req.remoteAddress, Date.now());
      if (wait > 0) {
        const seconds = Math.ceil(wait);
        throw new HmsopsError('RATE_LIMITED', `over ${route.service}'s limit for one client; retry in ${seconds} s`, {
          extra: { service: route.service, retryAfterSeconds: seconds },
          headers: { 'retry-after': String(seconds) },
        });
      }
    }
    const method = req.method;
    const declared = req.headers['content-length'];
    const length = declared === undefined ? undefined : Number(declared);
    if (length !== undefined && length > this.cfg.bodyLimitBytes) throw new HmsopsError('BODY_TOO_LARGE', `the body is ${length} bytes; the limit is ${this.cfg.bodyLimitBytes}`);

    const headers = req.headers.connection && !/^\s*(keep-alive|close)\s*$/i.test(req.headers.connection) ? withoutConnectionNamed(req) : req.passHeaders;
    const forwardedFor = req.headers['x-forwarded-for'];
    headers.push('x-request-id', log.requestId, 'x-forwarded-for', forwardedFor ? `${forwardedFor}, ${req.remoteAddress}` : req.remoteAddress);
    const safe = method === 'GET' || method === 'HEAD' || req.headers['idempotency-key'] !== undefined;
    const f: Forwarding = { req, res, log, done, route, path, headers, body: undefined, length, safe };
    if (!this.auth || isPublic(route.service, method, path)) return this.#withBody(f);
    this.auth.verify(req.headers.authorization).then((v) => guarded(f, () => this.#authenticated(f, v)), done);
  }

  #authenticated(f: Forwarding, v: Awaited<ReturnType<EdgeAuth['verify']>>) {
    if ('reason' in v) return f.done(new HmsopsError('UNAUTHENTICATED', `bearer token refused: ${v.reason}`));
    f.headers.push(IDENTITY_HEADER, signIdentity({ ...v.identity, exp: Math.min(v.identity.exp, Math.floor(Date.now() / 1000) + 300) }, this.identityKey));
    f.log.user = v.identity.username;
    this.#withBody(f);
  }

  /** A body we may need to send twice is read first (bounded by the limit); any other streams through. */
  #withBody(f: Forwarding) {
    if (f.length === 0) f.body = EMPTY;
    else if (f.req.body && f.safe) {
      const attempt = (b: Buffer) => {
        f.body = b;
        this.#attempt(f, 0, undefined, false);
      };
      readBounded(f.req.body, this.cfg.bodyLimitBytes).then((b) => guarded(f, () => attempt(b)), f.done);
      return;
    } else f.body = f.req.body;
    this.#attempt(f, 0, undefined, false);
  }

  /** One try on one instance; a failure that allows it tries once more, elsewhere. */
  #attempt(f: Forwarding, attempt: number, tried: Upstream | undefined, sameAgain: boolean) {
    const { route, log } = f;
    // After a stale connection, the same instance is fine when there is no other.
    const upstream = this.balancer.pick(route.service, route.upstreams, tried) ?? (sameAgain ? tried : undefined);
    if (!upstream) {
      if (tried)
        return f.done(
          new HmsopsError('UPSTREAM_UNREACHABLE', `${route.service}: ${tried.instanceId} failed and no other instance is passing`, { extra: { service: route.service } }),
        );
      return f.done(new HmsopsError('NO_HEALTHY_INSTANCE', `no healthy instance of ${route.service}`, { extra: { service: route.service } }));
    }
    log.instance = upstream.instanceId;
    this.balancer.start(upstream);
    const request = { method: f.req.method, path: f.path, headers: f.headers, body: f.body, bodyLength: f.length, bodyLimit: this.cfg.bodyLimitBytes };
    this.pool(upstream).request(request, f.res, (e) => {
      this.balancer.finish(upstream);
      if (!e) return f.done();
      const at = `${upstream.instanceId}: ${e.message}`;
      if (e.code === 'timeout') {
        // A silent instance (hung, or its host gone with the connection open) is left out for the
        // cooldown; a safe request with nothing of its answer sent yet goes once to another
        // passing instance, as nginx's proxy_next_upstream does by default.
        this.balancer.eject(upstream);
        if (f.safe && !f.res.headersSent && attempt === 0 && route.upstreams.some((u) => u.instanceId !== upstream.instanceId)) {
          log.retried = true;
          return this.#attempt(f, 1, upstream, false);
        }
        return f.done(new HmsopsError('UPSTREAM_TIMEOUT', `${upstream.instanceId} did not answer within ${this.cfg.upstreamTimeoutMs}ms`, { extra: { service: route.service } }));
      }
      if (e.code === 'body-too-large') return f.done(new HmsopsError('BODY_TOO_LARGE', e.message));
      if (e.code === 'client-gone') return f.done(new HmsopsError('CLIENT_CLOSED', e.message));
      if (e.code === 'bad-response') return f.done(new HmsopsError('UPSTREAM_BAD_RESPONSE', at, { extra: { service: route.service } }));
      // A kept-alive connection the instance had just closed says nothing about the instance.
      const stale = e.code === 'lost' && e.reused;
      if (!stale && (e.code === 'connect' || e.code === 'lost')) this.balancer.eject(upstream);
      // Nothing was sent on a refused connection, so any request may go elsewhere.
      const retry = e.code === 'connect' || (e.code === 'lost' && f.safe);
      if (!retry || f.res.headersSent || attempt === 1) return f.done(new HmsopsError('UPSTREAM_UNREACHABLE', at, { extra: { service: route.service } }));
      log.retried = true;
      this.#attempt(f, 1, upstream, stale);
    });
  }

  close() {
    clearInterval(this.#limiterSweep);
    for (const p of this.#pools.values()) p.close();
  }
}

/** The whole body, up to the limit. Past it the client's stream is left as it is (not destroyed), so that the 413 can still be sent. */
function readBounded(body: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (err?: Error) => {
      body.off('data', data).off('end', end).off('aborted', aborted).off('error', aborted);
      if (err) reject(err);
    };
    const data = (c: Buffer) => {
      size += c.length;
      if (size > limit) return stop(new HmsopsError('BODY_TOO_LARGE', `the body is over the ${limit}-byte limit`));
      chunks.push(c);
    };
    const end = () => {
      stop();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const aborted = () => stop(new HmsopsError('CLIENT_CLOSED', 'the client closed its connection while sending'));
    body.on('data', data).on('end', end).on('aborted', aborted).on('error', aborted);
  });
}

/** The rare request whose Connection header names more headers: those are hop-by-hop too (RFC 9110 section 7.6.1). */
function withoutConnectionNamed(req: EdgeRequest): string[] {
  const named = new Set(
    req.headers
      .connection!.toLowerCase()
      .split(',')
      .map((t) => t.trim()),
  );
  const raw = req.rawHeaders;
  const headers: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const lower = raw[i]!.toLowerCase();
    if (!NOT_PASSED.has(lower) && !named.has(lower)) headers.push(raw[i]!, raw[i + 1]!);
  }
  return headers;
}
