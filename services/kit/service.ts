/**
 * The service kit every bundled service boots from: Fastify on HOST (host.advertise, else 127.0.0.1), port 0, its own SQLite
 * store, self-registration and heartbeat, /healthz and /readyz, Prometheus /metrics, pino JSON
 * logs with request ids, /v1/openapi.json from the route schemas, the gateway's internal identity
 * checked on every /v1 route that is not public, and graceful shutdown on SIGTERM.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
  type RouteOptions,
} from 'fastify';
import { HmsopsError } from '../../src/errors/index.js';
import { fleetIdentityKey, IDENTITY_HEADER, verifyIdentity, type Identity } from '../../src/internal-identity.js';
import { Metrics } from '../../src/metrics.js';
import { statePaths, type StatePaths } from '../../src/state/paths.js';
import { daemonLinkFromEnv, registerWithDaemon } from '../../src/registry/daemon-link.js';
import { stdoutLines } from './stdout-lines.js';
import { openStore } from './open-store.js';
import { type Migrations, redactUrl, type Store, StoreUnavailable, storeConfigFromEnv, storeUnavailable } from './store.js';

declare module 'fastify' {
  interface FastifyRequest {
    identity: Identity | null;
  }
  interface FastifySchema {
    /** One line for the OpenAPI document. */
    summary?: string;
  }
  interface FastifyContextConfig {
    /** Reachable without the gateway's identity (login, JWKS). */
    public?: boolean;
  }
}

export interface ServiceContext {
  name: string;
  instanceId: string;
  db: Store;
  paths: StatePaths;
  metrics: Metrics;
  log: FastifyBaseLogger;
  fleetToken: string;
}

/** The Fastify instance a service adds its routes to: route schemas are TypeBox (src/api/), so handlers get their types. */
export type ServiceApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface ServiceDefinition {
  name: string;
  version: string;
  /** The service's tables, one numbered list per store dialect. */
  migrations: Migrations;
  bodyLimit?: number;
  routes: (app: ServiceApp, ctx: ServiceContext) => void | Promise<void>;
  /** Registry metadata published at registration (read after start). */
  metadata?: () => Record<string, string>;
  /** Background work (workers) started once the store is open. */
  start?: (ctx: ServiceContext) => void | Promise<void>;
  stop?: (ctx: ServiceContext) => void | Promise<void>;
}

export function requireRole(req: FastifyRequest, role: string): Identity {
  const id = req.identity;
  if (!id) throw new HmsopsError('UNAUTHENTICATED', 'no identity');
  if (!id.roles.includes(role)) throw new HmsopsError('FORBIDDEN', `this needs the ${role} role`);
  return id;
}

function fieldOf(v: { instancePath?: string; params?: Record<string, unknown> }): string {
  const base = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const extra = (v.params?.missingProperty ?? v.params?.additionalProperty) as string | undefined;
  return [base, extra].filter(Boolean).join('.') || '(body)';
}

export async function runService(def: ServiceDefinition): Promise<FastifyInstance> {
  const stateDir = path.resolve(process.env.HMSOPS_STATE_DIR ?? '.hmsops');
  const instanceId = process.env.HMSOPS_INSTANCE_ID ?? `${def.name}-standalone`;
  const fleetToken = process.env.HMSOPS_FLEET_TOKEN ?? crypto.randomBytes(24).toString('base64url');
  const key = fleetIdentityKey(process.env, fleetToken);
  // host.advertise where a fleet spans hosts; loopback on one machine.
  const host = process.env.HOST ?? '127.0.0.1';
  const paths = statePaths(stateDir);
  const metrics = new Metrics();
  let ready = false;

  const app = Fastify({
    logger: {
      stream: stdoutLines(),
      level: process.env.HMSOPS_LOG_LEVEL ?? 'info',
      base: { service: def.name, instance: instanceId },
      redact: { paths: ['req.headers.authorization', `req.headers["${IDENTITY_HEADER}"]`, '*.password', '*.account', '*.passwordHash'], censor: '[redacted]' },
    },
    // The kit logs each request itself (one line, with what the fleet needs); Fastify's own two lines are off.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    bodyLimit: def.bodyLimit ?? 1024 * 1024,
    // No type coercion: "100" is not 100 cents. Query parameters are declared as strings.
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // The /v1 routes as declared, for the OpenAPI document (built when first asked for, not at start).
  const declared: RouteOptions[] = [];
  app.addHook('onRoute', (r) => {
    // Fastify adds a HEAD route for each GET by itself; the document's instance will too.
    if (r.url.startsWith('/v1/') && r.method !== 'HEAD') declared.push(r as unknown as RouteOptions);
  });
  app.decorateRequest('identity', null);
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (!req.url.startsWith('/v1/') || req.routeOptions.config?.public) return;
    const identity = verifyIdentity(req.headers[IDENTITY_HEADER] as string | undefined, key);
    if (!identity) throw new HmsopsError('UNAUTHENTICATED', 'call this service through the hmsops gateway with a bearer token');
    req.identity = identity;
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.inc('http_requests_total', 'HTTP requests', { method: req.method, route, status: reply.statusCode });
    metrics.observe('http_request_duration_seconds', 'HTTP request duration', { method: req.method, route }, seconds);
    if (!route.startsWith('/healthz') && !route.startsWith('/readyz') && route !== '/metrics')
      req.log.info({ method: req.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, user: req.identity?.username }, 'request');
  });
  app.setErrorHandler((thrown: FastifyError | HmsopsError, req, reply) => {
    let err: HmsopsError;
    if (thrown instanceof HmsopsError) err = thrown;
    else if (thrown.validation) {
      err = new HmsopsError('VALIDATION', 'the request does not match the schema', {
        extra: { fields: thrown.validation.map((v) => ({ field: fieldOf(v), reason: v.message })) },
      });
    }
    // Fastify's own 4xx (a body it cannot parse, over bodyLimit) keep Fastify's code.
    else if (thrown.statusCode && thrown.statusCode < 500) err = HmsopsError.passedOn(thrown.code ?? 'BAD_REQUEST', thrown.message, { status: thrown.statusCode });
    else if (storeUnavailable(thrown)) {
      const reason = thrown instanceof StoreUnavailable ? thrown.reason : thrown.code;
      req.log.warn({ reason }, 'store unavailable');
      err = new HmsopsError('STORE_UNAVAILABLE', `the store did not answer (${reason}); try again: a retry with the same idempotency key never does the work twice`, {
        headers: { 'retry-after': '1' },
      });
    } else {
      req.log.error({ err: thrown }, 'internal error');
      err = new HmsopsError('INTERNAL', 'internal error; see the service log', { extra: { requestId: req.id } });
    }
    return reply.code(err.status).headers(err.headers).send(err.body());
  });
  app.setNotFoundHandler((req, reply) => {
    const err = new HmsopsError('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`);
    return reply.code(err.status).send(err.body());
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    if (!ready) return reply.code(503).send({ status: 'not ready' });
    // A store that cannot be reached (a database restarting) takes the instance out of rotation until it answers again.
    const problem = await storePing();
    return problem ? reply.code(503).send({ status: 'not ready', detail: problem }) : { status: 'ready' };
  });
  app.get('/metrics', async (_req, reply) => reply.type('text/plain; version=0.0.4').send(metrics.render()));
  let openapi: Promise<unknown> | undefined;
  app.get('/v1/openapi.json', { config: { public: true } }, async () => {
    // Built once; a failure is not kept, the next request tries again.
    openapi ??= openApiDocument(def, declared).catch((err: unknown) => {
      openapi = undefined;
      throw err;
    });
    return openapi;
  });

  const storeConfig = storeConfigFromEnv();
  let db: Store;
  try {
    db = await openStore(storeConfig, { name: def.name, migrations: def.migrations, dataDir: paths.data, log: (m) => app.log.warn(m) });
  } catch (err) {
    // The reason is the log's last line, which `up` shows with the instance that is not ready.
    const where = storeConfig.backend === 'postgres' ? ` at ${redactUrl(storeConfig.url ?? '(no url)')}` : '';
    app.log.error({ reason: (err as StoreUnavailable).reason }, `cannot open the ${storeConfig.backend} store${where}: ${(err as Error).message}`);
    process.exit(1);
  }
  /** Asked by /readyz: at most one ping in flight, its answer shared. */
  let pinging: Promise<string | undefined> | undefined;
  const storePing = () =>
    (pinging ??= db
      .ping()
      .then(
        () => undefined,
        (err: Error) => err.message,
      )
      .finally(() => (pinging = undefined)));
  const ctx: ServiceContext = { name: def.name, instanceId, db, paths, metrics, log: app.log, fleetToken };
  await def.routes(app, ctx);
  await app.listen({ host, port: Number(process.env.PORT ?? 0) });
  const port = (app.server.address() as { port: number }).port;
  await def.start?.(ctx);
  ready = true;
  app.log.info({ port }, `${def.name} listening on ${host}:${port}`);

  const link = daemonLinkFromEnv();
  const registration = link
    ? await registerWithDaemon(
        link,
        { service: def.name, instanceId, port, version: def.version, metadata: def.metadata?.() },
        Number(process.env.HMSOPS_REGISTRY_TTL_MS ?? 10_000),
        (m) => app.log.warn(m),
      )
    : undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    ready = false;
    app.log.info({ signal }, 'draining');
    setTimeout(() => process.exit(1), 15_000).unref();
    await registration?.deregister();
    await app.close(); // stops accepting, finishes in-flight requests
    await def.stop?.(ctx);
    await db.close();
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  return app;
}

/**
 * The service's OpenAPI document, by @fastify/swagger from the route schemas: the /v1 routes are
 * declared again on an instance of their own, so the service starts without swagger (and the yaml
 * library it loads) and pays for it only when the document is asked for. Public routes need no token.
 */
async function openApiDocument(def: ServiceDefinition, routes: RouteOptions[]): Promise<unknown> {
  const { default: swagger } = await import('@fastify/swagger');
  const doc = Fastify();
  await doc.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: `hmsops ${def.name}`, version: def.version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: ({ schema, url, route }) => ({ schema: route.config?.public ? { ...schema, security: [] } : schema, url }),
  });
  for (const r of routes) doc.route({ method: r.method, url: r.url, schema: r.schema, config: r.config, handler: async () => undefined });
  await doc.ready();
  const document = doc.swagger();
  await doc.close();
  return document;
}
