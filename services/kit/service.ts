/**
 * The service kit every bundled service is built with: `buildService(definition, env, store)` is
 * the Fastify instance (not listening) with what every service has (/healthz and /readyz,
 * Prometheus /metrics, pino JSON logs with request ids, /v1/openapi.json from the route schemas,
 * the gateway's internal identity checked on every /v1 route that is not public, errors in the
 * catalog's shape) and the service's own routes, registered as plugins. A test builds one
 * in-process and calls it with `app.inject()`; `runService` (kit/run-service.ts) is what a
 * service's main.ts runs: the environment read once, the store opened, listen, register, drain on
 * SIGTERM.
 */
import crypto from 'node:crypto';
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
import { IDENTITY_HEADER, verifyIdentity, type Identity } from '../../src/internal-identity.js';
import { Metrics } from '../../src/metrics.js';
import { statePaths, type StatePaths } from '../../src/state/paths.js';
import { lazySchemas } from './lazy-schemas.js';
import { stdoutLines } from './stdout-lines.js';
import type { ServiceEnv } from './service-env.js';
import { type Migrations, type Store, StoreUnavailable, storeUnavailable } from './store.js';

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

/** What a service's routes and workers are given: its settings, store, state paths, metrics and log. */
export interface ServiceContext {
  name: string;
  instanceId: string;
  env: ServiceEnv;
  db: Store;
  paths: StatePaths;
  metrics: Metrics;
  log: FastifyBaseLogger;
}

/** Work a service does beside answering requests (a worker, a second listener), started once the routes are in place. */
export interface Background {
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
  /** Registry metadata published at registration (read after start). */
  metadata?(): Record<string, string>;
}

/** The Fastify instance a service adds its routes to: route schemas are TypeBox (src/api/), so handlers get their types. */
export type ServiceApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface ServiceDefinition {
  name: string;
  version: string;
  /** The service's tables, one numbered list per store dialect. */
  migrations: Migrations;
  bodyLimit?: number;
  /** Registers the service's routes (plugins, one per resource) and returns its background work, if any. */
  setup: (app: ServiceApp, ctx: ServiceContext) => Promise<Background | undefined> | Background | undefined;
}

/**
 * A resource's routes (ACH's transfers, files, ...), given what they need: registered with
 * `registerRoutes`, each as a Fastify plugin of its own.
 */
export type RoutePlugin<Deps> = (app: ServiceApp, deps: Deps) => void | Promise<void>;

export async function registerRoutes<Deps>(app: ServiceApp, deps: Deps, plugins: RoutePlugin<Deps>[]): Promise<void> {
  for (const plugin of plugins) await app.register(async (scope) => plugin(scope as ServiceApp, deps));
}

/** A service built in-process: its Fastify instance (not listening), started and closed by the caller. */
export interface BuiltService {
  app: ServiceApp;
  ctx: ServiceContext;
  /** Starts its background work; /readyz answers ready from then on. */
  start(): Promise<void>;
  metadata(): Record<string, string>;
  /** Compiles every route's schemas now (they are compiled on a route's first call otherwise: lazy-schemas.ts). */
  compileSchemas(): void;
  /** Not ready any more, background work stopped, in-flight requests finished, the app closed (the store is the caller's). */
  close(): Promise<void>;
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

/**
 * The service `def` on `store`, with `env`'s settings. `logTo`: where its JSON log lines go
 * (default: stdout, as the daemon collects them).
 */
export async function buildService(def: ServiceDefinition, env: ServiceEnv, db: Store, opts: { logTo?: { write(line: string): void } } = {}): Promise<BuiltService> {
  const key = env.identityKey;
  const paths = statePaths(env.stateDir);
  const metrics = new Metrics();
  let ready = false;
  const schemas = lazySchemas();

  const app = Fastify({
    logger: {
      stream: opts.logTo ?? stdoutLines(),
      level: env.logLevel,
      base: { service: def.name, instance: env.instanceId },
      redact: { paths: ['req.headers.authorization', `req.headers["${IDENTITY_HEADER}"]`, '*.password', '*.account', '*.passwordHash'], censor: '[redacted]' },
    },
    // The kit logs each request itself (one line, with what the fleet needs); Fastify's own two lines are off.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    bodyLimit: def.bodyLimit ?? 1024 * 1024,
    // No type coercion: "100" is not 100 cents. Query parameters are declared as strings.
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false } },
    schemaController: { compilersFactory: schemas.compilersFactory },
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
  app.get('/metrics', async (_req, reply) => {
    // A gauge read from the store that cannot be read now keeps its last value: the scrape still answers.
    await metrics.collect().catch((err: unknown) => app.log.warn({ err }, 'metrics not collected'));
    return reply.type('text/plain; version=0.0.4').send(metrics.render());
  });
  let openapi: Promise<unknown> | undefined;
  app.get('/v1/openapi.json', { config: { public: true } }, async () => {
    // Built once; a failure is not kept, the next request tries again.
    openapi ??= openApiDocument(def, declared).catch((err: unknown) => {
      openapi = undefined;
      throw err;
    });
    return openapi;
  });

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
  const ctx: ServiceContext = { name: def.name, instanceId: env.instanceId, env, db, paths, metrics, log: app.log };
  const background = (await def.setup(app, ctx)) ?? {};
  await app.ready();
  let closed = false;
  return {
    app,
    ctx,
    async start() {
      await background.start?.();
      ready = true;
    },
    metadata: () => background.metadata?.() ?? {},
    compileSchemas: () => schemas.compileAll(),
    async close() {
      if (closed) return;
      closed = true;
      ready = false;
      await app.close(); // stops accepting, finishes in-flight requests
      await background.stop?.();
    },
  };
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
