/**
 * The services compile each route's schemas on the route's first call (services/kit/lazy-schemas.ts):
 * here every route of every service is compiled at once, so a schema that does not compile fails
 * a test and never a request; and a route first called with a bad body still answers 400 with the
 * fields, its validator compiled then.
 */
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { ach } from '../../services/ach/app.js';
import { analytics } from '../../services/analytics/app.js';
import { auth } from '../../services/auth/app.js';
import { mailSink } from '../../services/mail-sink/app.js';
import { messaging } from '../../services/messaging/app.js';
import { lazySchemas } from '../../services/kit/lazy-schemas.js';
import type { ServiceDefinition } from '../../services/kit/service.js';
import { buildInProcess, type InProcessService, tempState } from '../helpers/in-process.js';
import { sqliteStore } from '../helpers/stores.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function built(def: ServiceDefinition): Promise<InProcessService> {
  const state = tempState();
  cleanups.push(state.remove);
  const s = await buildInProcess(def, sqliteStore(), state.dir);
  cleanups.push(() => s.close());
  return s;
}

describe("the services' schemas", () => {
  it.each([ach, analytics, auth, mailSink, messaging])("compiles every route's validators and serializers of $name", async (def) => {
    const s = await built(def);
    const routes = s.service.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/v1/');
    expect(() => s.service.compileSchemas()).not.toThrow();
  });

  it('answers a first call with a bad body 400 naming each field, and a good one after it, serialized by its response schema', async () => {
    const s = await built(analytics);
    const bad = await s.call({ method: 'POST', url: '/v1/events:batch', payload: { events: [{ id: 'e-1', type: 42 }] } });
    expect(bad.statusCode).toBe(400);
    const { error } = bad.json();
    expect(error.code).toBe('VALIDATION');
    expect(error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['events.0.at', 'events.0.type']);
    const good = await s.call({ method: 'POST', url: '/v1/events:batch', payload: { events: [{ id: 'e-1', type: 'payment.sent', at: '2026-12-07T15:00:00Z' }] } });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('compiles nothing before a call, and compileAll throws for a schema that does not compile', async () => {
    const schemas = lazySchemas();
    const app = Fastify({ schemaController: { compilersFactory: schemas.compilersFactory } });
    cleanups.push(() => app.close());
    app.post('/broken', { schema: { body: { type: 'no-such-type' } } }, async () => ({ ok: true }));
    app.post('/fine', { schema: { body: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } } }, async (req) => req.body);
    await app.ready(); // nothing compiled yet: the broken schema does not stop the app
    expect((await app.inject({ method: 'POST', url: '/fine', payload: { n: 'x' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/fine', payload: { n: 1 } })).json()).toEqual({ n: 1 });
    expect(() => schemas.compileAll()).toThrow(/schema is invalid: data\/type/);
  });
});
