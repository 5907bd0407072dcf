/**
 * The daemon's control API: versioned HTTP/JSON over a 0600 unix socket in the state dir.
 * Registry writes also need the per-fleet token handed to instances at spawn.
 */
import fs from 'node:fs';
import http from 'node:http';
import crypto from 'node:crypto';
import type { FleetConfig } from '../config/schema.js';
import { HmsopsError } from '../errors/index.js';
import type { Registry } from '../registry/types.js';
import type { Supervisor } from './supervisor.js';

export interface ControlContext {
  supervisor: Supervisor;
  registry: Registry;
  fleetToken: string;
  info: () => Record<string, unknown>;
  apply: (config: FleetConfig, only?: string[]) => Promise<unknown>;
  shutdown: (timeoutMs?: number) => void;
  config: () => FleetConfig | undefined;
}

type Handler = (ctx: ControlContext, body: any, url: URL, req: http.IncomingMessage) => Promise<unknown> | unknown;

const requireFleetToken = (req: http.IncomingMessage, token: string) => {
  const given = Buffer.from(String(req.headers['x-hmsops-fleet-token'] ?? ''));
  const want = Buffer.from(token);
  if (given.length !== want.length || !crypto.timingSafeEqual(given, want)) throw new HmsopsError('FORBIDDEN', "registry writes need this fleet's token");
};

const routes: Record<string, Handler> = {
  'GET /v1/status': (ctx) => ctx.info(),
  'GET /v1/instances': (ctx) => ({ instances: ctx.supervisor.view() }),
  'GET /v1/events': (ctx, _b, url) => {
    const since = Number(url.searchParams.get('since') ?? 0);
    return { events: ctx.supervisor.events.filter((e) => e.at >= since) };
  },
  'GET /v1/config': (ctx) => ({ config: ctx.config() ?? null }),
  'POST /v1/fleet/apply': async (ctx, body) => ({ plan: await ctx.apply(body.config, body.services) }),
  'POST /v1/scale': async (ctx, body) => {
    const targets = body.targets as Record<string, number>;
    const out: Record<string, unknown> = {};
    for (const [service, n] of Object.entries(targets)) out[service] = await ctx.supervisor.scale(service, n);
    return { scaled: out };
  },
  'POST /v1/restart': async (ctx, body) => ctx.supervisor.restart(String(body.target), body.readyTimeoutMs),
  'POST /v1/wait': async (ctx, body) => {
    const ids = (body.instances as string[] | undefined) ?? ctx.supervisor.view().map((i) => i.id);
    return ctx.supervisor.waitReady(ids, Number(body.timeoutMs ?? 30_000));
  },
  'POST /v1/shutdown': (ctx, body) => {
    setImmediate(() => ctx.shutdown(body.timeoutMs === undefined ? undefined : Number(body.timeoutMs)));
    return { stopping: true };
  },
  'GET /v1/registry': (ctx, _b, url) => ({ index: ctx.registry.index, entries: ctx.registry.list(url.searchParams.get('service') ?? undefined) }),
  'GET /v1/registry/watch': async (ctx, _b, url) => ({
    ...(await ctx.registry.watch(
      Number(url.searchParams.get('index') ?? 0),
      Math.min(Number(url.searchParams.get('waitMs') ?? 30_000), 300_000),
      url.searchParams.get('service') ?? undefined,
    )),
    routes: configuredRoutes(ctx.config()),
  }),
  'POST /v1/registry/register': (ctx, body, _u, req) => {
    requireFleetToken(req, ctx.fleetToken);
    const svc = ctx.supervisor.services.get(String(body.service));
    const metadata = { ...(body.metadata ?? {}), ...(svc?.route ? { route: svc.route } : {}) };
    const entry = ctx.registry.register({ ...body, metadata, address: body.address ?? '127.0.0.1' });
    ctx.supervisor.onRegistered(entry.instanceId, entry.port);
    return { entry };
  },
  'POST /v1/registry/heartbeat': (ctx, body, _u, req) => {
    requireFleetToken(req, ctx.fleetToken);
    if (!ctx.registry.heartbeat(String(body.instanceId))) throw new HmsopsError('NOT_REGISTERED', `${body.instanceId} is not registered`);
    return { ok: true };
  },
  'POST /v1/registry/deregister': (ctx, body, _u, req) => {
    requireFleetToken(req, ctx.fleetToken);
    return { removed: ctx.registry.deregister(String(body.instanceId)) };
  },
};

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
    const handler = routes[`${req.method} ${url.pathname}`];
    const send = (status: number, payload: unknown) => {
      const body = JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    const fail = (err: HmsopsError) => send(err.status, err.body({ details: err.details }));
    if (!handler) return fail(new HmsopsError('NOT_FOUND', `no route ${req.method} ${url.pathname}`));
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      send(200, await handler(ctx, body, url, req));
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
