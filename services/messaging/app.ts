/**
 * messaging: idempotent email requests kept in an outbox (its store) and delivered by a worker
 * (outbox.ts). A repeated Idempotency-Key never makes a second email. main.ts runs it as a process.
 */
import { buildService, registerRoutes, type ServiceDefinition } from '../kit/service.js';
import type { ServiceEnv } from '../kit/service-env.js';
import type { Store } from '../kit/store.js';
import { migrations } from './emails.js';
import { Outbox } from './outbox.js';
import { emailRoutes } from './routes.js';

export const messaging: ServiceDefinition = {
  name: 'messaging',
  version: '1.0.0',
  migrations,
  // A batch may hold 10,000 emails (the schema's limit); the default 1 MiB would stop it at ~2,000.
  bodyLimit: 32 * 1024 * 1024,
  async setup(app, ctx) {
    const outbox = new Outbox(ctx);
    await registerRoutes(app, { db: ctx.db, outbox }, [emailRoutes]);
    return { start: () => outbox.start(), stop: () => outbox.stop() };
  },
};

export const build = (env: ServiceEnv, store: Store, opts?: Parameters<typeof buildService>[3]) => buildService(messaging, env, store, opts);
