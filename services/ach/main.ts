/** ach: idempotent transfers into a ledger (SQLite or PostgreSQL), and NACHA files cut from them. */
import { runService } from '../kit/service.js';
import { HmsopsError, itemError } from '../../src/errors/index.js';
import { ach as api, shared } from '../../src/api/schemas.js';
import { InboundFiles } from './inbound.js';
import { OdfiSender } from './odfi-sender.js';
import { Ledger, migrations, publicTransfer } from './ledger.js';

let sender: OdfiSender | undefined;

await runService({
  name: 'ach',
  version: '1.0.0',
  migrations,
  bodyLimit: 32 * 1024 * 1024,
  async routes(app, ctx) {
    const ledger = new Ledger(ctx.db, ctx.paths.achOutbound, ctx.instanceId);
    await ledger.recoverFiles();
    const inbound = new InboundFiles(ctx.db);
    // ach.odfi in the config: files cut are sent to the bank (one instance at a time sends).
    if (process.env.HMSOPS_ACH_ODFI) sender = new OdfiSender(ctx.db, JSON.parse(process.env.HMSOPS_ACH_ODFI), ctx.instanceId, ctx.log);
    const odfi = () => {
      if (!sender) throw new HmsopsError('ODFI_NOT_CONFIGURED', 'no ach.odfi in the config: files are cut into ach/outbound/ and sent nowhere');
      return sender;
    };
    app.get(
      '/v1/odfi/files',
      { schema: { summary: 'Files cut and where each stands with the ODFI (cut, sent; the cutoff it made; late)', response: { 200: api.TransmissionList } } },
      async () => ({
        files: await odfi().transmissions(),
      }),
    );
    app.post(
      '/v1/odfi/fetch',
      {
        schema: {
          summary: "Fetch the bank's files not fetched before from its inbound folder, each imported (returns, notifications of change)",
          response: { 200: api.FetchResult },
        },
      },
      async () => ({ fetched: await odfi().fetchInbound(inbound) }),
    );
    app.post(
      '/v1/odfi/send',
      { schema: { summary: 'Send the files that wait (or one, at once) to the ODFI now', body: api.SendRequest, response: { 200: api.SendResult } } },
      async (req) => {
        const r = await odfi().sendDue(req.body?.fileId);
        return { ...r, files: await odfi().transmissions() };
      },
    );
    const counted = (status: number) => ctx.metrics.inc('ach_transfers_total', 'Transfer submissions by outcome', { status });

    app.post(
      '/v1/transfers',
      {
        // The schema documents the body (OpenAPI); the ledger's rules check it, so every problem,
        // shape or check digit, is reported in one answer.
        schema: { summary: 'Queue a credit transfer (Idempotency-Key header required)', body: api.TransferRequest, response: { 200: api.Transfer, 201: api.Transfer } },
        validatorCompiler: () => () => true,
      },
      async (req, reply) => {
        const key = req.headers['idempotency-key'];
        if (typeof key !== 'string' || !key) throw new HmsopsError('IDEMPOTENCY_KEY_REQUIRED', 'send an Idempotency-Key header; a retry with the same key never pays twice');
        const out = await ledger.submit(key, (req.body ?? {}) as Record<string, unknown>);
        counted(out.status);
        if ('error' in out) {
          const { code, message, ...extra } = out.error;
          throw new HmsopsError(code, message, { extra, headers: 'retryAfterSeconds' in out.error ? { 'retry-after': String(out.error.retryAfterSeconds) } : {} });
        }
        if ('replayed' in out) reply.header('idempotent-replayed', 'true');
        return reply.code(out.status).send(out.transfer);
      },
    );

    app.post(
      '/v1/transfers::batch',
      {
        schema: {
          summary: 'Queue up to 10,000 transfers in one transaction; each item carries its own idempotencyKey',
          body: api.BatchRequest,
          response: { 200: api.BatchResult, 422: api.BatchRejected },
        },
      },
      async (req, reply) => {
        const { transfers, atomic = false } = req.body;
        const { results, committed } = await ledger.submitBatch(transfers, atomic);
        const view = results.map((r) =>
          'error' in r
            ? { index: r.index, status: r.status, error: r.error }
            : { index: r.index, status: r.status, transfer: r.transfer, ...('replayed' in r ? { replayed: true } : {}) },
        );
        for (const r of results) counted(r.status);
        const failed = results.filter((r) => r.status >= 400).length;
        if (!committed) {
          const rejected = itemError('BATCH_REJECTED', `atomic batch: ${failed} item(s) failed; nothing was stored`);
          return reply.code(rejected.status as 422).send({ error: rejected.error, results: view });
        }
        return {
          results: view,
          created: results.filter((r) => r.status === 201).length,
          replayed: results.filter((r) => r.status === 200).length,
          failed,
        };
      },
    );

    app.get('/v1/transfers/:id', { schema: { summary: 'One transfer', params: shared.IdParams, response: { 200: api.Transfer } } }, async (req) => {
      const row = await ledger.getRow(req.params.id);
      if (!row) throw new HmsopsError('NOT_FOUND', 'no such transfer');
      return publicTransfer(row);
    });

    app.get(
      '/v1/transfers',
      {
        schema: {
          summary: 'Transfers by grant and status',
          querystring: api.TransferQuery,
          response: { 200: api.TransferList },
        },
      },
      async (req) => ({ transfers: await ledger.list(req.query) }),
    );

    app.post(
      '/v1/files',
      {
        schema: {
          summary:
            "Cut a NACHA file from the queued transfers (or one grant's): the oldest that fit in one file (20,000 entries unless asked for up to 100,000; $9,999,999,999.99); cut again for the rest",
          body: api.CutFileRequest,
          response: { 200: api.NoFile, 201: api.AchFile },
        },
      },
      async (req, reply) => {
        const rec = await ledger.cutFile({ grantId: req.body?.grantId, maxEntries: req.body?.maxEntries });
        if (!rec) return reply.code(200).send({ fileId: null, entries: 0, message: 'no queued transfers' });
        ctx.metrics.inc('ach_files_total', 'NACHA files cut');
        req.log.info({ fileId: rec.fileId, entries: rec.entries }, 'NACHA file cut');
        return reply.code(201).send(rec);
      },
    );

    app.get('/v1/grants', { schema: { summary: 'Per grant: transfers, amounts, statuses and files', response: { 200: api.GrantList } } }, async () => ({
      grants: await ledger.grantSummaries(),
    }));
    app.get('/v1/grants/:grantId', { schema: { summary: "One grant's summary", params: api.GrantParams, response: { 200: api.GrantSummary } } }, async (req) => {
      const g = (await ledger.grantSummaries(req.params.grantId))[0];
      if (!g) throw new HmsopsError('NOT_FOUND', 'no transfers for this grant');
      return g;
    });

    app.post(
      '/v1/inbound-files',
      {
        schema: {
          summary: 'Import a file an RDFI sent back: each return and notification of change matched to its transfer (the same file again changes nothing)',
          body: api.InboundFileRequest,
          response: { 200: api.InboundImport, 201: api.InboundImport },
        },
      },
      async (req, reply) => {
        const result = await inbound.import(req.body.name, req.body.text);
        if (!result.alreadyImported) req.log.info({ fileId: result.fileId, records: result.records.length }, 'inbound file imported');
        return reply.code(result.alreadyImported ? 200 : 201).send(result);
      },
    );
    app.get(
      '/v1/grants/:grantId/returns',
      { schema: { summary: "Returns and notifications of change for a grant's transfers", params: api.GrantParams, response: { 200: api.ReturnList } } },
      async (req) => ({ returns: await inbound.forGrant(req.params.grantId) }),
    );

    app.get('/v1/files', { schema: { summary: 'Files cut so far', querystring: api.FileQuery, response: { 200: api.FileList } } }, async (req) => ({
      files: await ledger.listFiles(req.query),
    }));

    app.get('/v1/files/:id', { schema: { summary: 'Download a NACHA file (text/plain)', params: shared.IdParams } }, async (req, reply) => {
      const bytes = await ledger.fileBytes(req.params.id);
      if (!bytes) throw new HmsopsError('NOT_FOUND', 'no such file');
      return reply.type('text/plain; charset=us-ascii').header('content-disposition', `attachment; filename="${req.params.id}.ach"`).send(bytes);
    });
  },
  start: () => sender?.start(),
  stop: () => sender?.stop(),
});
