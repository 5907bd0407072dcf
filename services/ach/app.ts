/**
 * ach: idempotent transfers into a ledger (SQLite or PostgreSQL), NACHA files cut from them, sent
 * to the ODFI when one is configured, and the files the bank sends back imported. main.ts runs it
 * as a process.
 */
import { HmsopsError } from '../../src/errors/index.js';
import type { Metrics } from '../../src/metrics.js';
import { buildService, registerRoutes, type ServiceDefinition } from '../kit/service.js';
import type { ServiceEnv } from '../kit/service-env.js';
import type { Store } from '../kit/store.js';
import { auditRoutes } from '../kit/audit.js';
import { Approvals } from './approvals.js';
import { InboundFiles } from './inbound.js';
import { Ledger, migrations } from './ledger.js';
import { ReturnWatch } from './return-watch.js';
import type { AchDeps } from './routes/deps.js';
import { approvalRoutes } from './routes/approvals.js';
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
    const ledger = new Ledger(ctx.db, ctx.paths.achOutbound, ctx.instanceId, ctx.env.approvalsOverCents);
    const approvals = new Approvals(ctx.db, ctx.env.approvalsOverCents);
    await ledger.recoverFiles();
    const inbound = new InboundFiles(ctx.db);
    // ach.odfi in the config: files cut are sent to the bank (one instance at a time sends).
    // The SFTP client (ssh2) and OpenPGP are loaded only then: ~80 ms of every start otherwise.
    const pgp = ctx.env.odfi?.pgp ? await (await import('../../src/nacha/pgp.js')).OdfiPgp.load(ctx.env.odfi.pgp) : undefined;
    const sender = ctx.env.odfi ? new (await import('./odfi-sender.js')).OdfiSender(ctx.db, ctx.env.odfi, ctx.instanceId, ctx.log, pgp) : undefined;
    const odfi = () => {
      if (!sender) throw new HmsopsError('ODFI_NOT_CONFIGURED', 'no ach.odfi in the config: files are cut into ach/outbound/ and sent nowhere');
      return sender;
    };
    const returnWatch = new ReturnWatch(ctx.db);
    ctx.metrics.onCollect(() => exportReturnRates(returnWatch, ctx.metrics));
    await registerRoutes<AchDeps>(app, { db: ctx.db, ledger, inbound, returnWatch, approvals, odfi, metrics: ctx.metrics }, [
      transferRoutes,
      fileRoutes,
      odfiRoutes,
      inboundRoutes,
      approvalRoutes,
      auditRoutes('ach'),
    ]);
    return { start: () => sender?.start(), stop: () => sender?.stop() };
  },
};

/** Each originator's rates as gauges, read from the store at each scrape (any instance answers the same). */
async function exportReturnRates(watch: ReturnWatch, metrics: Metrics) {
  const { originators } = await watch.rates();
  for (const o of originators)
    for (const r of o.rates) {
      const labels = { originator: o.companyId, category: r.category };
      metrics.set('ach_return_rate', 'Returns over entries originated in the last 60 days, by originator (company ID) and category', labels, r.rate ?? 0);
      metrics.set('ach_return_rate_threshold', "NACHA's threshold for the category", labels, r.threshold);
      metrics.set('ach_returns_60d', 'Returns received in the last 60 days, by originator and category', labels, r.returns);
    }
}

export const build = (env: ServiceEnv, store: Store, opts?: Parameters<typeof buildService>[3]) => buildService(ach, env, store, opts);
