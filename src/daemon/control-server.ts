/**
 * The daemon's control API: versioned HTTP/JSON over a 0600 unix socket in the state dir.
 * Registry writes also need the per-fleet token handed to instances at spawn.
 */
import fs from 'node:fs';
import http from 'node:http';
import crypto from 'node:crypto';
import type { FleetConfig } from '../config/types.js';
import type { ControlRoute, DaemonStatus, FleetPlan, RouteAnswer, RouteBody, ScaleResult } from '../control/api.js';
import { HmsopsError } from '../errors/index.js';
import type { Registry } from '../registry/types.js';
import type { Supervisor } from './supervisor.js';

export interface ControlContext {
  supervisor: Supervisor;
  registry: Registry;
  /** Where this host's instances are registered when they do not say (host.advertise). */
  address: string;
  fleetToken: string;
  info: () => DaemonStatus;
  apply: (config: FleetConfig, only?: string[]) => Promise<FleetPlan>;
  shutdown: (timeoutMs?: number) => void;
  config: () => FleetConfig | undefined;
}

/** What a handler gets: the JSON body (POST), the query's parameters as text, the request (its headers). */
interface HandlerInput<R extends ControlRoute> {
  body: RouteBody<R>;
  query: URLSearchParams;
  req: http.IncomingMessage;
}

/** Every route of ControlRoutes, each answering its type: a route missing or answering another shape does not compile. */
type Handlers = { [R in ControlRoute]: (ctx: ControlContext, input: HandlerInput<R>) => RouteAnswer<R> | Promise<RouteAnswer<R>> };

const requireFleetToken = (req: http.IncomingMessage, token: string) => {
  const given = Buffer.from(String(req.headers['x-hmsops-fleet-token'] ?? ''));
  const want = Buffer.from(token);
  if (given.length !== want.length || !crypto.timingSafeEqual(given, want)) throw new HmsopsError('FORBIDDEN', "registry writes need this fleet's token");
};

const numberOr = (q: URLSearchParams, name: string, fallback: number) => Number(q.get(name) ?? fallback);

const routes: Handlers = {
  'GET /v1/status': (ctx) => ctx.info(),
  'GET /v1/instances': async (ctx, { query }) => {
    const { changes } = ctx.supervisor;
    if (query.has('after')) await changes.wait(numberOr(query, 'after', 0), Math.min(numberOr(query, 'waitMs', 30_000), 30_000));
    return { instances: ctx.supervisor.view(), index: changes.index };
  },
  'GET /v1/events': (ctx, { query }) => {
    const since = numberOr(query, 'since', 0);
    return { events: ctx.supervisor.events.filter((e) => e.at >= since) };
  },
  'GET /v1/config': (ctx) => ({ config: ctx.config() ?? null }),
  'POST /v1/fleet/apply': async (ctx, { body }) => ({ plan: await ctx.apply(body.config, body.services) }),
  'POST /v1/scale': async (ctx, { body }) => {
    const scaled: Record<string, ScaleResult> = {};
    for (const [service, n] of Object.entries(body.targets)) scaled[service] = await ctx.supervisor.scale(service, n);
    return { scaled };
  },
  'POST /v1/restart': (ctx, { body }) => ctx.supervisor.restart(String(body.target), body.readyTimeoutMs),
  'POST /v1/wait': (ctx, { body }) => {
    const ids = body.instances ?? ctx.supervisor.view().map((i) => i.id);
    return ctx.supervisor.waitReady(ids, Number(body.timeoutMs ?? 30_000));
  },
  'POST /v1/shutdown': (ctx, { body }) => {
    setImmediate(() => ctx.shutdown(body.timeoutMs === undefined ? undefined : Number(body.timeoutMs)));
    return { stopping: true };
  },
  'GET /v1/registry': async (ctx, { query }) => ({
    index: ctx.registry.index,
    entries: await ctx.registry.list(query.get('service') ?? undefined),
    registry: ctx.registry.health(),
  }),
  'GET /v1/registry/watch': async (ctx, { query }) => ({
    ...(await ctx.registry.watch(numberOr(query, 'index', 0), Math.min(numberOr(query, 'waitMs', 30_000), 300_000), query.get('service') ?? undefined)),
    routes: configuredRoutes(ctx.config()),
  }),
  'POST /v1/registry/register': async (ctx, { body, req }) => {
    requireFleetToken(req, ctx.fleetToken);
    const svc = ctx.supervisor.services.get(String(body.service));
    const metadata = { ...(body.metadata ?? {}), ...(svc?.route ? { route: svc.route } : {}) };
    const entry = await ctx.registry.register({ ...body, metadata, address: body.address ?? ctx.address });
    ctx.supervisor.onRegistered(entry.instanceId, entry.port);
    return { entry };
  },
  'POST /v1/registry/heartbeat': async (ctx, { body, req }) => {
    requireFleetToken(req, ctx.fleetToken);
    if (!(await ctx.registry.heartbeat(String(body.instanceId)))) throw new HmsopsError('NOT_REGISTERED', `${body.instanceId} is not registered`);
    return { ok: true };
  },
  'POST /v1/registry/deregister': async (ctx, { body, req }) => {
    requireFleetToken(req, ctx.fleetToken);
    return { removed: await ctx.registry.deregister(String(body.instanceId)) };
  },
};

const isRoute = (key: string): key is ControlRoute => Object.hasOwn(routes, key);

/** prefix -> service for every configured service with a route. */
export function configuredRoutes(config: FleetConfig | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.values(config?.services ?? {})
      .filter((s) => s.route)
      .map((s) => [s.route!, s.name]),
  );
}

export function startControlServer(socketPath: string, ctx: ControlContext): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://hmsopsd');
    const key = `${req.method} ${url.pathname}`;
    const send = (status: number, payload: unknown) => {
      const body = JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    const fail = (err: HmsopsError) => send(err.status, err.body());
    if (!isRoute(key)) return fail(new HmsopsError('NOT_FOUND', `no route ${req.method} ${url.pathname}`));
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const handler = routes[key] as (ctx: ControlContext, input: HandlerInput<ControlRoute>) => unknown;
      send(200, await handler(ctx, { body, query: url.searchParams, req }));
    } catch (err) {
      if (err instanceof HmsopsError) fail(err);
      else if (err instanceof SyntaxError) fail(new HmsopsError('BAD_JSON', err.message));
      else fail(new HmsopsError('INTERNAL', (err as Error).message));
    }
  });
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 0;
  server.requestTimeout = 0;
  fs.rmSync(socketPath, { force: true });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      fs.chmodSync(socketPath, 0o600);
      resolve(server);
    });
  });
}
