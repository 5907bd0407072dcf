/**
 * ach: idempotent transfers into a ledger (SQLite or PostgreSQL), NACHA files cut from them, sent
 * to the ODFI when one is configured, and the files the bank sends back imported. main.ts runs it
 * as a process.
 */
import { HmsopsError } from '../../src/errors/index.js';
import { buildService, registerRoutes, type ServiceDefinition } from '../kit/service.js';
import type { ServiceEnv } from '../kit/service-env.js';
import type { Store } from '../kit/store.js';
import { InboundFiles } from './inbound.js';
import { Ledger, migrations } from './ledger.js';
import { OdfiSender } from './odfi-sender.js';
import type { AchDeps } from './routes/deps.js';
import { fileRoutes } from './routes/files.js';
import { inboundRoutes } from './routes/inbound.js';
import { odfiRoutes } from './routes/odfi.js';
import { transferRoutes } from './routes/transfers.js';

export const ach: ServiceDefinition = {
  name: 'ach',
  version: '1.0.0',
  migrations,
  bodyLimit: 32 * 1024 * 1024,
  async setup(app, ctx) {
    const ledger = new Ledger(ctx.db, ctx.paths.achOutbound, ctx.instanceId);
    await ledger.recoverFiles();
    const inbound = new InboundFiles(ctx.db);
    // ach.odfi in the config: files cut are sent to the bank (one instance at a time sends).
    const sender = ctx.env.odfi ? new OdfiSender(ctx.db, ctx.env.odfi, ctx.instanceId, ctx.log) : undefined;
    const odfi = () => {
      if (!sender) throw new HmsopsError('ODFI_NOT_CONFIGURED', 'no ach.odfi in the config: files are cut into ach/outbound/ and sent nowhere');
      return sender;
    };
    await registerRoutes<AchDeps>(app, { ledger, inbound, odfi, metrics: ctx.metrics }, [transferRoutes, fileRoutes, odfiRoutes, inboundRoutes]);
    return { start: () => sender?.start(), stop: () => sender?.stop() };
  },
};

export const build = (env: ServiceEnv, store: Store, opts?: Parameters<typeof buildService>[3]) => buildService(ach, env, store, opts);
